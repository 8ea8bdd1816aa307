import CNcurses
import Canvas

/// Canvas styles → ncurses attributes and colour pairs, allocated on first use.
///
/// Pairs are numbered as (foreground, background) combinations appear, so a theme never needs
/// more pairs than it uses; in monochrome no pair is ever made. Attribute bits come from the
/// shim, never hard-coded (they differ between ncurses builds).
struct ColorPairs {
  private var pairs: [PairKey: Int16] = [:]
  private let enabled: Bool
  private let limit: Int

  private struct PairKey: Hashable {
    var fg: Color
    var bg: Color
  }

  init(enabled: Bool, limit: Int) {
    self.enabled = enabled
    self.limit = limit
  }

  /// The attributes and pair that draw `style`.
  mutating func resolve(_ style: Style) -> (attributes: attr_t, pair: Int16) {
    var attributes = cn_A_NORMAL()
    let a = style.attributes
    if a.contains(.bold) { attributes |= cn_A_BOLD() }
    if a.contains(.dim) { attributes |= cn_A_DIM() }
    if a.contains(.reverse) { attributes |= cn_A_REVERSE() }
    if a.contains(.underline) { attributes |= cn_A_UNDERLINE() }
    if a.contains(.italic) { attributes |= cn_A_ITALIC() }
    return (attributes, pair(fg: style.fg, bg: style.bg))
  }

  private mutating func pair(fg: Color, bg: Color) -> Int16 {
    guard enabled, fg != .default || bg != .default else { return 0 }
    let key = PairKey(fg: fg, bg: bg)
    if let existing = pairs[key] { return existing }
    // Out of pairs (a tiny terminal): fall back to the default colours rather than fail.
    guard pairs.count + 1 < min(limit, Int(Int16.max)) else { return 0 }
    let number = Int16(pairs.count + 1)
    init_pair(number, ColorPairs.index(fg), ColorPairs.index(bg))
    pairs[key] = number
    return number
  }

  /// -1 is the terminal's own colour (after `use_default_colors`).
  private static func index(_ color: Color) -> Int16 {
    switch color {
    case .default: return -1
    case .indexed(let i): return Int16(i)
    }
  }
}
