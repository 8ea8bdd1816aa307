import LessonRuns
import Canvas
import Foundation
import Lessons
import Training

/// The step's `numbers:` as a small table in the lesson pane, one row per lane:
///
///     lane    acc   val   =0
///     none   100%   86%   0%
///     L1      95%   92%  81%
///
/// so every number the text cites is on screen, at 80×24 too (three columns fit the 26
/// columns of the narrowest pane). Fractions print as whole percentages rounded *down*, so
/// `99.7%` never reads as the `100%` a condition waits for.
enum LessonNumbers {
  static func lines(_ session: LessonSession, snapshot: ExperimentSnapshot, theme: Theme, width: Int) -> [StyledLine] {
    let metrics = session.phase == .step ? session.step.numbers : []
    guard !metrics.isEmpty, !snapshot.lanes.isEmpty else { return [] }
    let values = LessonMetrics(snapshot: snapshot)
    let names = snapshot.lanes.map { String($0.name.prefix(6)) }
    let nameWidth = max(4, names.map(\.count).max() ?? 4)
    var rows: [[String]] = [["lane"] + metrics.map(header)]
    for (lane, name) in zip(snapshot.lanes, names) {
      rows.append([name] + metrics.map { format(values.value($0, lane: lane.name), as: $0) })
    }
    let widths = metrics.indices.map { i in rows.map { $0[i + 1].count }.max() ?? 0 }
    return rows.enumerated().map { index, row in
      var text = row[0].padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      for (i, cell) in row.dropFirst().enumerated() {
        text += " " + String(repeating: " ", count: max(0, widths[i] - cell.count)) + cell
      }
      let line = Painter.truncate(theme.printable(text), to: width, ellipsis: theme.glyphs.ellipsis)
      return StyledLine([StyledRun(line, style: index == 0 ? theme.dim : theme.text)])
    }
  }

  /// Column headings short enough for the narrowest pane; the gauges' own marks where there
  /// are some (`=0`, `≈0`).
  static func header(_ metric: Metric) -> String {
    switch metric {
    case .zeros: "=0"
    case .nearZeros: "≈0"
    case .acc: "acc"
    case .valAcc: "val"
    case .loss: "loss"
    case .valLoss: "vloss"
    case .dataLoss: "data"
    case .penalty: "pen"
    case .l1Norm: "|w|1"
    case .l2Norm: "|w|2"
    case .noiseZeros: "n=0"
    case .featureRatio: "★/n"
    case .starRows: "sig"
    case .prunedUnits: "cut"
    case .droppedInputs: "drop"
    case .lensZero: "lens0"
    case .groupKept: "kept"
    case .groupBalance: "bal"
    case .scaledKept: "scl"
    case .droppedBorder: "edge"
    case .droppedInner: "inner"
    }
  }

  /// At most five characters: `86%`, `<1%`, `1.099`, `0.002`, `12.3`, a count as `16`, `–`
  /// when not known yet.
  static func format(_ value: Double?, as metric: Metric) -> String {
    guard let value, value.isFinite else { return value == nil ? "–" : "∞" }
    // Dropped inputs and pruned units are whole numbers: `16`, not `16.0` or `7.000`.
    if metric == .droppedInputs || metric == .prunedUnits, value == value.rounded(), abs(value) < 100_000 {
      return String(Int(value))
    }
    if metric.isFraction {
      if value > 0 && value < 0.01 { return "<1%" }
      // The epsilon keeps k/n that is exactly a whole percent (0.29 → 28.999…) on it.
      return "\(Checked.floor(value * 100 + 1e-9))%"
    }
    switch abs(value) {
    case ..<10: return String(format: "%.3f", value)
    case ..<1000: return String(format: "%.1f", value)
    default: return String(format: "%.0f", value)
    }
  }
}
