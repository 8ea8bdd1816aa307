/// A piece of inline text with one emphasis, as parsed from lesson Markdown.
public struct Span: Hashable, Sendable {
  /// How a span is set apart; the theme turns it into a style.
  public enum Emphasis: Hashable, Sendable {
    case plain
    case bold
    case italic
    case code
  }

  public var text: String
  public var emphasis: Emphasis

  public init(_ text: String, _ emphasis: Emphasis = .plain) {
    self.text = text
    self.emphasis = emphasis
  }

  public static func plain(_ text: String) -> Span { Span(text, .plain) }
  public static func bold(_ text: String) -> Span { Span(text, .bold) }
  public static func italic(_ text: String) -> Span { Span(text, .italic) }
  public static func code(_ text: String) -> Span { Span(text, .code) }
}

/// A block of lesson text: the three shapes lessons use.
public enum TextBlock: Hashable, Sendable {
  /// Wrapped at word boundaries.
  case paragraph([Span])
  /// Lines kept as written (indentation matters), indented and in the code style; a line wider
  /// than the panel continues on the next row rather than being lost.
  case code([String])
  /// One item per entry, each wrapped with a hanging indent under its bullet.
  case bullets([[Span]])
}

/// Text in one style, part of a laid-out line.
public struct StyledRun: Hashable, Sendable {
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style) {
    self.text = text
    self.style = style
  }
}

/// One laid-out row of a `TextView`.
public struct StyledLine: Hashable, Sendable {
  public var runs: [StyledRun]

  public init(_ runs: [StyledRun] = []) { self.runs = runs }

  /// The characters without styles — what a snapshot or a test compares.
  public var text: String { runs.map(\.text).joined() }
  /// Columns used (every glyph is one column wide).
  public var width: Int { runs.reduce(0) { $0 + $1.text.count } }

  /// Appends text, merging it into the last run when the style is the same.
  mutating func append(_ text: String, style: Style) {
    guard !text.isEmpty else { return }
    if let last = runs.last, last.style == style {
      runs[runs.count - 1].text += text
    } else {
      runs.append(StyledRun(text, style: style))
    }
  }

  mutating func append(_ line: StyledLine) {
    for run in line.runs { append(run.text, style: run.style) }
  }
}

extension Theme {
  /// The style an emphasis gets in this theme.
  public func style(for emphasis: Span.Emphasis) -> Style {
    switch emphasis {
    case .plain: text
    case .bold: text.adding(.bold)
    case .italic: text.adding(.italic)
    case .code: code
    }
  }
}
