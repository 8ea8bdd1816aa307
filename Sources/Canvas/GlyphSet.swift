/// The characters used to draw frames and borders.
public struct BoxGlyphs: Hashable, Sendable {
  public var horizontal: Character
  public var vertical: Character
  public var topLeft: Character
  public var topRight: Character
  public var bottomLeft: Character
  public var bottomRight: Character
  /// `├`: a rule leaving a vertical line to the right.
  public var teeRight: Character
  /// `┤`: a rule leaving a vertical line to the left.
  public var teeLeft: Character
  /// `┬`: a line leaving a horizontal line downwards.
  public var teeDown: Character
  /// `┴`: a line leaving a horizontal line upwards.
  public var teeUp: Character
  public var cross: Character

  public static let unicode = BoxGlyphs(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
    bottomRight: "┘", teeRight: "├", teeLeft: "┤", teeDown: "┬", teeUp: "┴", cross: "┼")

  public static let ascii = BoxGlyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
    bottomRight: "+", teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+", cross: "+")
}

/// Every glyph a widget draws, in a Unicode and an all-ASCII flavour.
///
/// Widgets never spell a glyph literally; they ask the theme's glyph set, so ASCII mode (for
/// terminals without a UTF-8 locale) is one switch and can be tested as "every character < 128".
public struct GlyphSet: Hashable, Sendable {
  /// Nine levels, empty to full, for bars that grow upwards (`" ▁▂▃▄▅▆▇█"`).
  public var verticalBlocks: [Character]
  /// Nine levels for a histogram's exact-zero bar: its own glyphs, so the spike at 0 never
  /// reads as one more bin (the half-width `▐` column in Unicode, `.`-then-`|` in ASCII).
  public var zeroBar: [Character]
  /// Nine levels, empty to full, for bars that grow rightwards (`" ▏▎▍▌▋▊▉█"`).
  public var horizontalBlocks: [Character]
  /// The unfilled part of a gauge, so the bar's full extent stays visible.
  public var gaugeTrack: Character
  public var box: BoxGlyphs
  /// Marks a value that is exactly 0.0 — the visible signature of L1.
  public var exactZero: Character
  /// Marks a value that is not 0 but almost (Keras's L1 leaves weights there).
  public var nearZero: Character
  /// Marks an informative feature.
  public var star: Character
  /// Bullet plus its space; continuation lines indent by its length.
  public var bullet: String
  /// Shown where content was cut off.
  public var ellipsis: Character
  /// Stands in for a value that is not a number.
  public var missing: Character
  public var arrowUp: Character
  public var arrowDown: Character
  /// Braille line charts (2×4 dots per cell); `false` plots one sample per column with markers.
  public var usesBraille: Bool
  /// Four levels of ink for a pixel, faint to full (`░▒▓█`); blank is kept for exactly zero.
  public var shades: [Character]
  /// A cell holding two pixels, one above the other: upper only, lower only (`▀`, `▄`).
  public var upperHalf: Character
  public var lowerHalf: Character

  public static let unicode = GlyphSet(
    verticalBlocks: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
    zeroBar: [" ", "▗", "▗", "▗", "▗", "▐", "▐", "▐", "▐"],
    horizontalBlocks: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
    gaugeTrack: "░", box: .unicode, exactZero: "·", nearZero: "∘", star: "★", bullet: "• ", ellipsis: "…",
    missing: "–", arrowUp: "↑", arrowDown: "↓", usesBraille: true,
    shades: ["░", "▒", "▓", "█"], upperHalf: "▀", lowerHalf: "▄")

  /// A density ramp stands in for block heights ("more ink, more value"). It avoids `.`, which
  /// is reserved for "exactly zero".
  public static let ascii = GlyphSet(
    verticalBlocks: [" ", "_", ",", ":", "-", "=", "+", "*", "#"],
    zeroBar: [" ", ".", ".", ".", ".", "|", "|", "|", "|"],
    horizontalBlocks: [" ", " ", " ", " ", "#", "#", "#", "#", "#"],
    gaugeTrack: ".", box: .ascii, exactZero: ".", nearZero: "o", star: "*", bullet: "- ", ellipsis: "~",
    missing: "-", arrowUp: "^", arrowDown: "v", usesBraille: false,
    shades: [":", "+", "*", "#"], upperHalf: "\"", lowerHalf: "_")
}
