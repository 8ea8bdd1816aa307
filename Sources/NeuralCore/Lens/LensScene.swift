/// What the learner set on the lens: the data (seed, correlation, one feature's scale), the
/// one λ every lane shares, and where the trajectories start.
public struct LensSettings: Sendable, Hashable {
  public var seed: UInt64
  /// Correlation of the two features, −0.95…0.95.
  public var correlation: Double
  /// Scale of feature 2 (its values multiplied by this), 0.25…4.
  public var scale: Double
  /// λ of every lane (Keras's, no ½): L1 adds λ·Σ|w|, L2 λ·Σw², L1+L2 both.
  public var lambda: Double
  /// Where every trajectory starts: away from the optimum, with w2 large, so the L1 lane has
  /// somewhere to travel before it lands on the w1 axis.
  public var start: [Double]

  public init(seed: UInt64 = 42, correlation: Double = 0, scale: Double = 1, lambda: Double = 1.5,
              start: [Double] = [0.5, 2.0]) {
    self.seed = seed
    self.correlation = correlation
    self.scale = scale
    self.lambda = lambda
    self.start = start
  }

  public static let correlationRange = -0.95...0.95
  public static let scaleRange = 0.25...4.0
  public static let lambdaRange = 0.0...8.0
}

/// Everything the lens draws, computed exactly from the settings: the problem, the
/// unpenalized optimum, and per lane the penalized optimum, its λ path and the trajectory.
public struct LensScene: Sendable {
  /// One lane's picture.
  public struct Lane: Sendable {
    public let lane: LensLane
    public let optimum: [Double]
    public let path: LensPath
    public let trajectory: LensTrajectory
    /// The data loss on the contour through the optimum (the one that touches the shape).
    public let contourLevel: Double
  }

  public let settings: LensSettings
  public let problem: LensProblem
  public let leastSquares: [Double]
  public let lanes: [Lane]
  /// λ at which the L1 path's first weight reaches 0, and which weight (0-based).
  public let firstZero: (lambda: Double, weight: Int)?
  /// λ from which the L1 path is all zero.
  public let allZero: Double

  public init(_ settings: LensSettings) {
    self.settings = settings
    let problem = LensProblem.generated(seed: settings.seed, correlation: settings.correlation, scale: settings.scale)
    self.problem = problem
    leastSquares = problem.leastSquares
    firstZero = LensSolver.firstZeroLambda(problem)
    allZero = LensSolver.allZeroLambda(problem)
    let rate = LensTrajectory.sharedRate(problem, lambda: settings.lambda)
    let end = max(allZero * 1.5, settings.lambda)
    lanes = LensLane.allCases.map { lane in
      let optimum = LensSolver.optimum(problem, lane.penalty(settings.lambda))
      return Lane(lane: lane, optimum: optimum, path: LensPath(problem, lane: lane, end: end),
                  trajectory: LensTrajectory(problem, lane.penalty(settings.lambda), start: settings.start, rate: rate),
                  contourLevel: problem.dataLoss(optimum))
    }
  }

  public func lane(_ lane: LensLane) -> Lane { lanes[lane.rawValue] }

  /// Exact zeros in a lane's penalized optimum (what `lens_zero(L1)` counts).
  public func zeros(_ lane: LensLane) -> Int { self.lane(lane).optimum.filter { $0 == 0 }.count }

  /// The square region every picture of this scene shows: the origin, ŵ and the start, with
  /// a margin, the same scale on both axes so a disk looks round.
  public var extent: (minX: Double, maxX: Double, minY: Double, maxY: Double) {
    let xs = [0, leastSquares[0], settings.start[0]], ys = [0, leastSquares[1], settings.start[1]]
    let (cx, cy) = ((xs.min()! + xs.max()!) / 2, (ys.min()! + ys.max()!) / 2)
    let half = max(xs.max()! - xs.min()!, ys.max()! - ys.min()!) / 2 * 1.25 + 0.25
    return (cx - half, cx + half, cy - half, cy + half)
  }

  /// The shapes through a lane's optimum: L1's diamond `|w1|+|w2| = ‖w‖₁`, L2's disk
  /// `w1²+w2² = ‖w‖²`, the elastic net's `|w1|+|w2|+w1²+w2² = const` (λ1 = λ2); empty for
  /// the unpenalized lane or an optimum at the origin.
  public func shape(_ lane: LensLane, points: Int = 160) -> [(Double, Double)] {
    let w = self.lane(lane).optimum
    let l1 = abs(w[0]) + abs(w[1]), l2 = (w[0] * w[0] + w[1] * w[1]).squareRoot()
    guard lane != .none, l1 > 0 else { return [] }
    return (0...points).map { k in
      let t = 2 * Double.pi * Double(k) / Double(points)
      let (u, v) = (_cos(t), _sin(t))
      switch lane {
      case .l1:
        let r = l1 / (abs(u) + abs(v))
        return (r * u, r * v)
      case .l2:
        return (l2 * u, l2 * v)
      default:
        // Along direction (u, v): r·(|u|+|v|) + r² = l1 + l2² → the positive root.
        let (a, b) = (abs(u) + abs(v), l1 + l2 * l2)
        let r = (-a + (a * a + 4 * b).squareRoot()) / 2
        return (r * u, r * v)
      }
    }
  }
}
