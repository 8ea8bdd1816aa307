import Foundation
import NeuralCore

/// A network's weights in the one JSON form RegViz reads and writes: the list Keras's
/// `model.get_weights()` returns, each array as nested lists — kernel (inputs, units), bias
/// (units), per Dense layer in order:
///
///     [[[k00, k01, …], …], [b0, b1, …], [[…]], […], …]
///
/// Two lines of Python write it (`json.dump([w.tolist() for w in model.get_weights()], f)`), and
/// the same list sits under each lane of a `--dump-weights` file (`WeightDump`), so a dump, an
/// exported script's weights and a Keras model's weights all read back through one decoder.
public struct WeightsFile: Codable, Sendable, Equatable {
  public struct LayerWeights: Codable, Sendable, Equatable {
    /// (inputs, units): kernel[i][o].
    public var kernel: [[Float]]
    public var bias: [Float]

    public init(kernel: [[Float]], bias: [Float]) {
      self.kernel = kernel
      self.bias = bias
    }
  }

  public var layers: [LayerWeights]

  public init(layers: [LayerWeights]) { self.layers = layers }

  public init(network: Network) {
    layers = network.layers.map { layer in
      LayerWeights(kernel: (0..<layer.inputs).map { i in Array(layer.kernel[(i * layer.units)..<((i + 1) * layer.units)]) },
                   bias: layer.bias)
    }
  }

  /// Reads the `get_weights()` list: kernel, bias, kernel, bias, …
  public init(from decoder: any Decoder) throws {
    var list = try decoder.unkeyedContainer()
    var layers: [LayerWeights] = []
    while !list.isAtEnd {
      let kernel = try list.decode([[Float]].self)
      guard !list.isAtEnd else {
        throw DecodingError.dataCorruptedError(in: list, debugDescription:
          "array \(list.currentIndex) is a kernel without its bias (get_weights() lists kernel, bias, kernel, bias, …)")
      }
      layers.append(LayerWeights(kernel: kernel, bias: try list.decode([Float].self)))
    }
    self.layers = layers
  }

  public func encode(to encoder: any Encoder) throws {
    var list = encoder.unkeyedContainer()
    for layer in layers {
      try list.encode(layer.kernel)
      try list.encode(layer.bias)
    }
  }

  /// The problem with these weights for `network`'s shape, or nil. Layers are named as Keras
  /// names them (`dense`, `dense_1`, …).
  public func shapeProblem(for network: Network) -> String? {
    guard layers.count == network.layers.count else {
      return "has \(layers.count) Dense layers, the network has \(network.layers.count) (\(network.shapeDescription))"
    }
    for (l, (given, layer)) in zip(layers, network.layers).enumerated() {
      let name = Network.kerasLayerName(l)
      let rows = given.kernel.count, cols = given.kernel.first?.count ?? 0
      if rows != layer.inputs {
        return "\(name): kernel is \(rows)×\(cols), expected \(layer.inputs)×\(layer.units)"
      }
      if let row = given.kernel.firstIndex(where: { $0.count != layer.units }) {
        return "\(name): kernel row \(row + 1) has \(given.kernel[row].count) values, expected \(layer.units)"
      }
      if given.bias.count != layer.units {
        return "\(name): bias has \(given.bias.count) values, expected \(layer.units)"
      }
      if given.kernel.joined().contains(where: { !$0.isFinite }) || given.bias.contains(where: { !$0.isFinite }) {
        return "\(name): weights must be finite numbers"
      }
    }
    return nil
  }

  /// `network` with these weights (activations kept). Check `shapeProblem` first.
  public func applied(to network: Network) -> Network {
    var net = network
    for l in net.layers.indices {
      net.layers[l].kernel = Array(layers[l].kernel.joined())
      net.layers[l].bias = layers[l].bias
    }
    return net
  }
}
