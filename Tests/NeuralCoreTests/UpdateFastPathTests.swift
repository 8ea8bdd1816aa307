import Testing
@testable import NeuralCore

/// Plain SGD with the prox rule (or no L1) takes a loop of its own in `UpdateRule.apply`; it
/// must give the general per-vector `update`'s bits exactly, on whole vectors and the tail.
@Suite struct UpdateFastPathTests {
  @Test(arguments: [1, 16, 37, 200])
  func fastLoopEqualsTheGeneralUpdate(count: Int) {
    var rng = SplitMix64(seed: UInt64(count))
    // Weights near the threshold too, so the prox's zeroing and sign flips are exercised.
    let w = (0..<count).map { i in i % 5 == 0 ? Float(i % 3 == 0 ? 1e-5 : -1e-5) : rng.normal() * 0.1 }
    // No gradient there: those weights land on the threshold or inside it.
    let g = (0..<count).map { i in i % 5 == 0 ? 0 : rng.normal() }
    for lambda1 in [Float(0), 0.001, 0.5] {
      let rule = UpdateRule(optimizer: .sgd(learningRate: 0.01), l1Rule: .prox,
                            regularizer: lambda1 == 0 ? .none : .l1(lambda1), step: 1)
      var fast = w
      var unused = [Float](repeating: 0, count: count)
      fast.withUnsafeMutableBufferPointer { p in
        g.withUnsafeBufferPointer { gp in
          unused.withUnsafeMutableBufferPointer { u in
            rule.apply(params: p.baseAddress!, grads: gp.baseAddress!, first: u.baseAddress!, second: u.baseAddress!,
                       count: count)
          }
        }
      }
      var general = w
      var i = 0
      while i < count {
        let n = min(16, count - i)
        var m = SIMD16<Float>(), v = SIMD16<Float>()
        let out = general.withUnsafeBufferPointer { p in
          g.withUnsafeBufferPointer { gp in
            rule.update(w: NeuralCore.loadPartial(p.baseAddress! + i, n), g: NeuralCore.loadPartial(gp.baseAddress! + i, n), m: &m, v: &v)
          }
        }
        for k in 0..<n { general[i + k] = out[k] }
        i += 16
      }
      #expect(fast.map(\.bitPattern) == general.map(\.bitPattern), "λ1 \(lambda1)")
      #expect(lambda1 == 0 || fast.contains(0), "the prox zeroed some weights")
    }
  }
}
