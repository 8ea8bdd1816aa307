/// A penalty in Keras's spelling, in Double for the lens: `λ1·Σ|w| + λ2·Σw²` (no ½).
public struct LensPenalty: Sendable, Hashable {
  public var lambda1: Double
  public var lambda2: Double
  public init(lambda1: Double = 0, lambda2: Double = 0) {
    self.lambda1 = lambda1
    self.lambda2 = lambda2
  }

  public func value(_ w: [Double]) -> Double {
    lambda1 * (abs(w[0]) + abs(w[1])) + lambda2 * (w[0] * w[0] + w[1] * w[1])
  }
}

/// `S_τ(z) = sign(z)·max(|z| − τ, 0)`: the soft-threshold, exactly 0 inside `[−τ, τ]`.
@inlinable public func softThreshold(_ z: Double, _ tau: Double) -> Double {
  z > tau ? z - tau : (z < -tau ? z + tau : 0)
}

/// The exact penalized optimum of the lens:
/// `argmin F(w) = L(w) + λ1‖w‖₁ + λ2‖w‖²  =  wᵀAw − 2cᵀw + λ1‖w‖₁ + const`, `A = G + λ2·I`.
///
/// Optimality (KKT): `2(Aw − c) + λ1·s = 0` with `s_i = sign(w_i)`, or `s_i ∈ [−1, 1]` where
/// `w_i = 0`. In two dimensions the solution's support and signs are one of nine patterns, and
/// each pattern's equation is linear: both zero; one zero and the other `S_{λ1/2}(c_i)/A_ii`;
/// both non-zero, `w = A⁻¹(c − λ1·s/2)`. Each candidate is a real point, so `F` there is at
/// least the minimum, and the optimum is one of them: the candidate of least `F` is the
/// optimum, with no iteration and no tolerance.
///
/// Orthonormal design (`G = I`): `F` separates into `(w_i − ŵ_i)² + λ1|w_i| + λ2·w_i²`, so
/// L1 gives `S_{λ1/2}(ŵ_i)` (first weight zero at `λ1 = 2·min|ŵ_i|`), L2 gives `ŵ_i/(1+λ2)`.
public enum LensSolver {
  /// The penalized optimum.
  public static func optimum(_ problem: LensProblem, _ penalty: LensPenalty) -> [Double] {
    let g = problem.gram, c = problem.xty
    let (a11, a12, a22) = (g[0] + penalty.lambda2, g[1], g[3] + penalty.lambda2)
    let det = a11 * a22 - a12 * a12
    let half = penalty.lambda1 / 2
    var candidates: [[Double]] = [[0, 0], [softThreshold(c[0], half) / a11, 0], [0, softThreshold(c[1], half) / a22]]
    for s1 in [-1.0, 1.0] {
      for s2 in [-1.0, 1.0] {
        let (r1, r2) = (c[0] - half * s1, c[1] - half * s2)
        candidates.append([(a22 * r1 - a12 * r2) / det, (a11 * r2 - a12 * r1) / det])
      }
    }
    func objective(_ w: [Double]) -> Double { problem.dataLoss(w) + penalty.value(w) }
    return candidates.min { objective($0) < objective($1) }!
  }

  /// The smallest λ1 at which `λ1‖w‖₁` (with `lambda2` fixed) makes every weight 0:
  /// `w = 0` is optimal iff `|∂L/∂w_i (0)| = 2|c_i| ≤ λ1`.
  public static func allZeroLambda(_ problem: LensProblem) -> Double {
    2 * max(abs(problem.xty[0]), abs(problem.xty[1]))
  }

  /// The λ1 at which the first weight of the L1 (or elastic-net, `lambda2` fixed) path
  /// reaches 0. While both weights are non-zero the path is linear,
  /// `w(λ1) = A⁻¹c − (λ1/2)·A⁻¹s` with `s = sign(A⁻¹c)`, so weight i is zero at
  /// `λ1 = 2·(A⁻¹c)_i / (A⁻¹s)_i`; the first is the smaller positive one. Orthonormal:
  /// `2·min|ŵ_i|`. Nil when the starting solution already has a zero.
  public static func firstZeroLambda(_ problem: LensProblem, lambda2: Double = 0) -> (lambda: Double, weight: Int)? {
    let g = problem.gram, c = problem.xty
    let (a11, a12, a22) = (g[0] + lambda2, g[1], g[3] + lambda2)
    let det = a11 * a22 - a12 * a12
    let w = [(a22 * c[0] - a12 * c[1]) / det, (a11 * c[1] - a12 * c[0]) / det]
    guard w[0] != 0, w[1] != 0 else { return nil }
    let s = [w[0] > 0 ? 1.0 : -1, w[1] > 0 ? 1.0 : -1]
    let d = [(a22 * s[0] - a12 * s[1]) / det, (a11 * s[1] - a12 * s[0]) / det]
    var best: (lambda: Double, weight: Int)? = nil
    for i in 0..<2 where d[i] != 0 {
      let lambda = 2 * w[i] / d[i]
      if lambda > 0, best.map({ lambda < $0.lambda }) ?? true { best = (lambda, i) }
    }
    return best
  }
}
