/// |w| on a log scale: a bar of exact zeros at the left, set apart by a blank column, then
/// log10|w| from 10^low to 10^high. Where the linear histogram puts 1e-4 and 0 in the same
/// column, this one puts them 5 decades apart: Keras's L1 leaves a mass at 1e-4…1e-3 and an
/// empty zero bar; the proximal rule a tall zero bar.
public struct LogHistogramWidget: Widget {
  /// Counts in equal bins of log10|w| over [low, high].
  public var bins: [Int]
  public var zeroCount: Int
  public var lowDecade: Int
  public var highDecade: Int
  public var title: String
  public var style: Style

  public init(bins: [Int], zeroCount: Int, lowDecade: Int, highDecade: Int, title: String = "", style: Style) {
    self.bins = bins
    self.zeroCount = zeroCount
    self.lowDecade = lowDecade
    self.highDecade = highDecade
    self.title = title
    self.style = style
  }

  /// Bin columns for a plot `width` wide: all but the zero bar and the gap after it.
  public static func binCount(width: Int) -> Int { max(1, width - 2) }

  /// Heights in eighths: the zero bar, a gap, then one column per bin column.
  func levels(columns: Int, rows: Int) -> [Int] {
    let values = [Double(max(0, zeroCount)), 0] + Resample.density(bins.map { max(0, $0) }, into: Self.binCount(width: columns))
    let peak = values.max() ?? 0
    guard peak > 0 else { return values.map { _ in 0 } }
    return values.map { v in v > 0 ? max(1, Checked.int(v / peak * Double(rows * 8))) : 0 }
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      guard rect.width >= 4 else { return }
      let hasTitle = rect.height >= 2 && !title.isEmpty
      let hasLabels = rect.height >= 3
      let hasAxis = rect.height >= 4
      let barRows = rect.height - [hasTitle, hasLabels, hasAxis].filter { $0 }.count
      var y = rect.y
      if hasTitle {
        p.putCentered(title, in: rect, y: y, style: style.adding(.bold))
        y += 1
      }
      for (i, level) in levels(columns: rect.width, rows: barRows).enumerated() {
        let blocks = i == 0 ? theme.glyphs.zeroBar : theme.glyphs.verticalBlocks
        let cellStyle = i == 0 ? style.adding(.bold) : style
        for row in 0..<barRows {
          let cell = min(8, level - row * 8)
          guard cell > 0 else { break }
          p.set(blocks[cell], x: rect.x + i, y: y + barRows - 1 - row, style: cellStyle)
        }
      }
      y += barRows
      if hasAxis {
        let box = theme.glyphs.box
        p.set(box.teeDown, x: rect.x, y: y, style: zeroCount > 0 ? style.adding(.bold) : theme.axis)
        p.horizontalRule(x: rect.x + 2, y: y, width: rect.width - 2, style: theme.axis, glyphs: box)
        for decade in labelDecades(width: rect.width - 2) {
          p.set(box.teeDown, x: x(ofDecade: decade, in: rect), y: y, style: theme.axis)
        }
        y += 1
      }
      if hasLabels {
        p.set("0", x: rect.x, y: y, style: theme.axis)
        for decade in labelDecades(width: rect.width - 2) {
          let text = decade == 0 ? "1" : "1e\(decade)"
          let x = min(x(ofDecade: decade, in: rect), rect.maxX - text.count)
          p.put(text, x: x, y: y, style: theme.axis)
        }
      }
    }
  }

  /// The column of 10^decade's left edge.
  private func x(ofDecade decade: Int, in rect: Rect) -> Int {
    let width = rect.width - 2
    return rect.x + 2 + Checked.floor(Double(decade - lowDecade) / Double(highDecade - lowDecade) * Double(width)).clamped(0, width - 1)
  }

  /// Decades to label, evenly spaced so the labels (up to 4 columns) do not touch.
  private func labelDecades(width: Int) -> [Int] {
    let span = highDecade - lowDecade
    let fit = max(1, width / 6)
    let step = [1, 2, 4, 8].first { span / $0 + 1 <= fit } ?? span
    return stride(from: lowDecade, through: highDecade - 1, by: step).map { $0 }
  }
}

extension Int {
  fileprivate func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(self, low), high) }
}
