import ArgumentParser
import Foundation
import NeuralCore
import RegvizData
import Training

/// `regviz run`: the experiment without a screen — deterministic, scriptable, JSONL/CSV/table.
public struct RunCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Train the lanes headless and report per epoch (JSONL, CSV) or as a final table.",
    discussion: """
      Lanes (--lane, repeatable; default none, l1=0.01, l2=0.01, l1=0.01,l2=0.01):
        none | l1=λ | l2=λ | l1=λ,l2=λ  every Dense kernel
        1:l1=0.01;2:l2=0.01             per Dense layer
        NAME = SPEC                     a lane named as you like
      Dense layers are counted from 1; the output layer is the last. Every lane starts from the same weights and sees the same minibatches.
      """)

  @OptionGroup public var experiment: ExperimentOptions

  @Option(help: "Epochs to train (≥ 1).")
  public var epochs: Int = 300

  @Option(name: .customLong("report-every"), help: "Report every N epochs (the last epoch is always reported).")
  public var reportEvery: Int = 1

  @Option(help: "Output format.")
  public var format: ReportFormat = .table

  @Option(help: "Write the report to this file (atomically) instead of standard output.")
  public var out: String?

  @Option(name: .customLong("init-weights"), help: ArgumentHelp(
    "Start every lane from these weights: Keras's model.get_weights() as JSON ([kernel, bias, …]; in Python: json.dump([w.tolist() for w in model.get_weights()], open('weights.json', 'w'))), or a --dump-weights file, FILE#NAME for one of its lanes.",
    valueName: "file"))
  public var initWeights: String?

  @Option(name: .customLong("dump-weights"), help: "Write every lane's final weights as JSON to this file: {\"lanes\": [{\"name\": …, \"lane\": …, \"weights\": [kernel, bias, …]}]}, readable by --init-weights FILE#NAME.")
  public var dumpWeights: String?

  @Option(help: "Also write an SVG figure (loss, zeros, norm over epochs; final histograms) to this file.")
  public var plot: String?

  @Flag(help: "Print a Keras-like model summary with each lane's regularizers, then what λ means for this n, batch size and learning rate (pull per step and per epoch, PyTorch weight_decay, scikit-learn C), and exit.")
  public var summary = false

  @OptionGroup public var kerasExport: KerasOptions

  public init() {}

  public func validate() throws {
    guard epochs >= 1 else { throw ValidationError("--epochs: must be ≥ 1, got \(epochs)") }
    guard reportEvery >= 1 else { throw ValidationError("--report-every: must be ≥ 1, got \(reportEvery)") }
  }

  public func run() throws {
    let weights = try initWeights.map(Self.loadWeights)
    let prepared = try experiment.prepare(initialWeights: weights)
    let config = prepared.config
    if summary {
      try Destination.print(Self.summary(prepared) + "\n"
        + LambdaScale.table(config: prepared.config, lanes: prepared.lanes, trainCount: prepared.data.train.count,
                            batchSize: prepared.batchSize, width: TableFold.proseWidth()))
      return
    }
    if try kerasExport.export(prepared, epochs: epochs) { return }
    // Every output is checked and opened before the first epoch: a bad path fails at once.
    try Destination.checkDistinct([("--out", out), ("--dump-weights", dumpWeights), ("--plot", plot)])
    HeadlessSignals.install()
    let report = try Destination.open(out, flag: "--out")
    let dump = try dumpWeights.map { try Destination.open($0, flag: "--dump-weights") }
    let figure = try plot.map { try Destination.open($0, flag: "--plot") }
    let every = reportEvery
    let format = self.format
    if format != .table { try report.write(Report.header(format)) }
    // Rows go out as each chunk of epochs finishes: memory stays flat however long the run.
    let trainers = try HeadlessRun.stream(prepared, lanes: prepared.lanes, epochs: epochs,
                                          shouldReport: { $0 % every == 0 }) { (records: [[EpochRecord]]) throws -> Void in
      if format != .table { try report.write(Report.rows(records, lanes: prepared.lanes, format: format)) }
    }
    if format == .table { try report.write(Report.table(trainers)) }
    try report.finish()
    if let dump {
      try dump.write(WeightDump(trainers: trainers).json)
      try dump.finish()
    }
    if let figure {
      let title = "regviz run — \(prepared.data.train.name), \(prepared.initial.shapeDescription), \(config.l1Rule.rawValue) L1, \(epochs) epochs"
      try figure.write(RunPlot.svg(lanes: trainers.map { $0.snapshot() }, title: title, image: prepared.data.train.image))
      try figure.finish()
    }
  }

  /// The model summary, its table folded to the terminal when it would not fit, its footer's
  /// prose wrapped at `TableFold.proseWidth()`.
  static func summary(_ prepared: PreparedExperiment) -> String {
    let width = TableFold.width()
    let full = ModelSummary.text(network: prepared.initial, lanes: prepared.lanes, datasetName: prepared.data.train.name)
    let parts = ModelSummary.parts(network: prepared.initial, lanes: prepared.lanes, datasetName: prepared.data.train.name)
    let footer = parts.footer.split(separator: "\n").map { LambdaScale.wrap(String($0), width: TableFold.proseWidth()) }.joined()
    let table = String(full.dropLast(parts.footer.count))
    guard let width, table.split(separator: "\n").contains(where: { $0.count > width }) else { return table + footer }
    return parts.title + "\n" + TableFold.render(parts.rows, rightAligned: { $0 == 3 }, width: width, keep: 1) + footer
  }

  static func loadWeights(_ reference: String) throws -> WeightsFile {
    do { return try WeightsFile.load(reference) } catch { throw CLIError("--init-weights: \(error.description)") }
  }


}

/// A one-line error for the user; ArgumentParser prints it as "Error: …" and exits non-zero.
struct CLIError: Error, CustomStringConvertible {
  var message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}
