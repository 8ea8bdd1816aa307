import NeuralCore
import Training

/// Each lane's histogram from the last frame, reused while nothing it depends on changed.
///
/// Counting every weight each frame is fine for the 20-16-16-3 net (690 weights) but not for a
/// wide one: 4096×4096 is 16.7 M weights a lane, tens of milliseconds a frame. A lane's weights
/// change only when it trains (its epoch and its L1 norm move) or restarts, so most frames of a
/// slow, wide run reuse the count. UI thread only.
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
    let histogram = lane.network.histogram(layer: layer, binCount: bins, range: range)
    entries[index] = (key, histogram)
    return histogram
  }
}
