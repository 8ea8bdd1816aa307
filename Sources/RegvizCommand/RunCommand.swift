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

  @Flag(help: "Print a Keras-like model summary with each lane's regularizers, and exit.")
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
      print(ModelSummary.text(network: prepared.initial, lanes: prepared.lanes, datasetName: prepared.data.train.name), terminator: "")
      return
    }
    if try kerasExport.export(prepared, epochs: epochs) { return }
    try Self.checkWritable(out, flag: "--out")
    try Self.checkWritable(dumpWeights, flag: "--dump-weights")
    try Self.checkWritable(plot, flag: "--plot")
    let every = reportEvery
    let result = HeadlessRun.run(prepared, epochs: epochs) { $0 % every == 0 }
    let report = Report(format: format, records: result.records, trainers: result.lanes)
    if let out { try Self.write(report.text, to: out) } else { print(report.text, terminator: "") }
    if let dumpWeights {
      try Self.write(WeightDump(trainers: result.lanes).json, to: dumpWeights)
    }
    if let plot {
      let title = "regviz run — \(prepared.data.train.name), \(prepared.initial.shapeDescription), \(config.l1Rule.rawValue) L1, \(epochs) epochs"
      try Self.write(RunPlot.svg(lanes: result.lanes.map { $0.snapshot() }, title: title), to: plot)
    }
  }

  static func loadWeights(_ reference: String) throws -> WeightsFile {
    do { return try WeightsFile.load(reference) } catch { throw CLIError("--init-weights: \(error.description)") }
  }

  /// Fails early, before training, when an output file could not be written.
  static func checkWritable(_ path: String?, flag: String) throws {
    guard let path else { return }
    let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
      throw CLIError("\(flag): directory '\(dir)' does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: dir) else { throw CLIError("\(flag): directory '\(dir)' is not writable") }
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
      throw CLIError("\(flag): '\(path)' is a directory")
    }
  }

  static func write(_ text: String, to path: String) throws {
    do { try AtomicFile.write(text, to: path) } catch { throw CLIError(error.description) }
  }

}

/// A one-line error for the user; ArgumentParser prints it as "Error: …" and exits non-zero.
struct CLIError: Error, CustomStringConvertible {
  var message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}
