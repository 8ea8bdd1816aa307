/// The optimizers, with Keras's update formulas and defaults.
public enum Optimizer: Sendable, Hashable, Codable {
  /// `keras.optimizers.SGD`: v ← m·v − η·g; w ← w + v (plain w ← w − η·g when m = 0).
  case sgd(learningRate: Float, momentum: Float = 0)
  /// `keras.optimizers.Adam`: m ← m + (g − m)(1 − β1); v ← v + (g² − v)(1 − β2);
  /// w ← w − α·m / (√v + ε) with α = η·√(1 − β2ᵗ)/(1 − β1ᵗ).
  /// β's are Double because Keras forms 1 − β in double precision before rounding to float32
  /// (1 − Float(0.999) is 0.0010000467, not 0.001 — enough to drift 1e-5 from Keras).
  case adam(learningRate: Float, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Float = 1e-7)

  /// Which optimizer, without its settings: what a flag or a lesson names.
  public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
    case sgd, adam
  }

  public var kind: Kind {
    switch self {
    case .sgd: return .sgd
    case .adam: return .adam
    }
  }

  /// `kind` with Keras's defaults for the rest: SGD without momentum; Adam's β's and ε.
  public init(_ kind: Kind, learningRate: Float, momentum: Float = 0) {
    switch kind {
    case .sgd: self = .sgd(learningRate: learningRate, momentum: momentum)
    case .adam: self = .adam(learningRate: learningRate)
    }
  }

  public var name: String { kind.rawValue }

  public var learningRate: Float {
    get {
      switch self {
      case .sgd(let lr, _), .adam(let lr, _, _, _): return lr
      }
    }
    set {
      switch self {
      case .sgd(_, let m): self = .sgd(learningRate: newValue, momentum: m)
      case .adam(_, let b1, let b2, let e): self = .adam(learningRate: newValue, beta1: b1, beta2: b2, epsilon: e)
      }
    }
  }

  /// Whether the update keeps a second buffer per parameter (Adam's v).
  var needsSecondMoment: Bool {
    if case .adam = self { return true }
    return false
  }

  /// The problem with these settings, or nil.
  public var problem: String? {
    let lr = learningRate
    guard lr.isFinite && lr > 0 else { return "learning rate must be a finite number > 0, got \(lr)" }
    if case .sgd(_, let m) = self, !(m >= 0 && m < 1) {
      return "momentum must be in [0, 1), got \(m)"
    }
    return nil
  }
}
