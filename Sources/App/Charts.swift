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
    _ lanes: [(index: Int, lane: LaneSnapshot)], view: LossView, epoch: Int, theme: Theme
  ) -> BrailleChart {
    var secondary: [ChartSeries] = []
    var primary: [ChartSeries] = []
    for (i, lane) in lanes {
      let style = theme.laneStyle(i)
      let marker = theme.laneMarker(i)
      let h = lane.history
      let other = view == .trainValidation ? h.valLoss : h.penalty
      secondary.append(ChartSeries(values: other, style: style.adding(.dim), marker: marker))
      primary.append(ChartSeries(values: h.dataLoss, style: style, marker: marker))
    }
    let series = secondary + primary
    return BrailleChart(series: series, yRange: fromZero(series), caption: "epoch \(epoch)")
  }

  /// 0 up to the highest finite value: losses and norms are non-negative, and a chart that
  /// starts at 0 shows "halved" as half (an automatic range would also label its bottom 5.3e-3).
  static func fromZero(_ series: [ChartSeries]) -> ClosedRange<Double>? {
    let peak = series.flatMap(\.values).filter(\.isFinite).max()
    return peak.map { 0...max($0 * 1.05, 1e-6) }
  }

  static func zeros(_ lanes: [(index: Int, lane: LaneSnapshot)], theme: Theme) -> BrailleChart {
    BrailleChart(
      series: lanes.map { i, lane in
        ChartSeries(values: lane.history.zeroFraction, style: theme.laneStyle(i), marker: theme.laneMarker(i))
      },
      yRange: 0...1, percent: true)
  }

  static func norm(_ lanes: [(index: Int, lane: LaneSnapshot)], theme: Theme) -> BrailleChart {
    let series = lanes.map { i, lane in
      ChartSeries(values: lane.history.l2Norm, style: theme.laneStyle(i), marker: theme.laneMarker(i))
    }
    return BrailleChart(series: series, yRange: fromZero(series))
  }
}
