extension Painter {
  /// A frame around `rect` with an optional title in the top border: `┌ title ─────┐`.
  ///
  /// The title is cut to fit (ending in an ellipsis) and never overwrites the corners. Rectangles
  /// smaller than 2×2 have no inside, so nothing is drawn.
  public mutating func box(
    _ rect: Rect, title: String? = nil, style: Style = .plain, titleStyle: Style? = nil,
    glyphs: BoxGlyphs = .unicode, ellipsis: Character = "…"
  ) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1, bottom = rect.maxY - 1
    for x in (rect.x + 1)..<right {
      set(glyphs.horizontal, x: x, y: rect.y, style: style)
      set(glyphs.horizontal, x: x, y: bottom, style: style)
    }
    for y in (rect.y + 1)..<bottom {
      set(glyphs.vertical, x: rect.x, y: y, style: style)
      set(glyphs.vertical, x: right, y: y, style: style)
    }
    set(glyphs.topLeft, x: rect.x, y: rect.y, style: style)
    set(glyphs.topRight, x: right, y: rect.y, style: style)
    set(glyphs.bottomLeft, x: rect.x, y: bottom, style: style)
    set(glyphs.bottomRight, x: right, y: bottom, style: style)
    if let title, !title.isEmpty {
      // Corner, space, title, space, at least one rule cell and the other corner.
      let room = rect.width - 5
      guard room >= 1 else { return }
      let shown = Painter.truncate(title, to: room, ellipsis: ellipsis)
      put(" " + shown + " ", x: rect.x + 1, y: rect.y, style: titleStyle ?? style)
    }
  }

  /// A themed panel frame (highlighted when a lesson points at it); returns the inside.
  @discardableResult
  public mutating func panel(
    _ rect: Rect, title: String? = nil, theme: Theme, highlighted: Bool = false
  ) -> Rect {
    let frame = highlighted ? theme.highlightedBorder : theme.border
    box(rect, title: title, style: frame,
        titleStyle: highlighted ? theme.highlightedBorder : theme.title,
        glyphs: theme.glyphs.box, ellipsis: theme.glyphs.ellipsis)
    return rect.inset(by: 1)
  }

  /// A themed panel titled with the first of `titles` (longest first) that fits its frame
  /// whole; the last one is cut only when none does.
  @discardableResult
  public mutating func panel(_ rect: Rect, titles: [String], theme: Theme, highlighted: Bool = false) -> Rect {
    panel(rect, title: Painter.fitting(titles, to: rect.width - 5), theme: theme, highlighted: highlighted)
  }

  /// The first of `forms` (longest first) no wider than `width`, else the last.
  public static func fitting(_ forms: [String], to width: Int) -> String {
    forms.first { $0.count <= width } ?? forms.last ?? ""
  }

  /// A horizontal line of `width` cells from `(x, y)`. With `joinEnds` the ends become `├` and
  /// `┤`, so a rule laid across a box splits it into two panels without gaps in the frame.
  public mutating func horizontalRule(
    x: Int, y: Int, width: Int, style: Style = .plain, glyphs: BoxGlyphs = .unicode,
    joinEnds: Bool = false
  ) {
    guard width > 0 else { return }
    for column in x..<(x + width) { set(glyphs.horizontal, x: column, y: y, style: style) }
    if joinEnds {
      set(glyphs.teeRight, x: x, y: y, style: style)
      set(glyphs.teeLeft, x: x + width - 1, y: y, style: style)
    }
  }

  /// A vertical line of `height` cells from `(x, y)`; `joinEnds` draws `┬` and `┴` at the ends.
  public mutating func verticalRule(
    x: Int, y: Int, height: Int, style: Style = .plain, glyphs: BoxGlyphs = .unicode,
    joinEnds: Bool = false
  ) {
    guard height > 0 else { return }
    for row in y..<(y + height) { set(glyphs.vertical, x: x, y: row, style: style) }
    if joinEnds {
      set(glyphs.teeDown, x: x, y: y, style: style)
      set(glyphs.teeUp, x: x, y: y + height - 1, style: style)
    }
  }

  /// `string` cut to `width` columns, ending in `ellipsis` when something was removed.
  public static func truncate(_ string: String, to width: Int, ellipsis: Character = "…") -> String {
    guard width > 0 else { return "" }
    guard string.count > width else { return string }
    return String(string.prefix(atMost: width - 1)) + String(ellipsis)
  }
}
