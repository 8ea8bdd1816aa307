/// What L1 has cut out of a network: inputs it no longer reads and hidden units it no longer
/// uses. Only exact zeros count — a small weight still carries signal.
extension Network {
  /// Input features whose first-layer kernel row is all exactly 0: the network ignores them.
  public var droppedInputs: [Int] {
    guard let first = layers.first else { return [] }
    return (0..<first.inputs).filter { i in (0..<first.units).allSatisfy { first.kernel[i * first.units + $0] == 0 } }
  }

  /// Hidden units, as (layer, unit), with every incoming or every outgoing weight exactly 0:
  /// nothing reaches them from the inputs, or nothing they compute reaches the next layer.
  public var prunedUnits: [(layer: Int, unit: Int)] {
    var pruned: [(layer: Int, unit: Int)] = []
    for l in layers.indices.dropLast() {
      let layer = layers[l], next = layers[l + 1]
      for u in 0..<layer.units {
        let into = (0..<layer.inputs).allSatisfy { layer.kernel[$0 * layer.units + u] == 0 }
        let out = (0..<next.units).allSatisfy { next.kernel[u * next.units + $0] == 0 }
        if into || out { pruned.append((l, u)) }
      }
    }
    return pruned
  }
}
