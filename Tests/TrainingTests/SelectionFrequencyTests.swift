import NeuralCore
import RegvizData
import Testing
@testable import Training

/// `sweep --seeds`: selection frequency per lane and feature, deterministic for a seed list.
@Suite struct SelectionFrequencyTests {
  static var config: ExperimentConfig {
    var c = ExperimentConfig()
    c.dataset = .correlated(0.95)
    c.hidden = [4]
    c.lanes = ["none", "l1=0.1"].map { try! LaneConfig.parse($0) }
    return c
  }

  @Test func deterministicForASeedListAndAdditiveOverSeeds() throws {
    let both = try SelectionFrequency.measure(Self.config, seeds: [3, 4], epochs: 40)
    #expect(try SelectionFrequency.measure(Self.config, seeds: [3, 4], epochs: 40) == both)
    let three = try SelectionFrequency.measure(Self.config, seeds: [3], epochs: 40)
    let four = try SelectionFrequency.measure(Self.config, seeds: [4], epochs: 40)
    #expect(both.kept == zip(three.kept, four.kept).map { zip($0, $1).map(+) })
    #expect(both.done == 2 && both.featureNames.first == "A1" && both.groups == [[0, 1, 2], [3, 4], [5, 6, 7]])
    // The unregularized lane keeps every feature; strong L1 drops some (exact-zero rows).
    #expect(both.kept[0].allSatisfy { $0 == 2 })
    #expect(both.kept[1].contains { $0 < 2 })
    #expect(both.frequency(lane: 0, feature: 0) == 1)
  }

  @Test func keptMeansAFirstLayerWeightAboveTheThreshold() {
    var net = Network(inputs: 3, hidden: [2], classes: 2, activation: .relu, seed: 1)
    // Feature 0: all zeros; feature 1: one weight just under 1e-3; feature 2: one at 1e-3.
    net.layers[0].kernel = [0, 0, 0, 9e-4, 1e-3, 0]
    var tally = SelectionFrequency(config: Self.config, seeds: [1])
    let data = Dataset(name: "t", features: [0, 0, 0], labels: [0], featureNames: ["a", "b", "c"], classNames: ["x", "y"])
    tally.add(networks: [net], data: data, threshold: 1e-3)
    #expect(tally.kept == [[0, 0, 1]])
  }

  /// Issue 23 item 13: under the subgradient rule L1's zeros hover within a step of 0.0, so a
  /// row of them is not read, and a dead lane (val acc at chance) reads no input — as under prox.
  @Test func aDeadSubgradientLaneKeepsNothing() throws {
    var c = ExperimentConfig()
    c.dataset = .iris
    c.hidden = [10, 10]
    c.lanes = ["none", "dead = l1=0.1,l2=0.1"].map { try! LaneConfig.parse($0) }
    for rule in [L1Rule.subgradient, .prox] {
      c.l1Rule = rule
      let tally = try SelectionFrequency.measure(c, seeds: [1], epochs: 300)
      #expect(tally.kept[0] == [1, 1, 1, 1], "\(rule): the unregularized lane reads every input")
      #expect(tally.kept[1] == [0, 0, 0, 0], "\(rule): the dead lane reads none")
    }
    // Its zero band is one L1 step: lr 0.1 × λ₁ 0.1.
    let lane = try Lane(c.lanes[1], layerCount: 3)
    c.l1Rule = .subgradient
    #expect(SelectionFrequency.zeroBands(lane, config: c).allSatisfy { abs($0 - 0.01) < 1e-6 })
    c.l1Rule = .prox
    #expect(SelectionFrequency.zeroBands(lane, config: c) == [1e-3, 1e-3, 1e-3])
  }

  /// A first-layer weight above the band counts only on a path to the output.
  @Test func anInputIsReadOnlyThroughALiveChain() {
    var net = Network(inputs: 2, hidden: [2], classes: 2, activation: .relu, seed: 1)
    net.layers[0].kernel = [0.5, 0, 0, 0.5]       // input 0 → unit 0, input 1 → unit 1
    net.layers[1].kernel = [0.5, 0.5, 1e-4, 1e-4]  // unit 0 reaches the outputs; unit 1 does not
    #expect(SelectionFrequency.readInputs(net, thresholds: [1e-3]) == [true, false])
    net.layers[1].kernel = [1e-4, 1e-4, 1e-4, 1e-4]
    #expect(SelectionFrequency.readInputs(net, thresholds: [1e-3]) == [false, false], "a dead layer: nothing is read")
  }

  @Test func seedListsCountOnFromTheRunSeed() {
    #expect(SelectionFrequency.seedList(from: 7, count: 3) == [7, 8, 9])
  }
}
