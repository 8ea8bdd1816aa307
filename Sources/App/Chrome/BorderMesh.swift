import Canvas

/// Panel frames that share their edges, joined with the right T and cross glyphs.
///
/// Stacked or side-by-side panels overlap by one row or column so that neighbours share a line
/// (`├ loss ──┬ zeros ──┤`) instead of drawing two parallel ones: it saves a row per band,
/// which is what lets every panel fit in 80×24. Each cell records which directions its lines
/// leave in, and the glyph follows from that set.
struct BorderMesh {
  private struct Directions: OptionSet {
    let rawValue: UInt8
    static let up = Directions(rawValue: 1)
    static let down = Directions(rawValue: 2)
    static let left = Directions(rawValue: 4)
    static let right = Directions(rawValue: 8)
  }

  private let width: Int
  private let height: Int
  /// Row-major, one entry per screen cell; empty where no line passes.
  private var cells: [Directions]
  /// Cells that carry a line, in the order they were first marked.
  private var marked: [Int] = []

  init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: [], count: self.width * self.height)
  }

  /// Adds the outline of `rect` (rectangles smaller than 2×2 have no outline).
  mutating func add(_ rect: Rect) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1, bottom = rect.maxY - 1
    for x in rect.x...right {
      var edge: Directions = []
      if x > rect.x { edge.insert(.left) }
      if x < right { edge.insert(.right) }
      mark(x, rect.y, edge.union(x == rect.x || x == right ? .down : []))
      mark(x, bottom, edge.union(x == rect.x || x == right ? .up : []))
    }
    for y in (rect.y + 1)..<bottom {
      mark(rect.x, y, [.up, .down])
      mark(right, y, [.up, .down])
    }
  }

  private mutating func mark(_ x: Int, _ y: Int, _ d: Directions) {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let i = y * width + x
    if cells[i].isEmpty { marked.append(i) }
    cells[i].formUnion(d)
  }

  /// Draws every line in `style`.
  func draw(painter p: inout Painter, style: Style, glyphs: BoxGlyphs) {
    for i in marked {
      p.set(BorderMesh.glyph(cells[i], glyphs), x: i % width, y: i / width, style: style)
    }
  }

  /// Redraws the outline of `rect` in `style` — the highlighted panel — keeping the joins.
  func restyle(_ rect: Rect, painter p: inout Painter, style: Style, glyphs: BoxGlyphs) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1, bottom = rect.maxY - 1
    var points: [(Int, Int)] = []
    for x in rect.x...right { points += [(x, rect.y), (x, bottom)] }
    for y in rect.y...bottom { points += [(rect.x, y), (right, y)] }
    for (x, y) in points where x >= 0 && y >= 0 && x < width && y < height {
      let d = cells[y * width + x]
      if !d.isEmpty { p.set(BorderMesh.glyph(d, glyphs), x: x, y: y, style: style) }
    }
  }

  private static func glyph(_ d: Directions, _ g: BoxGlyphs) -> Character {
    let vertical = d.contains(.up) || d.contains(.down)
    let horizontal = d.contains(.left) || d.contains(.right)
    switch (d.contains(.up), d.contains(.down), d.contains(.left), d.contains(.right)) {
    case (true, true, true, true): return g.cross
    case (true, true, false, true): return g.teeRight
    case (true, true, true, false): return g.teeLeft
    case (false, true, true, true): return g.teeDown
    case (true, false, true, true): return g.teeUp
    case (false, true, false, true): return g.topLeft
    case (false, true, true, false): return g.topRight
    case (true, false, false, true): return g.bottomLeft
    case (true, false, true, false): return g.bottomRight
    default: return vertical && !horizontal ? g.vertical : g.horizontal
    }
  }

  /// Writes `title` into the top edge of `rect`, `┌ title ───`, cut to fit.
  /// `titles`: the title from longest to shortest; the first that fits is drawn whole, and
  /// only when none fits is the shortest cut (with an ellipsis).
  static func title(
    _ titles: [String], on rect: Rect, painter p: inout Painter, style: Style, ellipsis: Character
  ) {
    let room = rect.width - 5
    guard room >= 1, let shortest = titles.last, !shortest.isEmpty else { return }
    let title = titles.first { $0.count <= room } ?? Painter.truncate(shortest, to: room, ellipsis: ellipsis)
    p.put(" " + title + " ", x: rect.x + 1, y: rect.y, style: style)
  }
}
