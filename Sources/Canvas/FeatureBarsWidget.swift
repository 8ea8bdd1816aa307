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
    /// Drawn after the row's cells where it fits (`2 dropped`).
    public var note: String

    public init(label: String, style: Style, values: [Double], note: String = "") {
      self.label = label
      self.style = style
      self.values = values
      self.note = note
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
  /// Values above 0 but below this are "almost zero" and get their own glyph, so a row that is
  /// nearly dead never looks like one that is small but alive (nil: no such class).
  public var nearZero: Double?

  public init(features: [Feature], rows: [Row], scale: Scale = .perRow, showsLegend: Bool = true,
              nearZero: Double? = nil) {
    self.features = features
    self.rows = rows
    self.scale = scale
    self.showsLegend = showsLegend
    self.nearZero = nearZero
  }

  /// The features shown and how: every one with a name header when the names fit; else every
  /// one in two-column cells under a numbered header (`1`, `5`, `10`… and a star for each
  /// informative feature) — 20 features in 40 columns; else, for wide CSVs, the most and the
  /// least important features in that compact form and a count of the rest.
  enum Plan: Equatable {
    case named(headers: [String], width: Int)
    case compact(columns: [Int], hidden: Int)
  }

  static func plan(_ features: [Feature], rows: [Row], star: Character, available: Int) -> Plan {
    let (headers, width, visible) = layout(features, star: star, available: available)
    if visible == features.count { return .named(headers: headers, width: width) }
    let fits = available / 2
    if features.count <= fits { return .compact(columns: Array(features.indices), hidden: 0) }
    // Importance: the largest magnitude of the feature in any lane. Informative ones first.
    let room = max(2, fits - 2)
    let importance = features.indices.map { j in rows.map { abs($0.values.indices.contains(j) ? $0.values[j] : 0) }.max() ?? 0 }
    let ranked = features.indices.sorted {
      (features[$0].informative ? 1 : 0, importance[$0]) > (features[$1].informative ? 1 : 0, importance[$1])
    }
    let most = ranked.prefix(atMost: room - room / 3), least = ranked.suffix(atMost: room / 3)
    let shown = Set(most).union(least).sorted()
    return .compact(columns: shown, hidden: features.count - shown.count)
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

  /// The glyph for `value` when `peak` fills a cell: exact zero, almost zero (below
  /// `nearZero`), missing, or one of eight heights (a live value never rounds down to blank).
  static func glyph(_ value: Double, peak: Double, glyphs: GlyphSet, nearZero: Double? = nil) -> Character {
    guard value.isFinite else { return glyphs.missing }
    if value == 0 { return glyphs.exactZero }
    if let nearZero, abs(value) < nearZero { return glyphs.nearZero }
    guard peak > 0 else { return glyphs.verticalBlocks[8] }
    let level = Checked.int(abs(value) / peak * 8, default: 8)
    return glyphs.verticalBlocks[min(8, max(1, level))]
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      let glyphs = theme.glyphs
      let labelWidth = (rows.map(\.label.count).max() ?? 0) + 1
      let firstX = rect.x + labelWidth
      let plan = FeatureBarsWidget.plan(features, rows: rows, star: glyphs.star, available: rect.maxX - firstX)
      let columns: [Int], width: Int
      var endX: Int
      switch plan {
      case .named(let headers, let w):
        columns = Array(features.indices)
        width = w
        for (j, header) in headers.enumerated() {
          p.put(header, x: firstX + j * width, y: rect.y, style: theme.title)
        }
        endX = firstX + columns.count * width
      case .compact(let shown, let hidden):
        columns = shown
        width = 2
        drawCompactHeader(shown, x: firstX, y: rect.y, glyphs: glyphs, theme: theme, painter: &p)
        endX = firstX + shown.count * width
        if hidden > 0 {
          p.put("+\(hidden)", x: endX, y: rect.y, style: theme.dim)
          endX += String(hidden).count + 1
        }
      }

      let sharedPeak = rows.flatMap(\.values).filter(\.isFinite).map(abs).max() ?? 0
      for (i, row) in rows.enumerated() {
        let y = rect.y + 1 + i
        p.put(row.label, x: rect.x, y: y, style: row.style)
        let peak = scale == .shared
          ? sharedPeak : (row.values.filter(\.isFinite).map(abs).max() ?? 0)
        for (k, j) in columns.enumerated() where j < row.values.count {
          let value = row.values[j]
          let glyph = FeatureBarsWidget.glyph(value, peak: peak, glyphs: glyphs, nearZero: nearZero)
          p.set(glyph, x: firstX + k * width, y: y, style: value.isFinite ? row.style : theme.warning)
        }
        if !row.note.isEmpty, endX + 1 + row.note.count <= rect.maxX {
          p.put(row.note, x: endX + 1, y: y, style: theme.dim)
        }
      }
      if showsLegend { drawLegend(in: rect, after: endX, glyphs: glyphs, theme: theme, painter: &p) }
    }
  }

  /// Two-column cells: a star over every informative feature, the 1-based number of the first,
  /// every fifth and the last feature over the others where it fits.
  private func drawCompactHeader(
    _ columns: [Int], x: Int, y: Int, glyphs: GlyphSet, theme: Theme, painter p: inout Painter
  ) {
    var free = x
    for (k, j) in columns.enumerated() {
      let cellX = x + k * 2
      if features[j].informative {
        p.set(glyphs.star, x: cellX, y: y, style: theme.title)
        free = cellX + 1
        continue
      }
      let number = String(j + 1)
      let labelled = k == 0 || k == columns.count - 1 || (j + 1) % 5 == 0 || columns.count < features.count
      guard labelled, cellX >= free, !(k + 1 < columns.count && features[columns[k + 1]].informative && number.count > 1) else { continue }
      p.put(number, x: cellX, y: y, style: theme.dim)
      free = cellX + number.count + 1
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
