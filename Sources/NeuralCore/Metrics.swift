/// Counts of weights on a fixed symmetric range, with exact zeros counted apart — so the L1
/// spike at zero is not smeared into the bins beside it.
public struct Histogram: Sendable, Hashable, Codable {
  /// Counts of non-zero weights in equal bins over [−range, range]; weights beyond the range
  /// are counted in the edge bins.
  public var bins: [Int]
  /// Weights exactly 0.0.
  public var zeros: Int
  /// NaN or infinite weights (a diverged lane): counted, never binned.
  public var nonFinite: Int
  public var range: Float

  public init(bins: [Int], zeros: Int, nonFinite: Int = 0, range: Float) {
    self.bins = bins
    self.zeros = zeros
    self.nonFinite = nonFinite
    self.range = range
  }

  /// `range` must be finite and > 0 (anything else is taken as 1). Huge finite weights land in
  /// the edge bins; the bin index is clamped while still a Float, so no value can overflow `Int`.
  public init(values: [Float], binCount: Int, range: Float) {
    let binCount = max(binCount, 1)
    let range = range.isFinite && range > 0 ? range : 1
    var bins = [Int](repeating: 0, count: binCount)
    var zeros = 0, nonFinite = 0
    let scale = Float(binCount) / (2 * range)
    let last = Float(binCount - 1)
    for w in values {
      if w == 0 { zeros += 1; continue }
      guard w.isFinite else { nonFinite += 1; continue }
      let position = ((w + range) * scale).rounded(.down)
      // (w + range) may overflow to ±infinity for |w| near Float.greatestFiniteMagnitude.
      let clamped = position.isNaN ? (w < 0 ? 0 : last) : min(max(position, 0), last)
      bins[Int(clamped)] += 1
    }
    self.init(bins: bins, zeros: zeros, nonFinite: nonFinite, range: range)
  }

  public var total: Int { bins.reduce(zeros + nonFinite, +) }
}

/// What the learner watches, measured on one network's kernels (biases are not penalized and
/// are left out). Cheap enough to take every epoch.
public struct WeightStats: Sendable, Hashable, Codable {
  /// Per layer, then totals.
  public var layerWeights: [Int]
  public var layerZeros: [Int]
  public var layerNearZeros: [Int]
  /// Per layer, Σ|w| and Σw² of the kernel: the penalty for any regularizers follows from them.
  public var layerAbsSums: [Double]
  public var layerSquareSums: [Double]
  /// Per layer, Σᵢ‖row i‖₂ of the kernel (rows: one per input or unit below), for the group term.
  public var layerRowNormSums: [Double]
  /// Σ|w| over all kernels.
  public var l1Norm: Double
  /// √Σw² over all kernels.
  public var l2Norm: Double
  /// The penalty term of the loss, Σ over layers of λ1·Σ|w| + λ2·Σw² + λg·Σ‖row‖ — the same as
  /// `Network.penalty(_:)`, taken in the same pass as the counts.
  public var penalty: Double
  /// ‖row i of the first kernel‖₂: how much the network listens to input feature i.
  public var featureMagnitudes: [Float]
  /// Exact zeros in each row of the first kernel (per input feature).
  public var featureZeros: [Int]

  public var weights: Int { layerWeights.reduce(0, +) }
  public var zeros: Int { layerZeros.reduce(0, +) }
  public var nearZeros: Int { layerNearZeros.reduce(0, +) }
  public var zeroFraction: Double { weights == 0 ? 0 : Double(zeros) / Double(weights) }
  public var nearZeroFraction: Double { weights == 0 ? 0 : Double(nearZeros) / Double(weights) }

  /// `regularizers`: each layer's kernel regularizer, for the penalty (missing: none).
  /// `nearZeroThreshold`: |w| below it counts as near zero (exact zeros included).
  public init(network: Network, regularizers: [Regularizer] = [], nearZeroThreshold: Float = 1e-3) {
    var weights: [Int] = [], zeros: [Int] = [], near: [Int] = [], absSums: [Double] = [], squareSums: [Double] = []
    var rowNormSums: [Double] = []
    var l1 = 0.0, squares = 0.0
    for layer in network.layers {
      var z = 0, n = 0
      var layerAbs = 0.0, layerSquares = 0.0
      for w in layer.kernel {
        if w == 0 { z += 1 }
        if abs(w) < nearZeroThreshold { n += 1 }
        layerAbs += Double(abs(w))
        layerSquares += Double(w) * Double(w)
      }
      l1 += layerAbs
      squares += layerSquares
      absSums.append(layerAbs)
      rowNormSums.append(Regularizer.rowNormSum(layer.kernel, units: layer.units))
      squareSums.append(layerSquares)
      weights.append(layer.kernel.count)
      zeros.append(z)
      near.append(n)
    }
    layerWeights = weights
    layerZeros = zeros
    layerNearZeros = near
    layerAbsSums = absSums
    layerSquareSums = squareSums
    layerRowNormSums = rowNormSums
    l1Norm = l1
    l2Norm = squares.squareRoot()
    penalty = Self.penalty(abs: absSums, squares: squareSums, rowNorms: rowNormSums, regularizers: regularizers)
    let first = network.layers[0]
    featureMagnitudes = (0..<first.inputs).map { i in
      var s: Float = 0
      for o in 0..<first.units { let w = first.kernel[i * first.units + o]; s += w * w }
      return s.squareRoot()
    }
    featureZeros = (0..<first.inputs).map { i in
      (0..<first.units).reduce(0) { $0 + (first.kernel[i * first.units + $1] == 0 ? 1 : 0) }
    }
  }

  /// The same weights measured under other regularizers: only the penalty changes.
  public func penalized(by regularizers: [Regularizer]) -> WeightStats {
    var stats = self
    stats.penalty = Self.penalty(abs: layerAbsSums, squares: layerSquareSums, rowNorms: layerRowNormSums, regularizers: regularizers)
    return stats
  }

  /// Σ over layers of λ1·Σ|w| + λ2·Σw² + λg·Σᵢ‖row i‖₂.
  static func penalty(abs: [Double], squares: [Double], rowNorms: [Double], regularizers: [Regularizer]) -> Double {
    var total = 0.0
    for l in abs.indices {
      let r = regularizers.indices.contains(l) ? regularizers[l] : .none
      total += Double(r.lambda1) * abs[l] + Double(r.lambda2) * squares[l] + Double(r.lambdaGroup) * rowNorms[l]
    }
    return total
  }

  /// Fraction of first-layer weights of the given (noise) features that are exactly 0.
  public func zeroFraction(ofFeatures features: [Int], unitsPerFeature: Int) -> Double {
    guard !features.isEmpty, unitsPerFeature > 0 else { return .nan }
    let z = features.reduce(0) { $0 + featureZeros[$1] }
    return Double(z) / Double(features.count * unitsPerFeature)
  }

  /// Mean first-layer row norm of `informative` features over that of the other features.
  public func featureRatio(informative: [Int]) -> Double {
    let set = Set(informative)
    let signal = featureMagnitudes.indices.filter { set.contains($0) }.map { Double(featureMagnitudes[$0]) }
    let noise = featureMagnitudes.indices.filter { !set.contains($0) }.map { Double(featureMagnitudes[$0]) }
    guard !signal.isEmpty, !noise.isEmpty else { return .nan }
    let s = signal.reduce(0, +) / Double(signal.count), n = noise.reduce(0, +) / Double(noise.count)
    return n == 0 ? .infinity : s / n
  }
}

extension Network {
  /// Histogram of the kernel weights of one layer, or of all layers (`layer` nil).
  public func histogram(layer: Int? = nil, binCount: Int, range: Float) -> Histogram {
    let values = layer.map { layers[$0].kernel } ?? layers.flatMap(\.kernel)
    return Histogram(values: values, binCount: binCount, range: range)
  }
}

/// Counts of |w| on a log scale, log10|w| from `lowDecade` to `highDecade` in equal bins, with
/// exact zeros and non-finite weights counted apart. The view that tells Keras's L1 (mass at
/// 1e-4…1e-3, no zeros) from the proximal rule (a bar of exact zeros) at a glance.
public struct LogHistogram: Sendable, Hashable {
  public var bins: [Int]
  public var zeros: Int
  public var nonFinite: Int
  public var lowDecade: Int
  public var highDecade: Int

  /// The decades the dashboard shows: 1e-8 (well below any float a learner cares about) to 10.
  public static let lowestDecade = -8
  public static let highestDecade = 1

  /// |w| below 10^lowDecade lands in the first bin, above 10^highDecade in the last.
  public init(values: [Float], binCount: Int, lowDecade: Int = LogHistogram.lowestDecade,
              highDecade: Int = LogHistogram.highestDecade) {
    let binCount = max(binCount, 1)
    var bins = [Int](repeating: 0, count: binCount)
    var zeros = 0, nonFinite = 0
    let span = Float(highDecade - lowDecade)
    let last = Float(binCount - 1)
    for w in values {
      if w == 0 { zeros += 1; continue }
      guard w.isFinite else { nonFinite += 1; continue }
      let position = ((_log10f(abs(w)) - Float(lowDecade)) / span * Float(binCount)).rounded(.down)
      bins[Int(min(max(position, 0), last))] += 1
    }
    self.bins = bins
    self.zeros = zeros
    self.nonFinite = nonFinite
    self.lowDecade = lowDecade
    self.highDecade = highDecade
  }
}
