import Canvas
import Foundation
import NeuralCore
import Training

/// Windows over the dashboard: the key help, and the Keras code of the current setup.
enum Overlays {
  /// What the help explains below the keys: the dashboard's marks, or the lens's.
  enum Legend { case dashboard, lens }

  static func draw(
    _ overlay: Overlay, snapshot: ExperimentSnapshot, theme: Theme, in screen: Rect,
    bindings: [Binding], legend: Legend = .dashboard, painter p: inout Painter
  ) {
    switch overlay {
    case .help(let scroll):
      let lines = helpLines(bindings, legend: legend, theme: theme, width: helpWidth(screen))
      window(titles: ["keys · esc or ? closes · training goes on underneath", "keys · esc or ? closes"].map(theme.printable),
             lines: lines, scroll: scroll, preferredWidth: 88, theme: theme, in: screen, painter: &p)
    case .keras(let scroll):
      let inner = min(screen.width - 4, 112) - 4
      let code = kerasCode(snapshot).split(separator: "\n", omittingEmptySubsequences: false)
        .flatMap { CodeWrap.wrap(theme.printable(String($0)), width: inner) }
      let lines = code.map { [StyledRun($0, style: theme.code)] }
      window(titles: ["Keras code for this setup · ↑ ↓ scroll · w writes it to a file · esc or k closes",
                      "Keras code · ↑ ↓ scroll · w writes it to a file · esc or k closes",
                      "Keras code · w writes it · esc or k closes", "esc or k closes"].map(theme.printable),
             lines: lines, scroll: scroll, preferredWidth: 112, theme: theme, in: screen, painter: &p)
    case .selection(let scroll, let job):
      let inner = min(screen.width - 4, 100) - 4
      window(titles: ["selection over seeds · ↑ ↓ scroll · esc or f closes · training goes on",
                      "selection over seeds · ↑ ↓ scroll · esc or f closes", "esc or f closes"].map(theme.printable),
             lines: SelectionOverlay.lines(job, theme: theme, width: inner), scroll: scroll, preferredWidth: 100,
             theme: theme, in: screen, painter: &p)
    }
  }

  /// The text columns inside the widest help window on `screen` (its frame and margins taken
  /// off): the window grows with its rows up to the screen less two columns a side, so rows
  /// wrap only where even that is too narrow.
  static func helpWidth(_ screen: Rect) -> Int { screen.width - 4 - 4 }

  /// The help: every binding, keys in a column of their own, then what the marks mean. A
  /// description longer than the window (`width` columns) wraps under its own column.
  static func helpLines(_ bindings: [Binding], legend: Legend = .dashboard, theme: Theme,
                        width: Int = .max) -> [[StyledRun]] {
    let keyWidth = bindings.map { theme.printable($0.label).count }.max() ?? 0
    let hanging = String(repeating: " ", count: keyWidth + 2)
    func row(_ keys: String, _ text: String, _ style: Style) -> [[StyledRun]] {
      let keys = theme.printable(keys)
      let room = max(8, width - hanging.count)
      let pieces = theme.printable(text).count <= room ? [theme.printable(text)]
        : TextView(blocks: [.paragraph([.plain(theme.printable(text))])]).layout(width: room, theme: theme).map(\.text)
      return pieces.enumerated().map { i, piece in
        [StyledRun(i == 0 ? keys + String(repeating: " ", count: max(0, keyWidth - keys.count) + 2) : hanging,
                   style: style),
         StyledRun(piece, style: theme.text)]
      }
    }
    let keys = bindings.flatMap { row($0.label, $0.help, theme.title) } + [[]]
    if legend == .lens {
      return keys + [[StyledRun]]([
        row("✚", "ŵ, the least-squares weights: the centre of the dotted data-loss ellipses", theme.dim),
        row("×", "a lane's optimum: where the lowest ellipse it can reach touches its penalty's shape", theme.dim),
        row("shape", "dotted in the lane's colour: L1's diamond has corners on the axes, L2's disk has none", theme.dim),
        row("⊙", "a weight that landed on an axis: exactly 0.0 (L1's corners catch it)", theme.dim),
        row("○ ●", "where the trajectories start, and where each one is now", theme.dim),
      ].joined())
    }
    return keys + [[StyledRun]]([
      row("=0", "weights exactly 0.0: L1 (prox, clip) gets there, L2 never", theme.dim),
      row("≈0", "|w| below the threshold: where Keras's L1 leaves weights", theme.dim),
      row(String(theme.glyphs.zeroBar[8]), "the bar at 0, set apart from the bins, counts only weights exactly 0.0", theme.dim),
    ].joined())
  }

  /// The Keras script of the experiment as it runs now: the lanes' λ and the learning rate as
  /// the keys left them (on exact ladder rungs, so they print as typed), data and initial
  /// weights inline when small enough to read; `w` writes it with its data beside it.
  static func kerasCode(_ snapshot: ExperimentSnapshot) -> String {
    guard let code = KerasCode(snapshot: snapshot) else { return "# The experiment is still starting." }
    if code.valueCount <= KerasCode.inlineLimit { return code.script(.inline) }
    return "# The data is too large to show here: press w to write this script with its data.\n" + code.script(.files)
  }

  /// A framed window centred on the screen with `lines` inside, scrolled by `scroll` lines and
  /// marked `more ↓` when there is more below.
  private static func window(
    titles: [String], lines: [[StyledRun]], scroll: Int, preferredWidth: Int, theme: Theme,
    in screen: Rect, painter p: inout Painter
  ) {
    let contentWidth = lines.map { $0.reduce(0) { $0 + $1.text.count } }.max() ?? 0
    let width = min(screen.width - 4, max(preferredWidth, min(contentWidth + 4, screen.width - 4)))
    let height = min(screen.height - 2, lines.count + 2)
    let frame = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2,
                     width: width, height: height)
    p.clear(frame)
    // The longest title that fits whole: "esc or k closes" must never be cut to "esc o…".
    let inner = p.panel(frame, titles: titles, theme: theme, highlighted: true).inset(left: 1, right: 1)
    let first = min(max(0, scroll), max(0, lines.count - inner.height))
    p.clipped(to: inner) { q in
      for (row, line) in lines.dropFirst(atMost: first).prefix(atMost: inner.height).enumerated() {
        var x = inner.x
        for run in line { x = q.put(run.text, x: x, y: inner.y + row, style: run.style) }
      }
    }
    if first + inner.height < lines.count {
      p.putRightAligned(theme.printable(" more ↓ "), in: frame.inset(right: 1), y: frame.maxY - 1, style: theme.dim)
    }
    if first > 0 {
      p.putRightAligned(theme.printable(" ↑ "), in: frame.inset(right: 1), y: frame.y, style: theme.dim)
    }
  }
}
