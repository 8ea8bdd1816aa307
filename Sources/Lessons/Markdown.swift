/// A run of inline text in a step: the Markdown subset the terminal can render.
///
/// Emphasis does not nest; the content of `bold`, `italic` and `code` is shown as is.
public enum Inline: Sendable, Equatable {
  case text(String)
  case bold(String)
  case italic(String)
  case code(String)

  /// The characters the learner sees, without markup.
  public var plainText: String {
    switch self {
    case .text(let s), .bold(let s), .italic(let s), .code(let s): s
    }
  }

  /// Parses `**bold**`, `*italic*`, `` `code` `` and backslash escapes; anything unmatched is
  /// literal text, so no input is an error. Used for step text and for question and hint text.
  public static func parse(_ text: String) -> [Inline] {
    InlineParser.parse(text)
  }
}

/// A block of a step's text.
public enum Block: Sendable, Equatable {
  /// Consecutive lines joined with single spaces.
  case paragraph([Inline])
  /// The lines of a fenced code block, verbatim (the fences and info string are dropped).
  case code([String])
  /// A bullet list; each item is one run of inline text.
  case bullets([[Inline]])
}

extension Array where Element == Inline {
  /// The characters the learner sees, without markup.
  public var plainText: String { map(\.plainText).joined() }
}
