import Canvas

/// A column of text at the right edge of the dashboard — where lesson mode shows the lesson.
///
/// The free-play dashboard has none; the composer makes room for one when given it, so lesson
/// mode reuses the whole dashboard instead of drawing its own.
public struct SidePane: Hashable, Sendable {
  /// In the frame's top border, e.g. "lesson 2/6 · step 3/7".
  public var title: String
  public var blocks: [TextBlock]
  /// Pinned to the bottom row, e.g. the keys for next / back / hint.
  public var footer: String?
  /// Lines pinned above the footer, already laid out to the pane's width (a lesson's
  /// "waiting for: …"): they stay in view however far the text is scrolled.
  public var pinned: [StyledLine] = []
  /// Lines scrolled off the top.
  public var scroll: Int
  /// Preferred frame width; the dashboard keeps at least `ScreenComposer.columnsBesidePane`.
  public var width: Int

  public init(title: String, blocks: [TextBlock], footer: String? = nil, scroll: Int = 0, width: Int = 40) {
    self.title = title
    self.blocks = blocks
    self.footer = footer
    self.scroll = scroll
    self.width = width
  }

  /// Draws the text into the inside of the pane's frame.
  func draw(in inner: Rect, painter p: inout Painter, theme: Theme) {
    let text = inner.inset(left: 1, right: 1)
    var body = text
    if let footer, text.height >= 3 {
      body = text.inset(bottom: 2)
      p.put(Painter.truncate(theme.printable(footer), to: text.width, ellipsis: theme.glyphs.ellipsis),
            x: text.x, y: text.maxY - 1, style: theme.dim)
    }
    // Pinned lines give way to the text on a pane too short for both.
    let pinned = self.pinned.prefix(max(0, body.height - 4))
    if !pinned.isEmpty {
      let top = body.maxY - pinned.count
      for (row, line) in pinned.enumerated() {
        var x = text.x
        for run in line.runs {
          x = p.put(Painter.truncate(run.text, to: max(0, text.maxX - x), ellipsis: theme.glyphs.ellipsis),
                    x: x, y: top + row, style: run.style)
        }
      }
      body = body.inset(bottom: pinned.count + 1)
    }
    let view = TextView(blocks: blocks, scrollOffset: scroll)
    let total = view.lineCount(width: body.width, theme: theme)
    guard total > body.height, body.height > 1 else {
      view.render(in: body, painter: &p, theme: theme)
      return
    }
    // Text that overflows keeps its last row for "more ↓", so the mark never covers a word.
    let shown = body.inset(bottom: 1)
    view.render(in: shown, painter: &p, theme: theme)
    // TextView keeps the last page full: the offset it draws from is at most total − height.
    if min(max(0, scroll), total - shown.height) + shown.height < total {
      p.putRightAligned(theme.printable("more ↓"), in: text, y: body.maxY - 1, style: theme.dim)
    }
  }
}
