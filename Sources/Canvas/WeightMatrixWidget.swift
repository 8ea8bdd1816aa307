/// One layer's kernel as a grid of cells: rows are inputs, columns are units, each cell shaded
/// by |w|. An exact 0 is blank (a dead link, under the clip rule, is `×`), a small non-zero
/// weight is a dot — never blank — so an empty row is an input the layer ignores and an empty
/// column a unit that receives nothing.
///
/// ```
///   x1 █▓▒· ░▒▓█
///   x2
///   x3 ·  ░   ▒
/// ```
public struct WeightMatrixWidget: Widget {
  /// (inputs, units) row-major, Keras's layout.
  public var kernel: [Float]
  public var inputs: Int
  public var units: Int
  /// One label per input row (shown right-aligned before the row).
  public var rowLabels: [String]
  /// |w| drawn full (`█`); larger values are drawn full too.
  public var scale: Float
  /// Exact zeros are dead links (the clip rule) and drawn `×`.
  public var zerosAreDead: Bool
  /// Rows shown before any other when not every row fits (the ★ informative inputs).
  public var keptRows: Set<Int>
  public var style: Style

  public init(kernel: [Float], inputs: Int, units: Int, rowLabels: [String], scale: Float, zerosAreDead: Bool = false,
              keptRows: Set<Int> = [], style: Style) {
    self.kernel = kernel
    self.inputs = inputs
    self.units = units
    self.rowLabels = rowLabels
    self.scale = scale
    self.zerosAreDead = zerosAreDead
    self.keptRows = keptRows
    self.style = style
  }

  /// The rows drawn in `height` lines, in input order: every row when all fit; else one line
  /// goes to `… n rows hidden` and the kept rows come first, then the others from the top.
  public func shownRows(height: Int) -> [Int] {
    guard inputs > height else { return Array(0..<inputs) }
    let room = max(0, height - 1)
    let kept = (0..<inputs).filter(keptRows.contains)
    let others = (0..<inputs).filter { !keptRows.contains($0) }
    return Array((kept.prefix(room) + others.prefix(max(0, room - kept.count))).sorted())
  }

  /// Columns the widget needs: labels, a space, one cell per unit.
  public var naturalWidth: Int { (rowLabels.map(\.count).max() ?? 0) + 1 + units }

  /// The cell for weight `w`: nil for an exact 0 (blank) unless dead.
  public func glyph(_ w: Float, theme: Theme) -> Character? {
    if w == 0 { return zerosAreDead ? (theme.ascii ? "x" : "×") : nil }
    let shades: [Character] = theme.ascii ? [".", ":", "+", "*", "#"] : ["·", "░", "▒", "▓", "█"]
    let t = scale > 0 ? min(abs(w) / scale, 1) : 1
    let index = t < 0.1 ? 0 : t < 0.3 ? 1 : t < 0.55 ? 2 : t < 0.8 ? 3 : 4
    return shades[index]
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      let labelWidth = rowLabels.map(\.count).max() ?? 0
      let rows = shownRows(height: rect.height)
      for (line, row) in rows.enumerated() {
        let y = rect.y + line
        let label = row < rowLabels.count ? rowLabels[row] : ""
        p.put(String(repeating: " ", count: max(0, labelWidth - label.count)) + label, x: rect.x, y: y, style: theme.dim)
        for unit in 0..<units {
          guard let g = glyph(kernel[row * units + unit], theme: theme) else { continue }
          p.set(g, x: rect.x + labelWidth + 1 + unit, y: y, style: g == "·" || g == "." ? theme.dim : style)
        }
      }
      if rows.count < inputs {
        p.put("\(theme.glyphs.ellipsis) \(inputs - rows.count) rows hidden", x: rect.x, y: rect.y + rows.count, style: theme.dim)
      }
    }
  }
}
