/// Each lane's inputs drawn as the picture they come from: one W×H grid per lane, side by side,
/// a pixel's ink the norm of the first-layer weights leaving it, on one scale for all lanes.
///
/// ```
/// none      L1        Group
/// ░▒▓▓▓▒░   ░ ▓▓▓     ░▒▓▓▓▒
/// ▒▓▒ ▓▓▒    ▒ ▓▓     ▒▓▒ ▓▓
/// ```
/// A pixel whose row is all exactly zero — an input the lane no longer reads — is blank, so the
/// pixels a regularizer dropped read as holes in the picture. Where the rectangle is too short
/// for one line per pixel row, two rows share a line (`▀`, `▄`, full): live or dropped only.
public struct PixelPictureWidget: Widget {
  public var width: Int
  public var height: Int
  /// One lane a row: its label, colour and one value per pixel, row by row (0 = dropped).
  public var rows: [FeatureBarsWidget.Row]

  public init(width: Int, height: Int, rows: [FeatureBarsWidget.Row]) {
    precondition(width > 0 && height > 0)
    self.width = width
    self.height = height
    self.rows = rows
  }

  /// Columns between two pictures.
  static let gap = 2

  /// Pixel rows per text line in a rectangle `lines` high: 1, 2 (half blocks), or nil when even
  /// half blocks do not fit under the label line.
  public func rowsPerLine(lines: Int) -> Int? {
    if lines - 1 >= height { return 1 }
    if lines - 1 >= (height + 1) / 2 { return 2 }
    return nil
  }

  /// The lines the picture wants: a label line and one line per pixel row.
  public var naturalLines: Int { 1 + height }

  /// The columns every lane's picture needs with two columns a pixel (square-looking cells).
  public var naturalWidth: Int { rows.count * (2 * width) + max(0, rows.count - 1) * PixelPictureWidget.gap }

  /// Columns a pixel takes (2 when every lane fits so, else 1) and how many lanes fit.
  /// Lanes left out leave room for their count (`+2`) after the last picture.
  func columns(available: Int) -> (pixel: Int, lanes: Int) {
    let gap = PixelPictureWidget.gap
    for pixel in [2, 1] {
      let picture = pixel * width + gap
      var lanes = min(rows.count, (available + gap) / picture)
      if lanes == rows.count { return (pixel, lanes) }
      guard pixel == 1 else { continue }
      let count = String(rows.count).count + 2
      while lanes > 1 && lanes * picture - gap + count > available { lanes -= 1 }
      return (pixel, lanes)
    }
    return (1, 0)
  }

  /// Ink level 0…3 of a live value when `peak` is full ink; nil for exactly zero (blank).
  static func level(_ value: Double, peak: Double) -> Int? {
    if value == 0 { return nil }
    guard value.isFinite, peak > 0, peak.isFinite else { return 3 }
    return min(3, max(0, Checked.int((abs(value) / peak * 4).rounded(.up), default: 4) - 1))
  }

  /// `23 dropped` → `23 drop`: a row's note, longest first.
  static func noteForms(_ note: String) -> [String] {
    guard !note.isEmpty else { return [] }
    let words = note.split(separator: " ")
    guard words.count == 2, words[1] == "dropped" else { return [note] }
    return [note, "\(words[0]) drop"]
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      let glyphs = theme.glyphs
      guard let perLine = rowsPerLine(lines: rect.height) else {
        p.put("taller terminal for the \(width)×\(height) pixels", x: rect.x, y: rect.y, style: theme.dim)
        return
      }
      let (pixel, lanes) = columns(available: rect.width)
      let pictureWidth = pixel * width
      let peak = rows.flatMap(\.values).filter(\.isFinite).map(abs).max() ?? 0
      for (i, row) in rows.prefix(lanes).enumerated() {
        let x0 = rect.x + i * (pictureWidth + PixelPictureWidget.gap)
        let end = p.put(String(row.label.prefix(pictureWidth)), x: x0, y: rect.y, style: row.style)
        // The lane's count of dropped pixels beside its name, in the longest form that fits.
        let used = end - x0
        if let note = Self.noteForms(row.note).first(where: { used + 1 + $0.count <= pictureWidth }) {
          p.put(note, x: end + 1, y: rect.y, style: theme.dim)
        }
        func value(_ r: Int, _ c: Int) -> Double {
          let j = r * width + c
          return j < row.values.count ? row.values[j] : 0
        }
        for line in 0..<((height + perLine - 1) / perLine) {
          for c in 0..<width {
            let glyph: Character
            var style = row.style
            if perLine == 1 {
              let v = value(line, c)
              if !v.isFinite { glyph = glyphs.missing; style = theme.warning } else {
                glyph = PixelPictureWidget.level(v, peak: peak).map { glyphs.shades[$0] } ?? " "
              }
            } else {
              let top = value(2 * line, c) != 0
              let bottom = 2 * line + 1 < height && value(2 * line + 1, c) != 0
              glyph = top && bottom ? glyphs.shades[3] : top ? glyphs.upperHalf : bottom ? glyphs.lowerHalf : " "
            }
            for k in 0..<pixel { p.set(glyph, x: x0 + c * pixel + k, y: rect.y + 1 + line, style: style) }
          }
        }
      }
      if lanes < rows.count {
        let x = rect.x + lanes * (pictureWidth + PixelPictureWidget.gap) - PixelPictureWidget.gap + 1
        p.put("+\(rows.count - lanes)", x: x, y: rect.y, style: theme.dim)
      }
    }
  }
}
