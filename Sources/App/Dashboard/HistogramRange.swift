import Canvas

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

  /// |w| of at most this many weights per lane decide the range: the frame's work stays bounded
  /// however wide the network (4096×4096 is 16.7 M weights a lane), and a strided sample of a
  /// few thousand finds the 99th percentile as well as all of them would.
  static let samplePerLane = 4096

  /// Appends |w| of an evenly strided sample of `kernels` (all of them when they are few).
  static func sample(_ kernels: [[Float]], into magnitudes: inout [Float]) {
    magnitudes += strided(kernels, limit: samplePerLane).map { abs($0) }
  }

  /// The range for the weights of `lanes` (each lane's kernels sampled as `sample` does), given
  /// the current one: `update(current, magnitudes:)` of the lanes' samples. Most frames keep
  /// the range, and they learn that from one counting pass over the sample, copying nothing;
  /// only a frame that may widen it gathers the sample.
  static func update(_ current: Float?, lanes: [[[Float]]]) -> Float {
    if let current {
      var finite = 0, outside = 0
      for kernels in lanes {
        forEachStrided(kernels, limit: samplePerLane) { w in
          let m = abs(w)
          if m.isFinite {
            finite += 1
            if m > current { outside += 1 }
          }
        }
      }
      guard finite > 0, outside * 100 > finite else { return current }
    }
    var magnitudes: [Float] = []
    for kernels in lanes { sample(kernels, into: &magnitudes) }
    return update(current, magnitudes: magnitudes)
  }

  /// Calls `body` with the values `strided(kernels, limit:)` returns, in order.
  @inline(__always)
  static func forEachStrided(_ kernels: [[Float]], limit: Int, _ body: (Float) -> Void) {
    let total = kernels.reduce(0) { $0 + $1.count }
    let stride = max(1, (total + limit - 1) / max(limit, 1))
    var next = 0, offset = 0
    for kernel in kernels {
      kernel.withUnsafeBufferPointer { k in
        while next - offset < k.count {
          body(k[next - offset])
          next += stride
        }
      }
      offset += kernel.count
    }
  }

  /// At most `limit` values of `kernels`, taken as one sequence at an even stride.
  static func strided(_ kernels: [[Float]], limit: Int) -> [Float] {
    let total = kernels.reduce(0) { $0 + $1.count }
    let stride = max(1, (total + limit - 1) / max(limit, 1))
    var values: [Float] = []
    values.reserveCapacity(min(total, limit))
    var next = 0, offset = 0
    for kernel in kernels {
      while next - offset < kernel.count {
        values.append(kernel[next - offset])
        next += stride
      }
      offset += kernel.count
    }
    return values
  }

  /// The range to draw `magnitudes` (|w| of the weights shown, or a sample) with, given the
  /// current one.
  static func update(_ current: Float?, magnitudes: [Float]) -> Float {
    let finite = magnitudes.filter(\.isFinite)
    guard !finite.isEmpty else { return current ?? 1 }
    if let current {
      let outside = finite.reduce(0) { $0 + ($1 > current ? 1 : 0) }
      guard outside * 100 > finite.count else { return current }
    }
    // The 99th percentile, so one runaway weight does not flatten everybody else's bell.
    let sorted = finite.sorted()
    let p99 = sorted[min(sorted.count - 1, Checked.floor(Double(sorted.count - 1) * 0.99))]
    return max(current ?? 0, rounded(p99))
  }
}
