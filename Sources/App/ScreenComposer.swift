import Canvas
import Lessons
import Training

/// Turns one snapshot and the UI state into a finished frame. Pure: same inputs, same grid —
/// which is what makes the dashboard testable as text.
public enum ScreenComposer {
  /// Columns the dashboard keeps beside a side pane; the pane gets the rest, up to its width.
  static let columnsBesidePane = 50

  /// The frame for a `width × height` terminal. Below 80×24 it is a single message; training
  /// goes on regardless. `side` makes room for a lesson pane; `highlight` draws one panel's
  /// frame bright (a lesson pointing at it).
  public static func compose(
    _ snapshot: ExperimentSnapshot, state: AppState, bindings: [Binding] = Bindings.rows(for: .play),
    width: Int, height: Int, side: SidePane? = nil, highlight: Lessons.Panel? = nil,
    histograms: HistogramCache? = nil, lens: LensView? = nil
  ) -> Grid {
    var grid = Grid(width: width, height: height)
    let theme = state.theme
    guard width >= DashboardLayout.minimumWidth, height >= DashboardLayout.minimumHeight else {
      grid.paint { p in tooSmall(width: width, height: height, painter: &p, theme: theme) }
      return grid
    }
    if state.view != .histograms {
      return ViewScreen.compose(snapshot, state: state, bindings: bindings, width: width, height: height, side: side,
                                lens: lens)
    }
    let visible = state.visibleLanes(count: snapshot.lanes.count).map { ($0, snapshot.lanes[$0]) }
    let features = SidePanels.features(visible, snapshot: snapshot, theme: theme)
    let layout = DashboardLayout(
      width: width, height: height, laneRows: visible.count,
      featuresWidth: naturalWidth(features), sideWidth: side.map { sideWidth($0.width, screenWidth: width) },
      forceModel: highlight == .model,
      modelRows: ModelPanel(lanes: visible, snapshot: snapshot, theme: theme).rows(height: .max).rows.count)

    let screen = grid.bounds
    grid.paint { p in
      StatusBar.drawStatus(snapshot, state: state, in: layout.status, painter: &p)
      drawFrames(layout, snapshot: snapshot, state: state, side: side, highlight: highlight, painter: &p)
      WeightsPanel(lanes: visible, layer: state.layer, range: state.histogramRange, scale: state.histogramScale,
                   cache: histograms)
        .draw(in: layout.weights.inset(by: 1).inset(left: 1, right: 1), painter: &p, theme: theme)
      // Scrubbing back, the charts still span the whole run: their axis ends at the live epoch.
      let cursor = state.viewedEpoch
      let axisEnd = cursor == nil ? snapshot.epoch : state.scrub.entries.last?.epoch ?? snapshot.epoch
      Charts.loss(visible, view: state.lossView, epoch: axisEnd, theme: theme, pinned: state.pinned, cursor: cursor)
        .draw(in: layout.loss.inset(by: 1), painter: &p, theme: theme)
      if let zeros = layout.zeros {
        Charts.zeros(visible, theme: theme, pinned: state.pinned, cursor: cursor).draw(in: zeros.inset(by: 1), painter: &p, theme: theme)
      }
      if let norm = layout.norm {
        Charts.norm(visible, theme: theme, pinned: state.pinned, cursor: cursor).draw(in: norm.inset(by: 1), painter: &p, theme: theme)
      }
      features.draw(in: layout.features.inset(by: 1).inset(left: 1), painter: &p, theme: theme)
      if let model = layout.model?.inset(by: 1).inset(left: 1) {
        ModelPanel(lanes: visible, snapshot: snapshot, theme: theme).table(width: model.width, height: model.height)
          .draw(in: model, painter: &p, theme: theme)
      }
      if let side, let rect = layout.side {
        side.draw(in: rect.inset(by: 1), painter: &p, theme: theme)
      }
      drawLegend(snapshot, state: state, in: layout.legend, painter: &p)
      StatusBar.drawKeys(snapshot, state: state, bindings: bindings, in: layout.keys, painter: &p)
      if let overlay = state.overlay {
        Overlays.draw(overlay, snapshot: snapshot, theme: theme, in: screen, bindings: bindings, painter: &p)
      }
    }
    if theme.ascii { asciiOnly(&grid) }
    return grid
  }

  /// Frames and titles of every panel, sharing borders; the highlighted one bright.
  private static func drawFrames(
    _ layout: DashboardLayout, snapshot: ExperimentSnapshot, state: AppState, side: SidePane?,
    highlight: Lessons.Panel?, painter p: inout Painter
  ) {
    let theme = state.theme
    let network = snapshot.lanes.first?.network
    let pin = { (titles: [String]) in state.pinned?.titles(titles, theme: theme) ?? titles }
    var panels: [(Lessons.Panel, Rect, [String])] = [
      (.weights, layout.weights, WeightsPanel.title(layer: state.layer, network: network,
                                                     threshold: snapshot.config.nearZeroThreshold,
                                                     scale: state.histogramScale, theme: theme)),
      (.loss, layout.loss, pin(Charts.lossTitle(state.lossView, theme: theme))),
      (.features, layout.features, SidePanels.featuresTitle(informativeKnown: snapshot.informative != nil, theme: theme)),
    ]
    if let zeros = layout.zeros { panels.append((.zeros, zeros, pin(Charts.zerosTitle))) }
    if let norm = layout.norm { panels.append((.norm, norm, pin(Charts.normTitle(theme: theme)))) }
    if let model = layout.model { panels.append((.model, model, SidePanels.modelTitle(snapshot, theme: theme))) }
    if let side, let rect = layout.side { panels.append((.lesson, rect, [theme.printable(side.title)])) }

    var mesh = BorderMesh(width: p.grid.width, height: p.grid.height)
    for (_, rect, _) in panels { mesh.add(rect) }
    mesh.draw(painter: &p, style: theme.border, glyphs: theme.glyphs.box)
    // Borders first, titles after: a lit frame's junctions must not cut a neighbour's title.
    for (panel, rect, _) in panels where panel == highlight {
      mesh.restyle(rect, painter: &p, style: theme.highlightedBorder, glyphs: theme.glyphs.box)
    }
    for (panel, rect, title) in panels {
      let lit = panel == highlight
      BorderMesh.title(title, on: rect, painter: &p, style: lit ? theme.highlightedBorder : theme.title,
                       ellipsis: theme.glyphs.ellipsis)
    }
    if highlight == .status { p.restyle(layout.status, style: theme.highlightedBorder) }
  }

  /// The lanes on the bottom border, in their colours and markers; hidden lanes dim, with the
  /// digit that brings them back.
  private static func drawLegend(
    _ snapshot: ExperimentSnapshot, state: AppState, in rect: Rect, painter p: inout Painter
  ) {
    let theme = state.theme
    let entries = snapshot.lanes.enumerated().map { i, lane in
      let hidden = state.hiddenLanes.contains(i)
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

  /// The columns a side pane that would like `preferred` gets on a `screenWidth` screen.
  static func sideWidth(_ preferred: Int, screenWidth: Int) -> Int {
    min(preferred, screenWidth - columnsBesidePane)
  }

  /// The columns the feature view needs to show every feature: lane labels, one column per
  /// feature, and the frame.
  static func naturalWidth(_ widget: FeatureBarsWidget) -> Int {
    let header = widget.features.map { $0.name.count + ($0.informative ? 1 : 0) }.max() ?? 0
    let label = (widget.rows.map(\.label.count).max() ?? 0) + 1
    return label + widget.features.count * (header + 2) + 3
  }

  private static func tooSmall(width: Int, height: Int, painter p: inout Painter, theme: Theme) {
    let size = theme.printable("×")
    let lines = [
      "enlarge the terminal to at least \(DashboardLayout.minimumWidth)\(size)\(DashboardLayout.minimumHeight)",
      "(now \(width)\(size)\(height); training goes on · q quits)",
    ]
    p.centered(theme.printable(lines.joined(separator: "\n")), in: p.grid.bounds, style: theme.warning)
  }

  /// ASCII mode's guarantee: whatever slipped through (a lane name, a CSV header) leaves as `?`.
  private static func asciiOnly(_ grid: inout Grid) {
    grid.paint { p in
      for y in 0..<p.grid.height {
        for x in 0..<p.grid.width where !p.grid[x, y].character.isASCII {
          p.set("?", x: x, y: y, style: p.grid[x, y].style)
        }
      }
    }
  }
}
