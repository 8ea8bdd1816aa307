import Canvas
import Lessons
import Training

/// A frame whose main area is one of the other views (`v`): the status line, the view in one
/// panel, the lesson pane beside it when there is one, the key line.
enum ViewScreen {
  static func compose(
    _ snapshot: ExperimentSnapshot, state: AppState, bindings: [Binding], width: Int, height: Int,
    side: SidePane?, lens: LensView?
  ) -> Grid {
    var grid = Grid(width: width, height: height)
    let theme = state.theme
    let (body, sideRect) = DashboardLayout.split(
      width: width, height: height, sideWidth: side.map { ScreenComposer.sideWidth($0.width, screenWidth: width) })
    let screen = grid.bounds
    grid.paint { p in
      StatusBar.drawStatus(snapshot, state: state, in: Rect(x: 0, y: 0, width: width, height: 1), painter: &p)
      let visible = state.visibleLanes(count: snapshot.lanes.count).map { ($0, snapshot.lanes[$0]) }
      switch state.view {
      case .matrix:
        MatrixView(lanes: visible, layer: state.layer, rule: snapshot.config.l1Rule,
                   featureNames: snapshot.featureNames, informative: snapshot.informative)
          .draw(in: body, painter: &p, theme: theme)
      case .trajectories:
        TrajectoriesView(lanes: visible, featureNames: snapshot.featureNames, epoch: snapshot.epoch)
          .draw(in: body, painter: &p, theme: theme)
      case .tug:
        TugView(snapshot: snapshot, lanes: visible, pick: state.tugPick).draw(in: body, painter: &p, theme: theme)
      case .lens:
        LensScreen.draw(lens ?? LensView(), in: body, painter: &p, theme: theme)
      case .path:
        PathView(path: state.path, snapshot: snapshot).draw(in: body, painter: &p, theme: theme)
      case .histograms:
        break
      }
      if let side, let sideRect {
        p.panel(sideRect, title: theme.printable(side.title), theme: theme)
        side.draw(in: sideRect.inset(by: 1), painter: &p, theme: theme)
        joinFrames(at: sideRect, painter: &p, theme: theme)
      }
      StatusBar.drawKeys(snapshot, state: state, bindings: bindings, in: Rect(x: 0, y: height - 1, width: width, height: 1),
                         painter: &p)
      if let overlay = state.overlay {
        Overlays.draw(overlay, snapshot: snapshot, theme: theme, in: screen, bindings: bindings, painter: &p)
      }
    }
    return grid
  }

  /// The view's frame and the lesson pane's share a column (`DashboardLayout.split`): where the
  /// view's top and bottom edges run into it, `┬` and `┴` join them instead of the pane's corners.
  static func joinFrames(at side: Rect, painter p: inout Painter, theme: Theme) {
    let box = theme.glyphs.box
    guard side.x > 0 else { return }
    for (y, tee) in [(side.y, box.teeDown), (side.maxY - 1, box.teeUp)]
    where p.grid[side.x - 1, y].character == box.horizontal {
      p.set(tee, x: side.x, y: y, style: theme.border)
    }
  }
}
