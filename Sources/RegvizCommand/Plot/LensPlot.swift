import Foundation
import NeuralCore

/// `regviz lens --plot`: the lens as an SVG figure. Left, the (w1, w2) plane as the terminal
/// draws it; right, each weight along the λ path (the classic lasso and ridge path plots).
enum LensPlot {
  static func svg(_ scene: LensScene, hidden: Set<Int> = []) -> String {
    let s = scene.settings
    let n = number
    let title = "Two-weight lens: λ \(n(s.lambda)), correlation \(n(s.correlation)), scale of x2 \(n(s.scale)), seed \(s.seed)"
    let visible = scene.lanes.filter { !hidden.contains($0.lane.rawValue) }
    let (px, py, side) = (60.0, 70.0, 440.0)
    let e = scene.extent
    let sx = { (v: Double) in px + (v - e.minX) / (e.maxX - e.minX) * side }
    let sy = { (v: Double) in py + side - (v - e.minY) / (e.maxY - e.minY) * side }
    func polyline(_ points: [(Double, Double)], _ attributes: String) -> String {
      let pts = points.filter { $0.0.isFinite && $0.1.isFinite }.map { "\(f(sx($0.0))),\(f(sy($0.1)))" }
      return pts.count < 2 ? "" : "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" \(attributes)/>\n"
    }
    var body = "<g class=\"plane\">\n<defs><clipPath id=\"plane\"><rect x=\"\(f(px))\" y=\"\(f(py))\" width=\"\(f(side))\" height=\"\(f(side))\"/></clipPath></defs>\n"
    body += "<text x=\"\(f(px))\" y=\"\(f(py - 8))\" class=\"title\">(w1, w2): data-loss contours, penalty shapes, paths, trajectories</text>\n"
    body += "<rect x=\"\(f(px))\" y=\"\(f(py))\" width=\"\(f(side))\" height=\"\(f(side))\" class=\"frame\"/>\n"
    body += "<g clip-path=\"url(#plane)\">\n"
    body += "<line x1=\"\(f(sx(e.minX)))\" y1=\"\(f(sy(0)))\" x2=\"\(f(sx(e.maxX)))\" y2=\"\(f(sy(0)))\" stroke=\"#888\"/>\n"
    body += "<line x1=\"\(f(sx(0)))\" y1=\"\(f(sy(e.minY)))\" x2=\"\(f(sx(0)))\" y2=\"\(f(sy(e.maxY)))\" stroke=\"#888\"/>\n"
    let minimum = scene.problem.dataLoss(scene.leastSquares)
    let corners = [[e.minX, e.minY], [e.minX, e.maxY], [e.maxX, e.minY], [e.maxX, e.maxY]]
    let far = corners.map(scene.problem.dataLoss).max()! - minimum
    for k in 1...5 {
      body += polyline(scene.problem.contour(level: minimum + far * Double(k * k) / 36, points: 240),
                       "class=\"contour\" stroke=\"#c8c8c8\" stroke-width=\"1\"")
    }
    for lane in visible where lane.lane != .none {
      let color = laneColor(lane.lane.rawValue)
      body += polyline(scene.problem.contour(level: lane.contourLevel, points: 240),
                       "class=\"contour\" stroke=\"#999\" stroke-width=\"1\" stroke-dasharray=\"2 3\"")
      body += polyline(scene.shape(lane.lane, points: 480),
                       "class=\"shape\" data-lane=\"\(lane.lane.name)\" stroke=\"\(color)\" stroke-width=\"1.4\" stroke-dasharray=\"6 3\"")
      body += polyline(lane.path.points.map { ($0[0], $0[1]) },
                       "class=\"path\" data-lane=\"\(lane.lane.name)\" stroke=\"\(color)\" stroke-width=\"2.4\" stroke-opacity=\"0.6\"")
    }
    for lane in visible {
      let color = laneColor(lane.lane.rawValue)
      body += polyline(lane.trajectory.points.map { ($0[0], $0[1]) },
                       "class=\"trajectory\" data-lane=\"\(lane.lane.name)\" stroke=\"\(color)\" stroke-width=\"1.2\"")
      for landing in lane.trajectory.landings.compactMap({ $0 }) {
        let p = lane.trajectory.points[landing]
        body += "<circle class=\"landing\" cx=\"\(f(sx(p[0])))\" cy=\"\(f(sy(p[1])))\" r=\"5\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
      }
      if lane.lane != .none {
        body += "<circle class=\"optimum\" data-lane=\"\(lane.lane.name)\" cx=\"\(f(sx(lane.optimum[0])))\" cy=\"\(f(sy(lane.optimum[1])))\" r=\"3.5\" fill=\"\(color)\"/>\n"
      }
    }
    let w = scene.leastSquares
    body += "<path class=\"least-squares\" d=\"M\(f(sx(w[0]) - 6)) \(f(sy(w[1])))h12M\(f(sx(w[0]))) \(f(sy(w[1]) - 6))v12\" stroke=\"#111\" stroke-width=\"2\"/>\n"
    body += "<circle class=\"start\" cx=\"\(f(sx(s.start[0])))\" cy=\"\(f(sy(s.start[1])))\" r=\"4\" fill=\"white\" stroke=\"#111\"/>\n"
    body += "</g>\n"
    body += "<text x=\"\(f(px + side - 4))\" y=\"\(f(sy(0) - 4))\" class=\"axis\" text-anchor=\"end\">w1</text>\n"
    body += "<text x=\"\(f(sx(0) + 4))\" y=\"\(f(py + 12))\" class=\"axis\">w2</text>\n"
    body += "<text x=\"\(f(px))\" y=\"\(f(py + side + 20))\" class=\"legend\">+ least squares ŵ (\(n(w[0])), \(n(w[1])))   ○ start   ● penalized optimum   ◯ landed on exactly 0</text>\n"
    body += "<text x=\"\(f(px))\" y=\"\(f(py + side + 38))\" class=\"legend\">dashed: shape through the optimum   thick: optimum as λ goes 0 → \(n(max(scene.allZero * 1.5, s.lambda)))   thin: gradient steps (prox for L1)</text>\n"
    body += "</g>\n"

    // The weights along the path, per lane: w1 solid, w2 dashed.
    var series: [SVGChart.Series] = []
    for lane in visible where lane.lane != .none {
      series.append(.init(name: "\(lane.lane.name) w1", lane: lane.lane.rawValue, xs: lane.path.lambdas,
                          ys: lane.path.points.map { $0[0] }))
      series.append(.init(name: "\(lane.lane.name) w2", lane: lane.lane.rawValue, xs: lane.path.lambdas,
                          ys: lane.path.points.map { $0[1] }, dashed: true))
    }
    let chart = SVGChart(title: "weights along the λ path (w1 solid, w2 dashed)", xLabel: "λ", yLabel: "weight",
                         series: series, x: 600, y: py, width: 340, height: 300)
    body += chart.svg
    var y = py + 360
    for lane in visible {
      body += "<rect x=\"600\" y=\"\(f(y - 9))\" width=\"14\" height=\"4\" fill=\"\(laneColor(lane.lane.rawValue))\"/>"
      body += "<text x=\"620\" y=\"\(f(y))\" class=\"legend\">\(escape(lane.lane.name)): optimum (\(n(lane.optimum[0])), \(n(lane.optimum[1])))</text>\n"
      y += 18
    }
    if let first = scene.firstZero {
      body += "<text x=\"600\" y=\"\(f(y + 8))\" class=\"legend\">L1: w\(first.weight + 1) = 0 from λ \(n(first.lambda)); all 0 from λ \(n(scene.allZero))</text>\n"
    }
    return svgDocument(width: 980, height: 580, title: title, body: body)
  }

  static func number(_ x: Double) -> String {
    var text = String(format: "%.3f", x)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }
}
