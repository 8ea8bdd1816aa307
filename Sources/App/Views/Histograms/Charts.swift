import Canvas
import Training

/// The three charts over epochs — loss, exact zeros, ‖w‖₂ — with every visible lane overlaid
/// in its colour. Secondary curves (validation loss, or the penalty) use the lane's colour
/// dimmed and are drawn first, so the main curve stays on top where they cross.
enum Charts {
  /// Longest first (see `BorderMesh.title`).
  static func lossTitle(_ view: LossView, theme: Theme) -> [String] {
    switch view {
    case .trainValidation: return ["data loss · train, val dim", "data loss · val dim", "data loss"].map(theme.printable)
    case .dataPenalty: return ["loss · data, penalty dim", "loss · penalty dim", "loss"].map(theme.printable)
    }
  }

  static let zerosTitle = ["exact zeros %", "zeros %", "=0 %"]

  static func normTitle(theme: Theme) -> [String] { ["‖w‖₂ (L2 norm)", "‖w‖₂"].map(theme.printable) }

  static func loss(
    _ lanes: [(index: Int, lane: LaneSnapshot)], view: LossView, epoch: Int, theme: Theme,
    pinned: PinnedRun? = nil, cursor: Int? = nil
  ) -> BrailleChart {
    var secondary: [ChartSeries] = []
    var primary: [ChartSeries] = []
    for (i, lane) in lanes {
      let style = theme.laneStyle(i)
      let marker = theme.laneMarker(i)
      let h = lane.history
      let other = view == .trainValidation ? h.valLoss : h.penalty
      secondary.append(ChartSeries(values: other, style: style.adding(.dim), marker: marker, epochs: h.epochs))
      primary.append(ChartSeries(values: h.dataLoss, style: style, marker: marker, epochs: h.epochs))
    }
    let ghosts = pinned.map { pin in
      pin.ghosts(lanes, theme: theme) { view == .trainValidation ? $0.valLoss : $0.penalty }
        + pin.ghosts(lanes, theme: theme, \.dataLoss)
    } ?? []
    let series = ghosts + secondary + primary
    // The caption names the axis's right edge: with a pin, the longer of the two runs (a pinned
    // 1 600-epoch run beside a new one at 115 ends at 1 600, issue 23 item 11).
    let end = pinned.map { max(epoch, $0.span(lanes).upperBound) } ?? epoch
    return withAxis(BrailleChart(series: series, yRange: fromZero(series), caption: "epoch \(end)"),
                   lanes, pinned: pinned, cursor: cursor, theme: theme)
  }

  /// The chart with its stop marks, with a pin its series on one shared epoch axis (a ghost of
  /// 800 epochs and a live run of 50 line up epoch by epoch), and scrub-back's epoch as a cursor.
  private static func withAxis(
    _ chart: BrailleChart, _ lanes: [(index: Int, lane: LaneSnapshot)], pinned: PinnedRun?, cursor: Int?,
    theme: Theme
  ) -> BrailleChart {
    var chart = chart
    chart.epochSpan = pinned?.span(lanes)
    chart.marks = stopMarks(lanes, theme: theme, span: chart.epochSpan)
    chart.cursor = cursor.flatMap { fraction(of: $0, lanes, span: chart.epochSpan) }
    return chart
  }

  /// Where `epoch` falls on the plotted span: the shared axis, or the lanes' histories.
  static func fraction(of epoch: Int, _ lanes: [(index: Int, lane: LaneSnapshot)], span: ClosedRange<Int>?) -> Double? {
    guard let first = span?.lowerBound ?? lanes.compactMap(\.lane.history.epochs.first).min(),
          let last = span?.upperBound ?? lanes.compactMap(\.lane.history.epochs.last).max(), last > first
    else { return nil }
    return Double(epoch - first) / Double(last - first)
  }

  /// Where each early-stopped lane stopped, on the x axis in its colour: the lane's curves
  /// run flat from there (its weights are those of its best validation epoch).
  static func stopMarks(
    _ lanes: [(index: Int, lane: LaneSnapshot)], theme: Theme, span: ClosedRange<Int>? = nil
  ) -> [ChartMark] {
    lanes.compactMap { i, lane in
      guard let stop = lane.stoppedAt, let first = span?.lowerBound ?? lane.history.epochs.first,
            let last = span?.upperBound ?? lane.history.epochs.last, last > first else { return nil }
      return ChartMark(fraction: Double(stop - first) / Double(last - first), glyph: theme.glyphs.box.teeUp,
                       style: theme.laneStyle(i).adding(.bold))
    }
  }

  /// 0 up to the highest finite value: losses and norms are non-negative, and a chart that
  /// starts at 0 shows "halved" as half (an automatic range would also label its bottom 5.3e-3).
  static func fromZero(_ series: [ChartSeries]) -> ClosedRange<Double>? {
    // One pass, no copies: every frame runs this over each lane's whole history.
    var peak: Double?
    for line in series {
      for v in line.values where v.isFinite && v > (peak ?? -.infinity) { peak = v }
    }
    return peak.map { Checked.span(0, $0 * 1.05) }
  }

  static func zeros(
    _ lanes: [(index: Int, lane: LaneSnapshot)], theme: Theme, pinned: PinnedRun? = nil, cursor: Int? = nil
  ) -> BrailleChart {
    let series = (pinned?.ghosts(lanes, theme: theme, \.zeroFraction) ?? []) + lanes.map { i, lane in
      ChartSeries(values: lane.history.zeroFraction, style: theme.laneStyle(i), marker: theme.laneMarker(i),
                  epochs: lane.history.epochs)
    }
    return withAxis(BrailleChart(series: series, yRange: 0...1, percent: true), lanes, pinned: pinned, cursor: cursor,
                   theme: theme)
  }

  static func norm(
    _ lanes: [(index: Int, lane: LaneSnapshot)], theme: Theme, pinned: PinnedRun? = nil, cursor: Int? = nil
  ) -> BrailleChart {
    let series = (pinned?.ghosts(lanes, theme: theme, \.l2Norm) ?? []) + lanes.map { i, lane in
      ChartSeries(values: lane.history.l2Norm, style: theme.laneStyle(i), marker: theme.laneMarker(i),
                  epochs: lane.history.epochs)
    }
    return withAxis(BrailleChart(series: series, yRange: fromZero(series)), lanes, pinned: pinned, cursor: cursor,
                   theme: theme)
  }
}
