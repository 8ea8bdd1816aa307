import Foundation
import NeuralCore
import RegvizData
import Training

/// One lane at one reported epoch: the single row behind JSONL, CSV and the final table.
struct ReportRow: Encodable {
  var record: EpochRecord
  var lane: Lane
  var diverged: Bool

  /// One value of a row: how it prints in CSV and encodes in JSON. A number that is missing
  /// or not finite is null in JSON and empty in CSV, never NaN.
  enum Cell: Encodable {
    case int(Int), number(Double?), text(String), flag(Bool)

    var csv: String {
      switch self {
      case .int(let n): return String(n)
      case .number(let v): return v.flatMap { $0.isFinite ? "\($0)" : nil } ?? ""
      case .text(let s): return RegvizCommand.csv(s)
      case .flag(let b): return String(b)
      }
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      switch self {
      case .int(let n): try c.encode(n)
      case .number(let v): if let v, v.isFinite { try c.encode(v) } else { try c.encodeNil() }
      case .text(let s): try c.encode(s)
      case .flag(let b): try c.encode(b)
      }
    }
  }

  /// The columns, in order: the one list JSONL keys, the CSV header and its cells come from.
  static let columns: [(name: String, cell: @Sendable (ReportRow) -> Cell)] = [
    ("epoch", { .int($0.record.epoch) }), ("lane", { .text($0.lane.spec.description) }), ("name", { .text($0.lane.name) }),
    ("data_loss", { .number($0.record.dataLoss) }), ("penalty", { .number($0.record.penalty) }),
    ("loss", { .number($0.record.loss) }), ("val_loss", { .number($0.record.valLoss) }),
    ("acc", { .number($0.record.accuracy) }), ("val_acc", { .number($0.record.valAccuracy) }),
    ("zeros", { .int($0.record.zeros) }), ("near_zeros", { .int($0.record.nearZeros) }),
    ("weights", { .int($0.record.weights) }), ("l1_norm", { .number($0.record.l1Norm) }),
    ("l2_norm", { .number($0.record.l2Norm) }), ("diverged", { .flag($0.diverged) }),
  ]

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    for column in Self.columns { try c.encode(column.cell(self), forKey: Key(stringValue: column.name)) }
  }

  var csvLine: String { Self.columns.map { $0.cell(self).csv }.joined(separator: ",") }
}

/// The text of a run's report, a chunk at a time: one row per lane per reported epoch (JSONL,
/// CSV), or a final table.
enum Report {
  /// What comes before the rows: CSV's header line.
  static func header(_ format: ReportFormat) -> String {
    format == .csv ? ReportRow.columns.map(\.name).joined(separator: ",") + "\n" : ""
  }

  /// `records` per lane (one chunk of epochs), in epoch order, lanes in their order within an
  /// epoch. A row is marked diverged at the epoch whose figures stopped being finite.
  static func rows(_ records: [[EpochRecord]], lanes: [Lane], format: ReportFormat) -> String {
    let rows = records.enumerated().flatMap { lane, rs in rs.map { (lane, $0) } }
      .sorted { ($0.1.epoch, $0.0) < ($1.1.epoch, $1.0) }
      .map { lane, r in ReportRow(record: r, lane: lanes[lane], diverged: r.diverged) }
    switch format {
    case .jsonl: return rows.map { JSONLines.line($0) }.joined()
    case .csv: return rows.map { $0.csvLine + "\n" }.joined()
    case .table: return ""
    }
  }

  /// ok, diverged, or stopped early (with the epoch whose weights the lane kept).
  static func status(_ t: LaneTrainer) -> String {
    if let e = t.divergedAt { return "diverged at epoch \(e)" }
    if let e = t.stoppedAt { return "stopped at epoch \(e), kept epoch \(t.bestEpoch ?? e)" }
    if t.restoredAtEnd, let best = t.bestEpoch { return "ended, kept epoch \(best) (best val)" }
    return "ok"
  }

  /// The last epoch of every lane, aligned for reading.
  static func table(_ trainers: [LaneTrainer]) -> String {
    var rows: [[String]] = [["lane", "spec", "epochs", "loss", "data", "penalty", "acc", "val acc", "exact 0", "≈0", "‖w‖₁", "‖w‖₂", "status"]]
    for t in trainers {
      let r = t.latest
      func pct(_ n: Int?) -> String { guard let n, let w = r?.weights, w > 0 else { return "–" }; return String(format: "%.1f%%", 100 * Double(n) / Double(w)) }
      func f(_ v: Double?, _ digits: Int = 4) -> String { v.map { $0.isFinite ? String(format: "%.\(digits)f", $0) : "\($0)" } ?? "–" }
      rows.append([t.lane.name, t.lane.spec.description, "\(t.epoch)", f(r?.loss), f(r?.dataLoss), f(r?.penalty),
                   f(r?.accuracy, 3), f(r?.valAccuracy, 3), pct(r?.zeros), pct(r?.nearZeros), f(r?.l1Norm, 2),
                   f(r?.l2Norm, 3), Self.status(t)])
    }
    // Name and spec read left to right, the status too; the numbers line up on the right.
    return TableFold.render(rows, rightAligned: { $0 >= 2 && $0 < rows[0].count - 1 }, width: TableFold.width(), keep: 1)
  }
}

/// One JSON object per line, through `JSONEncoder`; keys sorted, so the same run prints the
/// same bytes (the encoder keeps no insertion order).
enum JSONLines {
  static func line(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
  }
}

/// A CSV cell (RFC 4180): quoted when it holds a separator, a quote or a line break.
func csv(_ s: String) -> String {
  let needsQuotes = s.unicodeScalars.contains { ",\";\n\r".unicodeScalars.contains($0) }
  return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
}

extension WeightDump {
  /// Every lane's final weights.
  init(trainers: [LaneTrainer]) {
    self.init(lanes: trainers.map {
      Lane(lane: $0.lane.spec.description, name: $0.lane.name, weights: WeightsFile(network: $0.learner.network))
    })
  }
}
