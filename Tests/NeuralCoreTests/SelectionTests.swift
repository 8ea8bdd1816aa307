import Testing
@testable import NeuralCore

/// The lesson's claims, on the `sparse` data set: prox-L1 selects the informative features with
/// exact zeros, Keras's subgradient rule does not, and L2 only shrinks.
@Suite struct SelectionTests {
  struct Outcome { var stats: WeightStats; var valAccuracy: Double; var firstLayerZeros: Double }

  static let split = DataSplit(SparseDataset.make(seed: 1), validationFraction: 0.3, seed: 1)

  static func train(_ reg: Regularizer, rule: L1Rule = .prox, epochs: Int = 600) -> Outcome {
    let net = Network(inputs: 20, hidden: [16, 16], classes: 3, activation: .relu, seed: 7)
    let train = split.train
    var learner = Learner(network: net, regularizers: [reg, reg, reg], optimizer: .sgd(learningRate: 0.1), l1Rule: rule,
                          maxBatch: train.count)
    for epoch in 0..<epochs {
      _ = learner.trainEpoch(data: train, order: epochOrder(count: train.count, seed: 1, epoch: epoch), batchSize: train.count)
    }
    let stats = WeightStats(network: learner.network)
    return Outcome(stats: stats, valAccuracy: learner.evaluate(data: split.validation!).accuracy,
                   firstLayerZeros: Double(stats.layerZeros[0]) / Double(stats.layerWeights[0]))
  }

  static let none = train(.none)
  static let prox = train(.l1(0.02))

  @Test func proxL1ZeroesNoiseAndKeepsAccuracy() {
    let noise = (0..<20).filter { !Self.split.train.informative!.contains($0) }
    let noiseZeros = Self.prox.stats.zeroFraction(ofFeatures: noise, unitsPerFeature: 16)
    let ratio = Self.prox.stats.featureRatio(informative: Self.split.train.informative!)
    #expect(Self.prox.firstLayerZeros >= 0.5, "first-layer zeros \(Self.prox.firstLayerZeros)")
    #expect(noiseZeros >= 0.8, "noise-feature zeros \(noiseZeros)")
    #expect(ratio >= 10, "informative/noise row norm \(ratio)")
    #expect(Self.prox.valAccuracy >= Self.none.valAccuracy - 0.05,
            "val acc L1 \(Self.prox.valAccuracy) vs none \(Self.none.valAccuracy)")
    #expect(Self.none.stats.zeros == 0)
  }

  @Test func subgradientLeavesAlmostNoExactZeros() {
    let sub = Self.train(.l1(0.02), rule: .subgradient)
    #expect(sub.stats.zeroFraction < 0.02, "subgradient zeros \(sub.stats.zeroFraction)")
    #expect(sub.stats.nearZeroFraction > sub.stats.zeroFraction)
  }

  @Test func l2ShrinksButLeavesNoZeros() {
    let l2 = Self.train(.l2(0.02))
    #expect(l2.stats.l2Norm < 0.8 * Self.none.stats.l2Norm, "‖w‖ L2 \(l2.stats.l2Norm) vs none \(Self.none.stats.l2Norm)")
    #expect(l2.stats.zeros == 0)
  }

  @Test func sameSeedIsBitIdenticalAndAnotherDiffers() {
    func run(_ seed: UInt64) -> Network {
      var learner = Learner(network: Network(inputs: 20, hidden: [8], classes: 3, activation: .tanh, seed: seed),
                            optimizer: .adam(learningRate: 0.01), maxBatch: 32)
      for epoch in 0..<3 {
        _ = learner.trainEpoch(data: Self.split.train, order: epochOrder(count: Self.split.train.count, seed: seed, epoch: epoch), batchSize: 32)
      }
      return learner.network
    }
    #expect(run(5) == run(5))
    #expect(run(5) != run(6))
  }
}
