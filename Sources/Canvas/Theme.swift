/// How many colours the terminal offers; the backend decides (from `COLORS` and `NO_COLOR`).
public enum ColorMode: Hashable, Sendable {
  case colors256
  case colors8
  case monochrome
}

/// Every style and glyph a widget uses, derived once from the terminal's capabilities.
///
/// Widgets receive a theme instead of reading the environment, so the same widget renders the
/// 256-colour, 8-colour, monochrome and ASCII variants in tests. Each training lane keeps one
/// colour and one marker everywhere (histogram, gauge, curve, legend).
public struct Theme: Hashable, Sendable {
  public let colorMode: ColorMode
  public let ascii: Bool
  public let glyphs: GlyphSet

  /// Panel frames.
  public let border: Style
  /// The frame of the panel a lesson points at: bright and bold so the eye goes there.
  public let highlightedBorder: Style
  /// Panel titles and headings.
  public let title: Style
  /// Plain body text.
  public let text: Style
  /// Secondary text: hints, units, legends.
  public let dim: Style
  /// Chart axes and axis labels.
  public let axis: Style
  /// Divergence, NaN, "too small" messages.
  public let warning: Style
  /// A condition met, e.g. a lesson step completed.
  public let ok: Style
  /// Code blocks and inline code.
  public let code: Style

  /// Lanes have distinct colours and markers up to this many; beyond it they repeat.
  public static let laneCount = 8

  private let lanes: [Style]

  public init(colorMode: ColorMode, ascii: Bool) {
    self.colorMode = colorMode
    self.ascii = ascii
    glyphs = ascii ? .ascii : .unicode
    text = .plain
    switch colorMode {
    case .colors256:
      // Hues spread around the wheel at similar brightness, readable on dark and light
      // backgrounds: blue, orange, green, pink, violet, yellow, cyan, red.
      lanes = [75, 214, 78, 205, 141, 221, 44, 167].map { Style(fg: .indexed($0)) }
      border = Style(fg: .indexed(244))
      highlightedBorder = Style(fg: .indexed(231), attributes: .bold)
      title = Style(attributes: .bold)
      dim = Style(fg: .indexed(245))
      axis = Style(fg: .indexed(242))
      warning = Style(fg: .indexed(203), attributes: .bold)
      ok = Style(fg: .indexed(114), attributes: .bold)
      code = Style(fg: .indexed(180))
    case .colors8:
      // The basic colours minus black and white (one of them is the background); the last two
      // lanes reuse a hue in bold, which most 8-colour terminals show as the bright variant.
      let hues: [UInt8] = [4, 3, 2, 5, 6, 1]
      lanes = hues.map { Style(fg: .indexed($0)) }
        + hues.prefix(2).map { Style(fg: .indexed($0), attributes: .bold) }
      border = Style(attributes: .dim)
      highlightedBorder = Style(attributes: .bold)
      title = Style(attributes: .bold)
      dim = Style(attributes: .dim)
      axis = Style(attributes: .dim)
      warning = Style(fg: .indexed(1), attributes: .bold)
      ok = Style(fg: .indexed(2), attributes: .bold)
      code = Style(fg: .indexed(6))
    case .monochrome:
      // Attributes are all that is left; markers carry the lane identity. No `.reverse`: a
      // reversed block glyph would draw as a hole.
      let attributes: [TextAttributes] = [
        .bold, [], .underline, .italic, [.bold, .underline], .dim, [.bold, .italic],
        [.underline, .italic],
      ]
      lanes = attributes.map { Style(attributes: $0) }
      border = .plain
      highlightedBorder = Style(attributes: .bold)
      title = Style(attributes: .bold)
      dim = Style(attributes: .dim)
      axis = .plain
      warning = Style(attributes: [.bold, .underline])
      ok = Style(attributes: .bold)
      code = Style(attributes: .dim)
    }
  }

  /// 256 colours, Unicode glyphs.
  public static let standard = Theme(colorMode: .colors256, ascii: false)

  /// The colour (or, in monochrome, attributes) of lane `i`; repeats after `laneCount`.
  public func laneStyle(_ i: Int) -> Style {
    lanes[Theme.wrap(i)]
  }

  /// The glyph that identifies lane `i` where colour cannot (monochrome, colour-blind users).
  public func laneMarker(_ i: Int) -> Character {
    (ascii ? Theme.asciiMarkers : Theme.unicodeMarkers)[Theme.wrap(i)]
  }

  // Filled shapes first so the first four lanes (the usual none/L1/L2/L1+L2) are the boldest.
  private static let unicodeMarkers: [Character] = ["●", "◆", "▲", "■", "○", "◇", "△", "□"]
  private static let asciiMarkers: [Character] = ["*", "o", "+", "x", "#", "@", "%", "&"]

  private static func wrap(_ i: Int) -> Int {
    ((i % laneCount) + laneCount) % laneCount
  }
}
