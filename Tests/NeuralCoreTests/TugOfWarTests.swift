import Testing
@testable import NeuralCore

/// The tug of war's arrows are the gradients the learner's step uses: for every weight of the
/// first kernel, `TugOfWar.after(rule)` from the learner's own data gradient equals the weight
/// after the learner's real step.
@Suite struct TugOfWarTests {
  @Test(arguments: [L1Rule.prox, .subgradient, .clip])
  func arrowsAreTheStepsGradients(_ rule: L1Rule) {
    let data = tinyData(samples: 24, features: 5, classes: 3)
    let net = Network(inputs: 5, hidden: [6], classes: 3, activation: .relu, seed: 9)
    let reg = Regularizer.l1_l2(l1: 0.5, l2: 0.02)
    let lr: Float = 0.3
    var learner = Learner(network: net, regularizers: [reg, reg], optimizer: .sgd(learningRate: lr), l1Rule: rule,
                          maxBatch: 24)
    let all = Array(0..<24)[...]
    let g = learner.dataGradients(data: data, indices: all)[0].kernel
    let before = learner.network.layers[0].kernel
    _ = learner.step(data: data, indices: all)
    let after = learner.network.layers[0].kernel
    var zeros = 0
    for i in before.indices {
      let tug = TugOfWar(w: before[i], dataGradient: g[i], lambda1: 0.5, lambda2: 0.02, rate: lr)
      #expect(isClose(tug.after(rule), after[i], rel: 1e-5, abs: 1e-6), "weight \(i): \(tug.after(rule)) vs \(after[i])")
      #expect(tug.l2Pull == -2 * 0.02 * before[i] && tug.l1Pull == -0.5 * (before[i] > 0 ? 1 : -1))
      if after[i] == 0 { zeros += 1; #expect(rule != .subgradient) }
      if rule == .prox { #expect((abs(tug.z) <= tug.tau) == (after[i] == 0)) }
    }
    if rule != .subgradient { #expect(zeros > 0, "λ1·η large enough to zero some weight in one step") }
  }

  @Test func subgradientOvershootsProxLandsOnZero() {
    // Zero data gradient, w inside the dead zone: prox lands on 0, subgradient jumps past it.
    let tug = TugOfWar(w: 0.01, dataGradient: 0, lambda1: 0.1, lambda2: 0, rate: 0.3)
    #expect(tug.after(.prox) == 0)
    #expect(isClose(tug.after(.subgradient), 0.01 - 0.03))
    #expect(tug.after(.clip) == 0)
  }

  /// The group line's force is the group term's subgradient on the weight, negated:
  /// `GroupLasso.gradient` of its row, `−λg·w/‖row‖`; 0 at a zero row and without the term.
  @Test func groupPullIsTheRowsSubgradient() {
    let row: [Float] = [0.3, -0.4, 1.2]  // ‖row‖ = 1.3
    let lambda: Float = 0.05
    let g = GroupLasso.gradient(row, lambda: lambda)
    let tugs = row.map { TugOfWar(w: $0, dataGradient: 0, lambda1: 0, lambda2: 0, rate: 0.1, lambdaGroup: lambda, rowNorm: 1.3) }
    for (k, tug) in tugs.enumerated() {
      #expect(isClose(tug.groupPull, -g[k]), "\(k): \(tug.groupPull) vs \(-g[k])")
      #expect(isClose(tug.groupPull, -lambda * row[k] / 1.3))
    }
    // The row's pulls together are a pull of exactly λg on the row, whatever its size.
    #expect(isClose(tugs.map { $0.groupPull * $0.groupPull }.reduce(0, +).squareRoot(), lambda))
    #expect(isClose(tugs[0].groupTau, 0.1 * lambda))
    #expect(TugOfWar(w: 0, dataGradient: 0, lambda1: 0, lambda2: 0, rate: 0.1, lambdaGroup: lambda, rowNorm: 0).groupPull == 0)
    #expect(TugOfWar(w: 0.3, dataGradient: 0, lambda1: 0.1, lambda2: 0.1, rate: 0.1, rowNorm: 1.3).groupPull == 0)
    // It does not touch the L1 rules' arithmetic.
    let with = TugOfWar(w: 0.3, dataGradient: 0.2, lambda1: 0.1, lambda2: 0.01, rate: 0.1, lambdaGroup: lambda, rowNorm: 1.3)
    let without = TugOfWar(w: 0.3, dataGradient: 0.2, lambda1: 0.1, lambda2: 0.01, rate: 0.1)
    #expect(with.z == without.z && L1Rule.allCases.allSatisfy { with.after($0) == without.after($0) })
  }
}
