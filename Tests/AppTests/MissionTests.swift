import LessonRuns
import Foundation
import Lessons
import NeuralCore
import RegvizData
import Testing
import Training

@testable import App

/// Missions on the dashboard: the allowed keys act (and count as attempts), locked keys do
/// nothing and say so, the goal must hold for its epochs, hints come one by one, and the
/// progress keeps the results. (The headless replays are in LessonRunsTests.)
@Suite("Missions")
struct MissionTests {
  typealias F = LessonFixtures

  // MARK: - On the dashboard

  static let course = try! LessonParser.parse(lessonSource("""
    ## Mission

    Reach epoch 50 and stay.

    ```regviz
    dataset: sparse
    hidden: 4
    lane: L1 = l1=0.01
    lane: L2 = l2=0.01
    goal: epoch >= 50
    hold: 20
    keys: lambda(L2), rule
    goal-hint: first
    goal-hint: second
    solution: lambda=0.02
    ```

    ## After

    Done.
    """), file: "/course/01-m.md", validator: .regviz)

  static func session() -> LessonSession {
    var s = try! LessonSession(lessons: [course], lessonIndex: 0)
    _ = s.begin()
    return s
  }

  static func snapshot(_ s: LessonSession, _ epochs: Int) -> ExperimentSnapshot { F.snapshot(s, epochs: epochs) }

  @Test func allowedKeysActAndCountLockedKeysSaySo() {
    var session = Self.session()
    var mode = LessonMode(session: session, state: AppState(), save: nil)
    let snap = Self.snapshot(session, 10)
    let up = mode.perform(.lambda(up: true), snapshot: snap)
    #expect(F.names(up) == ["stepLaneLambda(1)"], "λ moves the L2 lane alone")
    #expect(F.names(mode.perform(.nextL1Rule, snapshot: snap)) == ["setL1Rule"])
    #expect(mode.session.mission?.attempts == 2)
    for action in [Action.learningRate(up: true), .learningRate(up: false)] {
      #expect(mode.perform(action, snapshot: snap).isEmpty)
      #expect(mode.state.notice == "the learning rate is locked on this mission — it allows λ, the L1 rule")
    }
    #expect(mode.session.mission?.attempts == 2)
    // The key line names the mission's keys and the locked ones.
    let rows = mode.offered.filter { $0.short == "λ rule" || $0.short == "locked" }.map(\.label)
    #expect(rows == ["[ ] u", "- +"])
    session = mode.session
    #expect(session.mission?.attempts == 2)
  }

  @Test func theGoalMustHoldForItsEpochsAndAnAttemptStartsTheCountOver() {
    var mode = LessonMode(session: Self.session(), state: AppState(), save: nil)
    func frame(_ epochs: Int) { _ = mode.observe(Self.snapshot(mode.session, epochs), elapsed: 0.5) }
    frame(40)
    frame(50)
    frame(65)
    #expect(mode.session.mission?.reached == false && !mode.session.canAdvance)
    _ = mode.perform(.lambda(up: true), snapshot: Self.snapshot(mode.session, 65))
    frame(69)
    frame(80)
    #expect(mode.session.mission?.reached == false, "held 11 epochs since the attempt")
    frame(89)
    #expect(mode.session.mission?.reached == true && mode.session.canAdvance)
    #expect(mode.state.notice?.hasPrefix("✓ mission accomplished") == true)
  }

  @Test func hintsComeOneByOneThenTheSolutionAndTheUnlock() {
    var tracker = MissionTracker(Self.course.steps[0].mission!)
    #expect(tracker.hintsShown == 0 && !tracker.solutionShown)
    _ = tracker.observe(goalHolds: false, epoch: 1, elapsed: Mission.secondsPerHint)
    #expect(tracker.hintsShown == 1 && !tracker.solutionShown)
    for _ in 0..<(2 * Mission.attemptsPerHint) { tracker.attempt() }
    #expect(tracker.hintsShown == 2 && !tracker.solutionShown)
    _ = tracker.observe(goalHolds: false, epoch: 2, elapsed: 3 * Mission.secondsPerHint)
    #expect(tracker.solutionShown)

    var impossible = MissionTracker(Mission(goal: Self.course.steps[0].mission!.goal, keys: [.lambda],
                                            hints: ["why"], solution: .init(l1Rule: .prox), unlock: .rule))
    #expect(impossible.allowed == [.lambda])
    _ = impossible.observe(goalHolds: false, epoch: 1, elapsed: Mission.secondsPerHint)
    #expect(impossible.allowed == [.lambda, .rule])
  }

  @Test func progressKeepsTheResults() throws {
    var saved: [CourseProgress] = []
    var mode = LessonMode(session: Self.session(), state: AppState(), save: { saved.append($0) })
    _ = mode.perform(.lambda(up: true), snapshot: Self.snapshot(mode.session, 0))
    for e in [10, 50, 60, 75] { _ = mode.observe(Self.snapshot(mode.session, e), elapsed: 1) }
    let result = try #require(saved.last?.missions["01-m/0"])
    #expect(result.reached && result.attempts == 1 && result.hintsShown == 0 && result.solutionShown)
    #expect(result.seconds > 0)
    // The results survive the progress file.
    let data = try JSONEncoder().encode(saved.last!)
    #expect(try JSONDecoder().decode(CourseProgress.self, from: data).missions == saved.last!.missions)
    // Old files without missions still load.
    let old = #"{"version":1,"finished":[]}"#
    #expect(try JSONDecoder().decode(CourseProgress.self, from: Data(old.utf8)).missions.isEmpty)
  }

  @Test func nextWaitsForTheMission() {
    var session = Self.session()
    var state = AppState()
    session.observe(Self.snapshot(session, 60), elapsed: 2)
    session.observe(Self.snapshot(session, 90), elapsed: 2)
    _ = session.next(state: &state)
    #expect(session.progress.missions["01-m/0"]?.reached == true)
    var other = Self.session()
    _ = other.next(state: &state)
    #expect(state.notice == "not yet — mission: epoch ≥ 50, held 20 epochs")
  }
}
