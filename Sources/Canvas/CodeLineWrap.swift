/// Wrapping a line of code (Python, a shell command) for a pane narrower than the line.
extension WordWrap {
  /// The mark that ends a piece cut inside a token (a token longer than a whole line).
  static let continuation: Character = "\\"

  /// Pieces of at most `width` characters, cut only between tokens: at a space, or — where no
  /// space fits — after a `,`, `(` or `;`; never inside a quoted string, so
  /// `regularizers.L1(0.01)` never becomes `regularizers.L1(0` / `.01)` and `--hidden 16,16`
  /// stays whole when a space can break the line. A token longer than a whole line is the one
  /// thing cut inside, its pieces ending in `\`. Continuation lines are indented two columns
  /// past the line's own indent, so they read as part of it.
  static func codeWrap(_ text: String, width: Int) -> [String] {
    let width = max(2, width)
    guard text.count > width else { return [text] }
    let indent = text.prefix { $0 == " " }.count
    let hanging = String(repeating: " ", count: min(indent + 2, width / 2))
    let chars = Array(text)
    let (spaces, punctuation) = boundaries(chars)
    var pieces: [String] = []
    var start = 0
    while start < chars.count {
      let prefix = pieces.isEmpty ? "" : hanging
      let room = width - prefix.count
      if chars.count - start <= room {
        pieces.append(prefix + String(chars[start...]))
        break
      }
      // The last space that fits; else the last `,` `(` `;`; else a cut inside the token.
      // (A space boundary's piece ends in the space, trimmed: it may reach one past the room.)
      let end = spaces.last { $0 > start && $0 <= start + room + 1 }
        ?? punctuation.last { $0 > start && $0 <= start + room }
      guard let end else {
        pieces.append(prefix + String(chars[start..<start + room - 1]) + String(continuation))
        start += room - 1
        continue
      }
      pieces.append(prefix + String(chars[start..<end]).trailingSpacesRemoved)
      start = end
      while start < chars.count && chars[start] == " " { start += 1 }
    }
    return pieces
  }

  /// Offsets where a line may be cut (a cut at `i` ends a piece before `chars[i]`): after a
  /// space, and after `,` `(` `;`, outside quotes.
  static func boundaries(_ chars: [Character]) -> (spaces: [Int], punctuation: [Int]) {
    var spaces: [Int] = [], punctuation: [Int] = []
    var quote: Character?
    for i in chars.indices {
      let c = chars[i]
      if let open = quote {
        if c == open && (i == 0 || chars[i - 1] != "\\") { quote = nil }
        continue
      }
      // A quote opens a string only where a token starts: the apostrophe in a comment's
      // `regviz's` is a letter, while `--lane 'keras = …'` and `f('a', "b")` open strings.
      if c == "\"" || c == "'", i == 0 || " =([{,:".contains(chars[i - 1]) { quote = c }
      guard i + 1 < chars.count, i >= chars.prefix { $0 == " " }.count else { continue }
      if c == " ", chars[i + 1] != " " { spaces.append(i + 1) }
      if ",(;".contains(c), chars[i + 1] != " " { punctuation.append(i + 1) }
    }
    return (spaces, punctuation)
  }
}

extension TextView {
  /// `line` of code wrapped to `width` columns between tokens (see `WordWrap.codeWrap`).
  public static func wrapCode(_ line: String, width: Int) -> [String] { WordWrap.codeWrap(line, width: width) }
}

extension String {
  fileprivate var trailingSpacesRemoved: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
