import ArgumentParser
import Foundation
import RegvizData
import Training

/// `--keras` and `--keras-out`: the experiment as a Keras script, for `run` and `play`.
public struct KerasOptions: ParsableArguments, Sendable {
  // One help text, not an ArgumentHelp discussion: ArgumentParser prints a flag's discussion
  // at a different indent from the text above it.
  @Flag(help: "Print a Keras script that reproduces this experiment (data and initial weights inline; runs as printed with keras and numpy), and exit. Needs data small enough to print; use --keras-out otherwise.")
  public var keras = false

  @Option(name: .customLong("keras-out"), help: ArgumentHelp(
    "Write the Keras script as DIR/train.py, with the data (train.csv, validation.csv) and initial weights (weights.json) beside it, and exit.",
    valueName: "dir"), completion: .directory)
  public var kerasOut: String?

  public init() {}

  /// Does what the flags ask and returns true, or returns false when neither is given.
  func export(_ prepared: PreparedExperiment, epochs: Int) throws -> Bool {
    let code = KerasCode(config: prepared.config, lanes: prepared.lanes, data: prepared.data,
                         initial: prepared.initial, epochs: epochs)
    if let dir = kerasOut {
      let written: [String]
      do { written = try code.write(to: dir) } catch { throw CLIError("--keras-out: \(error.message)") }
      try Destination.print("wrote \(written.joined(separator: ", "))\nrun: python3 \(written[0])\n")
      return true
    }
    guard keras else { return false }
    guard code.valueCount <= KerasCode.inlineLimit else {
      throw CLIError("--keras: the data and weights are \(code.valueCount) numbers, too many to print; use --keras-out DIR")
    }
    try Destination.print(code.script(.inline))
    return true
  }
}
