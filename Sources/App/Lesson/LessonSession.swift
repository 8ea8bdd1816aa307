import LessonRuns
import Lessons
import NeuralCore
import Training

/// Where a learner is in the course and what they have done on the way: lesson mode's state
/// machine, pure (keys and snapshots in; new state, runner commands and "save the progress"
/// out), so every rule below is tested without a terminal or a trainer.
///
/// The rules:
/// - The experiment follows the steps. Arriving at a step whose setup differs from the one
///   running (another step's `regviz` block started it) reconfigures the runner; a step
///   without setup keys keeps training the current run, as `LessonReplay` does.
/// - Predict, then observe: while a step's question is unanswered, training is paused — at
///   the step's own start when it says `before-answer: restart`, which reruns the experiment
///   in force from its initial weights (a step without setup keys would otherwise show the
///   outcome of the run before). Answering shows the explanation and resumes training.
/// - Next needs the step's `until:` to have held once since the learner arrived (it is
///   latched, because training goes on while people read and a condition may lapse) and its
///   question answered; otherwise the learner is told what is missing.
/// - Progress (lesson id and step) is saved at every step change and when a lesson is finished.
public struct LessonSession: Sendable {
  /// What the loop must do after a key or a step change.
  public struct Effects: Sendable {
    /// Runner commands, to send in order.
    public var commands: [RunnerCommand] = []
    /// `progress` changed and should be written to the store.
    public var saveProgress = false

    public init(commands: [RunnerCommand] = [], saveProgress: Bool = false) {
      self.commands = commands
      self.saveProgress = saveProgress
    }
  }

  /// Reading a step, or looking at the "lesson finished" page after the last one.
  public enum Phase: Hashable, Sendable {
    case step
    case finished
  }

  /// Which experiment is running: the lesson, and the step whose setup started it (nil when
  /// no step up to here has one and RegViz's defaults run).
  struct SetupID: Hashable, Sendable {
    var lesson: Int
    var step: Int?
  }

  /// The whole course, in order.
  public let lessons: [Lesson]
  public private(set) var lessonIndex: Int
  /// 0-based index into the current lesson's steps.
  public private(set) var stepIndex: Int
  public private(set) var phase: Phase = .step
  /// The learner's choice by step, in this lesson; the first answer stands.
  public private(set) var answers: [Int: String] = [:]
  /// Steps of this lesson whose `until:` has held at least once.
  public private(set) var reached: Set<Int> = []
  public private(set) var hintShown = false
  /// The mission of this step (`goal:`), tracked from arrival; nil on other steps.
  public internal(set) var mission: MissionTracker?
  /// The numbers the mission's goal held on at the epoch it was reached (issue 23 item 12): the
  /// pane's table and its `✓` line show these, not the run that goes on after, so the check
  /// and the numbers beside it never disagree.
  public internal(set) var missionProof: LessonMetrics?
  /// Lines of the lesson text scrolled off the top; the loop clamps it to the text's length.
  public var scroll = 0
  /// A scroll offset past any text: "show the end", clamped later.
  static let end = 1_000_000
  /// The page's text shows full-screen over the dashboard (`e`; on arrival where the pane is
  /// too small for the first paragraph).
  public var reading = false
  /// What just appeared in the text and must be scrolled into view on the next frame: the
  /// pane knows the lines, so it turns this into a scroll offset (`LessonPane.focusLine`).
  public var focus: Focus?

  /// A part of the page's text that appears after arrival.
  public enum Focus: Hashable, Sendable {
    /// The verdict and the explanation after an answer.
    case verdict
    /// The step's hint (`h`).
    case hint
    /// A mission's newest hint or its solution.
    case missionHint
  }
  public private(set) var progress: CourseProgress
  /// Overrides every step's `speed:` (`regviz lesson --speed`).
  public let speedOverride: Speed?
  /// The experiment of the step the runner trains now: what to create the runner with.
  public private(set) var experiment: LessonExperiment
  private(set) var running: SetupID
  /// After a reconfigure, the configuration whose snapshots count: until the runner has
  /// applied it, snapshots still show the previous experiment, whose numbers must not latch
  /// the new step's condition.
  private(set) var awaiting: ExperimentConfig?
  /// After a restart into the same configuration (`before-answer: restart`), the snapshots of
  /// the run left behind have the same config: only one from an epoch below this one (the
  /// last seen before the restart), or epoch 0, comes from the new run.
  private(set) var awaitingEpochBelow: Int?
  /// The last epoch observed, for `awaitingEpochBelow`.
  private var lastEpoch = 0
  /// The two-weight lens the last `observe` read, for the goal line's `lens_zero(…)` values.
  public private(set) var lens: LensScene?

  /// A session at `step` of lesson `lessonIndex` (both clamped). Throws when that step's
  /// setup maps to no experiment.
  public init(lessons: [Lesson], lessonIndex: Int, step: Int = 0, progress: CourseProgress = CourseProgress(),
              speedOverride: Speed? = nil) throws(LessonError) {
    precondition(!lessons.isEmpty, "a course needs at least one lesson")
    self.lessons = lessons
    self.lessonIndex = min(max(0, lessonIndex), lessons.count - 1)
    let lesson = lessons[self.lessonIndex]
    stepIndex = min(max(0, step), lesson.steps.count - 1)
    self.progress = progress
    self.speedOverride = speedOverride
    experiment = try Self.experiment(stepIndex, of: lesson, speedOverride: speedOverride)
    running = SetupID(lesson: self.lessonIndex, step: lesson.setupStepIndex(atOrBefore: stepIndex))
  }

  // MARK: - Reading the state

  public var lesson: Lesson { lessons[lessonIndex] }
  public var step: Step { lesson.steps[stepIndex] }
  public var isLastStep: Bool { stepIndex == lesson.steps.count - 1 }
  /// The lesson after this one, if any.
  public var nextLesson: Lesson? { lessonIndex + 1 < lessons.count ? lessons[lessonIndex + 1] : nil }

  /// The learner's answer to this step's question, if they gave one.
  public var answer: String? { answers[stepIndex] }
  /// The step asks a question that has not been answered: training waits for the prediction.
  public var awaitsAnswer: Bool { phase == .step && step.question != nil && answer == nil }
  /// Training is held for the answer. (The same as `awaitsAnswer` for as long as every
  /// `before-answer:` pauses; a mode that trains on behind a hidden panel would differ.)
  public var pausedForAnswer: Bool { awaitsAnswer }
  /// The step's `until:` has held (or it has none).
  public var conditionReached: Bool { (step.until == nil && step.mission == nil) || reached.contains(stepIndex) }
  /// Next would be allowed now.
  public var canAdvance: Bool {
    switch phase {
    case .step: return !awaitsAnswer && conditionReached
    case .finished: return nextLesson != nil
    }
  }

  /// The panel the step points at.
  public var highlight: Lessons.Panel? { phase == .step ? step.highlight : nil }

  // MARK: - Driving it

  /// The effects of arriving at the starting step: pause for a question, save the position.
  /// The runner is expected to have been created with `experiment`.
  public mutating func begin() -> Effects {
    progress.current = CourseProgress.Position(lesson: lesson.id, step: stepIndex)
    if mission == nil { mission = step.mission.map(MissionTracker.init) }
    return Effects(commands: [pausedForAnswer ? .pause : .resume], saveProgress: true)
  }

  /// Latches the step's condition when `snapshot` satisfies it. Called once per frame.
  /// `elapsed`: seconds since the last frame, for a mission's clock; `lens`: the two-weight
  /// lens the step shows, for `lens_zero(…)` conditions. Returns true when a mission was
  /// reached on this frame (its result is then in `progress`).
  @discardableResult
  public mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double = 0, lens: LensScene? = nil) -> Bool {
    defer { lastEpoch = snapshot.epoch }
    if let expected = awaiting {
      // A failed reconfigure leaves the old run and a message; waiting longer would not help.
      guard snapshot.config == expected || snapshot.message != nil else { return false }
      if let below = awaitingEpochBelow, snapshot.message == nil {
        guard snapshot.epoch < below || snapshot.epoch == 0 else { return false }
      }
      awaiting = nil
      awaitingEpochBelow = nil
    }
    var metrics = LessonMetrics(snapshot: snapshot)
    metrics.lens = lens
    self.lens = lens
    if phase == .step, awaiting == nil, let goal = step.mission?.goal, mission != nil,
       mission!.observe(goalHolds: goal.isSatisfied(by: metrics), epoch: snapshot.epoch, elapsed: elapsed) {
      reached.insert(stepIndex)
      missionProof = metrics
      recordMission()
      return true
    }
    guard phase == .step, let until = step.until, !reached.contains(stepIndex) else { return false }
    if until.isSatisfied(by: metrics) { reached.insert(stepIndex) }
    return false
  }

  /// Keeps this step's mission result in the progress.
  mutating func recordMission() {
    guard let mission else { return }
    progress.missions[CourseProgress.missionKey(lesson: lesson.id, step: stepIndex)] = mission.result
  }

  /// Next (`→`, enter). Blocked, with the reason in a notice, until `canAdvance`.
  public mutating func next(state: inout AppState) -> Effects {
    switch phase {
    case .finished:
      guard nextLesson != nil else {
        state.note("that was the last lesson — free play: \(Invocation.named("play"))")
        return Effects()
      }
      return startLesson(lessonIndex + 1, state: &state)
    case .step:
      if awaitsAnswer {
        state.note("first answer the question (\(labels(step.question!))) — \(afterAnswer)")
        return Effects()
      }
      if !conditionReached, let goal = step.mission?.goal {
        state.note("not yet — mission: \(goal.onScreen), held \(step.mission!.hold) epochs")
        return Effects()
      }
      if !conditionReached {
        state.note("not yet — waiting for: \(step.until!.onScreen)")
        return Effects()
      }
      guard isLastStep else { return enter(stepIndex + 1, state: &state) }
      phase = .finished
      scroll = 0
      reading = false
      focus = nil
      progress.markFinished(lesson.id)
      return Effects(saveProgress: true)
    }
  }

  /// Back (`←`): the previous step, with its experiment if that differs from the running one.
  public mutating func back(state: inout AppState) -> Effects {
    if phase == .finished {
      phase = .step
      scroll = 0
      progress.current = CourseProgress.Position(lesson: lesson.id, step: stepIndex)
      return Effects(saveProgress: true)
    }
    guard stepIndex > 0 else {
      state.note("this is the first step of the lesson")
      return Effects()
    }
    return enter(stepIndex - 1, state: &state)
  }

  /// Answers this step's question with `label` (`a`–`d`). The first answer stands.
  public mutating func answer(_ label: String, state: inout AppState) -> Effects {
    guard phase == .step, let question = step.question else {
      state.note("there is no question on this page")
      return Effects()
    }
    if let given = answer {
      state.note("you answered \(given) — the explanation is in the lesson text")
      focus = .verdict
      return Effects()
    }
    guard question.choices.contains(where: { $0.label == label }) else {
      state.note("choose \(labels(question))")
      return Effects()
    }
    answers[stepIndex] = label
    // Show the verdict and the explanation from their first line.
    focus = .verdict
    return Effects(commands: [.resume])
  }

  /// Shows or hides the step's hint.
  public mutating func toggleHint(state: inout AppState) {
    guard phase == .step, step.hint != nil else {
      state.note("no hint on this page")
      return
    }
    hintShown.toggle()
    if hintShown { focus = .hint }
  }

  /// Keeps `scroll` within the text: `maximum` is the last offset that still fills the pane.
  public mutating func clampScroll(maximum: Int) {
    scroll = min(max(0, scroll), max(0, maximum))
  }

  // MARK: - Moving

  /// Arrives at step `index` of the current lesson.
  mutating func enter(_ index: Int, state: inout AppState) -> Effects {
    // Leaving a mission unsolved still records how far the learner got.
    if mission?.reached == false { recordMission() }
    stepIndex = index
    mission = step.mission.map(MissionTracker.init)
    missionProof = nil
    phase = .step
    hintShown = false
    scroll = 0
    reading = false
    focus = nil
    var effects = Effects(saveProgress: true)
    let id = SetupID(lesson: lessonIndex, step: lesson.setupStepIndex(atOrBefore: index))
    if id != running {
      do throws(LessonError) {
        let next = try Self.experiment(index, of: lesson, speedOverride: speedOverride)
        awaitingEpochBelow = next.config == experiment.config ? lastEpoch : nil
        experiment = next
        running = id
        awaiting = next.config
        // One command: a question's page never trains its new run before the answer.
        effects.commands.append(setUp)
        progress.current = CourseProgress.Position(lesson: lesson.id, step: index)
        return effects
      } catch {
        // Lessons are checked before they ship; a hand-edited one still must not end the app.
        state.note("cannot set up this step: \(error.message) — the previous experiment goes on")
      }
    }
    effects.commands.append(pausedForAnswer ? .pause : .resume)
    progress.current = CourseProgress.Position(lesson: lesson.id, step: index)
    return effects
  }

  /// Free play from this page (`f`): the page's setup from its start, running.
  public func freePlayEffects() -> Effects {
    Effects(commands: [.setUp(experiment.config, speed: experiment.speed, paused: false)])
  }

  /// Back from free play to this page: its setup from the start again (free play may have
  /// changed anything), paused again if its question waits. Frames of free play's run
  /// (at `epoch`) are not this page's: the condition waits for the new run.
  public mutating func returnFromFreePlay(epoch: Int) -> Effects {
    awaiting = experiment.config
    awaitingEpochBelow = epoch
    return Effects(commands: [setUp])
  }

  /// This page's experiment from its start, with its pace, paused while its question waits.
  var setUp: RunnerCommand {
    .setUp(experiment.config, speed: experiment.speed, paused: pausedForAnswer)
  }

  /// Opens lesson `index` at its first step.
  mutating func startLesson(_ index: Int, state: inout AppState) -> Effects {
    lessonIndex = index
    answers = [:]
    reached = []
    return enter(0, state: &state)
  }

  static func experiment(_ index: Int, of lesson: Lesson, speedOverride: Speed?) throws(LessonError) -> LessonExperiment {
    var experiment = try LessonExperiment.forStep(index, of: lesson)
    if let speedOverride { experiment.speed = speedOverride }
    return experiment
  }

  /// What answering does, for the notices.
  public var afterAnswer: String { "then training resumes" }

  /// `a–c` for a question with three choices.
  func labels(_ question: Question) -> String {
    let labels = question.choices.map(\.label)
    return labels.count > 1 ? "\(labels.first!)–\(labels.last!)" : labels.first ?? "a"
  }
}
