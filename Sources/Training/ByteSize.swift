import NeuralCore

/// The heap bytes of what a history keeps, for the byte budgets of issue 25 (a history capped
/// in entries grew to 26 GB when one entry was a 1024×1024 network). An array counts its
/// elements plus its header and the allocator's word (`arrayOverhead`), which for a network of
/// many small layers (a 10 000-layer Keras model) is most of its size.
public enum ByteSize {
  /// An array's header (32 bytes) and malloc's bookkeeping, rounded up.
  public static let arrayOverhead = 48

  public static func of<T>(_ a: [T]) -> Int { a.isEmpty ? 0 : arrayOverhead + a.count * MemoryLayout<T>.stride }

  /// Weights, biases and the layers' own storage.
  public static func of(_ n: Network) -> Int {
    n.layers.reduce(of(n.layers)) { $0 + of($1.kernel) + of($1.bias) }
  }

  /// The per-layer and per-feature arrays of the statistics.
  public static func of(_ s: WeightStats) -> Int {
    of(s.layerWeights) + of(s.layerZeros) + of(s.layerNearZeros) + of(s.layerAbsSums) + of(s.layerSquareSums) + of(s.layerRowNormSums)
      + of(s.featureMagnitudes) + of(s.featureZeros)
  }
}
