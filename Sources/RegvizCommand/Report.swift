import Foundation
import NeuralCore
import Training

enum ReportFormat: String { case jsonl, csv, table }

/// The text of a run's report: one row per lane per reported epoch, or a final table.
struct Report {
  var format: ReportFormat
  var lanes: [LaneConfig]
  var records: [[EpochRecord]]
  var trainers: [LaneTrainer]
  var epochs: Int

  static let columns = ["epoch", "lane", "name", "data_loss", "penalty", "loss", "val_loss", "acc", "val_acc",
                        "zeros", "near_zeros", "weights", "l1_norm", "l2_norm", "diverged"]

  /// Rows in epoch order, lanes in their order within an epoch.
  var rows: [(lane: Int, record: EpochRecord)] {
    records.enumerated().flatMap { lane, rs in rs.map { (lane, $0) } }
      .sorted { ($0.record.epoch, $0.lane) < ($1.record.epoch, $1.lane) }
  }

  func diverged(_ lane: Int, _ r: EpochRecord) -> Bool {
    trainers[lane].diverged != nil && r.epoch == trainers[lane].epoch
  }

  var text: String {
    switch format {
    case .jsonl:
      return rows.map { row in
        let r = row.record, lane = lanes[row.lane]
        let fields: [(String, String)] = [
          ("epoch", "\(r.epoch)"), ("lane", json(lane.spec.description)), ("name", json(lane.name)),
          ("data_loss", num(r.dataLoss)), ("penalty", num(r.penalty)), ("loss", num(r.loss)),
          ("val_loss", num(r.valLoss)), ("acc", num(r.accuracy)), ("val_acc", num(r.valAccuracy)),
          ("zeros", "\(r.zeros)"), ("near_zeros", "\(r.nearZeros)"), ("weights", "\(r.weights)"),
          ("l1_norm", num(r.l1Norm)), ("l2_norm", num(r.l2Norm)), ("diverged", diverged(row.lane, r) ? "true" : "false"),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
      }.joined()
    case .csv:
      var s = Self.columns.joined(separator: ",") + "\n"
      for row in rows {
        let r = row.record, lane = lanes[row.lane]
        let cells = ["\(r.epoch)", csv(lane.spec.description), csv(lane.name), num(r.dataLoss, null: ""), num(r.penalty, null: ""),
                     num(r.loss, null: ""), num(r.valLoss, null: ""), num(r.accuracy, null: ""), num(r.valAccuracy, null: ""),
                     "\(r.zeros)", "\(r.nearZeros)", "\(r.weights)", num(r.l1Norm, null: ""), num(r.l2Norm, null: ""),
                     diverged(row.lane, r) ? "true" : "false"]
        s += cells.joined(separator: ",") + "\n"
      }
      return s
    case .table:
      return table
    }
  }

  var table: String {
    var rows: [[String]] = [["lane", "spec", "epochs", "loss", "data", "penalty", "acc", "val acc", "exact 0", "≈0", "‖w‖₁", "‖w‖₂", "status"]]
    for (i, t) in trainers.enumerated() {
      let r = t.latest
      func pct(_ n: Int?) -> String { guard let n, let w = r?.weights, w > 0 else { return "–" }; return String(format: "%.1f%%", 100 * Double(n) / Double(w)) }
      func f(_ v: Double?, _ digits: Int = 4) -> String { v.map { $0.isFinite ? String(format: "%.\(digits)f", $0) : "\($0)" } ?? "–" }
      rows.append([lanes[i].name, lanes[i].spec.description, "\(t.epoch)", f(r?.loss), f(r?.dataLoss), f(r?.penalty),
                   f(r?.accuracy, 3), f(r?.valAccuracy, 3), pct(r?.zeros), pct(r?.nearZeros), f(r?.l1Norm, 2),
                   f(r?.l2Norm, 3), t.diverged ?? "ok"])
    }
    let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max()! }
    return rows.map { r in
      r.enumerated().map { c, cell in
        c < 2 || c == r.count - 1 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                                  : String(repeating: " ", count: widths[c] - cell.count) + cell
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n") + "\n"
  }
}

func num(_ v: Double?, null: String = "null") -> String {
  guard let v, v.isFinite else { return null }
  return "\(v)"
}

func json(_ s: String) -> String {
  var out = "\""
  for ch in s.unicodeScalars {
    switch ch {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case _ where ch.value < 0x20: out += String(format: "\\u%04x", ch.value)
    default: out.unicodeScalars.append(ch)
    }
  }
  return out + "\""
}

func csv(_ s: String) -> String {
  s.contains(",") || s.contains("\"") || s.contains(";") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
}

/// `{"lanes": [{"lane": SPEC, "name": NAME, "layers": [{"kernel": [[…]], "bias": […]}]}]}`
enum WeightDump {
  static func json(lanes: [LaneTrainer]) -> String {
    struct Lane: Encodable { var lane: String; var name: String; var layers: [WeightsFile.LayerWeights] }
    struct File: Encodable { var lanes: [Lane] }
    let file = File(lanes: lanes.map {
      Lane(lane: $0.config.spec.description, name: $0.config.name, layers: WeightsFile(network: $0.learner.network).layers)
    })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // A diverged lane's weights may be NaN: write them as strings rather than fail.
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return String(decoding: try! encoder.encode(file), as: UTF8.self) + "\n"
  }
}
