import NeuralCore
import Training

/// `regviz run --plot` on inputs that form a picture: each lane's first-layer row norms as a
/// W×H grid of squares, ink on one scale for all lanes (the lane's colour, opacity ∝ norm), a
/// dropped pixel (its row all exactly 0) left white inside a light outline.
enum PixelPlot {
  /// The height the section takes below `top`.
  static func height(_ image: ImageShape, lanes: Int) -> Double { 40 + cell(image) * Double(image.height) + 30 }

  /// A pixel's side: the picture at most 200 wide and 200 high.
  static func cell(_ image: ImageShape) -> Double { min(200 / Double(image.width), 200 / Double(image.height), 24) }

  static func svg(lanes: [LaneSnapshot], image: ImageShape, x: Double, top: Double) -> String {
    let side = cell(image)
    let values = lanes.map { lane -> [Double] in
      let first = lane.network.layers.first
      let units = first?.units ?? 0
      return (0..<image.pixels).map { i in
        guard let first, i < first.inputs else { return 0 }
        let row = first.kernel[(i * units)..<((i + 1) * units)]
        if row.allSatisfy({ $0 == 0 }) { return 0 }
        let norm = row.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        return norm.isFinite ? max(norm, .leastNonzeroMagnitude) : .infinity
      }
    }
    let peak = values.joined().filter(\.isFinite).max() ?? 0
    var out = "<text x=\"\(f(x))\" y=\"\(f(top))\" class=\"title\">First layer as pixels (\(image.width)×\(image.height)): ink = ‖w‖ of the weights leaving each input, one scale; white = dropped (every weight exactly 0)</text>\n"
    let pictureWidth = side * Double(image.width)
    for (k, lane) in lanes.enumerated() {
      let x0 = x + Double(k) * (pictureWidth + 40), y0 = top + 30
      let dropped = values[k].filter { $0 == 0 }.count
      out += "<g class=\"pixels\" data-lane=\"\(escape(lane.name))\" data-dropped=\"\(dropped)\">\n"
      out += "<text x=\"\(f(x0))\" y=\"\(f(y0 - 8))\" class=\"legend\" fill=\"\(laneColor(k))\">\(escape(lane.name)) — \(dropped) of \(image.pixels) dropped</text>\n"
      for (i, v) in values[k].enumerated() {
        let px = x0 + Double(i % image.width) * side, py = y0 + Double(i / image.width) * side
        let rect = "x=\"\(f(px))\" y=\"\(f(py))\" width=\"\(f(side))\" height=\"\(f(side))\""
        if v == 0 {
          out += "<rect class=\"dropped\" \(rect) fill=\"white\" stroke=\"#e5e5e5\" stroke-width=\"0.5\"/>\n"
        } else {
          let ink = peak > 0 && v.isFinite ? max(0.08, v / peak) : 1
          out += "<rect class=\"pixel\" \(rect) fill=\"\(laneColor(k))\" fill-opacity=\"\(String(format: "%.3f", ink))\"/>\n"
        }
      }
      out += "<rect \(rectFrame(x0, y0, pictureWidth, side * Double(image.height))) class=\"frame\"/>\n</g>\n"
    }
    return out
  }

  private static func rectFrame(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> String {
    "x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\""
  }
}
