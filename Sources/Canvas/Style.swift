/// A terminal colour: the terminal's own default, or an index into the 256-colour palette.
///
/// Indices 0–7 are the basic ANSI colours and work on 8-colour terminals; 16–255 need a
/// 256-colour terminal. The backend maps these to colour pairs; the canvas never emits escapes.
public enum Color: Hashable, Sendable {
  case `default`
  case indexed(UInt8)
}

/// Character attributes a terminal can render on top of colours.
///
/// Bit values are our own, not ncurses' `A_*` constants: the backend translates them, so the
/// canvas stays free of C headers.
public struct TextAttributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = TextAttributes(rawValue: 1 << 0)
  public static let dim = TextAttributes(rawValue: 1 << 1)
  public static let reverse = TextAttributes(rawValue: 1 << 2)
  public static let underline = TextAttributes(rawValue: 1 << 3)
  public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// Foreground, background and attributes of one cell.
public struct Style: Hashable, Sendable {
  public var fg: Color
  public var bg: Color
  public var attributes: TextAttributes

  public init(fg: Color = .default, bg: Color = .default, attributes: TextAttributes = []) {
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }

  /// Terminal defaults, no attributes: what an untouched cell looks like.
  public static let plain = Style()

  /// The same style with extra attributes, e.g. a lane colour made bold for emphasis.
  public func adding(_ extra: TextAttributes) -> Style {
    var copy = self
    copy.attributes.formUnion(extra)
    return copy
  }
}

/// One terminal column: a single-column character and its style.
///
/// Every glyph the widgets use (box drawing, eighth blocks, braille, `·`, `★`) occupies exactly
/// one column, which is what lets the grid index cells by column.
public struct Cell: Hashable, Sendable {
  public var character: Character
  public var style: Style

  public init(_ character: Character = " ", style: Style = .plain) {
    self.character = character
    self.style = style
  }

  /// A space in the plain style.
  public static let blank = Cell()
}
