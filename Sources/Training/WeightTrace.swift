import NeuralCore

/// A handful of single first-layer weights over epochs, for the weight-trajectories view:
/// under prox-L1 a noise weight falls in a straight line and stays at exactly 0, under L2 it
/// decays geometrically and never arrives, under the subgradient it hovers at ±η·λ1.
///
/// Every lane starts from the same weights, so each lane traces the same positions. Bounded
/// like `History`: at `capacity` points every other one goes and the stride doubles.
public struct WeightTrace: Sendable, Hashable {
  /// One traced weight: `kernel[input * units + unit]` of the first Dense layer.
  public struct Position: Sendable, Hashable {
    public var input: Int
    public var unit: Int
    /// Whether the input is one of the data set's informative features (nil: not known).
    public var informative: Bool?
  }

  public let positions: [Position]
  public private(set) var epochs: [Int] = []
  /// `values[k]` are the traced weights after `epochs[k]`, in `positions` order.
  public private(set) var values: [[Float]] = []
  public private(set) var stride = 1
  public let capacity: Int

  public static let empty = WeightTrace(positions: [])

  public init(positions: [Position], capacity: Int = 512) {
    self.positions = positions
    self.capacity = max(capacity & ~1, 4)
  }

  /// Picks up to two informative inputs and three noise inputs (without knowledge of which is
  /// which: the first five), each at the unit where its initial weight is largest in size.
  public init(network: Network, informative: [Int]?, capacity: Int = 512) {
    guard let layer = network.layers.first, layer.units > 0 else {
      self.init(positions: [], capacity: capacity)
      return
    }
    let inputs = Array(0..<layer.inputs)
    let chosen: [Int]
    if let informative {
      let signal = informative.filter { $0 < layer.inputs }.prefix(2)
      chosen = Array(signal) + inputs.filter { !informative.contains($0) }.prefix(3)
    } else {
      chosen = Array(inputs.prefix(5))
    }
    let positions = chosen.map { input in
      let unit = (0..<layer.units).max { abs(layer.kernel[input * layer.units + $0]) < abs(layer.kernel[input * layer.units + $1]) }!
      return Position(input: input, unit: unit, informative: informative.map { $0.contains(input) })
    }
    self.init(positions: positions, capacity: capacity)
  }

  /// Records the traced weights of `network` after `epoch`.
  public mutating func record(_ network: Network, epoch: Int) {
    guard !positions.isEmpty, epoch % stride == 0, let layer = network.layers.first else { return }
    epochs.append(epoch)
    values.append(positions.map { layer.kernel[$0.input * layer.units + $0.unit] })
    if epochs.count >= capacity {
      stride *= 2
      let keep = epochs.indices.filter { epochs[$0] % stride == 0 }
      values = keep.map { values[$0] }
      epochs = keep.map { epochs[$0] }
    }
  }

  /// Its bytes: at most `capacity` points of at most five weights (about 60 KB at 512),
  /// whatever the network's size and however long the run.
  public var bytes: Int { ByteSize.of(epochs) + values.reduce(ByteSize.of(values)) { $0 + ByteSize.of($1) } }

  /// The series of traced weight `k`, oldest first.
  public func series(_ k: Int) -> [Float] { values.map { $0[k] } }
}
