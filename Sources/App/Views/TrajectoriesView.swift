import Lessons
import Canvas
import NeuralCore
import Training

/// The weight-trajectories view: per lane, a few single first-layer weights over epochs (the
/// same positions in every lane, informative inputs and noise). Under prox-L1 a noise weight
/// falls in a straight line and stays at exactly 0; under L2 it decays and never arrives.
struct TrajectoriesView {
  var lanes: [(Int, LaneSnapshot)]
  var featureNames: [String]
  var epoch: Int

  func draw(in rect: Rect, painter p: inout Painter, theme: Theme) {
    let inside = p.panel(rect, title: theme.printable("weight trajectories · first layer · the same weights in every lane"),
                         theme: theme)
    guard let trace = lanes.first?.1.trace, !trace.positions.isEmpty, inside.height >= 4 else { return }
    // Legend row at the bottom: which weight is which.
    let legend = trace.positions.enumerated().map { k, position in
      Legend.Entry(marker: Self.marker(k, theme: theme), name: theme.printable(name(position)), style: Self.style(k, theme: theme))
    }
    Legend(entries: legend).draw(in: Rect(x: inside.x + 1, y: inside.maxY - 1, width: inside.width - 2, height: 1),
                                 painter: &p, theme: theme)
    let area = Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - 1)
    let columns = lanes.count > 2 && area.width >= 100 ? min(lanes.count, 4) : min(lanes.count, 2)
    let rows = (lanes.count + columns - 1) / columns
    let cells = area.rows(weights: Array(repeating: 1, count: rows)).flatMap { $0.columns(weights: Array(repeating: 1, count: columns), gap: 1) }
    let bound = lanes.flatMap { $0.1.trace.values.flatMap { $0.map { Double(abs($0)) } } }.max() ?? 1
    let range = Checked.span(-bound, bound)
    for ((index, lane), cell) in zip(lanes, cells) where cell.height >= 3 {
      let zeros = lane.trace.values.last.map { $0.filter { $0 == 0 }.count } ?? 0
      p.put(theme.printable("\(theme.laneMarker(index)) \(lane.name)  \(zeros)/\(trace.positions.count) exactly 0"),
            x: cell.x + 1, y: cell.y, style: theme.laneStyle(index))
      let zero = ChartSeries(values: Array(repeating: 0, count: max(lane.trace.values.count, 2)), style: theme.dim, marker: "-")
      let series = (0..<trace.positions.count).map { k in
        ChartSeries(values: lane.trace.series(k).map(Double.init), style: Self.style(k, theme: theme),
                    marker: Self.marker(k, theme: theme))
      }
      BrailleChart(series: [zero] + series, yRange: range, caption: "epoch \(lane.epoch)")
        .draw(in: Rect(x: cell.x, y: cell.y + 1, width: cell.width, height: cell.height - 1), painter: &p, theme: theme)
    }
  }

  /// `x3→u7 ★` (informative) or `x12→u2`.
  func name(_ position: WeightTrace.Position) -> String {
    let input = position.input < featureNames.count ? featureNames[position.input] : "x\(position.input + 1)"
    return "\(input)→u\(position.unit + 1)" + (position.informative == true ? " ★" : position.informative == false ? " noise" : "")
  }

  /// Weight `k`'s colour: the lane palette read from the far end, so it does not suggest a lane.
  static func style(_ k: Int, theme: Theme) -> Style { theme.laneStyle(7 - k) }
  static func marker(_ k: Int, theme: Theme) -> Character { theme.laneMarker(7 - k) }
}

extension TrajectoriesView: MainView {
  static let name = DashboardView.trajectories
  static let title = "weight trajectories"

  static func draw(_ c: ViewContext, in body: Rect, painter p: inout Painter) {
    drawBesidePane(c, in: body, painter: &p) { rect, p in
      TrajectoriesView(lanes: c.visible.map { ($0.index, $0.lane) }, featureNames: c.snapshot.featureNames,
                       epoch: c.snapshot.epoch)
        .draw(in: rect, painter: &p, theme: c.theme)
    }
  }
}
