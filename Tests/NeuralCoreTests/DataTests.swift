import Testing
@testable import NeuralCore

@Suite struct SplitTests {
  @Test func stratifiedSeededSplit() {
    let data = SparseDataset.make(samples: 300, seed: 1)
    let split = DataSplit(data, validationFraction: 0.2, seed: 9)
    #expect(split.train.count == 240 && split.validation?.count == 60)
    for c in 0..<3 { #expect(split.validation!.labels.filter { $0 == Int32(c) }.count == 20) }
    let again = DataSplit(data, validationFraction: 0.2, seed: 9)
    #expect(again.train == split.train)
    #expect(DataSplit(data, validationFraction: 0.2, seed: 10).train != split.train)
  }

  @Test func standardizationIsFittedOnTrainingOnly() {
    let data = SparseDataset.make(samples: 90, seed: 1)
    let split = DataSplit(data, validationFraction: 1.0 / 3, seed: 2)
    let d = data.featureCount
    for i in 0..<d {
      let col = (0..<split.train.count).map { Double(split.train.features[$0 * d + i]) }
      let mean = col.reduce(0, +) / Double(col.count)
      let variance = col.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(col.count)
      #expect(abs(mean) < 1e-5 && abs(variance - 1) < 1e-4)
    }
    let raw = DataSplit(data, validationFraction: 0, standardize: false, seed: 2)
    #expect(raw.validation == nil && raw.train.features == data.features)
  }

  /// Issue 10 item 12: features near ±Float.max made x − mean overflow, and every lane diverged.
  @Test func standardizationSurvivesHugeFeatures() {
    let big = Float.greatestFiniteMagnitude
    // Mean big/2: −big − mean is −1.5·big, beyond Float.
    let data = Dataset(name: "huge", features: [big, 1, big, 2, big, 3, -big, 4], labels: [0, 1, 0, 1],
                       featureNames: ["a", "b"], classNames: ["p", "q"])
    let split = DataSplit(data, validationFraction: 0, seed: 1)
    #expect(split.train.features.allSatisfy { $0.isFinite })
    let a = (0..<4).map { split.train.features[$0 * 2] }
    let r = Float(3).squareRoot()
    let expected: [Float] = [1 / r, 1 / r, 1 / r, -r]
    #expect(zip(a, expected).allSatisfy { abs($0 - $1) < 1e-3 })
    #expect(split.scale!.allSatisfy { $0.isFinite })
  }

  @Test func sparseKnowsItsInformativeFeatures() {
    let a = SparseDataset.make(seed: 4), b = SparseDataset.make(seed: 4), c = SparseDataset.make(seed: 5)
    #expect(a == b && a != c)
    #expect(a.informative?.count == 4 && a.featureCount == 20 && a.classCount == 3 && a.count == 300)
  }
}

@Suite struct MetricsTests {
  @Test func countsAndNorms() {
    var net = Network(inputs: 2, hidden: [2], classes: 2, activation: .relu, seed: 1)
    net.layers[0].kernel = [0, 0.0005, -3, 4]
    net.layers[1].kernel = [0, 0, 1, -1]
    let s = WeightStats(network: net)
    #expect(s.layerZeros == [1, 2] && s.layerNearZeros == [2, 2] && s.weights == 8)
    #expect(abs(s.l1Norm - 9.0005) < 1e-6)
    #expect(abs(s.l2Norm - (9 + 16 + 2 + 0.0005 * 0.0005).squareRoot()) < 1e-6)
    #expect(s.featureMagnitudes == [0.0005, 5])
    #expect(s.featureZeros == [1, 0])
    #expect(s.zeroFraction == 3.0 / 8)
    let regularizers: [Regularizer] = [.l1_l2(l1: 0.1, l2: 0.01), .l2(0.5)]
    let p = WeightStats(network: net, regularizers: regularizers).penalty
    #expect(abs(p - net.penalty(regularizers)) < 1e-12 && abs(p - (0.1 * 7.0005 + 0.01 * (25 + 0.0005 * 0.0005) + 0.5 * 2)) < 1e-6)  // λ are Floats
  }

  @Test func histogramNeverConvertsANonFiniteOrHugeWeight() {
    let huge = Float.greatestFiniteMagnitude
    let h = Histogram(values: [.nan, .infinity, -.infinity, huge, -huge, 1e30, 0, 0.5], binCount: 4, range: 1)
    #expect(h.nonFinite == 3 && h.zeros == 1)
    #expect(h.bins == [1, 0, 0, 3], "huge finite weights land in the edge bins")
    #expect(h.total == 8)
    #expect(Histogram(values: [0.5], binCount: 4, range: .nan).bins.reduce(0, +) == 1, "a broken range is taken as 1")
  }

  @Test func histogramCountsZerosApartAndClampsEdges() {
    let h = Histogram(values: [0, 0, -0.9, -0.1, 0.1, 0.6, 5, -5], binCount: 4, range: 1)
    #expect(h.zeros == 2)
    #expect(h.bins == [2, 1, 1, 2])
    #expect(h.total == 8)
  }
}
