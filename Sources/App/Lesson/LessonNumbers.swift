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
/// columns of the narrowest pane). Numbers print as every panel prints them (`Quantity`):
/// shares as whole percentages rounded *down*, counts as whole numbers.
enum LessonNumbers {
  static func lines(_ session: LessonSession, snapshot: ExperimentSnapshot, theme: Theme, width: Int) -> [StyledLine] {
    let metrics = session.phase == .step ? session.step.numbers : []
    guard !metrics.isEmpty, !snapshot.lanes.isEmpty else { return [] }
    // A reached mission's table stays at the epoch its goal held, the one its ✓ line names.
    let values = session.missionProof ?? LessonMetrics(snapshot: snapshot)
    let names = snapshot.lanes.map { String($0.name.prefix(6)) }
    let nameWidth = max(4, names.map(\.count).max() ?? 4)
    var rows: [[String]] = [["lane"] + metrics.map(header)]
    for (lane, name) in zip(snapshot.lanes, names) {
      rows.append([name] + metrics.map { format(values.value($0, lane: lane.name), as: $0) })
    }
    let widths = metrics.indices.map { i in rows.map { $0[i + 1].count }.max() ?? 0 }
    let proof = session.missionProof.map { ["at epoch \($0.epoch), when the goal held"] } ?? []
    return rows.enumerated().map { index, row in
      var text = row[0].padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      for (i, cell) in row.dropFirst().enumerated() {
        text += " " + String(repeating: " ", count: max(0, widths[i] - cell.count)) + cell
      }
      let line = Painter.truncate(theme.printable(text), to: width, ellipsis: theme.glyphs.ellipsis)
      return StyledLine([StyledRun(line, style: index == 0 ? theme.dim : theme.text)])
    } + proof.map { StyledLine([StyledRun(Painter.truncate(theme.printable($0), to: width, ellipsis: theme.glyphs.ellipsis), style: theme.dim)]) }
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
    case .prunedUnits: "prune"
    case .droppedInputs: "drop"
    case .lensZero: "lens0"
    case .groupKept: "kept"
    case .groupBalance: "bal"
    case .scaledKept: "scl"
    case .droppedBorder: "edge"
    case .droppedInner: "inner"
    }
  }

  /// At most five characters, in the screen's one text per kind of number (`Quantity`):
  /// `86%`, `<1%`, `12`, `1.099`, `12.3`, `–` when not known yet.
  static func format(_ value: Double?, as metric: Metric) -> String {
    if metric.isFraction { return Quantity.percent(value) }
    if metric.isCount { return Quantity.count(value) }
    return Quantity.value(value)
  }
}
