import Dispatch
import Foundation
import NeuralCore
import Synchronization

/// K-fold cross-validation along a λ grid — glmnet's `cv.glmnet` for the network.
///
/// The training part is dealt into K stratified folds (seeded). For every λ, K short runs
/// each train on K − 1 folds and measure the data loss (cross-entropy) on the fold left out;
/// one more run trains on the whole training part and gives the path's weights (per-feature
/// first-layer row norms, the non-zero count) and its score on the held-back validation part.
/// λ_min has the lowest mean CV loss; λ_1se is the largest λ whose mean is within one standard
/// error of that minimum (the sparser model the data cannot tell apart from the best).
public enum CrossValidation {
  /// One λ of the path.
  public struct Point: Sendable, Hashable {
    public var lambda: Float
    /// The held-out data loss of each fold's run (NaN where that run diverged): (K).
    public var foldLosses: [Double]
    /// Mean of `foldLosses`; NaN when any fold diverged.
    public var cvMean: Double
    /// Standard error of the mean: sample standard deviation (n − 1) / √K.
    public var cvStandardError: Double
    /// The run on the whole training part: ‖row i of the first kernel‖₂, (features).
    public var featureNorms: [Float]
    public var nonZero: Int
    public var weights: Int
    public var zeroFraction: Double
    public var l2Norm: Double
    public var accuracy: Double?
    public var valAccuracy: Double?
    public var diverged: Bool
  }

  /// The whole path, in the grid's order (smallest λ first), with the two chosen λ.
  public struct Path: Sendable, Hashable {
    public var folds: Int
    public var points: [Point]
    /// Index of λ_min / λ_1se in `points`; nil when every point diverged.
    public var minIndex: Int?
    public var oneSEIndex: Int?

    public var lambdaMin: Float? { minIndex.map { points[$0].lambda } }
    public var lambdaOneSE: Float? { oneSEIndex.map { points[$0].lambda } }
  }

  /// `points` values from `from` to `to`, evenly spaced in log λ (`regviz sweep`'s grid and the
  /// path view's).
  public static func logGrid(from: Double, to: Double, points: Int) -> [Float] {
    (0..<points).map { i in Float(exp(log(from) + (log(to) - log(from)) * Double(i) / Double(points - 1))) }
  }

  /// The mean and the standard error of the mean (sample deviation with n − 1, over √n).
  public static func meanAndStandardError(_ xs: [Double]) -> (mean: Double, se: Double) {
    guard !xs.isEmpty else { return (.nan, .nan) }
    let n = Double(xs.count)
    let mean = xs.reduce(0, +) / n
    guard xs.count > 1 else { return (mean, 0) }
    let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    return (mean, (variance / n).squareRoot())
  }

  /// λ_min (lowest finite mean) and λ_1se (largest λ with mean ≤ min mean + its s.e.), as
  /// indices into `points`, which are in increasing λ.
  public static func choose(_ points: [Point]) -> (min: Int?, oneSE: Int?) {
    let finite = points.indices.filter { points[$0].cvMean.isFinite }
    guard let best = finite.min(by: { points[$0].cvMean < points[$1].cvMean }) else { return (nil, nil) }
    let bar = points[best].cvMean + (points[best].cvStandardError.isFinite ? points[best].cvStandardError : 0)
    let oneSE = finite.filter { $0 >= best && points[$0].cvMean <= bar }.max() ?? best
    return (best, oneSE)
  }

  /// `count` stratified folds of `labels`' indices: each class shuffled with the seed and dealt
  /// round-robin, so every fold holds each class in proportion. Each fold is sorted.
  public static func folds(labels: [Int32], count: Int, seed: UInt64) -> [[Int]] {
    var rng = SplitMix64.derive(seed, 0xC5F01D)
    var folds = Array(repeating: [Int](), count: count)
    var next = 0
    let classes = Set(labels).sorted()
    for c in classes {
      var members = labels.indices.filter { labels[$0] == c }
      members.seededShuffle(using: &rng)
      for m in members { folds[next % count].append(m); next += 1 }
    }
    return folds.map { $0.sorted() }
  }

  /// Why `count` folds of `labels` cannot cross-validate, or nil: a fold with no rows to
  /// validate on, or whose training part (the other folds) misses a class, gives no loss at all
  /// (every CV loss `–`). The message ends with the largest fold count that works, if any.
  public static func foldProblem(labels: [Int32], count: Int, seed: UInt64) -> String? {
    func problem(_ k: Int) -> String? {
      let folds = Self.folds(labels: labels, count: k, seed: seed)
      let classes = Set(labels)
      for (index, fold) in folds.enumerated() {
        if fold.isEmpty { return "fold \(index + 1) of \(k) gets none of the \(labels.count) training rows" }
        let inFold = Set(fold)
        let trained = Set(labels.indices.lazy.filter { !inFold.contains($0) }.map { labels[$0] })
        if let missing = classes.subtracting(trained).min() {
          return "fold \(index + 1) of \(k) leaves no training row of class \(missing)"
        }
      }
      return nil
    }
    guard let first = problem(count) else { return nil }
    let works = stride(from: count - 1, through: 2, by: -1).first { problem($0) == nil }
    return first + (works.map { "; at most \($0) folds work here" } ?? "; no fold count works with these rows (more training rows: a smaller --val-split)")
  }

  /// The experiment of fold `k`: train on the other folds, validate on fold `k`.
  public static func foldExperiment(_ prepared: PreparedExperiment, folds: [[Int]], fold k: Int) -> PreparedExperiment {
    var p = prepared
    let rest = folds.indices.filter { $0 != k }.flatMap { folds[$0] }.sorted()
    p.data.train = prepared.data.train.subset(rest)
    p.data.validation = prepared.data.train.subset(folds[k])
    return p
  }

  /// Runs the path: `lanes[j]` is the lane at `lambdas[j]` (the caller's template decides which
  /// penalty moves). `parallelism` queues share the (K + 1) × λ runs, taken λ by λ from the
  /// smallest so that points finish in the grid's order; `progress(done, total)` is called
  /// after each run and `point(j, p)` once λ `j`'s K + 1 runs are all in, both from a training
  /// thread; `cancelled()` is polled every epoch and, when it holds, the path comes back nil.
  /// (With `parallelism` 1 every run trains on the calling thread.)
  public static func path(_ prepared: PreparedExperiment, lambdas: [Float], lanes: [Lane], folds count: Int,
                          epochs: Int, parallelism: Int = 2,
                          progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in },
                          point: @escaping @Sendable (Int, Point) -> Void = { _, _ in },
                          cancelled: @escaping @Sendable () -> Bool = { false }) -> Path? {
    precondition(lambdas.count == lanes.count && count >= 2)
    let folds = Self.folds(labels: prepared.data.train.labels, count: count, seed: prepared.config.seed)
    // Experiment 0 is the whole training part; 1…K leave out fold k − 1.
    let experiments = [prepared] + (0..<count).map { foldExperiment(prepared, folds: folds, fold: $0) }
    // Job i = λ (i / experiments) on experiment (i % experiments).
    let jobs = lanes.indices.flatMap { j in experiments.indices.map { (experiment: $0, lane: j) } }
    let results = Locked([LaneTrainer?](repeating: nil, count: jobs.count))
    let next = Atomic<Int>(0), done = Atomic<Int>(0), stop = Atomic<Bool>(false)
    DispatchQueue.concurrentPerform(iterations: max(1, min(parallelism, jobs.count))) { _ in
      enableFlushToZero()
      while !stop.load(ordering: .relaxed) {
        let i = next.add(1, ordering: .relaxed).oldValue
        guard i < jobs.count else { return }
        let e = experiments[jobs[i].experiment]
        var trainer = LaneTrainer(lane: lanes[jobs[i].lane], prepared: e)
        while trainer.epoch < epochs, trainer.trainEpoch(e) != nil {
          if cancelled() { stop.store(true, ordering: .relaxed); return }
        }
        trainer.finishTraining()
        let j = jobs[i].lane
        let runs = results.withLock { all -> [LaneTrainer]? in
          all[i] = trainer
          let mine = all[j * experiments.count..<(j + 1) * experiments.count]
          return mine.contains { $0 == nil } ? nil : mine.map { $0! }
        }
        progress(done.add(1, ordering: .relaxed).newValue, jobs.count)
        if let runs { point(j, Self.point(lambdas[j], full: runs[0], folds: Array(runs.dropFirst()))) }
      }
    }
    guard !stop.load(ordering: .relaxed) else { return nil }
    let trainers = results.withLock { $0 }.map { $0! }
    let points = lambdas.indices.map { j in
      let runs = trainers[j * experiments.count..<(j + 1) * experiments.count]
      return Self.point(lambdas[j], full: runs.first!, folds: Array(runs.dropFirst()))
    }
    let chosen = choose(points)
    return Path(folds: count, points: points, minIndex: chosen.min, oneSEIndex: chosen.oneSE)
  }

  /// One λ's point: the fold runs' held-out losses, the whole-part run's weights.
  static func point(_ lambda: Float, full: LaneTrainer, folds: [LaneTrainer]) -> Point {
    let losses = folds.map { t -> Double in t.divergedAt == nil ? (t.latest?.valLoss ?? .nan) : .nan }
    let (mean, se) = meanAndStandardError(losses)
    return Point(lambda: lambda, foldLosses: losses, cvMean: mean, cvStandardError: se,
                 featureNorms: full.stats.featureMagnitudes, nonZero: full.stats.weights - full.stats.zeros,
                 weights: full.stats.weights, zeroFraction: full.stats.zeroFraction, l2Norm: full.stats.l2Norm,
                 accuracy: full.latest?.accuracy, valAccuracy: full.latest?.valAccuracy,
                 diverged: full.divergedAt != nil)
  }
}
