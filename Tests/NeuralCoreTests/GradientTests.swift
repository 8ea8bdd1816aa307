import Testing
@testable import NeuralCore

/// Back-propagation against central finite differences of the loss itself.
@Suite struct GradientTests {
  let data = tinyData(samples: 12, features: 4, classes: 3, seed: 5)

  /// dataLoss (+ penalty when asked) of the learner's network on all of `data`.
  func loss(_ net: Network, regularizers: [Regularizer] = []) -> Double {
    var l = Learner(network: net, optimizer: .sgd(learningRate: 0.1), impl: .scalar, maxBatch: 12)
    return l.evaluate(data: data).dataLoss + net.penalty(regularizers)
  }

  /// Compares every kernel and bias entry's analytic gradient with (L(w+h) − L(w−h)) / 2h.
  func checkNetwork(_ net: Network, impl: Impl, regularizers: [Regularizer] = []) {
    var learner = Learner(network: net, optimizer: .sgd(learningRate: 0.1), impl: impl, maxBatch: 12)
    let grads = learner.dataGradients(data: data, indices: ArraySlice(0..<12))
    let h: Float = 1e-3
    var checked = 0
    for l in net.layers.indices {
      for which in 0..<2 {
        let count = which == 0 ? net.layers[l].kernel.count : net.layers[l].units
        for i in 0..<count {
          var plus = net, minus = net
          if which == 0 { plus.layers[l].kernel[i] += h; minus.layers[l].kernel[i] -= h } else {
            plus.layers[l].bias[i] += h; minus.layers[l].bias[i] -= h
          }
          let difference = loss(plus, regularizers: regularizers) - loss(minus, regularizers: regularizers)
          let numeric = Float(difference / Double(2 * h))
          var analytic = which == 0 ? grads[l].kernel[i] : grads[l].bias[i]
          if !regularizers.isEmpty && which == 0 {
            let w = net.layers[l].kernel[i], r = regularizers[l]
            analytic += r.lambda1 * (w > 0 ? 1 : w < 0 ? -1 : 0) + 2 * r.lambda2 * w
          }
          #expect(isClose(analytic, numeric, rel: 2e-2, abs: 4e-4),
                  "layer \(l) \(which == 0 ? "kernel" : "bias")[\(i)]: backprop \(analytic) vs finite difference \(numeric)")
          checked += 1
        }
      }
    }
    #expect(checked == net.layers.reduce(0) { $0 + $1.parameterCount })
  }

  @Test(arguments: Activation.allCases, Impl.allCases)
  func wholeNetworkGradient(activation: Activation, impl: Impl) {
    checkNetwork(Network(inputs: 4, hidden: [6, 5], classes: 3, activation: activation, seed: 21), impl: impl)
  }

  @Test func penaltyGradientsAreKerasOnes() {
    // Keras: l1 adds λ1·Σ|w| (gradient λ1·sign w), l2 adds λ2·Σw² (gradient 2·λ2·w, no ½).
    let net = Network(inputs: 4, hidden: [5], classes: 3, activation: .tanh, seed: 8)
    checkNetwork(net, impl: .simd, regularizers: [.l1_l2(l1: 0.03, l2: 0.05), .l2(0.07)])
  }

  @Test func lossIsStableForHugeLogits() {
    // Logits of ±1e4 overflow a naive softmax; the log-sum-exp form stays finite.
    var net = Network(inputs: 4, hidden: [], classes: 3, activation: .linear, seed: 2)
    net.layers[0].kernel = net.layers[0].kernel.map { $0 * 1e4 }
    for impl in Impl.allCases {
      var learner = Learner(network: net, optimizer: .sgd(learningRate: 0.1), impl: impl, maxBatch: 12)
      let r = learner.evaluate(data: data)
      #expect(r.dataLoss.isFinite && r.dataLoss > 0)
    }
  }

  @Test func crossEntropyOfUniformLogitsIsLogClasses() {
    var net = Network(inputs: 4, hidden: [], classes: 3, activation: .linear, seed: 2)
    net.layers[0].kernel = [Float](repeating: 0, count: 12)
    var learner = Learner(network: net, optimizer: .sgd(learningRate: 0.1), maxBatch: 12)
    #expect(abs(learner.evaluate(data: data).dataLoss - Double(_logf(3))) < 1e-6)
  }
}
