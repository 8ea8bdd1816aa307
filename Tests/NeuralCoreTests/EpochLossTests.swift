import Testing
@testable import NeuralCore

/// Keras's epoch loss: what `trainEpoch` reports against a step-by-step reckoning.
@Suite struct EpochLossTests {
  @Test(arguments: [1, 7, 9, 17, 33])
  func vectorizedPenaltyMatchesThePlainSum(count: Int) {
    let w = randomFloats(count, seed: UInt64(count))
    let r = Regularizer.l1_l2(l1: 0.03, l2: 0.07)
    // The strengths are Floats; the sum is Double.
    let l1 = Double(Float(0.03)), l2 = Double(Float(0.07))
    let expected = w.reduce(0.0) { $0 + l1 * abs(Double($1)) + l2 * Double($1) * Double($1) }
    #expect(abs(r.penalty(w) - expected) <= 1e-12 * max(1, expected))
  }

  /// The penalty half is measured at each batch's weights before its update and averaged with
  /// batch-size weights, as Keras's `loss` tracker (a Mean with sample_weight = batch size).
  @Test func penaltyIsTheBatchWeightedMeanAtEachBatchsWeights() {
    let data = tinyData(samples: 23, features: 5, classes: 3)
    let net = Network(inputs: 5, hidden: [6], classes: 3, activation: .tanh, seed: 4)
    let regs: [Regularizer] = [.l1(0.05), .l2(0.02)]
    var learner = Learner(network: net, regularizers: regs, optimizer: .sgd(learningRate: 0.3), l1Rule: .subgradient,
                          maxBatch: 10)
    var reference = learner
    let order = epochOrder(count: data.count, seed: 9, epoch: 0)
    let r = learner.trainEpoch(data: data, order: order, batchSize: 10)
    var penaltySum = 0.0, lossSum = 0.0, penalties: [Double] = []
    for start in stride(from: 0, to: order.count, by: 10) {
      let batch = order[start..<min(start + 10, order.count)]
      penalties.append(reference.penalty)
      penaltySum += reference.penalty * Double(batch.count)
      lossSum += reference.step(data: data, indices: batch).lossSum
    }
    #expect(penalties.count == 3 && penalties[0] != penalties[2])  // 10 + 10 + 3, weights moving
    #expect(abs(r.penalty - penaltySum / 23) < 1e-12)
    #expect(abs(r.dataLoss - lossSum / 23) < 1e-12)
    #expect(r.penalty != learner.penalty)  // not the end-of-epoch penalty
  }

  @Test func anUnregularizedEpochHasNoPenalty() {
    let data = tinyData(samples: 8, features: 3, classes: 2)
    var learner = Learner(network: Network(inputs: 3, hidden: [], classes: 2, activation: .linear, seed: 1),
                          optimizer: .sgd(learningRate: 0.1), maxBatch: 8)
    #expect(learner.trainEpoch(data: data, order: Array(0..<8), batchSize: 8).penalty == 0)
  }
}
