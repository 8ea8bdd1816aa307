import LessonRuns
import Canvas
import Foundation
import Lessons
import NeuralCore
import Testing
import Training

@testable import App

/// Lesson mode's state machine, key by key: when Next is allowed, what the runner is told,
/// and what the progress store is asked to keep.
@Suite("Lesson session")
struct LessonSessionTests {
  typealias F = LessonFixtures

  /// Presses `keys` in order against `snapshot`; returns the final UI state and every effect.
  @discardableResult
  static func press(_ keys: [Key], _ session: inout LessonSession, state: AppState = AppState(),
                    snapshot: ExperimentSnapshot? = nil) -> (state: AppState, commands: [String], saves: Int) {
    var commands: [String] = []
    var saves = 0
    var mode = LessonMode(session: session, state: state, save: { _ in saves += 1 })
    for key in keys {
      let snap = snapshot ?? F.snapshot(mode.session, epochs: 0)
      guard let action = mode.keymap.action(for: key) else { continue }
      commands += F.names(mode.perform(action, snapshot: snapshot ?? F.snapshot(mode.session, epochs: 0)))
    }
    session = mode.session
    return (mode.state, commands, saves)
  }

  /// A session on step 1 with its question answered and its condition reached.
  static func readyToLeaveFirstStep() -> LessonSession {
    var session = F.session()
    press(["b"], &session)
    session.observe(F.snapshot(session, epochs: 150))
    return session
  }

  @Test func startsOnTheStepsExperimentPausedForTheQuestion() {
    var session = F.session()
    #expect(session.experiment.config.lanes.map(\.name) == ["none", "L1"])
    #expect(session.experiment.speed == .epochsPerSecond(20))
    #expect(session.awaitsAnswer)
    let effects = session.begin()
    #expect(F.names(effects.commands) == ["pause"])
    #expect(effects.saveProgress)
    #expect(session.progress.current == CourseProgress.Position(lesson: "01-first", step: 0))
    #expect(session.highlight == .weights)
  }

  @Test func nextIsBlockedUntilTheQuestionIsAnswered() {
    var session = F.session()
    session.observe(F.snapshot(session, epochs: 150))
    let r = Self.press([.right], &session)
    #expect(session.stepIndex == 0 && r.commands.isEmpty && r.saves == 0)
    #expect(r.state.notice == "first answer the question (a–c) — then training resumes")
    let enter = Self.press([.enter], &session)
    #expect(session.stepIndex == 0 && enter.state.notice?.hasPrefix("first answer") == true)
  }

  @Test func nextIsBlockedUntilTheConditionIsReached() {
    var session = F.session()
    Self.press(["b"], &session)
    session.observe(F.snapshot(session, epochs: 50))
    let r = Self.press([.right], &session)
    #expect(session.stepIndex == 0 && r.commands.isEmpty)
    #expect(r.state.notice == "not yet — waiting for: epoch ≥ 100")
  }

  @Test func theConditionIsLatchedOnceReached() {
    var session = F.session()
    Self.press(["b"], &session)
    session.observe(F.snapshot(session, epochs: 150))
    #expect(session.conditionReached)
    // Training goes on while the learner reads; a condition that stops holding stays reached.
    session.observe(F.snapshot(session, epochs: 20))
    #expect(session.conditionReached && session.canAdvance)
  }

  @Test func nextToAStepWithoutSetupKeepsTheRunAndSavesTheStep() {
    var session = Self.readyToLeaveFirstStep()
    let r = Self.press([.right], &session)
    #expect(session.stepIndex == 1)
    #expect(r.commands == ["resume"], "no reconfigure: the run goes on")
    #expect(r.saves == 1)
    #expect(session.progress.current == CourseProgress.Position(lesson: "01-first", step: 1))
    #expect(session.highlight == .zeros)
  }

  @Test func aStepWithItsOwnSetupReconfiguresAndBackReappliesTheEarlierOne() {
    var session = Self.readyToLeaveFirstStep()
    Self.press([.right], &session)
    session.observe(F.snapshot(session, epochs: 250))
    let forward = Self.press([.right], &session)
    #expect(session.stepIndex == 2)
    #expect(forward.commands == ["setUp(none,L2; max; running)"])
    #expect(session.experiment.config.lanes.map(\.name) == ["none", "L2"])

    let back = Self.press([.left], &session)
    #expect(session.stepIndex == 1)
    #expect(back.commands == ["setUp(none,L1; 20 ep/s; running)"])
    #expect(back.saves == 1 && session.progress.current?.step == 1)
    // Steps 1 and 2 share the first step's setup: going back within it keeps the run.
    let again = Self.press([.left], &session)
    #expect(session.stepIndex == 0 && again.commands == ["resume"], "answered already: no pause")
    let first = Self.press([.left], &session)
    #expect(session.stepIndex == 0 && first.commands.isEmpty)
    #expect(first.state.notice == "this is the first step of the lesson")
  }

  @Test func snapshotsOfThePreviousExperimentDoNotLatchTheNewStep() {
    var session = F.session(step: 2)
    let l2Run = F.snapshot(session, epochs: 250)
    Self.press([.left], &session)
    // Until the runner applies the reconfigure it still shows the L2 run, whose epoch 250
    // would satisfy step 2's `epoch >= 200` at once.
    session.observe(l2Run)
    #expect(!session.conditionReached)
    session.observe(F.snapshot(session, epochs: 250))
    #expect(session.conditionReached)
  }

  @Test func aWrongAnswerShowsTheRightOneAndTheExplanation() {
    var session = F.session()
    let r = Self.press(["a"], &session)
    #expect(session.answer == "a" && r.commands == ["resume"])
    let pane = LessonPane(session, snapshot: F.snapshot(session, epochs: 0), theme: .standard, width: 120, height: 40)
    let text = TextView(blocks: pane.side.blocks).layout(width: 200, theme: .standard).map(\.text).joined(separator: "\n")
    #expect(text.contains("✗ Not quite: the answer is b. L1 pulls every weight by the same amount."))
    #expect(text.contains("a) Nothing ✗ your answer"))
    #expect(text.contains("b) Make exact zeros ✓"))
    // The first answer stands.
    let again = Self.press(["b"], &session)
    #expect(session.answer == "a" && again.commands.isEmpty)
    #expect(again.state.notice == "you answered a — the explanation is in the lesson text")
  }

  @Test func theKeyLineOffersOnlyTheKeysThatApplyToThisPage() {
    var session = F.session()
    func keys() -> [String] { LessonMode(session: session, state: AppState()).offered.map(\.label) }
    // A question with choices a–c and a hint wait here (the row names the choices there are).
    #expect(keys().contains("a–c") && keys().contains("h"))
    Self.press(["b"], &session)
    #expect(!keys().contains("a–c") && keys().contains("h"))
    #expect(keys().contains("→ enter") && keys().contains("q"))
  }

  /// Issue 23: the verdict is scrolled to its first line, not to the end of the text (a long
  /// explanation pushed `✗ Not quite` off the top at 80×24).
  @Test func aRightAnswerSaysSoAndScrollsToTheVerdict() throws {
    var session = F.session()
    Self.press(["B"], &session)
    #expect(session.answer == "b")
    #expect(session.focus == .verdict, "the verdict is what just appeared")
    let pane = LessonPane(session, snapshot: F.snapshot(session, epochs: 0), theme: .standard, width: 80, height: 24)
    let lines = pane.side.lines(width: pane.side.laidOut?.width ?? 26, theme: .standard).map(\.text)
    let verdict = try #require(lines.firstIndex { $0.hasPrefix("✓ Right.") })
    #expect(pane.maxScroll > 0 && pane.scroll == min(verdict, pane.maxScroll), "\(pane.scroll) \(verdict)")
    let text = TextView(blocks: pane.side.blocks).layout(width: 200, theme: .standard).map(\.text).joined(separator: "\n")
    #expect(text.contains("✓ Right. L1 pulls every weight"))
  }

  @Test func answerKeysOutsideTheChoicesOrWithoutAQuestion() {
    var session = F.session()
    let d = Self.press(["d"], &session)
    #expect(session.answer == nil && d.commands.isEmpty && d.state.notice == "choose a–c")
    var plain = F.session(step: 3)
    let a = Self.press(["a"], &plain)
    #expect(a.state.notice == "there is no question on this page")
    // Without a question `d` is free play's data-set key, which the lesson keeps.
    let data = Self.press(["d"], &plain)
    #expect(data.commands.isEmpty)
    #expect(data.state.notice == "the data set is set by the lesson here — try it in free play: regviz play")
  }

  /// `c` answers while a question waits; on a page without one (or once answered) it opens
  /// the λ path, as in free play, and closes it again.
  @Test func cOpensTheLambdaPathWhereNoQuestionWaits() {
    var asked = F.session()
    let answer = Self.press(["c"], &asked)
    #expect(asked.answer == "c" && answer.state.view != .path)
    let afterwards = Self.press(["c"], &asked, state: answer.state)
    #expect(afterwards.state.view == .path)
    var plain = F.session(step: 3)
    let open = Self.press(["c"], &plain)
    #expect(open.state.view == .path && plain.answer == nil)
    #expect(Self.press(["C"], &plain, state: open.state).state.view != .path)
  }

  @Test func hintTogglesAndSaysWhenThereIsNone() {
    var session = F.session()
    Self.press(["h"], &session)
    #expect(session.hintShown)
    let pane = LessonPane(session, snapshot: F.snapshot(session, epochs: 0), theme: .standard, width: 120, height: 40)
    #expect(pane.side.blocks.last == .paragraph([.bold("Hint: "), .plain("Look at the =0 gauge.")]))
    Self.press(["h"], &session)
    #expect(!session.hintShown)
    var plain = F.session(step: 3)
    let r = Self.press(["h"], &plain)
    #expect(!plain.hintShown && r.state.notice == "no hint on this page")
  }

  @Test func keysThatWouldChangeTheExperimentAreExplained() {
    var session = F.session(step: 1)
    let expected: [(Key, String)] = [
      ("[", "λ"), ("]", "λ"), ("-", "the learning rate"), ("+", "the learning rate"),
      ("=", "the learning rate"), ("u", "the L1 rule"), ("d", "the data set"),
    ]
    for (key, what) in expected {
      let r = Self.press([key], &session)
      #expect(r.commands.isEmpty, "\(key) must not reach the runner")
      #expect(r.state.notice == "\(what) is set by the lesson here — try it in free play: regviz play")
    }
  }

  @Test func pauseAndStepWaitForThePrediction() {
    var session = F.session()
    let waiting = Self.press([" ", "n"], &session)
    #expect(waiting.commands.isEmpty)
    #expect(waiting.state.notice == "predict first: answer a–c and training resumes")
    Self.press(["c"], &session)
    let after = Self.press([" ", "n", "r", ">"], &session)
    #expect(after.commands == ["togglePause", "stepEpoch", "reset", "stepSpeed"])
  }

  @Test func viewKeysWorkAsInFreePlay() {
    var session = F.session(step: 1)
    let r = Self.press(["p", "1", .tab, "k"], &session)
    #expect(r.state.lossView == .dataPenalty)
    #expect(r.state.hiddenLanes == [0])
    #expect(r.state.layer == 0)
    #expect(r.state.overlay == .keras(scroll: 0))
    // With an overlay open, arrows scroll it and enter closes it; the lesson stays put.
    let overlay = Self.press([.down, .enter], &session, state: r.state)
    #expect(overlay.state.overlay == nil && session.stepIndex == 1 && session.scroll == 0)
    let help = Self.press(["?"], &session)
    #expect(help.state.overlay == .help(scroll: 0))
    #expect(Self.press(["q"], &session).state.quit)
  }

  @Test func arrowsScrollTheLessonText() {
    var session = F.session()
    Self.press([.down, .down, .pageDown], &session)
    #expect(session.scroll == 12)
    Self.press([.up], &session)
    #expect(session.scroll == 11)
    Self.press([.home], &session)
    #expect(session.scroll == 0)
    Self.press([.end, .down], &session)
    #expect(session.scroll == LessonSession.end, "no overflow past the end")
    session.clampScroll(maximum: 7)
    #expect(session.scroll == 7)
  }

  @Test func theLastStepFinishesTheLessonAndOffersTheNext() {
    var session = F.session(step: 3)
    let finish = Self.press([.right], &session)
    #expect(session.phase == .finished && finish.saves == 1 && finish.commands.isEmpty)
    #expect(session.progress.finished == ["01-first"])
    #expect(session.progress.current == nil)
    #expect(session.highlight == nil)

    // ← returns to the last step; → finishes again without listing the lesson twice.
    Self.press([.left], &session)
    #expect(session.phase == .step && session.progress.current == CourseProgress.Position(lesson: "01-first", step: 3))
    Self.press([.right], &session)
    #expect(session.progress.finished == ["01-first"])

    let next = Self.press([.right], &session)
    #expect(session.lessonIndex == 1 && session.stepIndex == 0 && session.phase == .step)
    #expect(next.commands == ["setUp(none,L1,L2,L1+L2; 20 ep/s; running)"])
    #expect(session.progress.current == CourseProgress.Position(lesson: "02-second", step: 0))
    #expect(next.saves == 1)

    Self.press([.right], &session)
    #expect(session.phase == .finished && session.progress.finished == ["01-first", "02-second"])
    let end = Self.press([.right], &session)
    #expect(end.state.notice == "that was the last lesson — free play: regviz play")
  }

  @Test func aSpeedOverrideHoldsForEveryStep() {
    var session = F.session(speed: .max)
    #expect(session.experiment.speed == .max)
    Self.press(["b"], &session)
    session.observe(F.snapshot(session, epochs: 150))
    Self.press([.right], &session)
    session.observe(F.snapshot(session, epochs: 250))
    let r = Self.press([.right], &session)
    #expect(r.commands == ["setUp(none,L2; max; running)"])
    session.observe(F.snapshot(session, epochs: 1))
    let back = Self.press([.left], &session)
    #expect(back.commands == ["setUp(none,L1; max; running)"])
  }

  @Test func startingMidLessonUsesTheMergedSetup() throws {
    let session = F.session(step: 1, progress: CourseProgress(finished: ["02-second"]))
    #expect(session.experiment == (try LessonExperiment.forStep(1, of: F.course[0])))
    #expect(!session.awaitsAnswer, "step 2 asks nothing")
    #expect(session.progress.finished == ["02-second"])
  }
}

/// `before-answer: restart`: a question on a step without setup keys restarts the run in force
/// and holds it at epoch 0, so the screen cannot give the answer away.
@Suite("Predict first: restart")
struct LessonRestartTests {
  typealias F = LessonFixtures

  static let lesson = try! LessonParser.parse("""
    ---
    title: Restart
    summary: For tests.
    minutes: 3
    ---

    ## Run

    ```regviz
    dataset: sparse
    hidden: 16,16
    lane: none
    lane: l1=0.02
    until: epoch >= 100
    ```

    ## Predict

    ```regviz
    before-answer: restart
    ask: Which?
    choice a: x
    choice b: y
    answer: a
    until: epoch >= 50
    ```
    """, file: "r.md", validator: .regviz)

  @Test func arrivingRestartsTheSameExperimentPaused() throws {
    var session = try LessonSession(lessons: [Self.lesson], lessonIndex: 0)
    var state = AppState()
    session.observe(F.snapshot(session, epochs: 100))
    let config = session.experiment.config
    let effects = session.next(state: &state)
    #expect(F.names(effects.commands).count == 1 && F.names(effects.commands)[0].hasSuffix("; paused)"), "\(F.names(effects.commands))")
    #expect(session.experiment.config == config)
    // The run left behind, same config at epoch 100, must not latch "epoch ≥ 50".
    _ = session.answer("a", state: &state)
    session.observe(F.snapshot(session, epochs: 100))
    #expect(!session.conditionReached)
    // The restarted run at epoch 0, then 50: now it counts.
    session.observe(F.snapshot(session, epochs: 0))
    session.observe(F.snapshot(session, epochs: 50))
    #expect(session.conditionReached)
  }

  @Test func goingBackAndForthWithinTheStepDoesNotRestartAgain() throws {
    var session = try LessonSession(lessons: [Self.lesson], lessonIndex: 0, step: 1)
    var state = AppState()
    _ = session.answer("a", state: &state)
    session.observe(F.snapshot(session, epochs: 60))
    #expect(session.conditionReached)
    let back = session.back(state: &state)
    #expect(F.names(back.commands).first?.hasPrefix("setUp") == true, "step 1 is another start: it starts over")
  }
}
