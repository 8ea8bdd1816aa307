import Foundation
import Lessons
import Canvas
import NeuralCore
import Training

/// The weight-matrix view: one layer's kernel per lane, side by side, rows inputs and columns
/// units; exact zeros blank. A dropped input is an empty row of layer 1, a pruned unit an empty
/// column (no weight in) or, one layer on, an empty row (no weight out);
/// under the clip rule an exact zero of an L1 lane is a dead link, drawn `×`.
struct MatrixView {
  var lanes: [(Int, LaneSnapshot)]
  /// The `tab` layer; all layers (nil) shows the first, where inputs are dropped.
  var layer: Int?
  var rule: L1Rule
  var featureNames: [String]
  var informative: [Int]?

  func draw(in rect: Rect, painter p: inout Painter, theme: Theme) {
    guard let network = lanes.first?.1.network, !network.layers.isEmpty else { return }
    let l = min(layer ?? 0, network.layers.count - 1)
    let shape = network.layers[l]
    let of = "layer \(l + 1) of \(network.layers.count)"
    let tab = network.layers.count > 1 ? " · tab: next layer" : ""
    // One shade scale for every lane, so the same grey means the same |w| in each.
    let scale = lanes.map { $0.1.network.layers[l].kernel.map(abs).max() ?? 0 }.max() ?? 0
    // Rows of ★ inputs are the last to go when the rows do not all fit.
    let starred = l == 0 ? Set(informative ?? []) : []
    let labels = (0..<shape.inputs).map { i -> String in
      let name = l == 0 && i < featureNames.count ? featureNames[i] : "u\(i + 1)"
      return (starred.contains(i) ? "★" : "") + name
    }.map(theme.printable)
    let widgets = lanes.map { index, lane in
      let kernel = lane.network.layers[l]
      let dead = rule == .clip && kernel.kernel.contains(0) && lane.regularizers[l].lambda1 > 0
      return WeightMatrixWidget(kernel: kernel.kernel, inputs: kernel.inputs, units: kernel.units, rowLabels: labels,
                                scale: scale, zerosAreDead: dead, keptRows: starred, style: theme.laneStyle(index))
    }
    let places = Self.places(widths: widgets.map { max($0.naturalWidth, 16) }, rows: shape.inputs, in: rect.inset(by: 1))
    // Lanes that do not fit are not drawn, and the title says so first.
    let hidden = lanes.count - places.count
    let notShown = hidden == 0 ? "" : " · +\(hidden) lane\(hidden == 1 ? "" : "s") not shown (1–8 hide)"
    let titles = [
      "weight matrix · \(of): \(shape.inputs) inputs × \(shape.units) units · blank = exactly 0\(tab)",
      "weight matrix · \(of): \(shape.inputs) inputs × \(shape.units) units · blank = 0\(tab)",
      "weight matrix · \(of): \(shape.inputs) × \(shape.units) · blank = 0",
      "matrix · \(of) · blank = 0",
      "matrix · \(of)",
    ].map { theme.printable(hidden == 0 || tab.isEmpty ? $0 : $0.replacingOccurrences(of: tab, with: "")) }
    let hiddenTitles = hidden == 0 ? titles
      : titles.map { theme.printable($0 + notShown) } + titles.suffix(2).map { theme.printable($0 + " · +\(hidden) not shown") }
    let inside = p.panel(rect, titles: hiddenTitles, theme: theme)
    for ((index, lane), (widget, place)) in zip(lanes, zip(widgets, places)) {
      let width = max(widget.naturalWidth, 16)
      let (x, y) = (place.x, place.y)  // places were laid out in the same inside
      // The name, then the blank share where it fits beside it; the counts below.
      let head = theme.printable("\(theme.laneMarker(index)) \(lane.name)")
      let (blank, counts) = Self.counts(lane.network, layer: l, width: width)
      let after = p.put(Painter.truncate(head, to: width, ellipsis: theme.glyphs.ellipsis), x: x, y: y,
                        style: theme.laneStyle(index))
      if head.count + 2 + blank.count <= width { p.put(blank, x: after + 2, y: y, style: theme.dim) }
      p.put(Painter.truncate(theme.printable(counts), to: width, ellipsis: theme.glyphs.ellipsis), x: x, y: y + 1,
            style: theme.dim)
      widget.draw(in: Rect(x: x, y: y + 2, width: width, height: max(0, min(shape.inputs, inside.maxY - y - 2))), painter: &p,
                  theme: theme)
    }
  }

  /// Where each lane's matrix goes, `widths` wide, inside `inside`: side by side; a lane that
  /// no longer fits across starts a new band below when a whole matrix (name, counts, every
  /// row) fits there (Iris's 4 rows: four lanes at 80×24). The lanes after the first that fits
  /// nowhere are left out.
  static func places(widths: [Int], rows: Int, in inside: Rect) -> [(x: Int, y: Int)] {
    let block = 2 + rows
    var x = inside.x + 1, y = inside.y
    var places: [(x: Int, y: Int)] = []
    for width in widths {
      if x + width > inside.maxX, x > inside.x + 1, y + 2 * block + 1 <= inside.maxY {
        (x, y) = (inside.x + 1, y + block + 1)
      }
      guard x + width <= inside.maxX else { break }
      places.append((x, y))
      x += width + 2
    }
    return places
  }

  /// What heads a lane's matrix, the count line in its longest form that fits `width`: the
  /// share of the shown layer's weights that are exactly 0 (its blank cells; beside the lane's
  /// name), then the network's inputs dropped and units pruned — the same two counts as the
  /// lesson's `dropped_inputs` and `pruned_units` and the feature panel, whichever layer `tab`
  /// shows:
  ///
  ///     ◆ L1  94% blank
  ///     2 inputs dropped, 12 units pruned
  static func counts(_ network: Network, layer l: Int, width: Int) -> (blank: String, counts: String) {
    let k = network.layers[l]
    let zeros = k.kernel.isEmpty ? Double.nan : Double(k.kernel.filter { $0 == 0 }.count) / Double(k.kernel.count)
    let (dropped, pruned) = (network.droppedInputs.count, network.prunedUnits.count)
    let forms = ["\(dropped) inputs dropped, \(pruned) units pruned", "\(dropped) inputs dropped, \(pruned) pruned",
                 "\(dropped) dropped, \(pruned) pruned", "\(dropped) drop, \(pruned) prune"]
    return ("\(Quantity.percent(zeros)) blank", forms.first { $0.count <= width } ?? forms[forms.count - 1])
  }
}

extension MatrixView: MainView {
  static let name = DashboardView.matrix
  static let title = "weight matrix"

  static func draw(_ c: ViewContext, in body: Rect, painter p: inout Painter) {
    drawBesidePane(c, in: body, painter: &p) { rect, p in
      MatrixView(lanes: c.visible.map { ($0.index, $0.lane) }, layer: c.state.layer, rule: c.snapshot.config.l1Rule,
                 featureNames: c.snapshot.featureNames, informative: c.snapshot.informative)
        .draw(in: rect, painter: &p, theme: c.theme)
    }
  }
}
