import Canvas
import Lessons
import Training

/// The ordinary dashboard: weight histograms on top, the loss, zeros and norm charts in the
/// middle, the features (and the model summary) at the bottom, every frame sharing its
/// borders, the lesson pane at the right edge when there is one.
enum HistogramsView: MainView {
  static let name = DashboardView.histograms
  static let title = "histograms"

  static func draw(_ c: ViewContext, in body: Rect, painter p: inout Painter) {
    let theme = c.theme, state = c.state, snapshot = c.snapshot
    let features = SidePanels.features(c.visible, snapshot: snapshot, theme: theme)
    // Inputs that form an image are drawn as one, a picture per lane.
    let picture = PixelPanel.picture(c.visible, snapshot: snapshot, theme: theme)
    // Built once a frame: its row count places the bands, its table fills the panel.
    let model = ModelPanel(lanes: c.visible, snapshot: snapshot, theme: theme, withheld: c.state.answerPending)
    let layout = DashboardLayout(
      width: body.width, height: body.height + 2, laneRows: picture.map { $0.naturalLines - 1 } ?? c.visible.count,
      featuresWidth: picture.map { $0.naturalWidth + 3 } ?? naturalWidth(features), paneWidth: c.side?.width,
      forceModel: c.highlight == .model, modelRows: model.rows(height: .max).rows.count)

    drawFrames(layout, c, picture: picture, painter: &p)
    WeightsPanel(lanes: c.visible, layer: state.layer, range: state.histogramRange, scale: state.histogramScale,
                 cache: c.histograms, rules: Format.laneRules(snapshot))
      .draw(in: layout.weights.inset(by: 1).inset(left: 1, right: 1), painter: &p, theme: theme)
    // Scrubbing back, the charts still span the whole run: their axis ends at the live epoch.
    let cursor = state.viewedEpoch
    let axisEnd = cursor == nil ? snapshot.epoch : state.scrub.entries.last?.epoch ?? snapshot.epoch
    Charts.loss(c.visible, view: state.lossView, epoch: axisEnd, theme: theme, pinned: state.pinned, cursor: cursor)
      .draw(in: layout.loss.inset(by: 1), painter: &p, theme: theme)
    if let zeros = layout.zeros {
      Charts.zeros(c.visible, theme: theme, pinned: state.pinned, cursor: cursor).draw(in: zeros.inset(by: 1), painter: &p, theme: theme)
    }
    if let norm = layout.norm {
      Charts.norm(c.visible, theme: theme, pinned: state.pinned, cursor: cursor).draw(in: norm.inset(by: 1), painter: &p, theme: theme)
    }
    if let picture {
      picture.draw(in: layout.features.inset(by: 1).inset(left: 1), painter: &p, theme: theme)
    } else {
      features.draw(in: layout.features.inset(by: 1).inset(left: 1), painter: &p, theme: theme)
    }
    if let inside = layout.model?.inset(by: 1).inset(left: 1) {
      model.table(width: inside.width, height: inside.height).draw(in: inside, painter: &p, theme: theme)
    }
    if let side = c.side, let rect = layout.side {
      side.draw(in: rect.inset(by: 1), painter: &p, theme: theme)
    }
    drawLegend(c, in: layout.legend, painter: &p)
  }

  /// Frames and titles of every panel, sharing borders; the highlighted one bright.
  private static func drawFrames(_ layout: DashboardLayout, _ c: ViewContext, picture: PixelPictureWidget?,
                                 painter p: inout Painter) {
    let theme = c.theme, state = c.state, snapshot = c.snapshot
    let network = snapshot.lanes.first?.network
    let pin = { (titles: [String]) in state.pinned?.titles(titles, theme: theme) ?? titles }
    var panels: [(Lessons.Panel, Rect, [String])] = [
      (.weights, layout.weights, WeightsPanel.title(layer: state.layer, network: network,
                                                     threshold: snapshot.config.nearZeroThreshold,
                                                     scale: state.histogramScale, theme: theme)),
      (.loss, layout.loss, pin(Charts.lossTitle(state.lossView, theme: theme))),
      (.features, layout.features, picture.map { PixelPanel.title($0, lines: layout.features.height - 2, theme: theme) }
        ?? SidePanels.featuresTitle(informativeKnown: snapshot.informative != nil, theme: theme)),
    ]
    if let zeros = layout.zeros { panels.append((.zeros, zeros, pin(Charts.zerosTitle))) }
    if let norm = layout.norm { panels.append((.norm, norm, pin(Charts.normTitle(theme: theme)))) }
    if let model = layout.model { panels.append((.model, model, SidePanels.modelTitle(snapshot, theme: theme))) }
    if let side = c.side, let rect = layout.side { panels.append((.lesson, rect, [theme.printable(side.title)])) }

    var mesh = BorderMesh(width: p.grid.width, height: p.grid.height)
    for (_, rect, _) in panels { mesh.add(rect) }
    mesh.draw(painter: &p, style: theme.border, glyphs: theme.glyphs.box)
    // Borders first, titles after: a lit frame's junctions must not cut a neighbour's title.
    for (panel, rect, _) in panels where panel == c.highlight {
      mesh.restyle(rect, painter: &p, style: theme.highlightedBorder, glyphs: theme.glyphs.box)
    }
    for (panel, rect, title) in panels {
      let lit = panel == c.highlight
      BorderMesh.title(title, on: rect, painter: &p, style: lit ? theme.highlightedBorder : theme.title,
                       ellipsis: theme.glyphs.ellipsis)
    }
    if c.highlight == .status { p.restyle(layout.status, style: theme.highlightedBorder) }
  }

  /// The lanes on the bottom border, in their colours and markers; hidden lanes dim, with the
  /// digit that brings them back.
  private static func drawLegend(_ c: ViewContext, in rect: Rect, painter p: inout Painter) {
    let theme = c.theme
    let entries = c.snapshot.lanes.enumerated().map { i, lane in
      let hidden = c.state.hiddenLanes.contains(i)
      return Legend.Entry(marker: theme.laneMarker(i),
                          name: theme.printable(hidden ? "\(lane.name) (\(i + 1): show)" : lane.name),
                          style: hidden ? theme.dim : theme.laneStyle(i))
    }
    let width = entries.reduce(0) { $0 + $1.name.count + 2 } + 2 * max(0, entries.count - 1) + 2
    let w = min(width, rect.width)
    let area = Rect(x: rect.maxX - w, y: rect.y, width: w, height: 1)
    p.clear(area)
    Legend(entries: entries).draw(in: area.inset(left: 1, right: 1), painter: &p, theme: theme)
  }

  /// The columns the feature view needs to show every feature: lane labels, one column per
  /// feature, and the frame.
  static func naturalWidth(_ widget: FeatureBarsWidget) -> Int {
    let header = widget.features.map { $0.name.count + ($0.informative ? 1 : 0) }.max() ?? 0
    let label = (widget.rows.map(\.label.count).max() ?? 0) + 1
    return label + widget.features.count * (header + 2) + 3
  }
}
