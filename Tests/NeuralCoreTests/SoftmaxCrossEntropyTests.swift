import Testing
@testable import NeuralCore

/// The vectorized loss against the scalar one, on counts that end inside a vector: the lanes
/// past `count` must add nothing and get a zero delta, whatever the padding logits hold.
@Suite struct SoftmaxCrossEntropyTests {
  @Test func vectorizedMatchesScalarOnPartialVectors() {
    for classes in [2, 3, 10] {
      for count in [1, 6, 15, 16, 17, 150] {
        let ld = (count + 15) & ~15
        var z = randomFloats(classes * ld, seed: UInt64(count)).map { $0 * 4 }
        // Padding logits that would poison a sum or a max if they leaked in.
        for c in 0..<classes { for s in count..<ld { z[c * ld + s] = c == 0 ? 1e30 : s % 2 == 0 ? -1e30 : .nan } }
        let labels = (0..<ld).map { Float($0 < count ? ($0 * 7) % classes : classes + 5) }
        var fast = [Float](repeating: .nan, count: classes * ld), slow = fast
        let a = SoftmaxCrossEntropy.lossAndGradient(logits: z, labels: labels, delta: &fast, classes: classes,
                                                    count: count, ld: ld, vectorized: true)
        let b = SoftmaxCrossEntropy.lossAndGradient(logits: z, labels: labels, delta: &slow, classes: classes,
                                                    count: count, ld: ld, vectorized: false)
        #expect(a.correct == b.correct, "classes \(classes) count \(count)")
        #expect(Swift.abs(a.lossSum - b.lossSum) <= 1e-5 * Swift.abs(b.lossSum) + 1e-6, "classes \(classes) count \(count)")
        for c in 0..<classes {
          for s in 0..<count {
            #expect(isClose(fast[c * ld + s], slow[c * ld + s], rel: 1e-5, abs: 1e-7), "delta \(c),\(s) of \(count)")
          }
          for s in count..<ld { #expect(fast[c * ld + s] == 0, "padding \(c),\(s) of \(count)") }
        }
      }
    }
  }
}
