import ArgumentParser
import Foundation
import NeuralCore
import Training

// The core's enums as flag values: argument-parser parses them and lists their values in
// `--help`, so no flag keeps a hand-written list of what it accepts.
extension Activation: ExpressibleByArgument {}
extension L1Rule: ExpressibleByArgument {}
extension Optimizer.Kind: ExpressibleByArgument {}
extension Impl: ExpressibleByArgument {}
extension NamedSetup: ExpressibleByArgument {}

/// Output formats of `run` and `sweep`.
public enum ReportFormat: String, CaseIterable, ExpressibleByArgument { case jsonl, csv, table }

extension RegvizMain {
  /// argument-parser's "The value 'gelu' is invalid for '--activation <activation>'. Please
  /// provide one of 'relu', 'tanh', 'sigmoid' or 'linear'." in RegViz's one-line form:
  /// "--activation: 'gelu' is not one of relu, tanh, sigmoid, linear". Other messages pass.
  static func oneLine(_ message: String) -> String {
    let pattern = #"^The value '(.*)' is invalid for '(--[A-Za-z0-9-]+)[^']*'\. Please provide one of (.*)\.$"#
    guard let regex = try? NSRegularExpression(pattern: pattern),
          let match = regex.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)),
          match.numberOfRanges == 4,
          let value = Range(match.range(at: 1), in: message), let flag = Range(match.range(at: 2), in: message),
          let list = Range(match.range(at: 3), in: message)
    else { return message }
    let choices = message[list].replacingOccurrences(of: " or ", with: ", ").replacingOccurrences(of: " and ", with: ", ")
      .replacingOccurrences(of: "'", with: "")
    return "\(message[flag]): '\(message[value])' is not one of \(choices)"
  }
}
