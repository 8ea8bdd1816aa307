/// A kernel regularizer with Keras's semantics (`keras.regularizers.L1`, `L2`, `L1L2`), plus the
/// group lasso (the Keras export defines it as a small `GroupLasso` class).
///
/// The penalty added to the data loss is `lambda1·Σ|w| + lambda2·Σw² + lambdaGroup·Σᵢ‖W[i,:]‖₂`.
/// Note: **no ½** on the L2 term, exactly as Keras, so its gradient is `2·lambda2·w` (TensorFlow
/// Playground and many textbooks use ½·w², which halves the shrinkage for the same "0.01").
/// The group term sums the L2 norms of the kernel's rows — row i is every weight leaving input
/// (or unit below) i, `kernel[i·units ..< (i+1)·units]` in the (inputs, units) layout — so its
/// proximal step zeroes whole rows: a dropped input on layer 1, a pruned unit deeper (Yuan & Lin
/// 2006; Scardapane et al. 2017). Biases are never penalized.
public struct Regularizer: Sendable, Hashable, Codable, CustomStringConvertible {
  /// L1 strength λ1 (Keras `l1`): finite, ≥ 0.
  public var lambda1: Float
  /// L2 strength λ2 (Keras `l2`): finite, ≥ 0.
  public var lambda2: Float
  /// Group-lasso strength λg (regviz's `group=`): finite, ≥ 0. Adds λg·Σᵢ‖row i‖₂, no ½, not squared.
  public var lambdaGroup: Float

  public init(lambda1: Float = 0, lambda2: Float = 0, lambdaGroup: Float = 0) {
    self.lambda1 = lambda1
    self.lambda2 = lambda2
    self.lambdaGroup = lambdaGroup
  }

  public static let none = Regularizer()
  /// `keras.regularizers.L1(λ)`: adds λ·Σ|w|.
  public static func l1(_ lambda: Float) -> Regularizer { Regularizer(lambda1: lambda) }
  /// `keras.regularizers.L2(λ)`: adds λ·Σw² (no ½).
  public static func l2(_ lambda: Float) -> Regularizer { Regularizer(lambda2: lambda) }
  /// `keras.regularizers.L1L2(l1, l2)`: the elastic net, both terms.
  public static func l1_l2(l1: Float, l2: Float) -> Regularizer { Regularizer(lambda1: l1, lambda2: l2) }
  /// The group lasso: adds λ·Σᵢ‖W[i,:]‖₂ over the kernel's rows.
  public static func group(_ lambda: Float) -> Regularizer { Regularizer(lambdaGroup: lambda) }

  public var isNone: Bool { lambda1 == 0 && lambda2 == 0 && lambdaGroup == 0 }

  /// Which of the L1 and L2 terms are on: the one case analysis every Keras spelling of a
  /// regularizer starts from. The group term is apart (`lambdaGroup > 0`): it combines with any.
  public enum Kind: Sendable { case none, l1, l2, l1l2 }

  public var kind: Kind {
    switch (lambda1 > 0, lambda2 > 0) {
    case (false, false): return .none
    case (true, false): return .l1
    case (false, true): return .l2
    case (true, true): return .l1l2
    }
  }

  /// Keras's rule: strengths must be finite and non-negative. Returns the problem, or nil.
  public var problem: String? {
    for (name, value) in [("l1", lambda1), ("l2", lambda2), ("group", lambdaGroup)] where !(value.isFinite && value >= 0) {
      return "\(name) strength must be a finite number ≥ 0, got \(value)"
    }
    return nil
  }

  /// The penalty term for one kernel of shape (inputs, units), row-major:
  /// λ1·Σ|w| + λ2·Σw² + λg·Σᵢ‖row i‖₂, summed in Double for a steady display. `units` (the row
  /// length) is needed only by the group term. Vectorized: the learner measures it before every
  /// batch (Keras's epoch loss needs it).
  public func penalty(_ kernel: [Float], units: Int? = nil) -> Double {
    if isNone { return 0 }
    var total = lambda1 == 0 && lambda2 == 0 ? 0 : elementPenalty(kernel)
    if lambdaGroup != 0 {
      guard let units else { preconditionFailure("the group term needs the kernel's row length") }
      total += Double(lambdaGroup) * Self.rowNormSum(kernel, units: units)
    }
    return total
  }

  /// Σᵢ ‖kernel[i·units ..< (i+1)·units]‖₂ in Double: the group term without its λ.
  public static func rowNormSum(_ kernel: [Float], units: Int) -> Double {
    precondition(units > 0 && kernel.count % units == 0, "kernel is not (inputs, units)")
    var sum = 0.0
    kernel.withUnsafeBufferPointer { w in
      for start in stride(from: 0, to: w.count, by: units) {
        var q = 0.0
        for k in start..<start + units { let d = Double(w[k]); q += d * d }
        sum += q.squareRoot()
      }
    }
    return sum
  }

  private func elementPenalty(_ kernel: [Float]) -> Double {
    var absSum = SIMD8<Double>(), squareSum = SIMD8<Double>()
    let whole = kernel.count & ~7
    kernel.withUnsafeBufferPointer { w in
      var i = 0
      while i < whole {
        var v = SIMD8<Double>()
        for k in 0..<8 { v[k] = Double(w[i + k]) }
        absSum += v.replacing(with: -v, where: v .< 0)
        squareSum += v * v
        i += 8
      }
    }
    var a = absSum.sum(), q = squareSum.sum()
    for w in kernel[whole...] { let d = Double(w); a += abs(d); q += d * d }
    return Double(lambda1) * a + Double(lambda2) * q
  }

  /// Keras-style spelling: `l1(0.01)`, `l2(0.01)`, `l1_l2(l1=0.005, l2=0.005)`, `none`; with a
  /// group term, `GroupLasso(0.05)` or `GroupLasso(0.05, l1=0.01)` (the export's class and its
  /// arguments, which carry the lane's L1 and L2 too: Keras takes one kernel regularizer).
  public var description: String {
    if lambdaGroup > 0 {
      var args = [formatStrength(lambdaGroup)]
      if lambda1 > 0 { args.append("l1=\(formatStrength(lambda1))") }
      if lambda2 > 0 { args.append("l2=\(formatStrength(lambda2))") }
      return "GroupLasso(\(args.joined(separator: ", ")))"
    }
    switch kind {
    case .none: return "none"
    case .l1: return "l1(\(formatStrength(lambda1)))"
    case .l2: return "l2(\(formatStrength(lambda2)))"
    case .l1l2: return "l1_l2(l1=\(formatStrength(lambda1)), l2=\(formatStrength(lambda2)))"
    }
  }
}

/// Shortest text that reads back as the same Float (0.01 rather than 0.009999999776).
public func formatStrength(_ x: Float) -> String {
  var s = "\(x)"
  if s.hasSuffix(".0") { s.removeLast(2) }
  return s
}

/// How the L1 term enters the update. Only the L1 term is affected; L2 is always an ordinary
/// gradient term. See DECISIONS.md for why `prox` is the default.
public enum L1Rule: String, Sendable, CaseIterable, Codable {
  /// Gradient step on the smooth part (data loss + L2), then soft-threshold
  /// w ← sign(w)·max(|w| − η·λ1, 0): weights within η·λ1 of zero land exactly on 0.
  case prox
  /// λ1·sign(w) added to the gradient, sign(0) = 0 — exactly what Keras does. Weights jitter
  /// around zero and almost never reach it.
  case subgradient
  /// As `subgradient`, but a weight whose penalty step would carry it across zero stops at
  /// exactly 0 and its link is dead: it stays 0 until the learner is rebuilt or the rule
  /// changes (TensorFlow Playground's rule, dead links included; see `Learner.deadLinkCount`).
  case clip
}
