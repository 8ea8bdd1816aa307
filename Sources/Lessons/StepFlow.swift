import RegvizData

/// What the learner sees while a step's question waits for its answer (`before-answer:`).
///
/// Predict, then observe: the screen must not show the answer before the learner commits to
/// one. A step with setup keys starts a fresh run, so pausing it is enough; a step without
/// them continues the run before, which may already show the outcome the question asks about.
public enum BeforeAnswer: Sendable, Equatable {
  /// Training stops where it is until the answer (the default).
  case pause
  /// The step's experiment starts over from its initial weights — as if the step had set it
  /// up — and waits at epoch 0 for the answer. `epoch` and `max-epochs` count from here.
  case restart
  /// `pause` or `restart`. (Hiding one panel while the run goes on needs the composer to
  /// blank a panel; it waits for the dashboard's layout to offer that.)
  static func parse(_ v: String) throws(ExperimentValues.Problem) -> BeforeAnswer {
    switch v {
    case "pause": return .pause
    case "restart": return .restart
    default: throw ExperimentValues.Problem("must be pause or restart, got '\(v)'")
    }
  }
}

/// `numbers: acc, val_acc, zeros`: the metrics the lesson pane lists per lane on this step,
/// so every number the text cites is on screen. Names are those of conditions.
enum NumbersDirective {
  /// At most this many columns fit beside a lane name in the narrowest pane (80×24).
  static let maxColumns = 3

  static func parse(_ d: DirectiveLine, file: String) throws(LessonError) -> [Metric] {
    var metrics: [Metric] = []
    var offset = 0
    for part in d.value.split(separator: ",", omittingEmptySubsequences: false) {
      let name = part.trimmed
      let lead = part.prefix { $0.isWhitespace }.count
      let column = d.valueColumn + offset + lead
      offset += part.count + 1
      // `lens_zero` reads the lens, not a lane of the network: no column of the table.
      guard let metric = Metric(rawValue: name), metric != .lensZero else {
        let known = Metric.allCases.filter { $0 != .lensZero }.map(\.rawValue).joined(separator: ", ")
        throw LessonError(file: file, line: d.line, column: column,
                          message: "unknown metric '\(name)' in numbers: (known: \(known))")
      }
      guard !metrics.contains(metric) else {
        throw LessonError(file: file, line: d.line, column: column, message: "'\(name)' listed twice in numbers:")
      }
      metrics.append(metric)
    }
    guard metrics.count <= maxColumns else {
      throw d.error("numbers: shows at most \(maxColumns) metrics (an 80-column screen has room for no more), got \(metrics.count)", file: file)
    }
    return metrics
  }
}
