import Canvas
import Foundation
import NeuralCore
import Training

/// `regviz sweep --seeds N`: selection frequency per lane and input feature over N run seeds.
extension SweepCommand {
  func runSeeds(_ count: Int) throws {
    let config = try experiment.makeConfig()
    HeadlessSignals.install()
    let report = try Destination.open(out, flag: "--out")
    let seeds = SelectionFrequency.seedList(from: config.seed, count: count)
    let tally: SelectionFrequency
    do { tally = try SelectionFrequency.measure(config, seeds: seeds, epochs: epochs, locator: experiment.locator) } catch {
      throw CLIError(error.message)
    }
    try report.write(SelectionReport.render(tally, format: format))
    try report.finish()
  }
}

/// The selection-frequency report in the three formats.
enum SelectionReport {
  struct Line: Encodable {
    var name: String
    var lane: String
    var seeds: [UInt64]
    var features: [String]
    var keptFraction: [Double]
    var meanMagnitude: [Double]

    enum CodingKeys: String, CodingKey {
      case name, lane, seeds, features, keptFraction = "kept_fraction", meanMagnitude = "mean_magnitude"
    }
  }

  /// Group labels for the header: `A1★` etc.; `group` names the correlated group a feature is in.
  static func headers(_ t: SelectionFrequency) -> [String] {
    let marks = Set(t.informative ?? [])
    return ShortName.abbreviate(t.featureNames).enumerated().map { $0.element + (marks.contains($0.offset) ? "★" : "") }
  }

  static func render(_ t: SelectionFrequency, format: ReportFormat) -> String {
    switch format {
    case .jsonl:
      return t.laneNames.indices.map { l in
        JSONLines.line(Line(name: t.laneNames[l], lane: t.laneSpecs[l], seeds: t.seeds, features: t.featureNames,
                            keptFraction: t.featureNames.indices.map { t.frequency(lane: l, feature: $0) },
                            meanMagnitude: t.featureNames.indices.map { t.meanMagnitude(lane: l, feature: $0) }))
      }.joined()
    case .csv:
      let header = ["name", "lane", "feature", "group", "kept_fraction", "mean_magnitude"].joined(separator: ",")
      var rows = [header]
      for l in t.laneNames.indices {
        for i in t.featureNames.indices {
          let group = t.groups?.firstIndex { $0.contains(i) }.map { String($0 + 1) } ?? ""
          rows.append([csv(t.laneNames[l]), csv(t.laneSpecs[l]), csv(t.featureNames[i]), group,
                       ReportRow.Cell.number(t.frequency(lane: l, feature: i)).csv,
                       ReportRow.Cell.number(t.meanMagnitude(lane: l, feature: i)).csv].joined(separator: ","))
        }
      }
      return rows.joined(separator: "\n") + "\n"
    case .table:
      var table = [["lane", "spec"] + headers(t)]
      for l in t.laneNames.indices {
        table.append([t.laneNames[l], t.laneSpecs[l]] + t.featureNames.indices.map { i in
          String(format: "%.0f%%", 100 * t.frequency(lane: l, feature: i))
        })
      }
      let seeds = t.seeds.count == 1 ? "seed \(t.seeds[0])" : "seeds \(t.seeds.first!)…\(t.seeds.last!)"
      var text = "how often each lane keeps each feature (first-layer row norm ≥ 1e-3) over \(t.done) \(seeds); ★ informative\n"
      if let groups = t.groups, !groups.isEmpty {
        text += "correlated groups: " + groups.map { $0.map { t.featureNames[$0] }.joined(separator: " ") }.joined(separator: " · ") + "\n"
      }
      return text + TableFold.render(table, rightAligned: { $0 >= 2 }, width: TableFold.width(), keep: 2)
    }
  }
}
