import Canvas
import Foundation

/// A small SVG line-chart writer for figures a teacher can put on a slide: axes, ticks,
/// one polyline per series in the lane's terminal colour, a legend.
struct SVGChart {
  struct Series {
    var name: String
    var lane: Int
    var xs: [Double]
    var ys: [Double]
    var dashed = false
    /// CSS colour instead of the lane's.
    var color: String? = nil
  }

  var title: String
  var xLabel: String
  var yLabel: String
  var series: [Series]
  var logX = false
  var percentY = false
  /// Top-left corner and size of the chart's frame in the SVG.
  var x: Double, y: Double, width: Double, height: Double

  /// The SVG elements (a `<g>`), with each series as `<polyline class="series" data-lane=…>`.
  var svg: String {
    let points = series.flatMap { s in zip(s.xs, s.ys).filter { $0.0.isFinite && $0.1.isFinite && (!logX || $0.0 > 0) } }
    var out = "<g class=\"chart\">\n"
    out += "<text x=\"\(f(x))\" y=\"\(f(y - 8))\" class=\"title\">\(escape(title))</text>\n"
    out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\" class=\"frame\"/>\n"
    guard !points.isEmpty else { return out + "<text x=\"\(f(x + 10))\" y=\"\(f(y + 20))\">no data</text>\n</g>\n" }
    func tx(_ v: Double) -> Double { logX ? log10(v) : v }
    let x0 = points.map { tx($0.0) }.min()!
    var x1 = points.map { tx($0.0) }.max()!
    if x1 == x0 { x1 = x0 + 1 }
    var (y0, y1) = (min(0, points.map(\.1).min()!), points.map(\.1).max()!)
    if y1 == y0 { y1 = y0 + 1 }
    if percentY { (y0, y1) = (0, 1) }
    // y: nice ticks, the range widened to them. x: the data's range, ticks on whole epochs
    // or powers of ten inside it.
    let yAxis = Ticks.linear(y0, y1)
    (y0, y1) = (yAxis.lo, yAxis.hi)
    let integerX = !logX && points.allSatisfy { $0.0 == $0.0.rounded() }
    let xStep = Ticks.step(x0, x1, maxCount: 6)
    let xTicks = logX ? Ticks.logarithmic(x0, x1) : integerX ? Ticks.integer(x0, x1) : Ticks.values(x0, x1, step: xStep)
    let sx = { (v: Double) in self.x + (tx(v) - x0) / (x1 - x0) * self.width }
    let sy = { (v: Double) in self.y + self.height - (v - y0) / (y1 - y0) * self.height }
    for v in yAxis.ticks {
      let py = sy(v)
      let shown = percentY ? String(format: "%.0f%%", v * 100) : Ticks.label(v, step: yAxis.step)
      out += "<line x1=\"\(f(x))\" y1=\"\(f(py))\" x2=\"\(f(x + width))\" y2=\"\(f(py))\" class=\"grid\"/>\n"
      out += "<text x=\"\(f(x - 6))\" y=\"\(f(py + 4))\" class=\"tick\" data-axis=\"y\" text-anchor=\"end\">\(shown)</text>\n"
    }
    for tv in xTicks {
      let px = x + (tv - x0) / (x1 - x0) * width
      let shown = logX ? Ticks.logLabel(tv) : integerX ? String(format: "%.0f", tv) : Ticks.label(tv, step: xStep)
      out += "<text x=\"\(f(px))\" y=\"\(f(y + height + 16))\" class=\"tick\" data-axis=\"x\" text-anchor=\"middle\">\(shown)</text>\n"
    }
    out += "<text x=\"\(f(x + width / 2))\" y=\"\(f(y + height + 34))\" class=\"axis\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
    out += "<text x=\"\(f(x - 44))\" y=\"\(f(y + height / 2))\" class=\"axis\" text-anchor=\"middle\" transform=\"rotate(-90 \(f(x - 44)) \(f(y + height / 2)))\">\(escape(yLabel))</text>\n"
    for s in series {
      let pts = zip(s.xs, s.ys).filter { $0.0.isFinite && $0.1.isFinite && (!logX || $0.0 > 0) }
        .map { "\(f(sx($0.0))),\(f(sy($0.1)))" }.joined(separator: " ")
      let dash = s.dashed ? " stroke-dasharray=\"5 3\"" : ""
      out += "<polyline class=\"series\" data-lane=\"\(escape(s.name))\" points=\"\(pts)\" fill=\"none\" stroke=\"\(s.color ?? laneColor(s.lane))\" stroke-width=\"1.8\"\(dash)/>\n"
    }
    return out + "</g>\n"
  }
}

/// The lane's colour in the terminal's 256-colour theme, as CSS hex: the same lane looks the
/// same on a slide as on the dashboard.
func laneColor(_ lane: Int) -> String {
  guard case .indexed(let n) = Theme(colorMode: .colors256, ascii: false).laneStyle(lane).fg else { return "#444444" }
  return xterm256Hex(n)
}

/// xterm's 256-colour palette: 16 system colours, a 6×6×6 cube, 24 greys.
func xterm256Hex(_ n: UInt8) -> String {
  let system = ["000000", "800000", "008000", "808000", "000080", "800080", "008080", "c0c0c0",
                "808080", "ff0000", "00ff00", "ffff00", "0000ff", "ff00ff", "00ffff", "ffffff"]
  if n < 16 { return "#" + system[Int(n)] }
  if n >= 232 { let g = 8 + 10 * (Int(n) - 232); return String(format: "#%02x%02x%02x", g, g, g) }
  let c = Int(n) - 16
  let level = [0, 95, 135, 175, 215, 255]
  return String(format: "#%02x%02x%02x", level[c / 36], level[(c / 6) % 6], level[c % 6])
}

func f(_ v: Double) -> String { String(format: "%.1f", v) }

func label(_ v: Double, percent: Bool) -> String {
  if percent { return String(format: "%.0f%%", v * 100) }
  let a = abs(v)
  if a == 0 { return "0" }
  if a >= 1000 || a < 0.01 { return String(format: "%.1e", v) }
  if a >= 10 { return String(format: "%.0f", v) }
  return String(format: "%.2f", v)
}

func escape(_ s: String) -> String {
  var out = ""
  for scalar in s.unicodeScalars {
    switch scalar {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    // XML 1.0 has no way to write other control characters, not even as references.
    case _ where scalar.value < 0x20 && scalar != "\t": out += "\u{FFFD}"
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out
}

/// A complete SVG document around some charts.
func svgDocument(width: Int, height: Int, title: String, body: String) -> String {
  """
  <?xml version="1.0" encoding="UTF-8"?>
  <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="Helvetica, Arial, sans-serif">
  <title>\(escape(title))</title>
  <style>
  .title { font-size: 14px; font-weight: bold; fill: #222; }
  .tick { font-size: 10px; fill: #555; }
  .axis { font-size: 11px; fill: #333; }
  .frame { fill: none; stroke: #999; }
  .grid { stroke: #e5e5e5; }
  .legend { font-size: 12px; fill: #222; }
  </style>
  <rect width="100%" height="100%" fill="white"/>
  <text x="20" y="26" font-size="18" font-weight="bold" fill="#111">\(escape(title))</text>
  \(body)</svg>

  """
}
