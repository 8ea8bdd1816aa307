/// A frame as the bytes a terminal would have been sent: cursor moves, SGR styles and the
/// characters that changed since `previous` (all of them for the first frame or a new size).
/// What the session recorder writes, so a replay shows exactly what the screen showed.
public enum AnsiFrame {
  public static func render(_ grid: Grid, previous: Grid?) -> String {
    let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
    var out = full ? "\u{1B}[0m\u{1B}[2J" : ""
    var current: Style? = nil
    for y in 0..<grid.height {
      var x = 0
      while x < grid.width {
        let cell = grid[x, y]
        if !full, previous![x, y] == cell { x += 1; continue }
        out += "\u{1B}[\(y + 1);\(x + 1)H"
        while x < grid.width, full || previous![x, y] != grid[x, y] {
          let next = grid[x, y]
          if next.style != current {
            out += sgr(next.style)
            current = next.style
          }
          out.append(next.character)
          x += 1
        }
      }
    }
    return out + "\u{1B}[0m"
  }

  /// `ESC [ 0 ; attributes ; colours m` for `style`.
  static func sgr(_ style: Style) -> String {
    var codes = ["0"]
    let a = style.attributes
    if a.contains(.bold) { codes.append("1") }
    if a.contains(.dim) { codes.append("2") }
    if a.contains(.italic) { codes.append("3") }
    if a.contains(.underline) { codes.append("4") }
    if a.contains(.reverse) { codes.append("7") }
    if case .indexed(let n) = style.fg { codes.append("38;5;\(n)") }
    if case .indexed(let n) = style.bg { codes.append("48;5;\(n)") }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }
}
