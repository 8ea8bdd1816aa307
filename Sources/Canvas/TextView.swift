/// Lesson text: paragraphs, code blocks and bullet lists, word-wrapped to the panel and
/// scrollable.
///
/// Blocks are separated by one blank line. `render` returns how many lines the text needs at
/// this width, so the caller can show "more ↓" and bound the scroll offset.
public struct TextView: Widget {
  public var blocks: [TextBlock]
  /// Lines scrolled off the top; clamped so the last page stays full.
  public var scrollOffset: Int

  /// Columns code blocks are indented by.
  static let codeIndent = 2

  public init(blocks: [TextBlock], scrollOffset: Int = 0) {
    self.blocks = blocks
    self.scrollOffset = scrollOffset
  }

  /// Every line of the text laid out for `width` columns.
  public func layout(width: Int, theme: Theme) -> [StyledLine] {
    var lines: [StyledLine] = []
    for (i, block) in blocks.enumerated() {
      if i > 0 { lines.append(StyledLine()) }
      lines += layout(block, width: width, theme: theme)
    }
    return lines
  }

  /// How many lines the text needs at `width` columns.
  public func lineCount(width: Int, theme: Theme) -> Int {
    layout(width: width, theme: theme).count
  }

  private func layout(_ block: TextBlock, width: Int, theme: Theme) -> [StyledLine] {
    switch block {
    case .paragraph(let spans):
      return WordWrap.wrap(spans, width: width, theme: theme)
    case .code(let codeLines):
      let indent = String(repeating: " ", count: TextView.codeIndent)
      return codeLines.flatMap { source in
        WordWrap.codeWrap(source, width: width - TextView.codeIndent).map { piece in
          var line = StyledLine()
          line.append(indent, style: theme.text)
          line.append(piece, style: theme.code)
          return line
        }
      }
    case .bullets(let items):
      let bullet = theme.glyphs.bullet
      let hanging = String(repeating: " ", count: bullet.count)
      return items.flatMap {
        WordWrap.wrap($0, width: width, theme: theme, firstPrefix: bullet, restPrefix: hanging)
      }
    }
  }

  /// The offset actually used for `total` lines in `height` rows.
  static func clampedOffset(_ offset: Int, total: Int, height: Int) -> Int {
    min(max(0, offset), max(0, total - height))
  }

  /// Draws the visible lines and returns the total line count.
  @discardableResult
  public func render(in rect: Rect, painter: inout Painter, theme: Theme) -> Int {
    TextView.render(layout(width: rect.width, theme: theme), scrollOffset: scrollOffset, in: rect, painter: &painter)
  }

  /// Draws lines laid out before (for `rect.width`) and returns their count.
  @discardableResult
  public static func render(_ lines: [StyledLine], scrollOffset: Int, in rect: Rect, painter: inout Painter) -> Int {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      let first = TextView.clampedOffset(scrollOffset, total: lines.count, height: rect.height)
      for (row, line) in lines.dropFirst(atMost: first).prefix(atMost: rect.height).enumerated() {
        var x = rect.x
        for run in line.runs { x = p.put(run.text, x: x, y: rect.y + row, style: run.style) }
      }
      return lines.count
    }
  }

  /// Draws into a grid and returns the total line count.
  @discardableResult
  public func render(in rect: Rect, on grid: inout Grid, theme: Theme) -> Int {
    grid.paint(clip: rect) { render(in: rect, painter: &$0, theme: theme) }
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    render(in: rect, painter: &painter, theme: theme)
  }
}
