import Canvas
import NeuralCore
import Training

/// Each lane's histogram from the last frame, reused while nothing it depends on changed, and
/// counted from a bounded sample when a layer is huge.
///
/// Counting every weight each frame is fine for the 20-16-16-3 net (690 weights) but not for a
/// wide one: 4096×4096 is 16.7 M weights a lane, about a second a frame for four lanes. So a
/// histogram is recounted only when its lane's weights change (its epoch and its L1 norm move),
/// and above `exactLimit` weights it is counted on an evenly strided sample of that many — the
/// bars' shape to a fraction of a percent — while the exact-zero bar keeps the exact count
/// (from the lane's statistics), scaled to the sample, so the spike at 0 is never estimated.
/// UI thread only.
public final class HistogramCache {
  /// What a lane's histogram is drawn from: bins and the exact zeros apart.
  struct Counts: Hashable {
    var bins: [Int]
    var zeros: Int
  }

  private struct Key: Hashable {
    var epoch: Int
    /// The lane's ‖w‖₁, bit for bit: any change of the weights changes it in practice, which
    /// also tells a restarted run from the old one at the same epoch.
    var fingerprint: UInt64
    var layer: Int?
    var scale: HistogramScale
    var range: Float
    var bins: Int
  }

  private var entries: [Int: (key: Key, counts: Counts)] = [:]

  public init() {}

  /// Lane `index`'s counts of `layer` (nil: all layers) in `bins` bins: on ±`range` for the
  /// linear scale, over the log decades of `LogHistogram` for the log scale.
  func counts(lane index: Int, _ lane: LaneSnapshot, layer: Int?, scale: HistogramScale, bins: Int,
              range: Float) -> Counts {
    let key = Key(epoch: lane.epoch, fingerprint: lane.stats.l1Norm.bitPattern, layer: layer, scale: scale,
                  range: range, bins: bins)
    if let entry = entries[index], entry.key == key { return entry.counts }
    let counts = Self.count(lane, layer: layer, scale: scale, bins: bins, range: range)
    entries[index] = (key, counts)
    return counts
  }

  /// Weights counted exactly; above this, a strided sample of this many.
  static let exactLimit = 1 << 18

  static func count(_ lane: LaneSnapshot, layer: Int?, scale: HistogramScale, bins: Int, range: Float) -> Counts {
    let layers = lane.network.layers
    let kernels = layer.map { [layers[$0].kernel] } ?? layers.map(\.kernel)
    let total = kernels.reduce(0) { $0 + $1.count }
    let sample = total > exactLimit ? HistogramRange.strided(kernels, limit: exactLimit) : Array(kernels.joined())
    var counts: Counts
    switch scale {
    case .linear:
      let h = Histogram(values: sample, binCount: bins, range: range)
      counts = Counts(bins: h.bins, zeros: h.zeros)
    case .log:
      let h = LogHistogram(values: sample, binCount: bins)
      counts = Counts(bins: h.bins, zeros: h.zeros)
    }
    if sample.count < total {
      let zeros = layer.map { lane.stats.layerZeros[$0] } ?? lane.stats.zeros
      counts.zeros = Checked.int(Double(zeros) * Double(sample.count) / Double(total))
    }
    return counts
  }
}
