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
  /// `blocks` laid out before for a text column this wide (a lesson's cached page), used
  /// instead of laying them out again when the column is that wide.
  public var laidOut: LaidOutText?
  /// Drawn over the whole body instead of beside it (a lesson page read full-screen, `e`).
  public var fullScreen = false

  /// The frame of a full-screen pane: the body between the status and key lines.
  static func readingFrame(width: Int, height: Int) -> Rect {
    Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
  }

  /// Inside a full-screen pane's frame: a centred column no wider than a line one reads
  /// comfortably (76 columns of text between the margins).
  static func readingInner(_ frame: Rect) -> Rect {
    let inner = frame.inset(by: 1)
    let width = min(inner.width, 78)
    return Rect(x: inner.x + (inner.width - width) / 2, y: inner.y, width: width, height: inner.height)
  }

  /// Lines already wrapped to `width` columns.
  public struct LaidOutText: Hashable, Sendable {
    public var width: Int
    public var lines: [StyledLine]
  }

  /// The text's lines at `width` columns.
  func lines(width: Int, theme: Theme) -> [StyledLine] {
    if let laidOut, laidOut.width == width { return laidOut.lines }
    return TextView(blocks: blocks).layout(width: width, theme: theme)
  }

  public init(title: String, blocks: [TextBlock], footer: String? = nil, scroll: Int = 0, width: Int = 40) {
    self.title = title
    self.blocks = blocks
    self.footer = footer
    self.scroll = scroll
    self.width = width
  }

  /// Where everything goes inside the pane's frame: the one layout that both drawing and
  /// scrolling read.
  struct Areas {
    /// The text column (a margin either side).
    var text: Rect
    /// The footer's row, if shown.
    var footer: Rect?
    /// The pinned lines shown (they give way to the text on a pane too short for both).
    var pinned: Rect?
    /// What is left for the scrolling text.
    var body: Rect
  }

  func areas(in inner: Rect) -> Areas {
    let text = inner.inset(left: 1, right: 1)
    var body = text
    var footerRow: Rect?
    if footer != nil, text.height >= 3 {
      body = text.inset(bottom: 2)
      footerRow = text.line(text.height - 1)
    }
    // The pinned lines may take all but two rows of the text (a line and "more ↓") and the
    // blank between: a lesson's pinned question must show every choice even at 80×24.
    let shownPinned = min(pinned.count, max(0, body.height - 3))
    var pinnedRect: Rect?
    if shownPinned > 0 {
      pinnedRect = Rect(x: text.x, y: body.maxY - shownPinned, width: text.width, height: shownPinned)
      body = body.inset(bottom: shownPinned + 1)
    }
    return Areas(text: text, footer: footerRow, pinned: pinnedRect, body: body)
  }

  /// The largest useful scroll offset inside `inner`: the text's last page. Overflowing text
  /// gives its last row to the "more ↓" mark.
  func maxScroll(in inner: Rect, theme: Theme) -> Int {
    let body = areas(in: inner).body
    let total = lines(width: body.width, theme: theme).count
    return total > body.height && body.height > 1 ? total - (body.height - 1) : 0
  }

  /// Draws the text into the inside of the pane's frame.
  func draw(in inner: Rect, painter p: inout Painter, theme: Theme) {
    let areas = areas(in: inner)
    let text = areas.text, body = areas.body
    if let footer, let row = areas.footer {
      p.put(Painter.truncate(theme.printable(footer), to: text.width, ellipsis: theme.glyphs.ellipsis),
            x: row.x, y: row.y, style: theme.dim)
    }
    if let rect = areas.pinned {
      for (row, line) in pinned.prefix(atMost: rect.height).enumerated() {
        var x = rect.x
        for run in line.runs {
          x = p.put(Painter.truncate(run.text, to: max(0, rect.maxX - x), ellipsis: theme.glyphs.ellipsis),
                    x: x, y: rect.y + row, style: run.style)
        }
      }
    }
    let laid = lines(width: body.width, theme: theme)
    let total = laid.count
    guard total > body.height, body.height > 1 else {
      TextView.render(laid, scrollOffset: scroll, in: body, painter: &p)
      return
    }
    // Text that overflows keeps its last row for "more ↓", so the mark never covers a word.
    // The same lines: a column one row shorter is as wide.
    let shown = body.inset(bottom: 1)
    TextView.render(laid, scrollOffset: scroll, in: shown, painter: &p)
    // TextView keeps the last page full: the offset it draws from is at most total − height.
    if min(max(0, scroll), total - shown.height) + shown.height < total {
      p.putRightAligned(theme.printable("more ↓"), in: text, y: body.maxY - 1, style: theme.dim)
    }
  }
}
