import Foundation
import NeuralCore
import Training

/// `regviz run --plot`: loss (data and penalty), zero fraction and L2 norm over epochs for
/// every lane, and each lane's final weight histogram; for inputs that form a picture, each
/// lane's first layer as pixels (`PixelPlot`).
enum RunPlot {
  static func svg(lanes: [LaneSnapshot], title: String, image: ImageShape? = nil) -> String {
    let w = 1140.0, chartW = 290.0, chartH = 200.0, top = 80.0
    func series(_ pick: (History) -> [Double], dashed: Bool = false, suffix: String = "") -> [SVGChart.Series] {
      lanes.enumerated().map { i, l in
        SVGChart.Series(name: l.name + suffix, lane: i, xs: l.history.epochs.map(Double.init), ys: pick(l.history), dashed: dashed)
      }
    }
    let loss = SVGChart(title: "Loss: data (solid), penalty (dashed)", xLabel: "epoch", yLabel: "loss",
                        series: series { $0.dataLoss } + series({ $0.penalty }, dashed: true, suffix: " penalty"),
                        x: 70, y: top, width: chartW, height: chartH)
    let zeros = SVGChart(title: "Exact zeros (fraction of kernel weights)", xLabel: "epoch", yLabel: "w = 0",
                         series: series { $0.zeroFraction }, percentY: true, x: 70 + chartW + 80, y: top, width: chartW, height: chartH)
    let norm = SVGChart(title: "L2 norm of the kernels ‖w‖₂", xLabel: "epoch", yLabel: "‖w‖₂",
                        series: series { $0.l2Norm }, x: 70 + 2 * (chartW + 80), y: top, width: chartW, height: chartH)
    var body = loss.svg + zeros.svg + norm.svg
    // Final histograms: one small panel per lane on a shared symmetric range.
    // Diverged lanes hold NaN or infinite weights: they neither set the range nor get bars.
    let finite = lanes.filter { $0.divergedAt == nil }.flatMap { $0.network.layers.flatMap(\.kernel) }.filter(\.isFinite)
    let range = min(max(finite.map { abs($0) }.max() ?? 1, 1e-3), 1e30)
    // Two rows a lane: w on a shared symmetric range, then log10|w|; exact zeros always in a bar
    // of their own, a slot apart from the bins (no bin straddles 0).
    let bins = 40, logBins = 36, height = 120.0
    let panelW = (w - 80) / Double(max(lanes.count, 1)) - 20
    let hTop = top + chartH + 90, logTop = hTop + height + 70
    body += "<text x=\"70\" y=\"\(f(hTop - 14))\" class=\"title\">Final kernel weights (the bar at 0 holds the exact zeros, drawn apart)</text>\n"
    body += "<text x=\"70\" y=\"\(f(logTop - 14))\" class=\"title\">The same on a log scale: log10|w| from 1e-8 to 10, exact zeros at the left</text>\n"
    for (i, lane) in lanes.enumerated() {
      let x0 = 70 + Double(i) * (panelW + 20)
      if let epoch = lane.divergedAt {
        body += "<g class=\"histogram diverged\" data-lane=\"\(escape(lane.name))\">\n"
        body += "<text x=\"\(f(x0))\" y=\"\(f(hTop + 4))\" class=\"legend\" fill=\"\(laneColor(i))\">\(escape(lane.name)) — diverged at epoch \(epoch)</text>\n"
        body += "<text x=\"\(f(x0))\" y=\"\(f(hTop + 14 + height / 2))\" class=\"tick\">the loss stopped being finite: no weights to draw</text>\n</g>\n"
        continue
      }
      let kernels = lane.network.layers.flatMap(\.kernel)
      let h = Histogram(values: kernels, binCount: bins, range: range)
      let caption = "\(escape(lane.name)) — \(String(format: "%.1f%%", 100 * lane.stats.zeroFraction)) exact zeros"
      // Slots: 20 bins below 0, a gap, the zero bar, a gap, 20 bins above 0.
      let linear = (0..<bins).map { b in (slot: b < bins / 2 ? b : b + 3, count: h.bins[b]) }
      body += histogramPanel(caption: caption, name: lane.name, kind: "histogram", lane: i, bars: linear, zeroSlot: bins / 2 + 1, zeros: h.zeros,
                             slots: bins + 3, x: x0, y: hTop, width: panelW, height: height,
                             labels: [(0, label(-Double(range), percent: false)), (0.5, "0"), (1, label(Double(range), percent: false))])
      let log = LogHistogram(values: kernels, binCount: logBins)
      let logBars = (0..<logBins).map { b in (slot: b + 2, count: log.bins[b]) }
      let decades = log.highDecade - log.lowDecade
      let logLabels = stride(from: log.lowDecade, through: log.highDecade, by: 3).map { d in
        (2.0 / Double(logBins + 2) + Double(d - log.lowDecade) / Double(decades) * Double(logBins) / Double(logBins + 2),
         d == 0 ? "1" : "1e\(d)")
      }
      body += histogramPanel(caption: "\(escape(lane.name)) — log10|w|", name: lane.name, kind: "log-histogram", lane: i, bars: logBars, zeroSlot: 0, zeros: log.zeros,
                             slots: logBins + 2, x: x0, y: logTop, width: panelW, height: height,
                             labels: [(0, "0")] + logLabels)
    }
    body += legend(lanes.map(\.name), y: 50)
    var documentHeight = top + chartH + 90 + 2 * 120 + 70 + 60
    if let image {
      body += PixelPlot.svg(lanes: lanes, image: image, x: 70, top: documentHeight)
      documentHeight += PixelPlot.height(image, lanes: lanes.count)
    }
    // Pictures of many lanes may be wider than the charts.
    let width = max(w, image.map { 70 + Double(lanes.count) * (PixelPlot.cell($0) * Double($0.width) + 40) + 30 } ?? 0)
    return svgDocument(width: Int(width), height: Int(documentHeight), title: title, body: body)
  }

  /// One histogram panel: `bars` at their slots, the exact zeros in a bar of their own class
  /// (`zeros`, solid) at `zeroSlot`, a base line, and labels at fractions of the width.
  static func histogramPanel(caption: String, name: String, kind: String, lane: Int, bars: [(slot: Int, count: Int)], zeroSlot: Int, zeros: Int,
                             slots: Int, x: Double, y: Double, width: Double, height: Double,
                             labels: [(Double, String)]) -> String {
    let peak = Double(max(bars.map(\.count).max() ?? 1, zeros, 1))
    let bw = width / Double(slots)
    var out = "<g class=\"\(kind)\" data-lane=\"\(escape(name))\">\n"
    out += "<text x=\"\(f(x))\" y=\"\(f(y + 4))\" class=\"legend\" fill=\"\(laneColor(lane))\">\(caption)</text>\n"
    for bar in bars where bar.count > 0 {
      let bh = Double(bar.count) / peak * height
      out += "<rect x=\"\(f(x + Double(bar.slot) * bw))\" y=\"\(f(y + 14 + height - bh))\" width=\"\(f(bw * 0.9))\" height=\"\(f(bh))\" fill=\"\(laneColor(lane))\" fill-opacity=\"0.55\"/>\n"
    }
    let zh = Double(zeros) / peak * height
    out += "<rect class=\"zeros\" x=\"\(f(x + Double(zeroSlot) * bw))\" y=\"\(f(y + 14 + height - zh))\" width=\"\(f(bw * 0.9))\" height=\"\(f(zh))\" fill=\"\(laneColor(lane))\" stroke=\"#000\" stroke-width=\"0.6\"/>\n"
    out += "<line x1=\"\(f(x))\" y1=\"\(f(y + 14 + height))\" x2=\"\(f(x + width))\" y2=\"\(f(y + 14 + height))\" class=\"frame\"/>\n"
    for (at, text) in labels {
      let anchor = at <= 0 ? "start" : at >= 1 ? "end" : "middle"
      out += "<text x=\"\(f(x + at * width))\" y=\"\(f(y + 30 + height))\" class=\"tick\" text-anchor=\"\(anchor)\">\(escape(text))</text>"
    }
    return out + "\n</g>\n"
  }

  static func legend(_ names: [String], y: Double) -> String {
    var out = "<g class=\"legend\">"
    var x = 70.0
    for (i, name) in names.enumerated() {
      out += "<rect x=\"\(f(x))\" y=\"\(f(y - 9))\" width=\"14\" height=\"4\" fill=\"\(laneColor(i))\"/>"
      out += "<text x=\"\(f(x + 20))\" y=\"\(f(y - 3))\" class=\"legend\">\(escape(name))</text>"
      x += 40 + Double(name.count) * 8
    }
    return out + "</g>\n"
  }
}
