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
  private struct Key: Hashable {
    var epoch: Int
    /// The lane's ‖w‖₁, bit for bit: any change of the weights changes it in practice, which
    /// also tells a restarted run from the old one at the same epoch.
    var fingerprint: UInt64
    var layer: Int?
    var range: Float
    var bins: Int
  }

  private var entries: [Int: (key: Key, histogram: Histogram)] = [:]

  /// Lane `index`'s histogram of `layer` (nil: all layers) on ±`range` in `bins` bins.
  public init() {}

  func histogram(lane index: Int, _ lane: LaneSnapshot, layer: Int?, bins: Int, range: Float) -> Histogram {
    let key = Key(epoch: lane.epoch, fingerprint: lane.stats.l1Norm.bitPattern, layer: layer, range: range, bins: bins)
    if let entry = entries[index], entry.key == key { return entry.histogram }
    let histogram = Self.count(lane, layer: layer, bins: bins, range: range)
    entries[index] = (key, histogram)
    return histogram
  }

  /// Weights counted exactly; above this, a strided sample of this many.
  static let exactLimit = 1 << 18

  static func count(_ lane: LaneSnapshot, layer: Int?, bins: Int, range: Float) -> Histogram {
    let layers = lane.network.layers
    let kernels = layer.map { [layers[$0].kernel] } ?? layers.map(\.kernel)
    let total = kernels.reduce(0) { $0 + $1.count }
    guard total > exactLimit else { return lane.network.histogram(layer: layer, binCount: bins, range: range) }
    let sample = HistogramRange.strided(kernels, limit: exactLimit)
    var histogram = Histogram(values: sample, binCount: bins, range: range)
    let zeros = layer.map { lane.stats.layerZeros[$0] } ?? lane.stats.zeros
    histogram.zeros = Int((Double(zeros) * Double(sample.count) / Double(total)).rounded())
    return histogram
  }
}
