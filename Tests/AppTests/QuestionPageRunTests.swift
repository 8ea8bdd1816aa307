import Lessons
import Testing
import Training

@testable import App

/// Predict, then observe: on every shipped page whose question waits, the run it arrives at
/// never trains before the answer — whichever way the learner gets there.
///
/// The runner takes queued commands between its rounds, so it may run a round after any prefix
/// of a page's commands: no prefix may leave a new run training (reconfigure, then pause, put
/// lesson 11 step 5 at epoch 1–2 with the answer on screen).
@Suite("Question pages start paused")
struct QuestionPageRunTests {
  typealias F = LessonFixtures

  /// (lesson, step) of every shipped step with a question.
  static let questionSteps: [(Int, Int)] = F.shipped.enumerated().flatMap { l, lesson in
    lesson.steps.indices.filter { lesson.steps[$0].question != nil }.map { (l, $0) }
  }

  /// The runner as the commands leave it, after each prefix: whether it trains, and whether
  /// a run set up by these commands has trained (a round between two of them).
  struct RunnerModel {
    var running = true
    var fresh = false
    var trainedFresh = false

    mutating func take(_ commands: [RunnerCommand]) {
      for command in commands {
        switch command {
        case .pause, .stepEpoch: running = false
        case .resume: running = true
        case .togglePause: running.toggle()
        case .reconfigure, .reset: fresh = true
        case .setUp(_, _, let paused): fresh = true; running = !paused
        default: break
        }
        if fresh && running { trainedFresh = true }
      }
    }
  }

  static func check(_ session: LessonSession, _ effects: LessonSession.Effects, _ how: String) {
    guard session.awaitsAnswer else { return }
    var runner = RunnerModel()
    runner.take(effects.commands)
    #expect(!runner.running, "\(how): the question waits but the run goes on: \(F.names(effects.commands))")
    #expect(!runner.trainedFresh, "\(how): the new run may train before the pause: \(F.names(effects.commands))")
  }

  @Test func everyStepHasAQuestionToCheck() {
    #expect(Self.questionSteps.count >= 10)
  }

  @Test(arguments: questionSteps)
  func arrivingFromThePreviousStepWaitsAtEpochZero(lesson: Int, step: Int) throws {
    var state = AppState()
    if step == 0 {
      guard lesson > 0 else { return }
      var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson - 1,
                                      step: F.shipped[lesson - 1].steps.count - 1)
      let effects = session.startLesson(lesson, state: &state)
      Self.check(session, effects, "lesson \(lesson + 1) from the lesson before")
    } else {
      var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step - 1)
      let effects = session.enter(step, state: &state)
      #expect(session.awaitsAnswer)
      Self.check(session, effects, "lesson \(lesson + 1) step \(step + 1) from step \(step)")
    }
  }

  @Test(arguments: questionSteps)
  func arrivingBackOrFromFreePlayWaitsAtEpochZero(lesson: Int, step: Int) throws {
    var state = AppState()
    if step + 1 < F.shipped[lesson].steps.count {
      var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step + 1)
      let effects = session.enter(step, state: &state)
      Self.check(session, effects, "lesson \(lesson + 1) step \(step + 1) back from step \(step + 2)")
    }
    var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
    let effects = session.returnFromFreePlay(epoch: 40)
    #expect(session.awaitsAnswer)
    Self.check(session, effects, "lesson \(lesson + 1) step \(step + 1) back from free play")
  }

  /// The model catches the old order: a new run, then a pause.
  @Test func theModelCatchesAPauseAfterTheSetup() {
    var runner = RunnerModel()
    runner.take([.reconfigure(ExperimentConfig()), .setSpeed(.max), .pause])
    #expect(runner.trainedFresh && !runner.running)
    var atomic = RunnerModel()
    atomic.take([.setUp(ExperimentConfig(), speed: .max, paused: true)])
    #expect(!atomic.trainedFresh && !atomic.running)
  }
}
