/// A curve in a plane plot, in the plot's own coordinates (not cells).
public struct PlaneCurve: Sendable {
  public var points: [(Double, Double)]
  public var style: Style
  /// Drawn in ASCII mode, where braille is not available, on each cell the curve passes.
  public var asciiMarker: Character
  /// Only every other dot: a faint curve (contours, constraint shapes) behind the solid ones.
  public var dotted: Bool

  public init(points: [(Double, Double)], style: Style, asciiMarker: Character = ".", dotted: Bool = false) {
    self.points = points
    self.style = style
    self.asciiMarker = asciiMarker
    self.dotted = dotted
  }
}

/// A point marked with a glyph on top of the curves.
public struct PlaneMark: Sendable {
  public var x: Double, y: Double
  public var glyph: Character
  public var style: Style
  public init(x: Double, y: Double, glyph: Character, style: Style) {
    (self.x, self.y, self.glyph, self.style) = (x, y, glyph, style)
  }
}

/// A square region of a plane drawn with braille dots (2 × 4 per cell, which makes a dot
/// about square, so a circle stays round): the two axes through the origin, curves, marks.
///
/// ```
///  w2 ⡇  ⢀⠤⠒⠒⠢⢄
///     ⡇ ⡰     ⠈⢆   ●
///  ⠤⠤⠤⡧⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤ w1
/// ```
public struct PlaneWidget: Widget {
  public var minX: Double, maxX: Double, minY: Double, maxY: Double
  /// Curves in drawing order: later ones win a shared cell's colour.
  public var curves: [PlaneCurve]
  public var marks: [PlaneMark]
  public var xLabel: String
  public var yLabel: String

  public init(minX: Double, maxX: Double, minY: Double, maxY: Double, curves: [PlaneCurve], marks: [PlaneMark],
              xLabel: String = "w1", yLabel: String = "w2") {
    (self.minX, self.maxX, self.minY, self.maxY) = (minX, maxX, minY, maxY)
    self.curves = curves
    self.marks = marks
    self.xLabel = xLabel
    self.yLabel = yLabel
  }

  /// Maps plane coordinates to dot (or cell) coordinates of a `width × height` raster, the same
  /// scale on both axes, centred.
  struct Mapping {
    let scale: Double, offsetX: Double, offsetY: Double, minX: Double, maxY: Double
    init(_ w: PlaneWidget, width: Int, height: Int, aspect: Double) {
      // `aspect`: how many raster units across equal one unit down in length (1 for braille
      // dots, 2 for cells in ASCII mode, a cell being twice as tall as wide).
      let sx = Double(width - 1) / max(w.maxX - w.minX, 1e-300)
      let sy = Double(height - 1) * aspect / max(w.maxY - w.minY, 1e-300)
      scale = min(sx, sy)
      offsetX = (Double(width - 1) - scale * (w.maxX - w.minX)) / 2
      offsetY = (Double(height - 1) - scale / aspect * (w.maxY - w.minY)) / 2
      minX = w.minX
      maxY = w.maxY
      self.aspect = aspect
    }
    let aspect: Double
    func x(_ v: Double) -> Int { Checked.int(offsetX + (v - minX) * scale, default: -1) }
    func y(_ v: Double) -> Int { Checked.int(offsetY + (maxY - v) * scale / aspect, default: -1) }
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      guard rect.width >= 4, rect.height >= 3 else { return }
      let braille = theme.glyphs.usesBraille
      let (w, h) = braille ? (rect.width * 2, rect.height * 4) : (rect.width, rect.height)
      let map = Mapping(self, width: w, height: h, aspect: braille ? 1 : 2)
      var raster = BrailleRaster(columns: rect.width, rows: rect.height)
      var ascii: [Int: (Character, Style)] = [:]
      func dot(_ x: Int, _ y: Int, _ style: Style, _ marker: Character) {
        guard x >= 0, y >= 0, x < w, y < h else { return }
        if braille { raster.set(x: x, y: y, style: style) } else { ascii[y * w + x] = (marker, style) }
      }
      // The axes through the origin, where they are in view.
      let (ox, oy) = (map.x(0), map.y(0))
      if (0..<h).contains(oy) { for x in 0..<w { dot(x, oy, theme.axis, "-") } }
      if (0..<w).contains(ox) { for y in 0..<h { dot(ox, y, theme.axis, "|") } }
      for curve in curves {
        var previous: (Int, Int)?
        var count = 0
        for (px, py) in curve.points where px.isFinite && py.isFinite {
          let point = (map.x(px), map.y(py))
          for (x, y) in PlaneWidget.segment(from: previous ?? point, to: point) {
            count += 1
            if !curve.dotted || count % 2 == 0 { dot(x, y, curve.style, curve.asciiMarker) }
          }
          previous = point
        }
      }
      for row in 0..<rect.height {
        for column in 0..<rect.width {
          if braille {
            if let (character, style) = raster.character(column: column, row: row) {
              p.set(character, x: rect.x + column, y: rect.y + row, style: style)
            }
          } else if let (character, style) = ascii[row * w + column] {
            p.set(character, x: rect.x + column, y: rect.y + row, style: style)
          }
        }
      }
      let cell = { (x: Int, y: Int) in braille ? (x / 2, y / 4) : (x, y) }
      let axisLabels = [(xLabel, cell(w - 1, oy)), (yLabel, cell(ox, 0))]
      if (0..<h).contains(oy) {
        p.putRightAligned(axisLabels[0].0, in: rect, y: rect.y + axisLabels[0].1.1, style: theme.axis)
      }
      if (0..<w).contains(ox) {
        _ = p.put(yLabel, x: rect.x + axisLabels[1].1.0 + 1, y: rect.y, style: theme.axis)
      }
      for mark in marks where mark.x.isFinite && mark.y.isFinite {
        let (cx, cy) = cell(map.x(mark.x), map.y(mark.y))
        guard cx >= 0, cy >= 0, cx < rect.width, cy < rect.height else { continue }
        p.set(mark.glyph, x: rect.x + cx, y: rect.y + cy, style: mark.style)
      }
    }
  }

  /// The raster points of a straight line from `a` to `b` (Bresenham), both ends included.
  static func segment(from a: (Int, Int), to b: (Int, Int)) -> [(Int, Int)] {
    var (x, y) = a
    let (dx, dy) = (abs(b.0 - a.0), -abs(b.1 - a.1))
    let (sx, sy) = (a.0 < b.0 ? 1 : -1, a.1 < b.1 ? 1 : -1)
    var error = dx + dy
    var points = [(x, y)]
    while (x, y) != b, points.count < 100_000 {
      let e2 = 2 * error
      if e2 >= dy { error += dy; x += sx }
      if e2 <= dx { error += dx; y += sy }
      points.append((x, y))
    }
    return points
  }
}
