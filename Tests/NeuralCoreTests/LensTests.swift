import Testing
@testable import NeuralCore

/// The two-weight lens against closed forms. Loss: Keras's MSE `(1/n)Σ(y − Xw)²` plus
/// `λ1·Σ|w| + λ2·Σw²`; with `XᵀX/n = I` that is `Σ_i (w_i − ŵ_i)² + λ1|w_i| + λ2·w_i²` + const,
/// minimized per weight by `S_{λ1/2}(ŵ_i)/(1 + λ2)`.
@Suite struct LensTests {
  /// Four samples whose columns are orthogonal ±1 patterns: `XᵀX/n = I` exactly.
  let orthonormal = LensProblem(x1: [1, 1, -1, -1], x2: [1, -1, 1, -1], y: [3, 1, 0.4, -0.6])
  // ŵ = Xᵀy/n = ((3 + 1 − 0.4 + 0.6)/4, (3 − 1 + 0.4 + 0.6)/4) = (1.05, 0.75).
  let what = [1.05, 0.75]

  func close(_ a: [Double], _ b: [Double], _ tol: Double = 1e-12) -> Bool {
    zip(a, b).allSatisfy { abs($0 - $1) <= tol }
  }

  @Test func orthonormalDesignHasTheLeastSquaresSolutionXty() {
    #expect(orthonormal.gram == [1, 0, 0, 1])
    #expect(close(orthonormal.leastSquares, what))
  }

  @Test func l1IsTheSoftThresholdAtHalfLambda() {
    for lambda in [0.0, 0.3, 1.0, 1.5, 1.6, 2.0, 2.2, 3] {
      let w = LensSolver.optimum(orthonormal, LensPenalty(lambda1: lambda))
      let expected = what.map { softThreshold($0, lambda / 2) }
      #expect(close(w, expected), "λ = \(lambda): \(w) vs \(expected)")
    }
    // Inside the dead zone the weight is exactly 0, not merely small.
    #expect(LensSolver.optimum(orthonormal, LensPenalty(lambda1: 1.6))[1] == 0)
    #expect(LensSolver.optimum(orthonormal, LensPenalty(lambda1: 2.2)) == [0, 0])
  }

  @Test func l2DividesByOnePlusLambda() {
    for lambda in [0.0, 0.01, 0.5, 1, 4] {
      let w = LensSolver.optimum(orthonormal, LensPenalty(lambda2: lambda))
      #expect(close(w, what.map { $0 / (1 + lambda) }), "λ = \(lambda)")
      #expect(w[0] != 0 && w[1] != 0)
    }
  }

  @Test func elasticNetThresholdsThenShrinks() {
    let w = LensSolver.optimum(orthonormal, LensPenalty(lambda1: 0.5, lambda2: 0.25))
    #expect(close(w, what.map { softThreshold($0, 0.25) / 1.25 }))
  }

  @Test func firstZeroAndAllZeroLambdasMatchTheFormula() {
    // Orthonormal: the smaller |ŵ_i| goes first, at λ = 2·min|ŵ_i| = 1.5; all at 2·max = 2.1.
    let first = LensSolver.firstZeroLambda(orthonormal)!
    #expect(abs(first.lambda - 1.5) < 1e-12 && first.weight == 1)
    #expect(abs(LensSolver.allZeroLambda(orthonormal) - 2.1) < 1e-12)
  }

  /// A correlated design: the first-zero formula `2(A⁻¹c)_i/(A⁻¹s)_i` against the solver on
  /// both sides of it, and the solver against plain coordinate descent run to convergence.
  @Test func correlatedDesignAgreesWithCoordinateDescent() {
    let problem = LensProblem.generated(seed: 7, correlation: 0.7, scale: 1.5)
    let first = LensSolver.firstZeroLambda(problem)!
    let before = LensSolver.optimum(problem, LensPenalty(lambda1: first.lambda * 0.999))
    let after = LensSolver.optimum(problem, LensPenalty(lambda1: first.lambda * 1.001))
    #expect(before[first.weight] != 0 && after[first.weight] == 0)
    #expect(after[1 - first.weight] != 0)
    for penalty in [LensPenalty(lambda1: 0.4), LensPenalty(lambda1: first.lambda * 1.2),
                    LensPenalty(lambda2: 0.7), LensPenalty(lambda1: 0.3, lambda2: 0.3)] {
      #expect(close(LensSolver.optimum(problem, penalty), coordinateDescent(problem, penalty), 1e-9))
    }
  }

  /// Minimizes `wᵀAw − 2cᵀw + λ1‖w‖₁` one weight at a time: the textbook lasso update.
  func coordinateDescent(_ p: LensProblem, _ penalty: LensPenalty) -> [Double] {
    let a = [p.gram[0] + penalty.lambda2, p.gram[1], p.gram[2], p.gram[3] + penalty.lambda2]
    var w = [0.0, 0.0]
    for _ in 0..<10_000 {
      w[0] = softThreshold(p.xty[0] - a[1] * w[1], penalty.lambda1 / 2) / a[0]
      w[1] = softThreshold(p.xty[1] - a[2] * w[0], penalty.lambda1 / 2) / a[3]
    }
    return w
  }

  @Test func pathsMeetTheAxesWhereTheTheorySays() {
    let l1 = LensPath(orthonormal, lane: .l1, end: 3)
    for (lambda, w) in zip(l1.lambdas, l1.points) {
      #expect(w[1] == 0 || lambda < 1.5)
      #expect((w[1] == 0) == (lambda >= 1.5))
      #expect((w == [0, 0]) == (lambda >= 2.1))
    }
    let l2 = LensPath(orthonormal, lane: .l2, end: 3)
    #expect(l2.points.allSatisfy { $0[0] != 0 && $0[1] != 0 })
  }

  @Test func proxTrajectoryLandsOnExactlyZeroAndStays() {
    let lambda = 1.6
    let rate = LensTrajectory.sharedRate(orthonormal, lambda: lambda)
    let l1 = LensTrajectory(orthonormal, LensPenalty(lambda1: lambda), start: [0.5, 2], rate: rate)
    let landing = try! #require(l1.landings[1])
    #expect(landing > 0 && l1.points[landing...].allSatisfy { $0[1] == 0 })
    #expect(l1.points[landing - 1][1] != 0)
    #expect(close(l1.points.last!, LensSolver.optimum(orthonormal, LensPenalty(lambda1: lambda)), 1e-8))
    let l2 = LensTrajectory(orthonormal, LensPenalty(lambda2: lambda), start: [0.5, 2], rate: rate)
    #expect(l2.landings == [nil, nil])
    #expect(close(l2.points.last!, what.map { $0 / (1 + lambda) }, 1e-8))
  }

  @Test func contourLiesOnItsLevel() {
    let problem = LensProblem.generated(seed: 3, correlation: -0.6, scale: 0.5)
    let level = problem.dataLoss(problem.leastSquares) + 0.8
    let ring = problem.contour(level: level)
    #expect(!ring.isEmpty)
    #expect(ring.allSatisfy { abs(problem.dataLoss([$0.0, $0.1]) - level) < 1e-9 })
  }

  @Test func generatedDataFollowsItsSettings() {
    let problem = LensProblem.generated(seed: 42, correlation: 0.8, scale: 2)
    let g = problem.gram
    let r = g[1] / (g[0] * g[3]).squareRoot()
    #expect(abs(r - 0.8) < 0.1)
    #expect(abs((g[3] / g[0]).squareRoot() - 2) < 0.3)
    #expect(abs(problem.leastSquares[1] - 0.25) < 0.15)
  }
}

@Suite struct PruningTests {
  @Test func emptyRowsAreDroppedInputsEmptyColumnsPrunedUnits() {
    var net = Network(inputs: 3, hidden: [2], classes: 2, activation: .relu, seed: 1)
    #expect(net.droppedInputs.isEmpty && net.prunedUnits.isEmpty)
    // Input 1's row of the first kernel (inputs 3 × units 2).
    net.layers[0].kernel[1 * 2 + 0] = 0
    net.layers[0].kernel[1 * 2 + 1] = 0
    #expect(net.droppedInputs == [1])
    // Unit 0 of the hidden layer: its column in, then its row out (hidden 2 × classes 2).
    for i in 0..<3 { net.layers[0].kernel[i * 2 + 0] = 0 }
    #expect(net.prunedUnits.map(\.unit) == [0])
    var out = Network(inputs: 3, hidden: [2], classes: 2, activation: .relu, seed: 1)
    out.layers[1].kernel[1 * 2 + 0] = 0
    out.layers[1].kernel[1 * 2 + 1] = 0
    #expect(out.prunedUnits.map { [$0.layer, $0.unit] } == [[0, 1]])
    // A tiny weight still counts.
    out.layers[1].kernel[1 * 2 + 1] = 1e-30
    #expect(out.prunedUnits.isEmpty)
  }

  /// Lesson 7's numbers: the soft-threshold formula puts w2's zero at 2·|ŵ2| = 0.998 on the
  /// lesson's sample (the lens's default seed 42, uncorrelated, unit scale); the exact solver's 1.065 differs
  /// because the sample's Gram matrix is not exactly the identity (LensScreenTests pins 1.065).
  @Test func lessonSevensFormulaGivesPointNineNineEight() {
    let p = LensProblem.generated(seed: 42, correlation: 0, scale: 1)
    #expect(abs(2 * abs(p.leastSquares[1]) - 0.998) < 0.0005, "\(2 * abs(p.leastSquares[1]))")
  }
}
