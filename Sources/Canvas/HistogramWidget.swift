/// A weight histogram over a fixed symmetric range `[-range, range]` whose centre column adds
/// the exact zeros, drawn bold.
///
/// Counting exact zeros apart from the bins is the point of the widget: L1 drives weights to
/// exactly 0.0, and that spike must stand out from the "small but non-zero" mass that L2 leaves
/// around zero. Layout, top to bottom: title, bars, axis `┬──┬──┬`, labels `-r 0 r`
/// (the axis and labels are dropped first when the rectangle is short).
public struct HistogramWidget: Widget {
  /// Counts of non-zero values in equal-width bins spanning `[-range, range]`; any count.
  public var bins: [Int]
  /// Values exactly equal to 0.0, not included in `bins`.
  public var zeroCount: Int
  /// Half-width of the x range; the same for every lane so narrowing is comparable.
  public var range: Float
  /// Shown centred above the bars, e.g. `"L1 λ 0.010"`.
  public var title: String
  /// The lane's style; the zero column adds bold when it holds exact zeros.
  public var style: Style

  public init(bins: [Int], zeroCount: Int, range: Float, title: String = "", style: Style) {
    self.bins = bins
    self.zeroCount = zeroCount
    self.range = range
    self.title = title
    self.style = style
  }

  /// Bar heights in eighths of a cell for every plot column, left to right. An even `columns`
  /// loses its last column so that the zero column sits exactly in the middle, at `count / 2`.
  ///
  /// The centre column holds the bin mass around zero *plus* the exact zeros. Leaving it to the
  /// exact zeros alone would cut a hole in every L2 or unregularized histogram, which reads as
  /// "no weights near zero" — the opposite of the truth. Heights are in counts per source bin,
  /// so they do not change with the terminal width.
  func levels(columns: Int, rows: Int) -> [Int] {
    let odd = max(1, columns - (columns + 1) % 2)
    var values = Resample.density(bins.map { max(0, $0) }, into: odd)
    values[odd / 2] += Double(max(0, zeroCount))
    let peak = values.max() ?? 0
    guard peak > 0 else { return values.map { _ in 0 } }
    let eighths = Double(rows * 8)
    return values.map { v in
      guard v > 0 else { return 0 }
      // Linear scale, but a single weight must still show: never round a non-zero bin to nothing.
      return max(1, Int((v / peak * eighths).rounded()))
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
        p.putCentered(title, in: plot, y: y, style: style.adding(.bold))
        y += 1
      }
      // Bold marks the column only when it holds exact zeros: then it is the L1 spike.
      let zeroStyle = zeroCount > 0 ? style.adding(.bold) : style
      for (i, level) in levels(columns: plot.width, rows: barRows).enumerated() {
        drawBar(level: level, x: plot.x + i, bottom: y + barRows - 1, rows: barRows,
                style: plot.x + i == zeroX ? zeroStyle : style, glyphs: theme.glyphs, painter: &p)
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
    level: Int, x: Int, bottom: Int, rows: Int, style: Style, glyphs: GlyphSet,
    painter: inout Painter
  ) {
    for row in 0..<rows {
      let cellLevel = min(8, level - row * 8)
      guard cellLevel > 0 else { break }
      painter.set(glyphs.verticalBlocks[cellLevel], x: x, y: bottom - row, style: style)
    }
  }

  /// `-r`, `0`, `r` under the left end, the zero column and the right end; the outer labels are
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
