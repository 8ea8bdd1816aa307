import Canvas
import NeuralCore
import Training

/// The lens's whole screen: a status line, the plane beside its readout, the key line.
///
/// ```
///  RegViz lens │ y ≈ w1·x1 + w2·x2, MSE + Keras penalty │ λ 1.5 │ corr 0 │ …   ? help
/// ┌ (w1, w2): loss contours, L1 ◆ diamond, L2 ▲ disk ─┐┌ numbers ──────────┐
/// │ …                                                  ││ λ 1.5 …           │
/// ```
public enum LensScreen {
  /// The readout's preferred width.
  static let readoutWidth = 40

  public static func compose(_ lens: LensView, state: AppState, bindings: [Binding], width: Int, height: Int,
                             snapshot: ExperimentSnapshot) -> Grid {
    var grid = Grid(width: width, height: height)
    let theme = state.theme
    guard width >= DashboardLayout.minimumWidth, height >= DashboardLayout.minimumHeight else {
      grid.paint { p in
        p.centered(theme.printable("enlarge the terminal to at least \(DashboardLayout.minimumWidth)×\(DashboardLayout.minimumHeight)"),
                   in: p.grid.bounds, style: theme.warning)
      }
      return grid
    }
    let screen = grid.bounds
    grid.paint { p in
      drawStatus(lens, theme: theme, in: Rect(x: 0, y: 0, width: width, height: 1), painter: &p)
      let body = Rect(x: 0, y: 1, width: width, height: height - 2)
      draw(lens, in: body, painter: &p, theme: theme)
      StatusBar.drawKeys(snapshot, state: state, bindings: bindings, in: Rect(x: 0, y: height - 1, width: width, height: 1),
                         painter: &p)
      if let overlay = state.overlay {
        Overlays.draw(overlay, snapshot: snapshot, theme: theme, in: screen, bindings: bindings, legend: .lens,
                      painter: &p)
      }
    }
    return grid
  }

  /// The plane and the readout in `rect` (also what a lesson's `view: lens` shows).
  public static func draw(_ lens: LensView, in rect: Rect, painter p: inout Painter, theme: Theme) {
    // A square plane: a cell is 2 braille dots wide and 4 tall, so h rows need 2h columns.
    let readout = min(rect.width >= 110 ? readoutWidth : 33, max(0, rect.width - 30))
    let planeWidth = min(rect.width - readout, 2 * (rect.height - 2) + 2)
    let plane = Rect(x: rect.x, y: rect.y, width: planeWidth, height: rect.height)
    let numbers = Rect(x: plane.maxX, y: rect.y, width: rect.maxX - plane.maxX, height: rect.height)
    let inside = p.panel(plane, title: theme.printable("(w1, w2): loss contours, L1 diamond, L2 disk"), theme: theme)
    LensPicture.plane(lens, theme: theme).draw(in: inside, painter: &p, theme: theme)
    if numbers.width >= 10 {
      let text = p.panel(numbers, title: "the lens", theme: theme).inset(left: 1)
      for (i, line) in LensPicture.readout(lens, theme: theme).enumerated() where i < text.height {
        var x = text.x
        for run in line { x = p.put(Painter.truncate(run.text, to: max(0, text.maxX - x), ellipsis: theme.glyphs.ellipsis),
                                    x: x, y: text.y + i, style: run.style) }
      }
    }
  }

  private static func drawStatus(_ lens: LensView, theme: Theme, in rect: Rect, painter p: inout Painter) {
    let s = lens.settings
    let n = LensView.number
    let separator = theme.ascii ? " | " : " │ "
    let parts = ["RegViz lens", "y ≈ w1·x1 + w2·x2, MSE + Keras penalty", "λ \(n(s.lambda))",
                 "corr \(n(s.correlation))", "scale x2 \(n(s.scale))", "seed \(s.seed)"]
    var line = ""
    for part in parts {
      let next = line.isEmpty ? part : line + separator + part
      if theme.printable(next).count + 10 > rect.width { break }
      line = next
    }
    p.put(theme.printable(line), x: rect.x + 1, y: rect.y, style: theme.title)
    p.putRightAligned(theme.printable("? help") + " ", in: rect, y: rect.y, style: theme.dim)
  }
}
