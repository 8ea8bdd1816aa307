import ArgumentParser
import Canvas
import Foundation
import NeuralCore
import RegvizData
import Training

/// `regviz sweep`: the regularization path — the same network at a log-spaced grid of λ.
public struct SweepCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Train the same network at a log-spaced grid of λ and report the regularization path.")

  @OptionGroup public var experiment: ExperimentOptions

  @Option(help: "Which penalty to sweep: l1, l2 or l1_l2 (both at λ). Default l1; or give one --lane as the template (l2=0.1 sweeps L2, l1=0.01,l2=0.03 elastic net at that ratio).")
  public var type: Penalty?

  /// The penalty the sweep moves along its grid.
  public enum Penalty: String, CaseIterable, ExpressibleByArgument {
    case l1, l2, l1_l2
  }

  @Option(help: "Smallest λ (> 0).")
  public var from: Double = 1e-4

  @Option(help: "Largest λ (> --from).")
  public var to: Double = 1

  @Option(help: "Number of λ values (2…64), log-spaced.")
  public var points: Int = 13

  @Option(help: "Epochs per λ.")
  public var epochs: Int = 300

  @Option(help: ArgumentHelp(
    "Instead of a λ grid: train the experiment's lanes (--lane) under N run seeds (--seed, --seed + 1, …) and report how often each lane keeps each feature.",
    valueName: "n"))
  public var seeds: Int?

  @Option(help: "Output format.")
  public var format: ReportFormat = .table

  @Option(help: "Write the report to this file (atomically) instead of standard output.")
  public var out: String?

  @Option(help: "Also write the regularization path as an SVG figure to this file.")
  public var plot: String?

  @Option(help: "K-fold cross-validation (2…20): CV loss mean and standard error per λ, λ_min and λ_1se.")
  public var cv: Int?

  public init() {}

  public func validate() throws {
    // The grid is Float: checked as the Float it becomes (1e-300 would be 0, 1e300 infinity).
    guard from.isFinite && from > 0 else { throw ValidationError("--from: must be a finite number > 0, got \(from)") }
    guard Float(from).isNormal else {
      throw ValidationError("--from: \(from) is outside single precision (\(Float.leastNormalMagnitude)…\(Float.greatestFiniteMagnitude))")
    }
    guard to.isFinite && to > from else { throw ValidationError("--to: must be a finite number > --from, got \(to)") }
    guard Float(to).isFinite && Float(to) > Float(from) else {
      throw ValidationError("--to: \(to) is outside single precision (\(Float.leastNormalMagnitude)…\(Float.greatestFiniteMagnitude))")
    }
    guard (2...64).contains(points) else { throw ValidationError("--points: must be 2…64, got \(points)") }
    guard epochs >= 1 else { throw ValidationError("--epochs: must be ≥ 1, got \(epochs)") }
    if let cv, !(2...20).contains(cv) { throw ValidationError("--cv: must be 2…20 folds, got \(cv)") }
    if let seeds, !(1...1000).contains(seeds) { throw ValidationError("--seeds: must be 1…1000, got \(seeds)") }
  }

  /// The grid: `points` values from `from` to `to`, evenly spaced in log λ.
  var lambdas: [Float] { CrossValidation.logGrid(from: from, to: to, points: points) }

  public func run() throws {
    if let seeds { return try runSeeds(seeds) }
    var config = try experiment.makeConfig()
    let template = try SweepTemplate.resolve(type: type, lanes: config.lanes, lanesGiven: experiment.sweepsGivenLanes)
    config.lanes = [LaneConfig(spec: LaneSpec())]
    let prepared: PreparedExperiment
    do { prepared = try PreparedExperiment(config, locator: experiment.locator) } catch { throw CLIError(error.message) }
    if let cv, let problem = CrossValidation.foldProblem(labels: prepared.data.train.labels, count: cv,
                                                          seed: prepared.config.seed) {
      throw CLIError("--cv \(cv): \(problem)")
    }
    try Destination.checkDistinct([("--out", out), ("--plot", plot)])
    HeadlessSignals.install()
    let report = try Destination.open(out, flag: "--out")
    let figure = try plot.map { try Destination.open($0, flag: "--plot") }
    var lanes: [Lane] = []
    for l in lambdas {
      let config = LaneConfig(name: "λ=" + String(format: "%.3g", l), spec: template.spec(at: l))
      do { lanes.append(try Lane(config, layerCount: prepared.initial.layers.count)) } catch { throw CLIError(error.message) }
    }
    if let cv {
      return try runCrossValidated(prepared, lanes: lanes, folds: cv, template: template, report: report, figure: figure)
    }
    let result = HeadlessRun.run(prepared, lanes: lanes, epochs: epochs, parallelism: 2) { _ in false }
    let rows = zip(lambdas, result.lanes).map { SweepRow(lambda: $0, trainer: $1) }
    let text = SweepRow.render(rows, format: format, features: prepared.data.train.featureNames,
                               informative: prepared.data.train.informative)
    try report.write(text)
    try report.finish()
    if let figure {
      let points = rows.map { (lambda: Double($0.lambda), zeroFraction: $0.stats.zeroFraction, valAccuracy: $0.record?.valAccuracy) }
      let norms = rows.map { $0.stats.featureMagnitudes }
      try figure.write(SweepPlot.svg(rows: points, type: template.label, paths: .init(prepared.data.train, norms: norms)))
      try figure.finish()
    }
  }
}

/// One point of the regularization path.
struct SweepRow {
  var lambda: Float
  var trainer: LaneTrainer

  var record: EpochRecord? { trainer.latest }
  var stats: WeightStats { trainer.stats }

  /// One point of the path as JSON and CSV see it.
  struct Point: Encodable {
    var lambda: Double
    var valAcc: Double?
    var acc: Double?
    var zeroFraction: Double
    var l2Norm: Double
    var diverged: Bool
    var featureMagnitudes: [Double]

    enum CodingKeys: String, CodingKey {
      case lambda, valAcc = "val_acc", acc, zeroFraction = "zero_fraction", l2Norm = "l2_norm", diverged,
           featureMagnitudes = "feature_magnitudes"
    }

    func encode(to encoder: any Encoder) throws {
      // Numbers as the run report writes them: non-finite ones null (`ReportRow.Cell`).
      var c = encoder.container(keyedBy: CodingKeys.self)
      for (key, value) in [(CodingKeys.lambda, lambda), (.valAcc, valAcc), (.acc, acc), (.zeroFraction, zeroFraction),
                           (.l2Norm, l2Norm)] {
        try c.encode(ReportRow.Cell.number(value), forKey: key)
      }
      try c.encode(diverged, forKey: .diverged)
      try c.encode(featureMagnitudes.map { ReportRow.Cell.number($0) }, forKey: .featureMagnitudes)
    }

    var csvCells: [String] {
      ([lambda, valAcc, acc, zeroFraction, l2Norm].map { ReportRow.Cell.number($0).csv } + [String(diverged)])
        + featureMagnitudes.map { ReportRow.Cell.number($0).csv }
    }
  }

  var point: Point {
    Point(lambda: Double(lambda), valAcc: record?.valAccuracy, acc: record?.accuracy, zeroFraction: stats.zeroFraction,
          l2Norm: stats.l2Norm, diverged: trainer.divergedAt != nil,
          featureMagnitudes: stats.featureMagnitudes.map(Double.init))
  }

  static func render(_ rows: [SweepRow], format: ReportFormat, features: [String], informative: [Int]?) -> String {
    switch format {
    case .jsonl:
      return rows.map { JSONLines.line($0.point) }.joined()
    case .csv:
      let header = ["lambda", "val_acc", "acc", "zero_fraction", "l2_norm", "diverged"] + features.map { csv("w_\($0)") }
      return ([header.joined(separator: ",")] + rows.map { $0.point.csvCells.joined(separator: ",") })
        .joined(separator: "\n") + "\n"
    case .table:
      let marks = Set(informative ?? [])
      // Short names (sep.len for sepal_length): cut to a column, iris read sepal_sepal_petal_petal_.
      let headers = ShortName.abbreviate(features).enumerated().map { $0.element + (marks.contains($0.offset) ? "★" : "") }
      var table = [["λ", "val acc", "acc", "exact 0", "‖w‖₂"] + headers]
      for r in rows {
        let number = SweepCVReport.number
        table.append([String(format: "%.3g", r.lambda), r.record?.valAccuracy.map { number($0, "%.3f") } ?? "–",
                      r.record.map { number($0.accuracy, "%.3f") } ?? "–",
                      number(100 * r.stats.zeroFraction, "%.1f%%"), number(r.stats.l2Norm, "%.3f")]
                     + r.stats.featureMagnitudes.map { $0 == 0 ? "·" : number(Double($0), "%.2f") })
      }
      return "first-layer |w| per feature (★ informative; · exactly 0) after the λ columns\n"
        + TableFold.render(table, rightAligned: { $0 > 0 }, width: TableFold.width(), keep: 1)
    }
  }
}
