/// A dot canvas at braille resolution: each cell holds 2 × 4 dots (`⣿` has all eight).
///
/// Dots are numbered from the top-left of the whole raster; a cell's character is U+2800 plus
/// the bits of its dots. The bit layout is Unicode's, which numbers the left column 1-2-3-7 and
/// the right column 4-5-6-8 (the bottom row was added later, hence the odd order).
struct BrailleRaster {
  let columns: Int
  let rows: Int
  private(set) var bits: [UInt8]
  /// The style of the last series that put a dot in each cell: overlaps show the later series.
  private(set) var styles: [Style?]

  init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    bits = Array(repeating: 0, count: self.columns * self.rows)
    styles = Array(repeating: nil, count: self.columns * self.rows)
  }

  var dotWidth: Int { columns * 2 }
  var dotHeight: Int { rows * 4 }

  /// Bit for the dot at `(dx, dy)` inside a cell, `dx` in 0...1, `dy` in 0...3.
  @inline(__always)
  static func bit(dx: Int, dy: Int) -> UInt8 {
    // Left column 0x01 0x02 0x04 0x40, right column 0x08 0x10 0x20 0x80 (no array a dot).
    let top3: UInt8 = dy == 3 ? 0x40 : UInt8(1) << UInt8(truncatingIfNeeded: dy)
    return dx == 0 ? top3 : (dy == 3 ? 0x80 : top3 << 3)
  }

  /// The braille character for a set of dot bits.
  static func character(_ bits: UInt8) -> Character {
    Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
  }

  /// Sets dot `(x, y)` in dot coordinates; dots outside the raster are ignored.
  mutating func set(x: Int, y: Int, style: Style) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let cell = (y / 4) * columns + x / 2
    bits[cell] |= BrailleRaster.bit(dx: x % 2, dy: y % 4)
    styles[cell] = style
  }

  /// Sets every dot of column `x` between rows `a` and `b` inclusive.
  mutating func setColumn(x: Int, from a: Int, to b: Int, style: Style) {
    for y in min(a, b)...max(a, b) { set(x: x, y: y, style: style) }
  }

  /// The cell's character, or nil where no dot was set (so the background shows).
  func character(column: Int, row: Int) -> (Character, Style)? {
    let cell = row * columns + column
    guard bits[cell] != 0, let style = styles[cell] else { return nil }
    return (BrailleRaster.character(bits[cell]), style)
  }
}

/// How a line joins two neighbouring samples in adjacent columns: each column takes its half of
/// the vertical distance, so steep moves draw as a connected stroke rather than two lone dots.
/// Returns the row spans `(first column, second column)`, each as inclusive `(from, to)`.
func joinSpans(from a: Int, to b: Int) -> (first: (Int, Int), second: (Int, Int)) {
  guard abs(b - a) > 1 else { return ((a, a), (b, b)) }
  if b > a {
    let mid = (a + b) / 2
    return ((a, mid), (mid + 1, b))
  }
  let mid = (a + b + 1) / 2
  return ((a, mid), (mid - 1, b))
}
