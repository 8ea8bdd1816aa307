import NeuralCore
import Testing
@testable import Training

/// The lane terms `wd=` (decoupled weight decay) and `stop=best-val` (early stopping).
@Suite struct DecayAndStopTests {
  @Test func parsesWeightDecayAloneCombinedAndPerLayer() throws {
    let alone = try LaneSpec.parse("wd=0.001")
    #expect(alone.all == .none && alone.weightDecay == 0.001 && alone.weightDecays(layerCount: 3) == [0.001, 0.001, 0.001])
    #expect(alone.defaultName == "WD" && alone.description == "wd=0.001")
    let combined = try LaneSpec.parse("l2=0.01,wd=0.002")
    #expect(combined.all == .l2(0.01) && combined.weightDecay == 0.002)
    #expect(combined.defaultName == "L2+WD" && combined.description == "l2=0.01,wd=0.002")
    let perLayer = try LaneSpec.parse("1:l1=0.01,wd=0.003;3:wd=0.003")
    #expect(perLayer.perLayer == [1: .l1(0.01), 3: .none])
    #expect(perLayer.weightDecays(layerCount: 3) == [0.003, 0, 0.003])
    #expect(perLayer.description == "1:l1=0.01,wd=0.003;3:wd=0.003")
    #expect(perLayer.defaultName == "L1+WD@1,WD@3")
    let lane = try Lane(LaneConfig(spec: perLayer), layerCount: 3)
    #expect(lane.weightDecays == [0.003, 0, 0.003])
    #expect(lane.rescaled(to: 0.006, from: 0.003).weightDecays == [0.006, 0, 0.006])
  }

  @Test func parsesEarlyStopping() throws {
    let alone = try LaneSpec.parse("stop=best-val")
    #expect(alone.stopPatience == LaneSpec.defaultPatience && alone.all == .none)
    #expect(alone.defaultName == "stop" && alone.description == "stop=best-val")
    let combined = try LaneSpec.parse("l2=0.01,stop=best-val:30")
    #expect(combined.stopPatience == 30 && combined.all == .l2(0.01))
    #expect(combined.defaultName == "L2+stop" && combined.description == "l2=0.01,stop=best-val:30")
    let perLayer = try LaneSpec.parse("1:l1=0.01;stop=best-val:5")
    #expect(perLayer.perLayer == [1: .l1(0.01)] && perLayer.stopPatience == 5)
    #expect(try LaneSpec.parse(perLayer.description) == perLayer)
  }

  @Test func badTermsSayWhatIsWrong() {
    let bad = ["wd", "wd=-1", "wd=x", "wd=0.1,wd=0.2", "1:wd=0.1;2:wd=0.2", "stop=best", "stop=best-val:0",
               "stop=best-val:x", "stop=best-val,stop=best-val"]
    for text in bad {
      do { _ = try LaneSpec.parse(text); Issue.record("'\(text)' should not parse") } catch {
        #expect(error.message.hasPrefix("lane '\(text)': "), "\(error.message)")
      }
    }
  }

  @Test func sgdLaneWithDecayMatchesTheHalfStrengthL2Lane() throws {
    var c = RunnerTests.config(lanes: ["l2=0.01", "wd=0.02", "none"], batch: 32)
    c.optimizer = .sgd(learningRate: 0.1)
    let lanes = try RunnerTests.sequential(c, epochs: 4)
    let l2 = lanes[0].layers.flatMap(\.kernel), wd = lanes[1].layers.flatMap(\.kernel)
    let none = lanes[2].layers.flatMap(\.kernel)
    #expect(zip(l2, wd).allSatisfy { abs($0 - $1) <= 1e-5 })
    #expect(zip(l2, none).contains { abs($0 - $1) > 1e-3 })
  }

  @Test func stopBestValNeedsAValidationPart() {
    var c = RunnerTests.config(lanes: ["stop=best-val"])
    c.validationSplit = 0
    #expect(c.problem?.contains("stop=best-val needs a validation part") == true)
  }

  /// Overfitting on purpose (a wide net, few samples, a high rate): validation loss turns up,
  /// the lane freezes `patience` epochs after its best and keeps the best epoch's weights.
  @Test func freezesAtTheBestEpoch() throws {
    var c = RunnerTests.config(lanes: ["stop=best-val:5", "none"], batch: 16)
    c.hidden = [32]
    c.optimizer = .adam(learningRate: 0.02)
    let prepared = try PreparedExperiment(c)
    var stopped = LaneTrainer(lane: prepared.lanes[0], prepared: prepared)
    var free = LaneTrainer(lane: prepared.lanes[1], prepared: prepared)
    var networks: [Network] = [], valLosses: [Double] = []
    for _ in 0..<300 where stopped.stoppedAt == nil {
      stopped.trainEpoch(prepared)
      let r = free.trainEpoch(prepared)!
      networks.append(free.learner.network)
      valLosses.append(r.valLoss!)
    }
    let stop = try #require(stopped.stoppedAt, "validation loss never stopped improving in 300 epochs")
    let best = try #require(stopped.bestEpoch)
    #expect(stop == best + 5)
    // The unregularized twin trains identically up to the stop: its lowest validation loss in
    // those epochs is at `best`, and the stopped lane holds exactly that epoch's weights.
    let lowest = valLosses.indices.min { valLosses[$0] < valLosses[$1] }!
    #expect(lowest + 1 == best)
    #expect(stopped.learner.network.layers.map(\.kernel) == networks[best - 1].layers.map(\.kernel))
    // Frozen: more epochs change no weight; they repeat the kept epoch's figures.
    let kept = stopped.learner.network
    let next = stopped.trainEpoch(prepared)
    let held = try #require(next)
    #expect(stopped.learner.network == kept && stopped.epoch == stop + 1)
    #expect(held.valLoss == valLosses[best - 1] && held.epoch == stop + 1)
    #expect(stopped.snapshot().stoppedAt == stop && stopped.snapshot().bestEpoch == best)
  }

  /// Keras's `EarlyStopping(restore_best_weights=True)` restores in `on_train_end` too: a lane
  /// whose patience never runs out still ends (`HeadlessRun`, so `run` and `sweep`) with its
  /// best epoch's weights, and its figures are those weights'.
  @Test func endsWithTheBestEpochsWeightsEvenWhenPatienceNeverRanOut() throws {
    var c = RunnerTests.config(lanes: ["stop=best-val:1000", "none"], batch: 16)
    c.hidden = [32]
    c.optimizer = .adam(learningRate: 0.02)
    let prepared = try PreparedExperiment(c)
    var free = LaneTrainer(lane: prepared.lanes[1], prepared: prepared)
    var networks: [Network] = [], valLosses: [Double] = []
    for _ in 0..<120 {
      let r = free.trainEpoch(prepared)!
      networks.append(free.learner.network)
      valLosses.append(r.valLoss!)
    }
    let best = valLosses.indices.min { valLosses[$0] < valLosses[$1] }! + 1
    try #require(best < 120, "validation loss still falling at the last epoch: nothing to restore")
    let run = HeadlessRun.run(prepared, epochs: 120) { _ in false }
    let lane = run.lanes[0]
    #expect(lane.stoppedAt == nil && lane.restoredAtEnd && lane.bestEpoch == best && lane.epoch == 120)
    #expect(lane.learner.network.layers.map(\.kernel) == networks[best - 1].layers.map(\.kernel))
    #expect(lane.learner.network.layers.map(\.bias) == networks[best - 1].layers.map(\.bias))
    #expect(run.lanes[1].learner.network == networks[119])  // a lane without stop= keeps its last epoch
    let measured = WeightStats(network: lane.learner.network, nearZeroThreshold: prepared.config.nearZeroThreshold)
    #expect(lane.stats.l2Norm == measured.l2Norm && lane.stats.l1Norm == measured.l1Norm)
    #expect(lane.latest?.valLoss == valLosses[best - 1] && lane.latest?.l2Norm == measured.l2Norm)
  }

  /// After a stop the lane's statistics are the restored network's (they were the last epoch's,
  /// penalized again), so a lesson's `l2_norm(stop)` is the norm of the weights it holds.
  @Test func aStoppedLanesNumbersMeasureTheRestoredWeights() throws {
    var c = RunnerTests.config(lanes: ["l2=0.001,stop=best-val:5"], batch: 16)
    c.hidden = [32]
    c.optimizer = .adam(learningRate: 0.02)
    let prepared = try PreparedExperiment(c)
    var t = LaneTrainer(lane: prepared.lanes[0], prepared: prepared)
    for _ in 0..<300 where t.stoppedAt == nil { t.trainEpoch(prepared) }
    try #require(t.stoppedAt != nil)
    let kernels = t.learner.network.layers.flatMap(\.kernel)
    let norm = kernels.map { Double($0) * Double($0) }.reduce(0, +).squareRoot()
    #expect(abs(t.stats.l2Norm - norm) <= 1e-9 * max(1, norm))
    #expect(abs(t.stats.l1Norm - kernels.map { Double(abs($0)) }.reduce(0, +)) <= 1e-6)
    let measured = WeightStats(network: t.learner.network, regularizers: t.lane.regularizers,
                               nearZeroThreshold: prepared.config.nearZeroThreshold)
    #expect(t.stats.penalty == measured.penalty && t.stats.zeros == measured.zeros)
    t.trainEpoch(prepared)
    #expect(t.latest?.l2Norm == t.stats.l2Norm)
  }
}
