/// A lanes × features table of magnitudes, one eighth-block glyph per value:
///
/// ```
///       x1  x2★ x3  x4   · = exactly zero
/// none  ▆   █   ▅   ▆
/// L1    ·   █   ·   ·
/// ```
/// It shows *which* inputs each regularizer keeps. Exact zeros get their own glyph (`·`) because
/// "tiny" and "zero" look the same as bar heights and the difference is the lesson of L1.
public struct FeatureBarsWidget: Widget {
  /// One lane: its name, its colour and one magnitude per feature (e.g. mean |w| of the
  /// first-layer weights leaving that input). Negative values are drawn by magnitude.
  public struct Row: Hashable, Sendable {
    public var label: String
    public var style: Style
    public var values: [Double]

    public init(label: String, style: Style, values: [Double]) {
      self.label = label
      self.style = style
      self.values = values
    }
  }

  /// A column header; informative features get a star after their name.
  public struct Feature: Hashable, Sendable {
    public var name: String
    public var informative: Bool

    public init(name: String, informative: Bool = false) {
      self.name = name
      self.informative = informative
    }
  }

  /// What a full block means: the largest value of the row (compare features within a lane), or
  /// of the whole table (compare lanes — L2 shrinks everything).
  public enum Scale: Hashable, Sendable {
    case perRow
    case shared
  }

  public var features: [Feature]
  public var rows: [Row]
  public var scale: Scale
  /// Adds "· = exactly zero" where there is room.
  public var showsLegend: Bool

  public init(features: [Feature], rows: [Row], scale: Scale = .perRow, showsLegend: Bool = true) {
    self.features = features
    self.rows = rows
    self.scale = scale
    self.showsLegend = showsLegend
  }

  /// Column width and how many features fit in `available` columns. Columns shrink from a roomy
  /// width to the tightest one that still separates headers; past that, features are dropped
  /// from the right and one column is kept for the ellipsis.
  static func columns(headers: [String], available: Int) -> (width: Int, visible: Int) {
    let natural = (headers.map(\.count).max() ?? 0) + 1
    let n = headers.count
    if n * (natural + 1) <= available { return (natural + 1, n) }
    if n * natural <= available { return (natural, n) }
    return (natural, max(0, (available - 1) / natural))
  }

  /// The headers and their columns: the full names when every feature fits, else short ones
  /// (`sep.len` for `sepal_length`, ShortName) when those show more features.
  static func layout(
    _ features: [Feature], star: Character, available: Int
  ) -> (headers: [String], width: Int, visible: Int) {
    func headers(_ names: [String]) -> [String] {
      zip(names, features).map { $0 + ($1.informative ? String(star) : "") }
    }
    let full = headers(features.map(\.name))
    let fullColumns = columns(headers: full, available: available)
    if fullColumns.visible == features.count { return (full, fullColumns.width, fullColumns.visible) }
    let short = headers(ShortName.abbreviate(features.map(\.name)))
    let shortColumns = columns(headers: short, available: available)
    return shortColumns.visible > fullColumns.visible
      ? (short, shortColumns.width, shortColumns.visible) : (full, fullColumns.width, fullColumns.visible)
  }

  /// The glyph for `value` when `peak` fills a cell: exact zero, missing, or one of eight heights
  /// (a non-zero value never rounds down to blank).
  static func glyph(_ value: Double, peak: Double, glyphs: GlyphSet) -> Character {
    guard value.isFinite else { return glyphs.missing }
    if value == 0 { return glyphs.exactZero }
    guard peak > 0 else { return glyphs.verticalBlocks[8] }
    let level = Int((abs(value) / peak * 8).rounded())
    return glyphs.verticalBlocks[min(8, max(1, level))]
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      let glyphs = theme.glyphs
      let labelWidth = (rows.map(\.label.count).max() ?? 0) + 1
      let firstX = rect.x + labelWidth
      let (headers, width, visible) = FeatureBarsWidget.layout(
        features, star: glyphs.star, available: rect.maxX - firstX)
      for (j, header) in headers.prefix(visible).enumerated() {
        p.put(header, x: firstX + j * width, y: rect.y, style: theme.title)
      }
      let endX = firstX + visible * width
      if visible < headers.count { p.set(glyphs.ellipsis, x: endX, y: rect.y, style: theme.dim) }

      let sharedPeak = rows.flatMap(\.values).filter(\.isFinite).map(abs).max() ?? 0
      for (i, row) in rows.enumerated() {
        let y = rect.y + 1 + i
        p.put(row.label, x: rect.x, y: y, style: row.style)
        let peak = scale == .shared
          ? sharedPeak : (row.values.filter(\.isFinite).map(abs).max() ?? 0)
        for (j, value) in row.values.prefix(visible).enumerated() {
          let glyph = FeatureBarsWidget.glyph(value, peak: peak, glyphs: glyphs)
          p.set(glyph, x: firstX + j * width, y: y, style: value.isFinite ? row.style : theme.warning)
        }
      }
      if showsLegend { drawLegend(in: rect, after: endX, glyphs: glyphs, theme: theme, painter: &p) }
    }
  }

  /// On the header row when it fits beside the columns, else on the first free row below.
  private func drawLegend(
    in rect: Rect, after endX: Int, glyphs: GlyphSet, theme: Theme, painter p: inout Painter
  ) {
    let legend = "\(glyphs.exactZero) = exactly zero"
    if endX + 2 + legend.count <= rect.maxX {
      p.put(legend, x: endX + 2, y: rect.y, style: theme.dim)
    } else if rect.y + 1 + rows.count < rect.maxY, legend.count <= rect.width {
      p.put(legend, x: rect.x, y: rect.y + 1 + rows.count, style: theme.dim)
    }
  }
}
