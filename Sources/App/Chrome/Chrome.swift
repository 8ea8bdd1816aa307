import LessonRuns
import Canvas
import Lessons
import Training

/// The frame around whichever view shows: the status line on top, the key line at the bottom,
/// an open window over everything, and below 80×24 a single "too small" notice instead. Pure:
/// same inputs, same grid — which is what makes the dashboard testable as text.
public enum Chrome {
  /// Whose status line tops the frame.
  enum StatusLine {
    /// The experiment: data, network, epoch, pace, λ, lr, L1 rule.
    case experiment
    /// `regviz lens`: the lens's settings (nothing trains).
    case lens
  }

  /// The frame for a `width × height` terminal; `keymap` (default: free play's for the state)
  /// draws the key line and the help. `side` makes room for a lesson pane; `highlight` draws
  /// one panel's frame bright (a lesson pointing at it).
  public static func compose(
    _ snapshot: ExperimentSnapshot, state: AppState, keymap: Keymap? = nil, width: Int, height: Int,
    side: SidePane? = nil, highlight: Lessons.Panel? = nil, histograms: HistogramCache? = nil, lens: LensView? = nil
  ) -> Grid {
    let visible = state.visibleLanes(count: snapshot.lanes.count).map { (index: $0, lane: snapshot.lanes[$0]) }
    let context = ViewContext(snapshot: snapshot, state: state, visible: visible, lens: lens ?? defaultLens,
                              histograms: histograms, side: side, highlight: highlight)
    let keys = keymap ?? Keymap(KeyContext(mode: .play, view: state.view, overlay: state.overlay != nil))
    return compose(context, keymap: keys, status: .experiment, width: width, height: height)
  }

  /// The lens a caller without one draws (built once: its scene solves the lens's optimum for
  /// every λ along the path, which built per frame was two thirds of a frame's time).
  private static let defaultLens = LensView()

  static func compose(_ c: ViewContext, keymap: Keymap, status: StatusLine, width: Int, height: Int) -> Grid {
    var grid = Grid(width: width, height: height)
    let theme = c.theme
    guard width >= DashboardLayout.minimumWidth, height >= DashboardLayout.minimumHeight else {
      grid.paint { p in tooSmall(width: width, height: height, status: status, painter: &p, theme: theme) }
      return grid
    }
    let screen = grid.bounds
    grid.paint { p in
      let top = Rect(x: 0, y: 0, width: width, height: 1)
      switch status {
      case .experiment: StatusBar.drawStatus(c.snapshot, state: c.state, in: top, painter: &p)
      case .lens: LensPanel.drawStatus(c.lens, theme: theme, in: top, painter: &p)
      }
      Views.entry(c.state.view).draw(c, in: Rect(x: 0, y: 1, width: width, height: height - 2), painter: &p)
      if let side = c.side, side.fullScreen {
        let frame = SidePane.readingFrame(width: width, height: height)
        p.clear(frame)
        p.panel(frame, title: theme.printable(side.title), theme: theme)
        side.draw(in: SidePane.readingInner(frame), painter: &p, theme: theme)
      }
      StatusBar.drawKeys(c.snapshot, state: c.state, bindings: keymap.rows, in: Rect(x: 0, y: height - 1, width: width, height: 1),
                         painter: &p)
      if let overlay = c.state.overlay {
        Overlays.draw(overlay, snapshot: c.snapshot, theme: theme, in: screen, bindings: keymap.listed,
                      legend: status == .lens ? .lens : .dashboard, painter: &p)
      }
    }
    if theme.ascii { asciiOnly(&grid) }
    return grid
  }

  /// A view's frame and the lesson pane's share a column (`DashboardLayout.split`): where the view's top and
  /// bottom edges run into it, `┬` and `┴` join them instead of the pane's corners.
  static func joinFrames(at side: Rect, painter p: inout Painter, theme: Theme) {
    let box = theme.glyphs.box
    guard side.x > 0 else { return }
    for (y, tee) in [(side.y, box.teeDown), (side.maxY - 1, box.teeUp)]
    where p.grid[side.x - 1, y].character == box.horizontal {
      p.set(tee, x: side.x, y: y, style: theme.border)
    }
  }

  private static func tooSmall(width: Int, height: Int, status: StatusLine, painter p: inout Painter, theme: Theme) {
    let size = theme.printable("×")
    let lines = [
      "enlarge the terminal to at least \(DashboardLayout.minimumWidth)\(size)\(DashboardLayout.minimumHeight)",
      status == .lens ? "(now \(width)\(size)\(height); q quits)" : "(now \(width)\(size)\(height); training goes on · q quits)",
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
