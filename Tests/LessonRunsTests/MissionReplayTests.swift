import Foundation
import LessonRuns
import Lessons
import NeuralCore
import RegvizData
import Testing
import Training

/// Missions without a screen: every shipped mission is reached by applying its solution in the
/// headless replay, a wrong setting is not.
@Suite("Mission replays")
struct MissionReplayTests {
  static let shipped = LessonReplayTests.shipped.compactMap { try? LessonReplayTests.load($0) }
  static let yourTurn = Self.shipped.first { $0.id == "08-your-turn" }!
  static let locator = LessonReplayTests.locator
  static var missionSteps: [Int] { yourTurn.steps.indices.filter { yourTurn.steps[$0].mission != nil } }

  @Test func lessonEightHasAtLeastFiveMissions() {
    #expect(Self.missionSteps.count >= 5)
    for i in Self.missionSteps { #expect(LessonReplay.unreachable(Self.yourTurn.steps[i].mission!.solution) == nil) }
  }

  @Test(arguments: missionSteps)
  func eachMissionIsReachedByItsSolution(step: Int) throws {
    let mission = try #require(Self.yourTurn.steps[step].mission)
    let outcome = try LessonReplay.attempt(Self.yourTurn, step: step, settings: mission.solution, locator: Self.locator)
    #expect(outcome.reached && outcome.isMission, "\(outcome.summary)")
  }

  /// A setting one rung short (or the rule left alone) does not reach the goal.
  @Test(arguments: [
    (1, Mission.Solution(lambda: 0.005)),   // mission 1: too few zeros
    (2, Mission.Solution(lambda: 0.02)),    // mission 2: some noise rows still live
    (2, Mission.Solution(lambda: 0.1)),     // mission 2: the ★ rows go too
    (3, Mission.Solution(lambda: 0.002)),   // mission 3: L2 left where it started
    (4, Mission.Solution(lambda: 0.1)),     // mission 4: Keras's rule, however large λ
    (5, Mission.Solution(lambda: 0.01)),    // mission 5: the tutorial's λ drops nothing
  ])
  func aWrongSettingIsNotReached(step: Int, settings: Mission.Solution) throws {
    try #require(Self.yourTurn.steps[step].mission != nil, "step \(step) is a mission")
    let outcome = try LessonReplay.attempt(Self.yourTurn, step: step, settings: settings, locator: Self.locator)
    #expect(!outcome.reached, "\(settings): \(outcome.summary)")
  }

  /// Lessons 9 and 10 end with a mission each: its solution reaches the goal, a rung either
  /// side does not.
  @Test(arguments: [
    ("09-correlated-features-and-units", 0.02, true), ("09-correlated-features-and-units", 0.01, false),
    ("09-correlated-features-and-units", 0.05, false),
    ("10-weight-decay-lambda-and-n", 0.02, true), ("10-weight-decay-lambda-and-n", 0.01, false),
    ("10-weight-decay-lambda-and-n", 0.05, false),
  ])
  func theLabsMissions(lesson id: String, lambda: Double, reached: Bool) throws {
    let lesson = try #require(Self.shipped.first { $0.id == id })
    let step = try #require(lesson.steps.indices.first { lesson.steps[$0].mission != nil }, "\(id) has a mission")
    #expect(lesson.steps[step].mission!.solution == Mission.Solution(lambda: 0.02))
    let outcome = try LessonReplay.attempt(lesson, step: step, settings: Mission.Solution(lambda: lambda), locator: Self.locator)
    #expect(outcome.reached == reached, "\(id) at λ \(lambda): \(outcome.summary)")
  }

}
