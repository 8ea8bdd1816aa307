import LessonRuns
import Lessons
import Canvas
import NeuralCore
import Training

/// The two-weight lens as a view: the plane beside its readout. `regviz lens` shows it alone
/// under the lens's own status line; play and lessons show it in the `v` cycle (`view: lens`).
///
/// ```
///  RegViz lens │ y ≈ w1·x1 + w2·x2, MSE + Keras penalty │ λ 1.5 │ corr 0 │ …   ? help
/// ┌ (w1, w2): loss contours, L1 ◆ diamond, L2 ▲ disk ─┐┌ numbers ──────────┐
/// │ …                                                  ││ λ 1.5 …           │
/// ```
enum LensPanel: MainView {
  static let name = DashboardView.lens
  static let title = "two-weight lens ([ ] its λ)"
  /// The readout's preferred width.
  static let readoutWidth = 40

  static func draw(_ c: ViewContext, in body: Rect, painter p: inout Painter) {
    drawBesidePane(c, in: body, painter: &p) { rect, p in
      draw(c.lens, in: rect, painter: &p, theme: c.theme, withheld: c.state.answerPending)
    }
  }

  /// In play and lessons `[ ]` move the lens's λ while it shows: the view's one key, labelled
  /// on the key line while there is room (lesson 7 asks for it).
  static func rows(_ c: KeyContext) -> [Binding] {
    guard !c.overlay else { return [] }
    return [Binding("[ ]", [("[", .lensLambda(up: false)), ("]", .lensLambda(up: true))],
                    "two-weight lens: its λ down / up by 0.1", short: "λ")]
  }

  /// The trajectories play out while the lens shows; a weight landing on 0 is announced. While
  /// a lesson's question waits they wait at the start (where they land is its answer).
  static func observe(_ d: inout Dashboard, snapshot: ExperimentSnapshot, elapsed: Double) {
    guard d.state.view == .lens, !d.state.answerPending, let landed = d.lens.advance(elapsed) else { return }
    d.state.note(landed, for: 6)
  }

  static func perform(_ action: Action, _ d: inout Dashboard, snapshot: ExperimentSnapshot) -> [RunnerCommand]? {
    guard case .lensLambda = action else { return nil }
    if let notice = d.lens.perform(action) { d.state.note(notice) }
    return []
  }

  /// The plane and the readout in `rect` (also what a lesson's `view: lens` shows).
  /// `withheld`: a lesson's question waits, and the picture and readout keep back what answers
  /// it (`LensPicture`).
  static func draw(_ lens: LensView, in rect: Rect, painter p: inout Painter, theme: Theme, withheld: Bool = false) {
    // A square plane: a cell is 2 braille dots wide and 4 tall, so h rows need 2h columns.
    let readout = min(rect.width >= 110 ? readoutWidth : 33, max(0, rect.width - 30))
    let planeWidth = min(rect.width - readout, 2 * (rect.height - 2) + 2)
    let plane = Rect(x: rect.x, y: rect.y, width: planeWidth, height: rect.height)
    let numbers = Rect(x: plane.maxX, y: rect.y, width: rect.maxX - plane.maxX, height: rect.height)
    let inside = p.panel(plane, titles: ["(w1, w2): loss contours, L1 diamond, L2 disk", "(w1, w2): contours, L1 diamond, L2 disk",
                                         "(w1, w2): loss contours", "(w1, w2)"].map(theme.printable), theme: theme)
    LensPicture.plane(lens, theme: theme, withheld: withheld).draw(in: inside, painter: &p, theme: theme)
    if numbers.width >= 10 {
      let text = p.panel(numbers, title: "the lens", theme: theme).inset(left: 1)
      for (i, line) in LensPicture.readout(lens, theme: theme, width: text.width, height: text.height,
                                                        withheld: withheld).enumerated() where i < text.height {
        var x = text.x
        for run in line { x = p.put(Painter.truncate(run.text, to: max(0, text.maxX - x), ellipsis: theme.glyphs.ellipsis),
                                    x: x, y: text.y + i, style: run.style) }
      }
    }
  }

  static func drawStatus(_ lens: LensView, theme: Theme, in rect: Rect, painter p: inout Painter) {
    let s = lens.settings
    let n = { (x: Double) in LensView.number(x) }
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
