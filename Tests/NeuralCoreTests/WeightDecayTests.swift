import Testing
@testable import NeuralCore

/// Decoupled weight decay (`w ← w − η·wd·w` outside the gradient, Keras's `weight_decay`, AdamW)
/// against Keras's L2 (gradient 2λw): the same thing under SGD when λ = wd/2, not under Adam.
@Suite struct WeightDecayTests {
  static func trained(_ optimizer: Optimizer, l2: Float, wd: Float, impl: Impl, steps: Int = 40) -> Network {
    let data = tinyData(samples: 30, features: 5, classes: 3)
    let net = Network(inputs: 5, hidden: [6], classes: 3, activation: .tanh, seed: 4)
    var learner = Learner(network: net, regularizers: [.l2(l2), .l2(l2)], optimizer: optimizer, impl: impl, maxBatch: 10)
    learner.weightDecays = [wd, wd]
    for epoch in 0..<steps / 3 {
      _ = learner.trainEpoch(data: data, order: epochOrder(count: 30, seed: 2, epoch: epoch), batchSize: 10)
    }
    return learner.network
  }

  static func kernels(_ n: Network) -> [Float] { n.layers.flatMap(\.kernel) }

  @Test(arguments: [Impl.scalar, .simd])
  func sgdDecayEqualsHalfStrengthL2(impl: Impl) {
    let sgd = Optimizer.sgd(learningRate: 0.1)
    let a = Self.kernels(Self.trained(sgd, l2: 0.05, wd: 0, impl: impl))
    let b = Self.kernels(Self.trained(sgd, l2: 0, wd: 0.1, impl: impl))
    // Float rounding only: the two orders of the same arithmetic.
    #expect(maxAbsDifference(a, b) <= 2e-6, "\(maxAbsDifference(a, b))")
    // And the decay did something: the weights are not those of the unregularized run.
    #expect(maxAbsDifference(a, Self.kernels(Self.trained(sgd, l2: 0, wd: 0, impl: impl))) > 1e-2)
  }

  /// With momentum the L2 gradient is carried in the velocity and the decay is not: the two
  /// part (Keras's SGD applies `weight_decay` outside the momentum).
  @Test func momentumSeparatesDecayFromL2() {
    let sgd = Optimizer.sgd(learningRate: 0.05, momentum: 0.9)
    let a = Self.kernels(Self.trained(sgd, l2: 0.05, wd: 0, impl: .simd))
    let b = Self.kernels(Self.trained(sgd, l2: 0, wd: 0.1, impl: .simd))
    #expect(maxAbsDifference(a, b) > 1e-2)
  }

  @Test func adamDecayDiffersFromL2() {
    let adam = Optimizer.adam(learningRate: 0.01)
    let viaL2 = Self.kernels(Self.trained(adam, l2: 0.05, wd: 0, impl: .simd))
    let viaDecay = Self.kernels(Self.trained(adam, l2: 0, wd: 0.1, impl: .simd))
    #expect(maxAbsDifference(viaL2, viaDecay) > 1e-2)
  }

  /// The theory (Loshchilov & Hutter): Adam divides the L2 gradient by √v, so a weight with
  /// large past gradients is pulled in less than by decoupled decay, and one with none is pulled
  /// in at about η a step whatever λ is; decoupled decay shrinks both by the same factor.
  @Test func adamL2PullScalesWithGradientHistoryDecayDoesNot() {
    let steps = 200, lr: Float = 0.01, wd: Float = 0.1
    func run(l2: Float, decay: Float) -> (quiet: Float, busy: Float) {
      let rule = { (t: Int) in
        UpdateRule(optimizer: .adam(learningRate: lr), l1Rule: .prox, regularizer: .l2(l2), weightDecay: decay, step: t)
      }
      var w: [Float] = [1, 1], m: [Float] = [0, 0], v: [Float] = [0, 0]
      for t in 1...steps {
        // The busy weight's data gradient alternates ±5 (no drift of its own); the quiet one's is 0.
        let g: [Float] = [0, t % 2 == 0 ? 5 : -5]
        rule(t).apply(params: &w, grads: g, first: &m, second: &v, count: 2)
      }
      return (w[0], w[1])
    }
    let l2 = run(l2: wd / 2, decay: 0), decoupled = run(l2: 0, decay: wd)
    let factor = (0..<steps).reduce(Float(1)) { w, _ in w - (w * wd) * lr }   // 0.818
    // Decoupled: both weights shrink by (1 − η·wd)ᵗ, the busy one up to its own jitter.
    #expect(isClose(decoupled.quiet, factor, rel: 1e-4), "\(decoupled.quiet) vs \(factor)")
    #expect(Swift.abs(decoupled.busy - factor) < 0.02, "\(decoupled.busy) vs \(factor)")
    // L2 under Adam: the quiet weight is pulled almost to 0, the busy one hardly at all.
    #expect(Swift.abs(l2.quiet) < 0.1, "quiet weight under Adam+L2: \(l2.quiet)")
    #expect(l2.busy > decoupled.busy + 0.1, "busy weight: L2 \(l2.busy), decay \(decoupled.busy)")
  }
}
