import Foundation
import NeuralCore
import Testing
@testable import Training

/// K-fold cross-validation along λ: folds partition the training part by class, each fold's
/// loss is the held-out loss of a run that never saw it, and the mean / s.e. / λ_min / λ_1se
/// follow from those losses as cv.glmnet computes them.
@Suite struct CrossValidationTests {
  static func prepared() throws -> PreparedExperiment {
    var c = ExperimentConfig()
    c.hidden = [4]
    c.lanes = [LaneConfig(spec: LaneSpec())]
    return try PreparedExperiment(c)
  }

  static let lambdas: [Float] = [0.001, 0.01, 0.1]
  static func lanes(_ p: PreparedExperiment) throws -> [Lane] {
    try lambdas.map { try Lane(LaneConfig(spec: LaneSpec(all: .l1($0))), layerCount: p.initial.layers.count) }
  }

  @Test func foldsPartitionTheTrainingPartByClass() throws {
    let p = try Self.prepared()
    let labels = p.data.train.labels
    let folds = CrossValidation.folds(labels: labels, count: 5, seed: 7)
    #expect(folds.flatMap { $0 }.sorted() == Array(labels.indices))
    #expect(folds.map(\.count).max()! - folds.map(\.count).min()! <= 1)
    for c in Set(labels) {
      let perFold = folds.map { f in f.filter { labels[$0] == c }.count }
      #expect(perFold.max()! - perFold.min()! <= 1, "class \(c): \(perFold)")
    }
    #expect(folds == CrossValidation.folds(labels: labels, count: 5, seed: 7))
    #expect(folds != CrossValidation.folds(labels: labels, count: 5, seed: 8))
  }

  @Test func meanAndStandardErrorMatchADirectComputation() throws {
    let p = try Self.prepared()
    let path = try #require(CrossValidation.path(p, lambdas: Self.lambdas, lanes: Self.lanes(p), folds: 3, epochs: 15))
    let folds = CrossValidation.folds(labels: p.data.train.labels, count: 3, seed: p.config.seed)
    for (j, point) in path.points.enumerated() {
      // Each fold's loss: a run trained on the other folds alone, measured on the fold.
      var direct: [Double] = []
      for k in 0..<3 {
        let e = CrossValidation.foldExperiment(p, folds: folds, fold: k)
        #expect(e.data.train.count + e.data.validation!.count == p.data.train.count)
        var t = LaneTrainer(lane: try Self.lanes(p)[j], prepared: e)
        for _ in 0..<15 { t.trainEpoch(e) }
        direct.append(t.latest!.valLoss!)
      }
      #expect(point.foldLosses == direct)
      let mean = (direct[0] + direct[1] + direct[2]) / 3
      let sd = sqrt(direct.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2)
      #expect(abs(point.cvMean - mean) < 1e-12)
      #expect(abs(point.cvStandardError - sd / sqrt(3)) < 1e-12)
      // The path's weights are the whole training part's run.
      var full = LaneTrainer(lane: try Self.lanes(p)[j], prepared: p)
      for _ in 0..<15 { full.trainEpoch(p) }
      #expect(point.featureNorms == full.stats.featureMagnitudes)
      #expect(point.nonZero == full.stats.weights - full.stats.zeros)
    }
  }

  @Test func pointsArriveInGridOrderAndEqualThePath() throws {
    let p = try Self.prepared()
    let seen = Locked<[(Int, CrossValidation.Point)]>([])
    let record: @Sendable (Int, CrossValidation.Point) -> Void = { j, point in seen.withLock { $0.append((j, point)) } }
    let lanes = try Self.lanes(p)
    let result = CrossValidation.path(p, lambdas: Self.lambdas, lanes: lanes, folds: 2, epochs: 3, parallelism: 1, point: record)
    let path = try #require(result)
    let points = seen.withLock { $0 }
    // One thread takes the runs λ by λ: each point is out before the next λ's first run.
    #expect(points.map(\.0) == [0, 1, 2])
    #expect(points.map(\.1) == path.points)
  }

  @Test func lambdaMinAndOneSEFollowTheRule() {
    func point(_ lambda: Float, _ mean: Double, _ se: Double) -> CrossValidation.Point {
      .init(lambda: lambda, foldLosses: [], cvMean: mean, cvStandardError: se, featureNorms: [], nonZero: 0, weights: 0,
            zeroFraction: 0, l2Norm: 0, accuracy: nil, valAccuracy: nil, diverged: false)
    }
    // Minimum at 0.01 (0.50 ± 0.05): 0.02 (0.54) is within one s.e., 0.05 (0.56) is not.
    let points = [point(0.001, 0.60, 0.02), point(0.01, 0.50, 0.05), point(0.02, 0.54, 0.01),
                  point(0.05, 0.56, 0.01), point(0.1, .nan, .nan)]
    let chosen = CrossValidation.choose(points)
    #expect(chosen.min == 1 && chosen.oneSE == 2)
    #expect(CrossValidation.choose([point(1, .nan, .nan)]).min == nil)
  }

  @Test func sameSeedSamePath() throws {
    let p = try Self.prepared()
    let a = CrossValidation.path(p, lambdas: Self.lambdas, lanes: try Self.lanes(p), folds: 2, epochs: 5, parallelism: 2)
    let b = CrossValidation.path(p, lambdas: Self.lambdas, lanes: try Self.lanes(p), folds: 2, epochs: 5, parallelism: 1)
    #expect(a == b)
    #expect(CrossValidation.path(p, lambdas: Self.lambdas, lanes: try Self.lanes(p), folds: 2, epochs: 5,
                                 cancelled: { true }) == nil)
  }
}
