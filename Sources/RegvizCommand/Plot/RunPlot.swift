import Foundation
import NeuralCore
import Training

/// `regviz run --plot`: loss (data and penalty), zero fraction and L2 norm over epochs for
/// every lane, and each lane's final weight histogram.
enum RunPlot {
  static func svg(lanes: [LaneSnapshot], title: String) -> String {
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
    let bins = 41
    let panelW = (w - 80) / Double(max(lanes.count, 1)) - 20
    let hTop = top + chartH + 90
    body += "<text x=\"70\" y=\"\(f(hTop - 14))\" class=\"title\">Final kernel weights (bar at 0 = exact zeros, drawn apart)</text>\n"
    for (i, lane) in lanes.enumerated() {
      let x0 = 70 + Double(i) * (panelW + 20), height = 140.0
      if let epoch = lane.divergedAt {
        body += "<g class=\"histogram diverged\" data-lane=\"\(escape(lane.name))\">\n"
        body += "<text x=\"\(f(x0))\" y=\"\(f(hTop + 4))\" class=\"legend\" fill=\"\(laneColor(i))\">\(escape(lane.name)) — diverged at epoch \(epoch)</text>\n"
        body += "<text x=\"\(f(x0))\" y=\"\(f(hTop + 14 + height / 2))\" class=\"tick\">the loss stopped being finite: no weights to draw</text>\n</g>\n"
        continue
      }
      let h = lane.network.histogram(binCount: bins, range: range)
      let peak = Double(max(h.bins.max() ?? 1, h.zeros, 1))
      let bw = panelW / Double(bins + 1)
      body += "<g class=\"histogram\" data-lane=\"\(escape(lane.name))\">\n"
      body += "<text x=\"\(f(x0))\" y=\"\(f(hTop + 4))\" class=\"legend\" fill=\"\(laneColor(i))\">\(escape(lane.name)) — \(String(format: "%.1f%%", 100 * lane.stats.zeroFraction)) exact zeros</text>\n"
      for (b, count) in h.bins.enumerated() where count > 0 {
        let bh = Double(count) / peak * height
        let bx = x0 + Double(b) * bw + (b >= bins / 2 ? bw : 0)
        body += "<rect x=\"\(f(bx))\" y=\"\(f(hTop + 14 + height - bh))\" width=\"\(f(bw * 0.9))\" height=\"\(f(bh))\" fill=\"\(laneColor(i))\" fill-opacity=\"0.55\"/>\n"
      }
      if h.zeros > 0 {
        let bh = Double(h.zeros) / peak * height
        body += "<rect class=\"zeros\" x=\"\(f(x0 + Double(bins / 2) * bw + bw * 0.5))\" y=\"\(f(hTop + 14 + height - bh))\" width=\"\(f(bw * 0.9))\" height=\"\(f(bh))\" fill=\"\(laneColor(i))\"/>\n"
      }
      body += "<line x1=\"\(f(x0))\" y1=\"\(f(hTop + 14 + height))\" x2=\"\(f(x0 + panelW))\" y2=\"\(f(hTop + 14 + height))\" class=\"frame\"/>\n"
      body += "<text x=\"\(f(x0))\" y=\"\(f(hTop + 30 + height))\" class=\"tick\">\(label(-Double(range), percent: false))</text>"
      body += "<text x=\"\(f(x0 + panelW / 2))\" y=\"\(f(hTop + 30 + height))\" class=\"tick\" text-anchor=\"middle\">0</text>"
      body += "<text x=\"\(f(x0 + panelW))\" y=\"\(f(hTop + 30 + height))\" class=\"tick\" text-anchor=\"end\">\(label(Double(range), percent: false))</text>\n</g>\n"
    }
    body += legend(lanes.map(\.name), y: 50)
    return svgDocument(width: Int(w), height: Int(hTop + 200), title: title, body: body)
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

/// `regviz sweep --plot`: the regularization path — zero fraction and validation accuracy
/// against log λ.
enum SweepPlot {
  static func svg(rows: [(lambda: Double, zeroFraction: Double, valAccuracy: Double?)], type: String) -> String {
    let xs = rows.map(\.lambda)
    let zeros = SVGChart(title: "Exact zeros vs λ", xLabel: "λ (\(type), log scale)", yLabel: "w = 0",
                         series: [.init(name: "zeros", lane: 1, xs: xs, ys: rows.map(\.zeroFraction))],
                         logX: true, percentY: true, x: 80, y: 80, width: 380, height: 240)
    let acc = SVGChart(title: "Validation accuracy vs λ", xLabel: "λ (\(type), log scale)", yLabel: "val acc",
                       series: [.init(name: "val_acc", lane: 0, xs: xs, ys: rows.map { $0.valAccuracy ?? .nan })],
                       logX: true, percentY: true, x: 560, y: 80, width: 380, height: 240)
    return svgDocument(width: 1000, height: 390, title: "Regularization path (\(type))", body: zeros.svg + acc.svg)
  }
}
