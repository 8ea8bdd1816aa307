import Foundation
import NeuralCore
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
    return try config.lanes.map { lane in
      var t = try LaneTrainer(lane: lane, prepared: prepared)
      for _ in 0..<epochs { t.trainEpoch(prepared) }
      return t.learner.network
    }
  }

  @Test func aLaneInAFourLaneRunEqualsItRunAlone() throws {
    let four = Self.config(lanes: ["none", "l1=0.01", "l2=0.01", "l1=0.01,l2=0.01"])
    let together = try HeadlessRun.run(try PreparedExperiment(four), epochs: 5) { _ in true }.lanes
    for (i, lane) in four.lanes.enumerated() {
      var alone = four
      alone.lanes = [lane]
      let single = try HeadlessRun.run(try PreparedExperiment(alone), epochs: 5) { _ in true }.lanes[0]
      #expect(single.learner.network == together[i].learner.network, "lane \(lane.name)")
    }
    // Same start, same batches: only the penalty differs.
    #expect(together[0].learner.network != together[1].learner.network)
  }

  @Test func resultsDoNotDependOnScheduling() throws {
    let c = Self.config(lanes: ["none", "l1=0.02", "l2=0.02"])
    let reference = try Self.sequential(c, epochs: 6)
    let headless = try HeadlessRun.run(try PreparedExperiment(c), lanes: c.lanes, epochs: 6, parallelism: 1) { _ in false }
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
    runner.send(.scaleLambda(4))
    runner.send(.stepEpoch)
    #expect(runner.wait(timeout: 10) { $0.epoch == 2 })
    runner.stop()
    let lane = runner.snapshot().lanes[0]
    #expect(lane.spec.all == .l1(0.04))
    #expect(lane.network.layers.allSatisfy { $0.regularizer == .l1(0.04) })
    // The same by hand: one epoch at λ, then one at 4λ.
    let prepared = try PreparedExperiment(c)
    var t = try LaneTrainer(lane: c.lanes[0], prepared: prepared)
    t.trainEpoch(prepared)
    try t.setSpec(LaneSpec(all: .l1(0.04)))
    t.trainEpoch(prepared)
    #expect(t.learner.network == lane.network)
  }

  @Test func oneDivergingLaneLeavesTheOthersRunning() throws {
    // L2 of 50 at lr 0.1: each step multiplies the weights by (1 − 2·0.1·50) = −9.
    let c = Self.config(lanes: ["none", "blowup = l2=50"])
    let result = try HeadlessRun.run(try PreparedExperiment(c), epochs: 40) { _ in true }
    #expect(result.lanes[1].diverged?.hasPrefix("diverged at epoch ") == true)
    #expect(result.lanes[1].epoch < 40)
    #expect(result.lanes[0].diverged == nil && result.lanes[0].epoch == 40)
  }

  @Test func pauseResetAddAndDrop() throws {
    let c = Self.config(lanes: ["none", "l1=0.01"])
    let runner = try Runner(config: c, speed: .max)
    runner.start()
    #expect(runner.wait(timeout: 10) { $0.epoch >= 3 })
    runner.send(.pause)
    #expect(runner.wait(timeout: 10) { !$0.running })
    let paused = runner.snapshot().epoch
    Thread.sleep(forTimeInterval: 0.05)
    #expect(runner.snapshot().epoch == paused)
    runner.send(.reset)
    #expect(runner.wait(timeout: 10) { $0.epoch == 0 })
    let start = try PreparedExperiment(c).initial
    #expect(runner.snapshot().lanes[0].network.layers.map(\.kernel) == start.layers.map(\.kernel))
    runner.send(.addLane(LaneConfig(spec: LaneSpec(all: .l2(0.01)))))
    runner.send(.dropLane("none"))
    runner.send(.setSpeed(.max))
    runner.send(.resume)
    #expect(runner.wait(timeout: 10) { s in s.lanes.map(\.name) == ["L1", "L2"] && s.lanes.allSatisfy { $0.epoch >= 2 } })
    runner.send(.dropLane("nope"))
    #expect(runner.wait(timeout: 10) { $0.message == "no lane named 'nope'" })
    runner.stop()
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
