import NeuralCore

/// A Keras-like `model.summary()` with one regularizer column per lane — the lesson's
/// "verify your regularizers" step. Layers carry Keras's names (`dense`, `dense_1`, …), and
/// "regularized" counts only the kernels a lane actually penalizes.
public enum ModelSummary {
  public static func text(network: Network, lanes: [Lane], datasetName: String) -> String {
    let parts = self.parts(network: network, lanes: lanes, datasetName: datasetName)
    let rows = parts.rows
    let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max()! }
    func line(_ r: [String]) -> String {
      r.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
        .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))
    return "\(parts.title)\n\(rule)\n\(line(rows[0]))\n\(rule)\n" + rows.dropFirst().map { line($0) + "\n" }.joined()
      + "\(rule)\n" + parts.footer
  }

  /// The summary's title line, its table (header row first) and its footer lines, for a caller
  /// that lays the table out itself (to fit a terminal).
  public static func parts(network: Network, lanes: [Lane], datasetName: String)
    -> (title: String, rows: [[String]], footer: String) {
    let regs = lanes.map(\.regularizers)
    var rows: [[String]] = [["Layer (type)", "Units", "Activation", "Params"] + lanes.map { "\($0.name) kernel_regularizer" }]
    for (l, layer) in network.layers.enumerated() {
      let act = l == network.layers.count - 1 ? "softmax" : layer.activation.rawValue
      rows.append(["\(Network.kerasLayerName(l)) (Dense)", "\(layer.inputs)→\(layer.units)", act, "\(layer.parameterCount)"]
                  + regs.map { l < $0.count ? $0[l].description : "none" })
    }
    let total = network.layers.reduce(0) { $0 + $1.parameterCount }
    let kernels = network.layers.reduce(0) { $0 + $1.kernel.count }
    let title = "Model: \"sequential\" on \(datasetName) (\(network.shapeDescription))"
    var out = "Total params: \(total) — \(kernels) kernel weights, \(total - kernels) biases (never penalized)\n"
    out += "Regularized kernel weights: " + lanes.map { lane in
      let layers = network.layers.indices.filter { $0 < lane.regularizers.count && !lane.regularizers[$0].isNone }
      let count = layers.reduce(0) { $0 + network.layers[$1].kernel.count }
      let which = layers.map { "\(Network.kerasLayerName($0)) \(network.layers[$0].kernel.count)" }.joined(separator: ", ")
      return "\(lane.name) \(count)" + (which.isEmpty ? "" : " (\(which))")
    }.joined(separator: " · ") + "\n"
    // Decoupled weight decay and early stopping are not kernel regularizers: said apart.
    let extras = lanes.compactMap { lane -> String? in
      var parts: [String] = []
      if let wd = lane.weightDecays.max(), wd > 0 {
        let layers = lane.weightDecays.indices.filter { lane.weightDecays[$0] > 0 }.map(Network.kerasLayerName)
        parts.append("optimizer weight_decay=\(formatStrength(wd)) on \(layers.joined(separator: ", ")) kernels")
      }
      if let p = lane.spec.stopPatience { parts.append("early stopping at the best val loss, patience \(p)") }
      return parts.isEmpty ? nil : "\(lane.name): " + parts.joined(separator: "; ")
    }
    for line in extras { out += line + "\n" }
    return (title, rows, out)
  }
}
