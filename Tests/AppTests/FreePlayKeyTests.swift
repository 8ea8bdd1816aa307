import Canvas
import Lessons
import Testing
import Training

@testable import App

/// `f` on a lesson page: the page's setup in free play, every key the learner's, and `q` back
/// to the same page (issue 23).
@Suite("Try this in free play")
struct FreePlayKeyTests {
  typealias F = LessonFixtures

  /// Lesson 8's first mission: λ is the learner's, the rest locked, a goal to reach.
  static func missionMode() throws -> LessonMode {
    let lesson = try #require(F.shipped.firstIndex { $0.id == "08-your-turn" })
    let step = try #require(F.shipped[lesson].steps.firstIndex { $0.mission != nil })
    return LessonMode(session: try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step), state: AppState())
  }

  @Test func fIsOnEveryStepsKeysAndInItsHelp() throws {
    let mode = try Self.missionMode()
    #expect(mode.keymap.action(for: "f") == .tryInFreePlay && mode.keymap.action(for: "F") == .tryInFreePlay)
    #expect(mode.offered.contains { $0.label == "f" && $0.help.contains("free play") })
    // Not on the course-finished page, which has no setup of its own.
    var finished = KeyContext(mode: .lesson)
    finished.readable = false
    #expect(Keymap(finished).action(for: "f") == nil)
  }

  @Test func fOpensThisPagesSetupWithEveryKeyAndQComesBack() throws {
    var mode = try Self.missionMode()
    let config = mode.session.experiment.config
    let snapshot = F.snapshot(mode.session, epochs: 40)
    _ = mode.observe(snapshot, elapsed: 0)
    // Locked on the mission page: the learning rate is the lesson's, z is free play's.
    var locked = mode
    #expect(locked.perform(.learningRate(up: true), snapshot: snapshot).isEmpty)
    #expect(mode.keymap.action(for: "z") == nil)
    let page = (mode.session.lessonIndex, mode.session.stepIndex)

    let open = mode.perform(.tryInFreePlay, snapshot: snapshot)
    #expect(open == [.setUp(config, speed: mode.session.experiment.speed, paused: false)], "\(F.names(open))")
    #expect(mode.freePlay != nil)
    // It says how to come back, whole at 80 columns.
    #expect(mode.state.notice?.contains("q: back to the lesson") == true && mode.state.notice!.count <= 78)
    // Every key: the learning rate, the data set, standardization, the rule.
    #expect(mode.keymap.action(for: "+") == .learningRate(up: true))
    #expect(mode.keymap.action(for: "d") == .nextDataset)
    #expect(mode.keymap.action(for: "z") == .toggleStandardize)
    #expect(mode.keymap.action(for: "u") == .nextL1Rule)
    #expect(mode.offered.contains { $0.label == "q" && $0.help.contains("back to the lesson") })
    // A key there goes to free play, not to the mission (no attempt counted).
    let attempts = mode.session.mission?.attempts
    #expect(mode.perform(.learningRate(up: true), snapshot: snapshot).count == 1)
    #expect(mode.session.mission?.attempts == attempts)
    // Its frame is free play's: no lesson pane.
    let grid = mode.compose(snapshot, width: 120, height: 40)
    #expect(!grid.text().contains("lesson 8/"), "\(grid.text())")

    let back = mode.perform(.quit, snapshot: snapshot)
    #expect(mode.freePlay == nil && !mode.state.quit)
    #expect(back == [mode.session.setUp], "\(F.names(back))")
    #expect((mode.session.lessonIndex, mode.session.stepIndex) == page)
    #expect(mode.compose(snapshot, width: 120, height: 40).text().contains("lesson 8/"))
  }

  /// Free play's own run does not count for the page: its snapshots are not observed.
  @Test func freePlaysRunDoesNotReachThePagesGoal() throws {
    var mode = try Self.missionMode()
    let start = F.snapshot(mode.session, epochs: 0)
    _ = mode.observe(start, elapsed: 0)
    _ = mode.perform(.tryInFreePlay, snapshot: start)
    let mission = try #require(mode.session.mission)
    for epoch in stride(from: 10, through: 400, by: 10) {
      _ = mode.observe(F.snapshot(mode.session, epochs: epoch), elapsed: 1)
    }
    #expect(mode.session.mission?.reached == mission.reached && mode.session.mission?.seconds == mission.seconds)
  }
}
