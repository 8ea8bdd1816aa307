import Foundation
import NeuralCore

/// Weights as Keras's `model.get_weights()` lays them out, in JSON:
/// `{"layers": [{"kernel": [[…in rows of out…]], "bias": […]}, …]}`.
public struct WeightsFile: Codable, Sendable, Equatable {
  public struct LayerWeights: Codable, Sendable, Equatable {
    /// (inputs, units): kernel[i][o].
    public var kernel: [[Float]]
    public var bias: [Float]
  }

  public var layers: [LayerWeights]

  public init(layers: [LayerWeights]) { self.layers = layers }

  public init(network: Network) {
    layers = network.layers.map { layer in
      LayerWeights(kernel: (0..<layer.inputs).map { i in Array(layer.kernel[(i * layer.units)..<((i + 1) * layer.units)]) },
                   bias: layer.bias)
    }
  }

  /// The problem with these weights for `network`'s shape, or nil.
  public func shapeProblem(for network: Network) -> String? {
    guard layers.count == network.layers.count else {
      return "has \(layers.count) layers, the network has \(network.layers.count) (\(network.shapeDescription))"
    }
    for (l, (given, layer)) in zip(layers, network.layers).enumerated() {
      let rows = given.kernel.count, cols = given.kernel.first?.count ?? 0
      if rows != layer.inputs {
        return "layer \(l + 1): kernel is \(rows)×\(cols), expected \(layer.inputs)×\(layer.units)"
      }
      if let row = given.kernel.firstIndex(where: { $0.count != layer.units }) {
        return "layer \(l + 1): kernel row \(row + 1) has \(given.kernel[row].count) values, expected \(layer.units)"
      }
      if given.bias.count != layer.units {
        return "layer \(l + 1): bias has \(given.bias.count) values, expected \(layer.units)"
      }
      if given.kernel.joined().contains(where: { !$0.isFinite }) || given.bias.contains(where: { !$0.isFinite }) {
        return "layer \(l + 1): weights must be finite numbers"
      }
    }
    return nil
  }

  /// `network` with these weights (regularizers and activations kept). Check `shapeProblem` first.
  public func applied(to network: Network) -> Network {
    var net = network
    for l in net.layers.indices {
      net.layers[l].kernel = Array(layers[l].kernel.joined())
      net.layers[l].bias = layers[l].bias
    }
    return net
  }
}
