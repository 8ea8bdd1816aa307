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
  /// One flat buffer; `layout` indexes into it.
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
    storage = [Float](repeating: 0, count: layout.total)
    labels = [Float](repeating: 0, count: layout.ld)
  }

  var ld: Int { layout.ld }
}

/// Offsets of the step's buffers in the workspace storage.
struct WorkspaceLayout: Sendable {
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
