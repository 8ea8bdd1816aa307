/// Every buffer one training step needs, allocated once, on first use: a step allocates nothing.
/// (A wide network's buffers run to hundreds of megabytes; allocating them on first use puts
/// that cost on the lane's own thread rather than before the first frame.)
///
/// Activations and deltas are feature-major, `(units, ld)` with `ld` = the largest batch rounded
/// up to 16, so each feature's values over the batch are one contiguous run of whole vectors.
struct Workspace: Sendable {
  /// Where each buffer lives in `storage`. Kept apart from the storage so the step can hold the
  /// offsets while it writes the storage (a copy of the whole workspace would force a copy-on-write).
  let layout: WorkspaceLayout
  /// One flat buffer; `layout` indexes into it from its first 64-byte boundary (`withBase`).
  var storage: [Float]
  /// Class index of each sample of the batch, as Float so the loss compares it in vectors.
  var labels: [Float]

  init(network: Network, maxBatch: Int) {
    layout = WorkspaceLayout(network: network, maxBatch: maxBatch)
    storage = []
    labels = []
  }

  /// Allocates the buffers if they are not yet.
  @inline(__always)
  mutating func allocate() {
    guard storage.isEmpty else { return }
    storage = [Float](repeating: 0, count: layout.total + Self.alignmentSlack)
    labels = [Float](repeating: 0, count: layout.ld)
  }

  /// Floats allocated beyond `layout.total` so that the buffers can start on a cache line.
  static let alignmentSlack = 15

  /// Calls `body` with the address the layout's offsets count from: `storage`'s first 64-byte
  /// boundary, so that every buffer (offsets are multiples of 16 floats) starts on a cache line.
  /// A `SIMD16` load from a misaligned row spans two lines; the AVX-512 kernels ran 13–19%
  /// slower on the arrays' natural 16-byte alignment. Computed on every call: a copied learner's
  /// array may sit at another alignment, and nothing in the workspace outlives a step. (Static,
  /// on the storage alone, so that `body` may read the workspace's other properties.)
  @inline(__always)
  static func withBase<R>(_ storage: inout [Float], _ body: (UnsafeMutablePointer<Float>) -> R) -> R {
    storage.withUnsafeMutableBufferPointer { body(cacheLineAligned($0.baseAddress!)) }
  }

  /// `p` moved forward to the next multiple of 64 bytes (by at most 15 floats).
  @inline(__always)
  static func cacheLineAligned(_ p: UnsafeMutablePointer<Float>) -> UnsafeMutablePointer<Float> {
    p + ((64 - Int(bitPattern: p) & 63) & 63) / MemoryLayout<Float>.stride
  }

  var ld: Int { layout.ld }
}

/// Offsets of the step's buffers in the workspace storage. A class: the step takes it once per
/// pass, and a struct copy would retain each of its arrays.
final class WorkspaceLayout: Sendable {
  let ld: Int
  /// activation[0] is the input (in, ld); activation[l + 1] is layer l's output (units, ld).
  let activationOffsets: [Int]
  /// delta[l] = ∂loss/∂(layer l's pre-activation): (units, ld).
  let deltaOffsets: [Int]
  /// kernelGradient[l]: (in, units); biasGradient[l]: (units).
  let kernelGradientOffsets: [Int]
  let biasGradientOffsets: [Int]
  /// Transpose scratch for the wide weight-gradient path: (ld, max units).
  let scratchOffset: Int
  let total: Int

  init(network: Network, maxBatch: Int) {
    let ld = max(16, (maxBatch + 15) & ~15)
    self.ld = ld
    var offset = 0
    func take(_ n: Int) -> Int { defer { offset += (n + 15) & ~15 }; return offset }
    activationOffsets = [take(network.inputCount * ld)] + network.layers.map { take($0.units * ld) }
    deltaOffsets = network.layers.map { take($0.units * ld) }
    kernelGradientOffsets = network.layers.map { take($0.kernel.count) }
    biasGradientOffsets = network.layers.map { take($0.units) }
    scratchOffset = take(ld * (network.layers.map(\.units).max() ?? 1))
    total = offset
  }
}
