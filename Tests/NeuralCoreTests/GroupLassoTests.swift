import Testing
@testable import NeuralCore

/// The group lasso (issue 27): λ·Σᵢ‖W[i,:]‖₂ over a kernel's rows, its block soft-threshold (prox
/// and clip rules) and its subgradient (Keras's autodiff of the norm), each against its definition.
@Suite struct GroupLassoTests {
  // MARK: - Block soft-threshold

  @Test func blockSoftThresholdByHand() {
    // ‖(3, 4)‖ = 5, τ = 1: scaled by 1 − 1/5 = 0.8.
    #expect(GroupLasso.blockSoftThreshold([3, 4], tau: 1) == [2.4, 3.2])
    // ‖(3, 4)‖ = 5 = τ: lands on exactly 0 (max(0, 1 − 5/5) = 0).
    #expect(GroupLasso.blockSoftThreshold([3, 4], tau: 5) == [0, 0])
    #expect(GroupLasso.blockSoftThreshold([-0.5, 0.5, -0.5, 0.5], tau: 1) == [0, 0, 0, 0])  // ‖·‖ = 1 = τ
    // Below τ: exactly 0, every weight of the row at once.
    #expect(GroupLasso.blockSoftThreshold([0.3, -0.4, 0.1], tau: 1) == [0, 0, 0])
    // A zero row stays zero; τ = 0 changes nothing.
    #expect(GroupLasso.blockSoftThreshold([0, 0], tau: 0.5) == [0, 0])
    #expect(GroupLasso.blockSoftThreshold([1, -2, 2], tau: 0) == [1, -2, 2])
    // ‖(1, −2, 2)‖ = 3, τ = 0.3: 0.9 of itself; the direction is kept, signs included.
    let r = GroupLasso.blockSoftThreshold([1, -2, 2], tau: 0.3)
    for (a, b) in zip(r, [Float(0.9), -1.8, 1.8]) { #expect(isClose(a, b)) }
  }

  /// The in-place kernel over a whole (rows, units) kernel equals the reference row by row, on
  /// awkward row lengths, with rows that hit 0 and rows that do not.
  @Test(arguments: [1, 3, 7, 16, 17])
  func inPlaceThresholdEqualsReference(units: Int) {
    let rows = 9
    var kernel = randomFloats(rows * units, seed: UInt64(units))
    for k in 0..<units { kernel[2 * units + k] *= 0.01 }  // a row far below τ
    for k in 0..<units { kernel[5 * units + k] = 0 }  // a zero row
    let tau: Float = 0.2
    let expected = (0..<rows).flatMap { GroupLasso.blockSoftThreshold(Array(kernel[$0 * units..<($0 + 1) * units]), tau: tau) }
    kernel.withUnsafeMutableBufferPointer { GroupLasso.threshold(weights: $0.baseAddress!, rows: rows, units: units, tau: tau) }
    #expect(kernel == expected)
    #expect(kernel[2 * units..<3 * units].allSatisfy { $0 == 0 })
  }

  // MARK: - Penalty

  @Test func penaltyIsLambdaTimesSumOfRowNorms() {
    // (3, 2) kernel, rows (3, 4), (0.6, 0.8), (0, 0): norms 5, 1, 0.
    let kernel: [Float] = [3, 4, 0.6, 0.8, 0, 0]
    #expect(abs(Regularizer.group(0.1).penalty(kernel, units: 2) - 0.1 * 6) < 1e-7)
    // The same weights as one row of 6: one norm, √26.01.
    #expect(abs(Regularizer.group(0.1).penalty(kernel, units: 6) - 0.1 * (9.0 + 16 + 0.36 + 0.64).squareRoot()) < 1e-6)
    // With L1 and L2 beside it (sparse group lasso), the terms add.
    let all = Regularizer(lambda1: 0.01, lambda2: 0.02, lambdaGroup: 0.1)
    let absSum = kernel.reduce(0.0) { $0 + Double(abs($1)) }, squares = kernel.reduce(0.0) { $0 + Double($1 * $1) }
    #expect(abs(all.penalty(kernel, units: 2) - (0.01 * absSum + 0.02 * squares + 0.1 * 6)) < 1e-6)
  }

  /// The network's penalty, the learner's and the per-epoch statistics' agree with λ·Σ‖row‖
  /// computed directly from the (inputs, units) layout.
  @Test func everyPenaltyAgreesWithTheDefinition() {
    let net = Network(inputs: 5, hidden: [7], classes: 3, activation: .relu, seed: 8)
    let regs: [Regularizer] = [.group(0.05), Regularizer(lambda1: 0.01, lambdaGroup: 0.02)]
    var direct = 0.0
    for (l, layer) in net.layers.enumerated() {
      for i in 0..<layer.inputs {
        let row = (0..<layer.units).map { Double(layer.kernel[i * layer.units + $0]) }
        direct += Double(regs[l].lambdaGroup) * row.reduce(0) { $0 + $1 * $1 }.squareRoot()
        direct += Double(regs[l].lambda1) * row.reduce(0) { $0 + abs($1) }
      }
    }
    #expect(abs(net.penalty(regs) - direct) < 1e-9)
    #expect(abs(WeightStats(network: net, regularizers: regs).penalty - direct) < 1e-9)
    #expect(abs(WeightStats(network: net).penalized(by: regs).penalty - direct) < 1e-9)
  }

  // MARK: - Subgradient

  /// λ·row/‖row‖ against central differences of the penalty; 0 at a zero row.
  @Test func subgradientMatchesFiniteDifferences() {
    let units = 5, lambda: Float = 0.3
    var kernel = randomFloats(4 * units, seed: 11)
    for k in 0..<units { kernel[units + k] = 0 }
    let r = Regularizer.group(lambda)
    let h: Float = 1e-2
    for i in 0..<4 {
      let row = Array(kernel[i * units..<(i + 1) * units])
      let g = GroupLasso.gradient(row, lambda: lambda)
      if i == 1 { #expect(g.allSatisfy { $0 == 0 }); continue }
      for k in 0..<units {
        var plus = kernel, minus = kernel
        plus[i * units + k] += h
        minus[i * units + k] -= h
        let numeric = (r.penalty(plus, units: units) - r.penalty(minus, units: units)) / Double(2 * h)
        #expect(abs(Double(g[k]) - numeric) < 1e-3, "row \(i) [\(k)]: \(g[k]) vs \(numeric)")
      }
    }
    // The in-place form adds the same to a gradient buffer.
    var grads = [Float](repeating: 1, count: kernel.count)
    kernel.withUnsafeBufferPointer { w in
      grads.withUnsafeMutableBufferPointer { GroupLasso.addGradient(weights: w.baseAddress!, grads: $0.baseAddress!, rows: 4, units: units, lambda: lambda) }
    }
    let expected = (0..<4).flatMap { GroupLasso.gradient(Array(kernel[$0 * units..<($0 + 1) * units]), lambda: lambda).map { $0 + 1 } }
    #expect(grads == expected)
  }

  // MARK: - In the learner

  /// One SGD step: under subgradient, the group lane's kernel is the unpenalized step minus
  /// η·λ·row/‖row‖; under prox (and clip) it is the block soft-threshold of that step with τ = η·λ.
  @Test(arguments: [L1Rule.subgradient, .prox, .clip], [Impl.scalar, .simd])
  func oneStepFollowsTheRule(rule: L1Rule, impl: Impl) {
    let data = tinyData(samples: 12, features: 4, classes: 3)
    let net = Network(inputs: 4, hidden: [6], classes: 3, activation: .tanh, seed: 5)
    let lr: Float = 0.1
    func stepped(_ regs: [Regularizer]) -> Network {
      var learner = Learner(network: net, regularizers: regs, optimizer: .sgd(learningRate: lr), l1Rule: rule, impl: impl, maxBatch: 12)
      _ = learner.step(data: data, indices: Array(0..<12)[...])
      return learner.network
    }
    let plain = stepped([])
    let layer = net.layers[0], units = layer.units
    // τ = η·λ at the median row norm after the step: some rows hit 0 under prox, some do not.
    let norms = (0..<layer.inputs).map { i in plain.layers[0].kernel[i * units..<(i + 1) * units].reduce(0) { $0 + $1 * $1 }.squareRoot() }
    let lambda = norms.sorted()[layer.inputs / 2 - 1] * 1.001 / lr
    let group = stepped([.group(lambda), .none])
    let expected: [Float] = (0..<layer.inputs).flatMap { i -> [Float] in
      let after = Array(plain.layers[0].kernel[i * units..<(i + 1) * units])
      guard rule == .subgradient else { return GroupLasso.blockSoftThreshold(after, tau: lr * lambda) }
      let g = GroupLasso.gradient(Array(layer.kernel[i * units..<(i + 1) * units]), lambda: lambda)
      return zip(after, g).map { $0 - lr * $1 }
    }
    #expect(maxAbsDifference(group.layers[0].kernel, expected) <= 1e-6)
    #expect(group.layers[1].kernel == plain.layers[1].kernel)  // layer 2 has no term
    if rule != .subgradient {
      let zeroRows = (0..<layer.inputs).filter { i in group.layers[0].kernel[i * units..<(i + 1) * units].allSatisfy { $0 == 0 } }
      #expect(!zeroRows.isEmpty && zeroRows.count < layer.inputs, "\(zeroRows)")
    }
  }

  /// Adam under prox: the block soft-threshold with τ = α·λ over the row's mean √v + ε (the
  /// first step: v = (1 − β2)·g², α = lr·√(1 − β2)/(1 − β1)).
  @Test func adamThresholdUsesTheRowsMeanStep() {
    let data = tinyData(samples: 12, features: 4, classes: 3)
    let net = Network(inputs: 4, hidden: [6], classes: 3, activation: .tanh, seed: 5)
    let adam = Optimizer.adam(learningRate: 0.01), lambda: Float = 0.05
    func stepped(_ regs: [Regularizer]) -> (Network, [Float]) {
      var learner = Learner(network: net, regularizers: regs, optimizer: adam, l1Rule: .prox, maxBatch: 12)
      let g = learner.dataGradients(data: data, indices: Array(0..<12)[...])[0].kernel
      _ = learner.step(data: data, indices: Array(0..<12)[...])
      return (learner.network, g)
    }
    let (plain, g) = stepped([])
    let (group, _) = stepped([.group(lambda), .none])
    let rule = UpdateRule(optimizer: adam, l1Rule: .prox, regularizer: .none, step: 1)
    let units = net.layers[0].units
    let expected: [Float] = (0..<net.layers[0].inputs).flatMap { i -> [Float] in
      let v = (0..<units).map { g[i * units + $0] * g[i * units + $0] * Float(1 - 0.999) }
      let meanStep = v.reduce(0.0) { $0 + Double($1.squareRoot() + 1e-7) } / Double(units)
      let tau = Float(Double(rule.alpha * lambda) / meanStep)
      return GroupLasso.blockSoftThreshold(Array(plain.layers[0].kernel[i * units..<(i + 1) * units]), tau: tau)
    }
    #expect(maxAbsDifference(group.layers[0].kernel, expected) <= 1e-6)
    #expect(maxAbsDifference(group.layers[0].kernel, plain.layers[0].kernel) > 1e-4, "the step did something")
  }
}
