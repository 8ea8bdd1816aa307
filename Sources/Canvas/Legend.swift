/// One line naming the lanes: `● none  ◆ L1  ▲ L2  ■ L1+L2`, each in its lane colour.
///
/// The marker repeats the glyph the lane uses where colour is unavailable, so the legend is the
/// key in monochrome and ASCII modes too. Entries that do not fit are dropped whole, replaced
/// by an ellipsis, rather than cut mid-name.
public struct Legend: Widget {
  /// A legend item. A lane entry takes its marker and style from the theme at draw time.
  public struct Entry: Hashable, Sendable {
    public var name: String
    var lane: Int?
    var marker: Character?
    var style: Style?

    /// The entry for lane `lane` (theme marker and colour).
    public init(lane: Int, name: String) {
      self.name = name
      self.lane = lane
    }

    /// A free-form entry, e.g. `┄ val` for a dashed validation curve.
    public init(marker: Character, name: String, style: Style) {
      self.name = name
      self.marker = marker
      self.style = style
    }

    func resolved(_ theme: Theme) -> (marker: Character, style: Style) {
      if let lane { return (theme.laneMarker(lane), theme.laneStyle(lane)) }
      return (marker ?? " ", style ?? theme.text)
    }
  }

  public var entries: [Entry]
  /// Spaces between entries.
  public var gap: Int

  public init(entries: [Entry], gap: Int = 2) {
    self.entries = entries
    self.gap = gap
  }

  /// One entry per lane name, lane `i` for `names[i]`.
  public init(lanes names: [String], gap: Int = 2) {
    self.init(entries: names.enumerated().map { Entry(lane: $0.offset, name: $0.element) }, gap: gap)
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      var x = rect.x
      for (i, entry) in entries.enumerated() {
        let (marker, style) = entry.resolved(theme)
        let text = "\(marker) \(entry.name)"
        let isLast = i == entries.count - 1
        // Keep a column for the ellipsis unless this is the last entry.
        let needed = text.count + (isLast ? 0 : 1)
        guard x + needed <= rect.maxX || (isLast && x + text.count <= rect.maxX) else {
          p.set(theme.glyphs.ellipsis, x: x, y: rect.y, style: theme.dim)
          return
        }
        p.put(text, x: x, y: rect.y, style: style)
        x += text.count + gap
      }
    }
  }
}
