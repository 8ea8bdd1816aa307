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

  @Test func seedListsCountOnFromTheRunSeed() {
    #expect(SelectionFrequency.seedList(from: 7, count: 3) == [7, 8, 9])
  }
}
