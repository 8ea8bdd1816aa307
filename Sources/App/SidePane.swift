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
  /// Lines scrolled off the top.
  public var scroll: Int
  /// Preferred frame width; the dashboard keeps at least 80 columns where it can.
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
    let view = TextView(blocks: blocks, scrollOffset: scroll)
    let total = view.render(in: body, painter: &p, theme: theme)
    if total > body.height + scroll {
      p.putRightAligned(theme.printable("more ↓"), in: text, y: body.maxY - 1, style: theme.dim)
    }
  }
}
