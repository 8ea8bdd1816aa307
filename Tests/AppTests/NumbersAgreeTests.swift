import Canvas
import Foundation
import LessonRuns
import Lessons
import NeuralCore
import Testing
@testable import Training

@testable import App

/// Issue 23 items 9–14 and issue 27 deliverable 5: screens whose numbers agree.
@Suite("Numbers that agree")
struct NumbersAgreeTests {
  typealias F = LessonFixtures

  /// Item 9 / issue 27.5: above each matrix, the network's inputs dropped and units pruned —
  /// the same on every layer `tab` shows, the same as the lesson's `dropped_inputs` and
  /// `pruned_units` — apart from the share of zero weights.
  @Test func theMatrixCountsAreTheNetworksOnEveryLayer() {
    let snapshot = Fixtures.snapshot()
    let l1 = snapshot.lanes[1]
    let metrics = LessonMetrics(snapshot: snapshot)
    let expected = "\(Int(metrics.value(.droppedInputs, lane: l1.name)!)) inputs dropped, "
      + "\(Int(metrics.value(.prunedUnits, lane: l1.name)!)) units pruned"
    for layer in l1.network.layers.indices {
      let lines = MatrixView.counts(l1.network, layer: layer, width: 40)
      #expect(lines.counts == expected, "layer \(layer + 1)")
      #expect(lines.blank.hasSuffix("% blank"))
    }
    // Narrow, the short form keeps both numbers.
    #expect(MatrixView.counts(l1.network, layer: 0, width: 20).counts == "16 dropped, \(l1.network.prunedUnits.count) pruned")
    var state = AppState()
    state.view = .matrix
    state.layer = 1
    state.observe(snapshot)
    let grid = Chrome.compose(snapshot, state: state, width: 200, height: 60)
    #expect(contains(grid, "16 dropped, \(l1.network.prunedUnits.count) pruned"), "layer 2 shows the same counts\n\(grid.text())")
  }

  /// Issue 27.5: the feature panel ends each lane's row in the inputs it dropped (whole zero
  /// rows), beside the `=0` gauge's share of zero weights.
  @Test func theFeaturePanelCountsDroppedInputs() {
    let snapshot = Fixtures.snapshot()
    let grid = Chrome.compose(snapshot, state: AppState(), width: 200, height: 60)
    for lane in snapshot.lanes {
      // The feature panel's row of the lane: it starts with the lane's name.
      let row = (0..<grid.height).map(grid.row).first { $0.drop { $0 == " " || $0 == "│" }.hasPrefix(lane.name + " ") && $0.contains("dropped") }
      #expect(row?.contains("\(lane.network.droppedInputs.count) dropped") == true, "\(lane.name)\n\(grid.text())")
    }
  }

  /// Item 10: lanes under different L1 rules each say theirs; the status line names no rule.
  @Test func lanesUnderDifferentRulesSayTheirOwn() throws {
    var config = ExperimentConfig()
    config.lanes = try ["none", "L1 = l1=0.01", "keras = l1=0.01,rule=subgradient"].map { try LaneConfig.parse($0) }
    let snapshot = Fixtures.snapshot(config: config)
    let grid = Chrome.compose(snapshot, state: AppState(), width: 200, height: 60)
    #expect(!grid.row(0).contains("L1 rule"), "\(grid.row(0))")
    #expect(grid.row(2).contains("L1 λ 0.01 · prox") && grid.row(2).contains("keras λ 0.01 · subgradient"), "\(grid.row(2))")
    #expect(!grid.row(2).contains("none ·"), "a lane without L1 has no rule to name")
    // One rule for all: the status line names it, the titles do not.
    let common = Chrome.compose(Fixtures.snapshot(), state: AppState(), width: 200, height: 60)
    #expect(common.row(0).contains("L1 rule prox") && !common.row(2).contains("· prox"), "\(common.row(0))\n\(common.row(2))")
  }

  /// Item 14: steps per second are per lane, as the pace is, and the status line says so.
  @Test func stepsPerSecondArePerLane() throws {
    let snapshot = Fixtures.snapshot()  // 2 400 steps/s over four lanes
    #expect(snapshot.lanes.count == 4)
    let grid = Chrome.compose(snapshot, state: AppState(), width: 200, height: 60)
    #expect(grid.row(0).contains("600 steps/s per lane"), "\(grid.row(0))")
    let narrow = Chrome.compose(snapshot, state: AppState(), width: 120, height: 40)
    #expect(!narrow.row(0).contains("2.4k steps/s"), "never the sum without saying so: \(narrow.row(0))")
    var one = ExperimentConfig()
    one.lanes = [try LaneConfig.parse("l1=0.01")]
    let single = Chrome.compose(Fixtures.snapshot(config: one), state: AppState(), width: 200, height: 60)
    #expect(single.row(0).contains("2.4k steps/s") && !single.row(0).contains("lane"), "\(single.row(0))")
  }

  /// Item 11: after `g` on a 1 600-epoch run and `r`, the loss chart's axis ends at 1 600 and
  /// says so, not at the new run's 115.
  @Test func aPinnedAxisNamesItsRightEdge() {
    let long = Fixtures.snapshot(epochs: 1600)
    var state = AppState()
    state.pinned = PinnedRun(long, lanes: Array(long.lanes.indices))
    let live = Fixtures.snapshot(epochs: 115)
    state.observe(live)
    let grid = Chrome.compose(live, state: state, width: 120, height: 40)
    #expect(contains(grid, "epoch 1600"), "\(grid.text())")
    #expect(grid.row(0).contains("epoch 115"), "the status line still counts the live run")
  }

  /// Item 12: a reached mission's ✓ and the numbers beside it are the same numbers — those of
  /// the epoch the goal held on — however the run drifts after (lesson 8 mission 3:
  /// `val_loss(L2) ≤ val_loss(L1)` beside a table with L1 0.259 < L2 0.264).
  @Test func aReachedMissionsNumbersAreTheOnesItHeldOn() throws {
    let eight = 7
    let step = try #require(F.shipped[eight].steps.firstIndex { $0.mission?.goal.onScreen.contains("val_loss(L2)") == true })
    var session = try LessonSession(lessons: F.shipped, lessonIndex: eight, step: step)
    var mode = LessonMode(session: session, state: AppState())
    let hold = try #require(session.step.mission).hold
    // The fixture's L2 lane (index 1) validates lower than L1 (index 0): the goal holds.
    for epoch in 300...(301 + hold) {
      _ = mode.observe(F.snapshot(mode.session, epochs: epoch), elapsed: 0.1)
    }
    session = mode.session
    let proof = try #require(session.missionProof)
    #expect(session.mission?.reached == true)
    // Later the lanes swap: L2 validates worse than L1.
    var later = F.snapshot(session, epochs: 400)
    later.lanes[0].latest?.valLoss = 0.259
    later.lanes[1].latest?.valLoss = 0.264
    _ = mode.observe(later, elapsed: 0.1)
    let grid = mode.compose(later, width: 120, height: 40)
    let text = LessonStepFrameTests.paneText(grid, width: 120, height: 40)
    let l1 = LessonNumbers.format(proof.value(.valLoss, lane: "L1"), as: .valLoss)
    let l2 = LessonNumbers.format(proof.value(.valLoss, lane: "L2"), as: .valLoss)
    #expect(Double(l2)! <= Double(l1)!, "the goal's numbers satisfy it as shown: L1 \(l1), L2 \(l2)")
    #expect(text.contains("L1 \(l1)") && text.contains("L2 \(l2)"), "the table keeps them\n\(grid.text())")
    #expect(text.contains("val_loss(L2) \(l2)") && text.contains("held at epoch \(proof.epoch)"), "the ✓ line names them\n\(text)")
    #expect(!text.contains("0.259") && !text.contains("0.264"), "the drifted numbers do not sit beside the ✓\n\(text)")
  }
}

/// Issue 27.5 on trained networks: L1 and the group term from one start on `sparse`, read side
/// by side in the weight matrix — L1's blank share beside few inputs dropped, the group term's
/// whole noise rows dropped.
@Suite("Zero weights apart from dropped inputs")
struct DroppedInputsApartTests {
  /// Measured (seed 1, 300 epochs, prox): L1 λ 0.01 `63% blank` / `0 inputs dropped, 0 units
  /// pruned`; group λ 0.08 `80% blank` / `16 inputs dropped, 25 units pruned`.
  @Test func l1AndGroupReadSideBySide() throws {
    var config = ExperimentConfig()
    config.lanes = try ["L1 = l1=0.01", "group = group=0.08"].map { try LaneConfig.parse($0) }
    let prepared = try PreparedExperiment(config)
    let run = HeadlessRun.run(prepared, lanes: prepared.lanes, epochs: 300, parallelism: 2) { _ in false }
    let lanes = run.lanes.map { $0.snapshot() }
    let snapshot = ExperimentSnapshot(lanes: lanes, running: false, speed: .max, stepsPerSecond: 0, config: config,
                                      featureNames: prepared.data.train.featureNames, informative: prepared.data.train.informative,
                                      trainCount: prepared.data.train.count, validationCount: prepared.data.validation?.count ?? 0)
    let (l1, group) = (lanes[0].network, lanes[1].network)
    #expect(l1.droppedInputs.count < group.droppedInputs.count, "\(l1.droppedInputs) \(group.droppedInputs)")
    #expect(group.droppedInputs.count == 16, "the group term drops the 16 noise rows: \(group.droppedInputs)")
    var state = AppState()
    state.view = .matrix
    state.observe(snapshot)
    let grid = Chrome.compose(snapshot, state: state, width: 120, height: 40)
    for network in [l1, group] {
      let lines = MatrixView.counts(network, layer: 0, width: 40)
      #expect(contains(grid, lines.blank), "\(lines.blank)\n\(grid.text())")
      #expect(grid.text().contains("\(network.droppedInputs.count) inputs dropped") || grid.text().contains("\(network.droppedInputs.count) dropped"))
    }
  }
}
