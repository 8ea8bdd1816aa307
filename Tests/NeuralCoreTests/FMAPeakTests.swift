import Testing
import NeuralCore

/// The FMA microbenchmark behind `regviz bench`'s peak: each build runs 12 chains of
/// acc = acc · m + c over its own vector width, and computes what a scalar loop computes.
@Suite struct FMAPeakTests {
  /// Σ over the 12 chains (started at 1…12) of `lanes` copies of the scalar chain after `n` steps.
  func expected(iterations n: Int, m: Float, c: Float, lanes: Int) -> Double {
    var total = 0.0
    for k in 1...12 {
      var a = Float(k)
      for _ in 0..<n { a = c.addingProduct(a, m) }
      total += Double(a) * Double(lanes)
    }
    return total
  }

  @Test func avx2BuildMatchesScalarChains() {
    #expect(SIMDTarget.avx2.fmaProbeFlopsPerIteration == 12 * 8 * 2)
    let got = Double(SIMDTarget.avx2.fmaProbe(iterations: 37))
    let want = expected(iterations: 37, m: 0.999_99, c: 1e-3, lanes: 8)
    #expect(abs(got - want) <= 1e-5 * want, "\(got) vs \(want)")
  }

  @Test(.enabled(if: SIMDTarget.hasAVX512, "this CPU lacks AVX-512: the AVX-512 probe is not run here"))
  func avx512BuildMatchesScalarChains() {
    #expect(SIMDTarget.avx512.fmaProbeFlopsPerIteration == 12 * 16 * 2)
    let got = Double(SIMDTarget.avx512.fmaProbe(iterations: 37))
    let want = expected(iterations: 37, m: 0.999_99, c: 1e-3, lanes: 16)
    #expect(abs(got - want) <= 1e-5 * want, "\(got) vs \(want)")
  }
}
