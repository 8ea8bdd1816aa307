/// One of the lens's lanes: the same penalties as the network's lanes, one λ for all.
public enum LensLane: Int, CaseIterable, Sendable, Hashable {
  case none, l1, l2, l1l2

  /// The lane's name as the dashboard writes it.
  public var name: String {
    switch self {
    case .none: return "none"
    case .l1: return "L1"
    case .l2: return "L2"
    case .l1l2: return "L1+L2"
    }
  }

  /// Keras's `L1(λ)`, `L2(λ)`, `L1L2(λ, λ)`.
  public func penalty(_ lambda: Double) -> LensPenalty {
    switch self {
    case .none: return LensPenalty()
    case .l1: return LensPenalty(lambda1: lambda)
    case .l2: return LensPenalty(lambda2: lambda)
    case .l1l2: return LensPenalty(lambda1: lambda, lambda2: lambda)
    }
  }
}

/// A weight trajectory: gradient steps from one start, the L1 term by its proximal step
/// (soft-threshold), so a weight lands on exactly 0 and stays there.
///
/// One step: `z = w − η·(∇L(w) + 2λ2·w)` (the smooth part), then `w ← S_{ηλ1}(z)`.
public struct LensTrajectory: Sendable, Hashable {
  /// Every point visited, the start first.
  public let points: [[Double]]
  /// The learning rate used.
  public let rate: Double
  /// For each weight, the step at which it became exactly 0 and stayed 0 to the end; nil if
  /// it is not 0 at the end.
  public let landings: [Int?]

  /// Runs at most `maxSteps` steps, stopping early once a step moves less than `tolerance`.
  public init(_ problem: LensProblem, _ penalty: LensPenalty, start: [Double], rate: Double,
              maxSteps: Int = 400, tolerance: Double = 1e-10) {
    var w = start
    var points = [w]
    for _ in 0..<maxSteps {
      let next = LensTrajectory.step(problem, penalty, w, rate: rate).w
      let moved = abs(next[0] - w[0]) + abs(next[1] - w[1])
      w = next
      points.append(w)
      if moved < tolerance { break }
    }
    self.points = points
    self.rate = rate
    landings = (0..<2).map { i in
      guard points.last![i] == 0 else { return nil }
      var k = points.count - 1
      while k > 0, points[k - 1][i] == 0 { k -= 1 }
      return k
    }
  }

  /// One proximal-gradient step from `w`: the pre-update point `z` and the result.
  public static func step(_ problem: LensProblem, _ penalty: LensPenalty, _ w: [Double], rate: Double)
    -> (z: [Double], w: [Double]) {
    let g = problem.dataGradient(w)
    let z = (0..<2).map { w[$0] - rate * (g[$0] + 2 * penalty.lambda2 * w[$0]) }
    return (z, z.map { softThreshold($0, rate * penalty.lambda1) })
  }

  /// A step size every lane can share: a fifth of `1/Lip` for the stiffest lane's gradient,
  /// `∇(L + λ·‖w‖²)` being `2(eig_max(G) + λ)`-Lipschitz. Monotone descent for every lane,
  /// and small enough that the trajectories curve visibly instead of jumping to the optimum.
  public static func sharedRate(_ problem: LensProblem, lambda: Double) -> Double {
    0.1 / (problem.eigen.large + lambda)
  }
}

/// The penalized optimum as λ goes from 0 to `end`, exact at each λ.
public struct LensPath: Sendable, Hashable {
  public let lambdas: [Double]
  public let points: [[Double]]

  /// `count + 1` values of λ, denser near 0 (`end·(k/count)²`), plus the lane's breakpoints
  /// (first zero, everything zero) so the corner of the L1 path is drawn exactly.
  public init(_ problem: LensProblem, lane: LensLane, end: Double, count: Int = 160) {
    var lambdas = (0...count).map { end * Double($0 * $0) / Double(count * count) }
    if lane == .l1 || lane == .l1l2 {
      let lambda2 = lane == .l1l2 ? 1.0 : 0
      // For L1+L2 both strengths move together, so the breakpoints are not closed-form in one
      // λ; the dense grid with the exact solver draws them. Plain L1 gets its corners exactly.
      if lambda2 == 0, let first = LensSolver.firstZeroLambda(problem) { lambdas.append(first.lambda) }
      lambdas.append(LensSolver.allZeroLambda(problem))
    }
    lambdas = Array(Set(lambdas.filter { $0 <= end })).sorted()
    self.lambdas = lambdas
    points = lambdas.map { LensSolver.optimum(problem, lane.penalty($0)) }
  }
}
