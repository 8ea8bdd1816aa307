/// One Dense layer, as Keras's `Dense(units, activation)`. Its `kernel_regularizer` belongs to
/// the lane that trains it (`Learner.regularizers`), not to the weights: lanes share a start.
public struct Layer: Sendable, Hashable, Codable {
  public let inputs: Int
  public let units: Int
  /// Hidden layers use this; the output layer's activation is softmax, applied by the loss.
  public var activation: Activation
  /// The kernel, Keras layout: (inputs, units) row-major, `kernel[i * units + o]`.
  public var kernel: [Float]
  /// The bias: (units). Never penalized.
  public var bias: [Float]
  public init(inputs: Int, units: Int, activation: Activation, kernel: [Float], bias: [Float]) {
    precondition(kernel.count == inputs * units && bias.count == units, "layer shape mismatch")
    self.inputs = inputs
    self.units = units
    self.activation = activation
    self.kernel = kernel
    self.bias = bias
  }

  /// Keras defaults: Glorot-uniform kernel, U(±√(6/(in+out))), and a zero bias.
  public init(inputs: Int, units: Int, activation: Activation, rng: inout SplitMix64) {
    let limit = (6 / Float(inputs + units)).squareRoot()
    let kernel = (0..<(inputs * units)).map { _ in rng.uniform(-limit, limit) }
    self.init(inputs: inputs, units: units, activation: activation, kernel: kernel,
              bias: [Float](repeating: 0, count: units))
  }

  public var parameterCount: Int { kernel.count + bias.count }
}

/// A Keras `Sequential` of Dense layers ending in softmax over `classCount` classes.
public struct Network: Sendable, Hashable, Codable {
  public var layers: [Layer]

  public init(layers: [Layer]) {
    precondition(!layers.isEmpty, "a network needs at least one layer")
    for (a, b) in zip(layers, layers.dropFirst()) { precondition(a.units == b.inputs, "layer sizes do not chain") }
    self.layers = layers
  }

  /// inputs → hidden… → classes, Glorot-uniform kernels from `seed`, so one seed fixes the start.
  public init(inputs: Int, hidden: [Int], classes: Int, activation: Activation, seed: UInt64) {
    var rng = SplitMix64.derive(seed, 0x1A7E75)
    let sizes = [inputs] + hidden + [classes]
    var layers: [Layer] = []
    for l in 0..<(sizes.count - 1) {
      let isOutput = l == sizes.count - 2
      layers.append(Layer(inputs: sizes[l], units: sizes[l + 1],
                          activation: isOutput ? .linear : activation, rng: &rng))
    }
    self.init(layers: layers)
  }

  public var inputCount: Int { layers[0].inputs }
  public var classCount: Int { layers[layers.count - 1].units }
  /// "4-10-10-3"
  public var shapeDescription: String { ([inputCount] + layers.map(\.units)).map(String.init).joined(separator: "-") }

  /// Keras's automatic name for Dense layer `l` (0-based) of a fresh session — `dense`,
  /// `dense_1`, `dense_2`, … — the names a learner sees in `model.summary()`. (Lane specs count
  /// layers from 1, so `1:l1=…` is the layer Keras calls `dense`.)
  public static func kerasLayerName(_ l: Int) -> String { l == 0 ? "dense" : "dense_\(l)" }

  /// The `penalty` half of the loss under one kernel regularizer per layer (missing: none).
  public func penalty(_ regularizers: [Regularizer]) -> Double {
    layers.indices.reduce(0) { $0 + (regularizers.indices.contains($1) ? regularizers[$1].penalty(layers[$1].kernel, units: layers[$1].units) : 0) }
  }
}
