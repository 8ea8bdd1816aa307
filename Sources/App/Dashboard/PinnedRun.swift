import Canvas
import Training

/// A run kept as a ghost (the `g` key): each visible lane's chart series at the moment of
/// pinning. After a reset (say with another L1 rule) or any restart the three charts draw it
/// dimmed beside the live run, on one epoch axis, until `g` unpins it. UI state only: the trainers never see it.
public struct PinnedRun: Hashable, Sendable {
  /// The pinned lanes' histories by lane index (the lane's colour).
  public var histories: [Int: History]
  /// What was pinned, for the chart titles: `rule prox, λ 0.01, 312 epochs`.
  public var label: String

  public init(_ snapshot: ExperimentSnapshot, lanes: [Int]) {
    histories = Dictionary(uniqueKeysWithValues: lanes.filter { $0 < snapshot.lanes.count }
      .map { ($0, snapshot.lanes[$0].history) })
    let lambda = Format.strength(Lane.referenceLambda(snapshot.lanes.map(\.lane)))
    label = "rule \(snapshot.config.l1Rule.rawValue), λ \(lambda), \(snapshot.epoch) epochs"
  }

  /// Ghost lines are dim and carry this marker (ASCII charts plot with it; monochrome braille
  /// puts it at the line's end), so they differ from every lane's own marker.
  static func marker(_ theme: Theme) -> Character { theme.ascii ? "." : "·" }

  /// One ghost line per pinned lane that is visible now, from `series` of its history.
  func ghosts(
    _ lanes: [(index: Int, lane: LaneSnapshot)], theme: Theme, _ series: (History) -> [Double]
  ) -> [ChartSeries] {
    lanes.compactMap { i, _ in
      histories[i].map { h in
        ChartSeries(values: series(h), style: theme.laneStyle(i).adding(.dim), marker: Self.marker(theme),
                    epochs: h.epochs)
      }
    }
  }

  /// The epochs both the live lanes and the ghost cover, for one shared axis.
  func span(_ lanes: [(index: Int, lane: LaneSnapshot)]) -> ClosedRange<Int> {
    let all = lanes.map(\.lane.history) + lanes.compactMap { histories[$0.index] }
    let low = all.compactMap(\.epochs.first).min() ?? 0
    let high = all.compactMap(\.epochs.last).max() ?? 0
    return low...max(high, low + 1)
  }

  /// A chart's titles (longest first) with the pin named: the full label where it fits, else
  /// "· pinned" after the longest title that leaves room for it.
  func titles(_ titles: [String], theme: Theme) -> [String] {
    guard let first = titles.first else { return titles }
    return ([first + " · pinned: " + label] + titles.map { $0 + " · pinned" }).map(theme.printable) + titles
  }
}
