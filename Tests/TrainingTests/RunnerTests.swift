import Foundation
import NeuralCore
import RegvizData
import Testing
@testable import Training

/// The controlled experiment: lanes are isolated, results do not depend on scheduling, live
/// changes apply on the next step, one lane's divergence leaves the others running.
@Suite struct RunnerTests {
  static func config(lanes: [String], batch: Int? = 32) -> ExperimentConfig {
    var c = ExperimentConfig()
    c.hidden = [8]
    c.batchSize = batch
    c.lanes = lanes.map { try! LaneConfig.parse($0) }
    return c
  }

  static func sequential(_ config: ExperimentConfig, epochs: Int) throws -> [Network] {
    let prepared = try PreparedExperiment(config)
    return prepared.lanes.map { lane in
      var t = LaneTrainer(lane: lane, prepared: prepared)
      for _ in 0..<epochs { t.trainEpoch(prepared) }
      return t.learner.network
    }
  }

  @Test func aLaneInAFourLaneRunEqualsItRunAlone() throws {
    let four = Self.config(lanes: ["none", "l1=0.01", "l2=0.01", "l1=0.01,l2=0.01"])
    let together = HeadlessRun.run(try PreparedExperiment(four), epochs: 5) { _ in true }.lanes
    for (i, lane) in four.lanes.enumerated() {
      var alone = four
      alone.lanes = [lane]
      let single = HeadlessRun.run(try PreparedExperiment(alone), epochs: 5) { _ in true }.lanes[0]
      #expect(single.learner.network == together[i].learner.network, "lane \(lane.name)")
    }
    // Same start, same batches: only the penalty differs.
    #expect(together[0].learner.network != together[1].learner.network)
  }

  @Test func resultsDoNotDependOnScheduling() throws {
    let c = Self.config(lanes: ["none", "l1=0.02", "l2=0.02"])
    let reference = try Self.sequential(c, epochs: 6)
    let prepared = try PreparedExperiment(c)
    let headless = HeadlessRun.run(prepared, lanes: prepared.lanes, epochs: 6, parallelism: 1) { _ in false }
    #expect(headless.lanes.map(\.learner.network) == reference)
    let runner = try Runner(config: c, speed: .max)
    runner.start()
    #expect(runner.wait(timeout: 20) { $0.lanes.allSatisfy { $0.epoch >= 6 } })
    runner.send(.pause)
    runner.stop()
    // The runner may have gone past 6; replay the reference to the runner's epoch per lane.
    for lane in runner.snapshot().lanes {
      var one = c
      one.lanes = [c.lanes.first { $0.name == lane.name }!]
      #expect(try Self.sequential(one, epochs: lane.epoch)[0] == lane.network, "\(lane.name) at epoch \(lane.epoch)")
    }
  }

  @Test func aLiveLambdaChangeTakesEffectOnTheNextStep() throws {
    let c = Self.config(lanes: ["l1=0.01"])
    let runner = try Runner(config: c, paused: true)
    runner.start()
    runner.send(.stepEpoch)
    #expect(runner.wait(timeout: 10) { $0.epoch == 1 })
    runner.send(.stepLambda(up: true))
    runner.send(.stepLambda(up: true))
    runner.send(.stepEpoch)
    #expect(runner.wait(timeout: 10) { $0.epoch == 2 })
    runner.stop()
    let lane = runner.snapshot().lanes[0]
    #expect(lane.lane.spec.all == .l1(0.05))
    #expect(lane.regularizers.allSatisfy { $0 == .l1(0.05) })
    // The same by hand: one epoch at λ, then one at 0.05.
    let prepared = try PreparedExperiment(c)
    var t = LaneTrainer(lane: prepared.lanes[0], prepared: prepared)
    t.trainEpoch(prepared)
    t.lane = prepared.lanes[0].rescaled(to: 0.05, from: 0.01)
    t.trainEpoch(prepared)
    #expect(t.learner.network == lane.network)
  }

  @Test func oneDivergingLaneLeavesTheOthersRunning() throws {
    // L2 of 50 at lr 0.1: each step multiplies the weights by (1 − 2·0.1·50) = −9.
    let c = Self.config(lanes: ["none", "blowup = l2=50"])
    let result = HeadlessRun.run(try PreparedExperiment(c), epochs: 40) { _ in true }
    #expect(result.lanes[1].divergedAt == result.lanes[1].epoch)
    #expect(result.lanes[1].epoch < 40)
    #expect(result.lanes[0].divergedAt == nil && result.lanes[0].epoch == 40)
  }

  @Test func pauseAndResetKeepTheCurrentSettings() throws {
    let c = Self.config(lanes: ["none", "l1=0.01"])
    let runner = try Runner(config: c, speed: .max)
    runner.start()
    #expect(runner.wait(timeout: 10) { $0.epoch >= 3 })
    runner.send(.pause)
    #expect(runner.wait(timeout: 10) { !$0.running })
    let paused = runner.snapshot().epoch
    Thread.sleep(forTimeInterval: 0.05)
    #expect(runner.snapshot().epoch == paused)
    runner.send(.stepLambda(up: true))
    runner.send(.stepLearningRate(up: false))
    runner.send(.nextL1Rule)
    runner.send(.reset)
    #expect(runner.wait(timeout: 10) { $0.epoch == 0 })
    let start = try PreparedExperiment(c).initial
    let s = runner.snapshot()
    #expect(s.lanes[0].network.layers.map(\.kernel) == start.layers.map(\.kernel))
    #expect(s.lanes.map(\.lane.regularizers[0]) == [.none, .l1(0.02)], "reset keeps the λ the keys set")
    #expect(s.config.optimizer.learningRate == 0.05 && s.config.l1Rule == .subgradient)
    runner.send(.resume)
    #expect(runner.wait(timeout: 10) { $0.lanes.allSatisfy { $0.epoch >= 2 } })
    runner.stop()
  }

  /// Holding `]`: every press is applied to the runner's own λ, however fast the presses come.
  @Test func quickPressesWalkTheLadderWithoutDrift() throws {
    let c = Self.config(lanes: ["l1=0.01", "half = l1=0.005,l2=0.005", "none"])
    let runner = try Runner(config: c, speed: .max)
    runner.start()
    let presses = 5
    for _ in 0..<presses { runner.send(.stepLambda(up: true)) }
    runner.send(.stepLearningRate(up: true))
    runner.send(.stepLearningRate(up: true))
    #expect(runner.wait(timeout: 10) { $0.config.optimizer.learningRate == 0.5 }, "lr 0.1 → 0.2 → 0.5")
    let s = runner.snapshot()
    runner.stop()
    let rung = Ladder.lambda[Ladder.lambda.firstIndex(of: 0.01)! + presses]
    #expect(rung == Float(0.5))
    #expect(s.lanes[0].regularizers.allSatisfy { $0 == .l1(rung) }, "0.01 → 0.02 → 0.05 → 0.1 → 0.2 → 0.5")
    #expect(s.lanes[1].regularizers[0] == .l1_l2(l1: 0.25, l2: 0.25), "half the largest, as configured")
    #expect(s.lanes[2].regularizers.allSatisfy { $0.isNone })
    #expect(s.config.lanes[0].spec.all == .l1(rung), "the running configuration reads the trainers")
  }

  @Test func theLadderEndsSaySo() throws {
    let runner = try Runner(config: Self.config(lanes: ["l1=1"]), paused: true)
    runner.start()
    runner.send(.stepLambda(up: true))
    #expect(runner.wait(timeout: 10) { $0.message == "λ is at its maximum" })
    #expect(runner.snapshot().lanes[0].regularizers[0] == .l1(1))
    runner.stop()
    let none = try Runner(config: Self.config(lanes: ["none"]), paused: true)
    none.start()
    none.send(.stepLambda(up: false))
    #expect(none.wait(timeout: 10) { $0.message?.contains("every lane is 'none'") == true })
    none.stop()
  }

  @Test func aStreamedRunHandsOverEveryReportedEpochInChunks() throws {
    let c = Self.config(lanes: ["none", "l1=0.01"])
    let prepared = try PreparedExperiment(c)
    var chunks: [[Int]] = []
    let trainers = HeadlessRun.stream(prepared, lanes: prepared.lanes, epochs: 10, chunk: 4,
                                      shouldReport: { $0 % 2 == 0 }) { (records: [[EpochRecord]]) in
      chunks.append(records[1].map(\.epoch))
    }
    #expect(chunks == [[2, 4], [6, 8], [10]], "reported epochs, four epochs a chunk, the last one always")
    let whole = HeadlessRun.run(prepared, epochs: 10) { _ in false }
    #expect(trainers.map(\.learner.network) == whole.lanes.map(\.learner.network), "chunking changes nothing")
  }

  @Test func pacedSpeedIsRoughlyKept() throws {
    let runner = try Runner(config: Self.config(lanes: ["none"]), speed: .epochsPerSecond(50))
    runner.start()
    Thread.sleep(forTimeInterval: 0.4)
    runner.stop()
    let epochs = runner.snapshot().epoch
    #expect(epochs >= 8 && epochs <= 30, "\(epochs) epochs in 0.4 s at 50 ep/s")
  }
}

/// A data set loaded for a new experiment reports its progress as snapshots from the control
/// loop, so the screen shows "loading …" instead of freezing on a big file.
@Suite struct LoadProgressTests {
  @Test func aReconfigurePublishesItsLoadProgress() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-load-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("big.csv")
    var text = "a,b,c,label\n"
    for i in 0..<200_000 { text += "\(i % 7).5,\(i % 11).25,\(i % 13),\(i % 3)\n" }  // ≈ 4 MB: several chunks
    try text.write(to: csv, atomically: true, encoding: .utf8)

    var config = ExperimentConfig()
    config.hidden = [4]
    config.lanes = [LaneConfig(spec: LaneSpec())]
    let state = ControlState(prepared: try PreparedExperiment(config), speed: .max, running: false,
                             locator: ResourceLocator())
    final class Seen: @unchecked Sendable { var fractions: [Double] = []; var names: Set<String> = [] }
    let seen = Seen()
    state.publish = { snapshot in
      if let loading = snapshot.loading { seen.fractions.append(loading.fraction); seen.names.insert(loading.name) }
    }
    config.dataset = .csv(path: csv.path)
    state.apply(.reconfigure(config))
    #expect(state.message == nil, "\(state.message ?? "")")
    #expect(state.prepared.data.train.featureCount == 3)
    #expect(seen.names == ["big.csv"])
    #expect(seen.fractions.count >= 3 && seen.fractions.last == 1, "\(seen.fractions)")
    #expect(seen.fractions == seen.fractions.sorted(), "progress only goes forward")
    #expect(state.makeSnapshot().loading == nil, "nothing loading once it is done")
  }
}
