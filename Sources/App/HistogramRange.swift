/// The x range of the weight histograms: fixed, symmetric, shared by every lane, and only ever
/// widened.
///
/// A range that followed each frame's weights would rescale the bell as it shrinks and hide the
/// very thing L2 does. So the range is chosen once from the weights at hand, rounded up to a
/// round number, and only grows — when more than 1% of the weights would pile up in the edge
/// bins (an unregularized lane can grow its weights well past their initial scale). It is
/// forgotten when training starts over.
enum HistogramRange {
  /// Round half-ranges: 1, 1.5, 2, 3, 4, 5, 6, 8 times a power of ten.
  static func rounded(_ x: Float) -> Float {
    guard x.isFinite, x > 0 else { return 1 }
    var decade: Float = 1
    while decade * 10 <= x { decade *= 10 }
    while decade > x { decade /= 10 }
    let steps: [Float] = [1, 1.5, 2, 3, 4, 5, 6, 8, 10]
    return (steps.first { $0 * decade >= x * 0.9999 } ?? 10) * decade
  }

  /// The range to draw `magnitudes` (|w| of every weight shown) with, given the current one.
  static func update(_ current: Float?, magnitudes: [Float]) -> Float {
    let finite = magnitudes.filter(\.isFinite)
    guard !finite.isEmpty else { return current ?? 1 }
    if let current {
      let outside = finite.reduce(0) { $0 + ($1 > current ? 1 : 0) }
      guard outside * 100 > finite.count else { return current }
    }
    // The 99th percentile, so one runaway weight does not flatten everybody else's bell.
    let sorted = finite.sorted()
    let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * 0.99))]
    return max(current ?? 0, rounded(p99))
  }
}
