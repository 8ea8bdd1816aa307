/// The two-weight lens's model: linear least squares on two features, `y ≈ w1·x1 + w2·x2`,
/// small enough to solve exactly and to draw whole.
///
/// Loss scaling (Keras's `mean_squared_error`, no ½): the data loss is
/// `L(w) = (1/n)·Σ (y − Xw)²  =  wᵀGw − 2cᵀw + (1/n)·yᵀy`, with `G = XᵀX/n` (2×2) and
/// `c = Xᵀy/n`, so `∇L(w) = 2(Gw − c)` and the least-squares solution is `ŵ = G⁻¹c`.
/// For an orthonormal design (`G = I`) that makes the penalized optima
/// `S_{λ/2}(ŵ)` under `λ·Σ|w|` and `ŵ/(1+λ)` under `λ·Σw²` (see `LensSolver`).
public struct LensProblem: Sendable, Hashable {
  /// `XᵀX/n`, row-major: `[g11, g12, g21, g22]` (symmetric).
  public let gram: [Double]
  /// `Xᵀy/n`.
  public let xty: [Double]
  /// `yᵀy/n`: makes `dataLoss` the real mean squared error, not only up to a constant.
  public let yy: Double

  /// From the sufficient statistics; `gram` must be symmetric positive definite.
  public init(gram: [Double], xty: [Double], yy: Double) {
    precondition(gram.count == 4 && xty.count == 2, "a lens has two features")
    self.gram = gram
    self.xty = xty
    self.yy = yy
  }

  /// From data columns `x1`, `x2` and targets `y` (all of length n).
  public init(x1: [Double], x2: [Double], y: [Double]) {
    precondition(x1.count == x2.count && x1.count == y.count && !y.isEmpty, "columns of one length")
    let n = Double(y.count)
    func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } / n }
    let g12 = dot(x1, x2)
    self.init(gram: [dot(x1, x1), g12, g12, dot(x2, x2)], xty: [dot(x1, y), dot(x2, y)], yy: dot(y, y))
  }

  /// The data a learner plays with: `n` samples from `seed`. `x1` is standard normal, `x2`
  /// is standard normal with correlation `correlation` to `x1`, then multiplied by `scale`;
  /// `y = 2·x1 + 0.5·(x2 before scaling) + 0.5·noise`. So feature 1 matters and feature 2
  /// a little, and ŵ2 ≈ 0.5/scale: shrinking a feature's scale makes its weight bigger.
  public static func generated(seed: UInt64, correlation: Double, scale: Double, n: Int = 200) -> LensProblem {
    var rng = SplitMix64.derive(seed, 0x1E45)
    let rho = min(max(correlation, -0.99), 0.99)
    var x1: [Double] = [], x2: [Double] = [], y: [Double] = []
    for _ in 0..<max(n, 2) {
      let a = Double(rng.normal()), b = Double(rng.normal()), noise = Double(rng.normal())
      let second = rho * a + (1 - rho * rho).squareRoot() * b
      x1.append(a)
      x2.append(second * scale)
      y.append(LensProblem.trueWeights.0 * a + LensProblem.trueWeights.1 * second + 0.5 * noise)
    }
    return LensProblem(x1: x1, x2: x2, y: y)
  }

  /// The weights the generated data came from, for unit-scale features.
  public static let trueWeights = (2.0, 0.5)

  /// `det G`.
  var determinant: Double { gram[0] * gram[3] - gram[1] * gram[2] }

  /// The unpenalized least-squares optimum `ŵ = G⁻¹c`.
  public var leastSquares: [Double] {
    let d = determinant
    return [(gram[3] * xty[0] - gram[1] * xty[1]) / d, (gram[0] * xty[1] - gram[2] * xty[0]) / d]
  }

  /// The data loss `L(w)`, mean squared error.
  public func dataLoss(_ w: [Double]) -> Double {
    let gw = gramTimes(w)
    return w[0] * gw[0] + w[1] * gw[1] - 2 * (xty[0] * w[0] + xty[1] * w[1]) + yy
  }

  /// `∇L(w) = 2(Gw − c)`: the data gradient a gradient step uses.
  public func dataGradient(_ w: [Double]) -> [Double] {
    let gw = gramTimes(w)
    return [2 * (gw[0] - xty[0]), 2 * (gw[1] - xty[1])]
  }

  func gramTimes(_ w: [Double]) -> [Double] {
    [gram[0] * w[0] + gram[1] * w[1], gram[2] * w[0] + gram[3] * w[1]]
  }

  /// The eigenvalues of `G`, largest first, and the unit eigenvector of the largest.
  public var eigen: (large: Double, small: Double, axis: [Double]) {
    let (a, b, d) = (gram[0], gram[1], gram[3])
    let mean = (a + d) / 2, radius = (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
    let large = mean + radius, small = mean - radius
    var axis = abs(b) > 1e-15 ? [b, large - a] : (a >= d ? [1.0, 0] : [0, 1.0])
    let norm = (axis[0] * axis[0] + axis[1] * axis[1]).squareRoot()
    axis = [axis[0] / norm, axis[1] / norm]
    return (large, small, axis)
  }

  /// The data-loss contour `L(w) = level` as a closed polygon of `points` points (empty when
  /// the level is below the minimum): an ellipse around ŵ whose axes are G's eigenvectors.
  public func contour(level: Double, points: Int = 96) -> [(Double, Double)] {
    let w = leastSquares
    let excess = level - dataLoss(w)
    guard excess > 0 else { return [] }
    let e = eigen
    let (u, v) = (e.axis, [-e.axis[1], e.axis[0]])
    let (ra, rb) = ((excess / e.large).squareRoot(), (excess / max(e.small, 1e-300)).squareRoot())
    return (0...points).map { k in
      let t = 2 * Double.pi * Double(k) / Double(points)
      let (p, q) = (ra * _cos(t), rb * _sin(t))
      return (w[0] + p * u[0] + q * v[0], w[1] + p * u[1] + q * v[1])
    }
  }
}
