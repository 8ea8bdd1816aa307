import Testing
@testable import NeuralCore

@Suite struct RegularizerTests {
  @Test func penaltyFollowsKeras() {
    let w: [Float] = [0.5, -0.25, 0, 2]
    #expect(abs(Regularizer.l1(0.01).penalty(w) - 0.01 * 2.75) < 1e-9)
    // No ½: 0.01 · (0.25 + 0.0625 + 4)
    #expect(abs(Regularizer.l2(0.01).penalty(w) - 0.01 * 4.3125) < 1e-9)
    #expect(abs(Regularizer.l1_l2(l1: 0.1, l2: 0.2).penalty(w) - (0.1 * 2.75 + 0.2 * 4.3125)) < 1e-7)
    #expect(Regularizer.none.penalty(w) == 0)
  }

  @Test func namesReadLikeKeras() {
    #expect(Regularizer.l1(0.01).description == "l1(0.01)")
    #expect(Regularizer.l2(0.5).description == "l2(0.5)")
    #expect(Regularizer.l1_l2(l1: 0.005, l2: 0.005).description == "l1_l2(l1=0.005, l2=0.005)")
    #expect(Regularizer.none.description == "none")
  }

  @Test func strengthsMustBeFiniteAndNonNegative() {
    #expect(Regularizer.l1(-0.1).problem != nil)
    #expect(Regularizer.l2(.nan).problem != nil)
    #expect(Regularizer.l1(.infinity).problem != nil)
    #expect(Regularizer.l1_l2(l1: 0, l2: 0.3).problem == nil)
  }

  @Test func biasesAreNeverPenalized() {
    var net = Network(inputs: 2, hidden: [], classes: 2, activation: .linear, seed: 1)
    net.layers[0].bias = [100, -100]
    let k = net.layers[0].kernel
    #expect(abs(net.penalty([.l1_l2(l1: 1, l2: 1)]) - Regularizer.l1_l2(l1: 1, l2: 1).penalty(k)) < 1e-9)
  }

  /// One weight, zero data gradient: the closed forms of each rule.
  func run(_ rule: L1Rule, w0: Float, steps: Int, lr: Float = 0.1, l1: Float = 0.3) -> [Float] {
    let r = UpdateRule(optimizer: .sgd(learningRate: lr), l1Rule: rule, regularizer: .l1(l1), step: 1)
    var w: [Float] = [w0], g: [Float] = [0], m: [Float] = [0], v: [Float] = [0]
    var trace: [Float] = []
    for _ in 0..<steps { r.apply(params: &w, grads: g, first: &m, second: &v, count: 1); trace.append(w[0]) }
    _ = g
    return trace
  }

  @Test func proxSoftThresholdsToExactZero() {
    // Each step removes η·λ1 = 0.03 until the weight would cross zero; then it is exactly 0 and stays.
    let t = run(.prox, w0: 0.1, steps: 6)
    #expect(isClose(t[0], 0.07) && isClose(t[1], 0.04) && isClose(t[2], 0.01, abs: 1e-7))
    #expect(t[3] == 0 && t[4] == 0 && t[5] == 0)
    let negative = run(.prox, w0: -0.05, steps: 2)
    #expect(isClose(negative[0], -0.02) && negative[1] == 0)
  }

  @Test func subgradientJittersAroundZero() {
    // Keras's rule: the weight overshoots zero and flips sign forever, never landing on 0.
    let t = run(.subgradient, w0: 0.1, steps: 20)
    #expect(!t.contains(0))
    #expect(t.suffix(10).contains { $0 < 0 } && t.suffix(10).contains { $0 > 0 })
    #expect(t.suffix(10).allSatisfy { abs($0) <= 0.03 + 1e-6 })
  }

  @Test func clipStopsAtZero() {
    let t = run(.clip, w0: 0.1, steps: 6)
    #expect(t[3] == 0 && t[5] == 0)
    #expect(t.allSatisfy { $0 >= 0 })
  }

  @Test func clipKillsTheLinkForGood() {
    // Playground's rule: once the penalty step has carried a weight across zero, it is dead.
    let r = UpdateRule(optimizer: .sgd(learningRate: 0.1), l1Rule: .clip, regularizer: .l1(0.3), step: 1)
    var w: [Float] = [0.01, 0.5], m: [Float] = [0, 0], v: [Float] = [0, 0], dead: [Float] = [0, 0]
    r.apply(params: &w, grads: [0, 0], first: &m, second: &v, dead: &dead, count: 2)
    #expect(w[0] == 0 && dead == [1, 0])
    #expect(isClose(w[1], 0.47))
    // The data now pull the first weight up hard: prox would let it come back, clip does not.
    for _ in 0..<5 { r.apply(params: &w, grads: [-1, 0], first: &m, second: &v, dead: &dead, count: 2) }
    #expect(w[0] == 0)
    let p = UpdateRule(optimizer: .sgd(learningRate: 0.1), l1Rule: .prox, regularizer: .l1(0.3), step: 1)
    var revived: [Float] = [0], m1: [Float] = [0], v1: [Float] = [0]
    p.apply(params: &revived, grads: [-1], first: &m1, second: &v1, count: 1)
    #expect(isClose(revived[0], 0.07))
  }

  @Test func changingTheRuleRevivesDeadLinks() {
    let data = tinyData(samples: 12, features: 4, classes: 3)
    let net = Network(inputs: 4, hidden: [6], classes: 3, activation: .relu, seed: 1)
    var learner = Learner(network: net, regularizers: [.l1(0.5), .l1(0.5)], optimizer: .sgd(learningRate: 0.1),
                          l1Rule: .clip, maxBatch: 12)
    for _ in 0..<50 { learner.step(data: data, indices: ArraySlice(0..<12)) }
    #expect(learner.deadLinkCount > 0)
    #expect(learner.deadLinkCount == WeightStats(network: learner.network).zeros)
    learner.l1Rule = .prox
    #expect(learner.deadLinkCount == 0)
  }

  @Test func l2ShrinksGeometrically() {
    // w ← w − η·2λ2·w = (1 − 2ηλ2)·w
    let r = UpdateRule(optimizer: .sgd(learningRate: 0.1), l1Rule: .prox, regularizer: .l2(0.5), step: 1)
    var w: [Float] = [1], m: [Float] = [0], v: [Float] = [0]
    for _ in 0..<3 { r.apply(params: &w, grads: [0], first: &m, second: &v, count: 1) }
    #expect(isClose(w[0], 0.9 * 0.9 * 0.9))
  }

  @Test func updateHandlesLengthsThatAreNotVectors() {
    for n in [1, 15, 16, 17, 33] {
      let r = UpdateRule(optimizer: .sgd(learningRate: 1), l1Rule: .prox, regularizer: .none, step: 1)
      var w = [Float](repeating: 1, count: n), m = w, v = w
      let g = (0..<n).map { Float($0) }
      r.apply(params: &w, grads: g, first: &m, second: &v, count: n)
      #expect(w == (0..<n).map { 1 - Float($0) })
    }
  }
}
