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
    (4, Mission.Solution(lambda: 1, l1Rule: .clip)),  // mission 4, `]`×6 then `u`: clip zeros a dead network
    (5, Mission.Solution(lambda: 0.01)),    // mission 5: the tutorial's λ drops nothing
  ])
  func aWrongSettingIsNotReached(step: Int, settings: Mission.Solution) throws {
    try #require(Self.yourTurn.steps[step].mission != nil, "step \(step) is a mission")
    let outcome = try LessonReplay.attempt(Self.yourTurn, step: step, settings: settings, locator: Self.locator)
    #expect(!outcome.reached, "\(settings): \(outcome.summary)")
  }

  /// Issue 24: the numbers the missions' hints claim, each replayed as a goal at the hint's λ
  /// (the mission's setup, its hold and budget).
  @Test(arguments: [
    // Lesson 8, mission 1: every rung from 0.01 to 0.05 works; 0.1 drops validation to a third.
    ("08-your-turn", "Mission 1", 0.01, "val_acc(L1) >= 0.90 and zeros(L1) >= 70%", true),
    ("08-your-turn", "Mission 1", 0.05, "val_acc(L1) >= 0.90 and zeros(L1) >= 70%", true),
    ("08-your-turn", "Mission 1", 0.1, "epoch >= 100 and val_acc(L1) < 0.34", true),
    // Mission 2 at 0.02: most noise weights zero, about half of the 16 noise rows alive (4
    // informative inputs kept, so dropped inputs = 16 − live noise rows).
    ("08-your-turn", "Mission 2", 0.02,
     "epoch >= 200 and noise_zeros(L1) >= 80% and star_rows(L1) >= 100% and dropped_inputs(L1) >= 3 and dropped_inputs(L1) <= 9", true),
    // Lesson 9's mission: about half zero by epoch 250 at 0.01; two twins dropped at 0.05.
    ("09-correlated-features-and-units", "Mission", 0.01, "epoch >= 250 and zeros(L1) >= 45% and zeros(L1) <= 60%", true),
    ("09-correlated-features-and-units", "Mission", 0.05, "epoch >= 200 and group_kept(L1) >= 75% and group_kept(L1) <= 75%", true),
    // Lesson 11, mission 1: at the starting 0.01 the group lane drops nothing; at 0.05 not yet
    // all sixteen noise rows ("past 0.05"), at 0.1 (the solution, replayed by the check) all.
    ("11-weights-or-features", "Mission 1", 0.01, "dropped_inputs(Group) >= 1", false),
    ("11-weights-or-features", "Mission 1", 0.05,
     "dropped_inputs(Group) >= 16 and star_rows(Group) >= 100% and val_acc(Group) >= 0.90", false),
    // Mission 2: "a rung or two above 0.01" reaches the goal; the starting 0.001 does not.
    ("11-weights-or-features", "Mission 2", 0.02, "dropped_inputs(Group) >= 16 and val_acc(Group) >= 0.93", true),
    ("11-weights-or-features", "Mission 2", 0.05, "dropped_inputs(Group) >= 16 and val_acc(Group) >= 0.93", true),
    ("11-weights-or-features", "Mission 2", 0.001, "dropped_inputs(Group) >= 16 and val_acc(Group) >= 0.93", false),
  ])
  func aHintsNumberHolds(lesson id: String, mission: String, lambda: Double, claim: String, holds: Bool) throws {
    var lesson = try #require(Self.shipped.first { $0.id == id })
    let step = try #require(lesson.steps.indices.first { lesson.steps[$0].title.hasPrefix(mission) && lesson.steps[$0].mission != nil })
    let lanes = ["L1", "L2", "keras", "none", "WD", "Group"]
    lesson.steps[step].directives.mission!.goal = try ConditionParser.parse(claim, lanes: lanes, file: id, line: 0, column: 0)
    let outcome = try LessonReplay.attempt(lesson, step: step, settings: Mission.Solution(lambda: lambda), locator: Self.locator)
    #expect(outcome.reached == holds, "\(id) \(mission) at λ \(lambda): \(outcome.summary)")
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
