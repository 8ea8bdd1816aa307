/// A weight histogram over a fixed symmetric range `[-range, range]`, with the exact zeros in a
/// bar of their own at the centre, set apart by a blank column either side.
///
/// Counting exact zeros apart from the bins is the point of the widget: L1 (prox) drives
/// weights to exactly 0.0, and that spike must never be confused with the "small but non-zero"
/// cloud that L2, or Keras's subgradient L1, leaves around zero. So the bins stop at zero from
/// either side (no bin straddles it) and the zero bar shows only weights equal to 0.0: a
/// subgradient lane shows a narrow cloud beside an empty zero bar, a prox lane a tall bar.
/// Layout, top to bottom: title, bars, axis `┬──┬──┬`, labels `-r 0 r` (the axis and labels
/// are dropped first when the rectangle is short).
public struct HistogramWidget: Widget {
  /// Counts of non-zero values in equal-width bins spanning `[-range, range]`, an even number
  /// (`binCount(width:)`): the first half covers `[-range, 0)`, the second `(0, range]`.
  public var bins: [Int]
  /// Values exactly equal to 0.0, not included in `bins`.
  public var zeroCount: Int
  /// Half-width of the x range; the same for every lane so narrowing is comparable.
  public var range: Float
  /// Shown centred above the bars, e.g. `"L1 λ 0.010"`.
  public var title: String
  /// The lane's style; the zero bar adds bold.
  public var style: Style

  public init(bins: [Int], zeroCount: Int, range: Float, title: String = "", style: Style) {
    self.bins = bins
    self.zeroCount = zeroCount
    self.range = range
    self.title = title
    self.style = style
  }

  /// Columns of bins on each side of the zero bar for a plot `width` wide (odd widths; an even
  /// one loses its last column): one blank column separates the bins from the zero bar when
  /// there is room for at least three bin columns a side.
  static func sideColumns(width: Int) -> Int {
    let half = max(0, (width - 1) / 2)
    return half >= 4 ? half - 1 : half
  }

  /// The number of bins to count for a plot `width` wide: one per bin column.
  public static func binCount(width: Int) -> Int { 2 * max(1, sideColumns(width: width)) }

  /// Bar heights in eighths of a cell for every plot column, left to right; the gap columns are
  /// 0 and the zero bar sits at `count / 2`. Heights are in counts per source bin (the zero bar
  /// in plain counts), so they do not change with the terminal width.
  func levels(columns: Int, rows: Int) -> [Int] {
    let odd = max(1, columns - (columns + 1) % 2)
    let side = Self.sideColumns(width: odd)
    let gap = (odd - 1) / 2 - side
    let counts = bins.map { max(0, $0) }
    // An odd count has a middle bin that straddles 0: it belongs to neither side and is not drawn.
    let left = Array(counts.prefix(counts.count / 2)), right = Array(counts.suffix(counts.count / 2))
    let values = Resample.density(left, into: side) + Array(repeating: 0, count: gap)
      + [Double(max(0, zeroCount))] + Array(repeating: 0, count: gap) + Resample.density(right, into: side)
    let peak = values.max() ?? 0
    guard peak > 0 else { return values.map { _ in 0 } }
    let eighths = Double(rows * 8)
    return values.map { v in
      guard v > 0 else { return 0 }
      // Linear scale, but a single weight must still show: never round a non-zero bin to nothing.
      return max(1, Checked.int(v / peak * eighths))
    }
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      let hasTitle = rect.height >= 2 && !title.isEmpty
      let hasLabels = rect.height >= 3
      let hasAxis = rect.height >= 4
      let barRows = rect.height - [hasTitle, hasLabels, hasAxis].filter { $0 }.count
      let half = (rect.width - 1) / 2
      guard half >= 1 else { return }
      let plot = Rect(x: rect.x, y: rect.y, width: 2 * half + 1, height: rect.height)
      let zeroX = plot.x + half

      var y = rect.y
      if hasTitle {
        // Centred over the bars; a title one cell wider than the odd-width bars uses the whole
        // width rather than lose its last character (`strong 0.1` in 10 cells).
        p.putCentered(title, in: title.count > plot.width ? rect : plot, y: y, style: style.adding(.bold))
        y += 1
      }
      let zeroStyle = style.adding(.bold)
      for (i, level) in levels(columns: plot.width, rows: barRows).enumerated() {
        let isZero = plot.x + i == zeroX
        drawBar(level: level, x: plot.x + i, bottom: y + barRows - 1, rows: barRows,
                style: isZero ? zeroStyle : style, blocks: isZero ? theme.glyphs.zeroBar : theme.glyphs.verticalBlocks,
                painter: &p)
      }
      y += barRows
      if hasAxis {
        let box = theme.glyphs.box
        p.horizontalRule(x: plot.x, y: y, width: plot.width, style: theme.axis, glyphs: box)
        p.set(box.teeDown, x: plot.x, y: y, style: theme.axis)
        p.set(box.teeDown, x: plot.maxX - 1, y: y, style: theme.axis)
        // The centre tick takes the lane colour once exact zeros exist: a second cue for the spike.
        p.set(box.teeDown, x: zeroX, y: y, style: zeroCount > 0 ? zeroStyle : theme.axis)
        y += 1
      }
      if hasLabels { drawLabels(plot: plot, zeroX: zeroX, y: y, theme: theme, painter: &p) }
    }
  }

  private func drawBar(
    level: Int, x: Int, bottom: Int, rows: Int, style: Style, blocks: [Character], painter: inout Painter
  ) {
    for row in 0..<rows {
      let cellLevel = min(8, level - row * 8)
      guard cellLevel > 0 else { break }
      painter.set(blocks[cellLevel], x: x, y: bottom - row, style: style)
    }
  }

  /// `-r`, `0`, `r` under the left end, the zero bar and the right end; the outer labels are
  /// skipped when they would touch the `0`.
  private func drawLabels(plot: Rect, zeroX: Int, y: Int, theme: Theme, painter: inout Painter) {
    let r = CompactNumber.format(Double(range), missing: String(theme.glyphs.missing))
    let left = "-" + r
    painter.set("0", x: zeroX, y: y, style: theme.axis)
    if plot.x + left.count < zeroX {
      painter.put(left, x: plot.x, y: y, style: theme.axis)
    }
    if plot.maxX - r.count > zeroX + 1 {
      painter.put(r, x: plot.maxX - r.count, y: y, style: theme.axis)
    }
  }
}
