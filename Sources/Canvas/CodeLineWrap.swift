/// Wrapping a line of code (Python, a shell command) for a pane narrower than the line.
extension WordWrap {
  /// Pieces of at most `width` characters, cut only between tokens: after a space, `,`, `(`,
  /// `[`, `{`, `;` or `=`, or before `.`, `)`, `]`, `}` or `=` — never inside a name, a number
  /// or a quoted string, so `activation="relu"` never becomes `activation="re` / `lu"`. A
  /// token longer than a whole line is the one thing cut hard. Continuation lines are indented
  /// two columns past the line's own indent, so they read as part of it.
  static func codeWrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    guard text.count > width else { return [text] }
    let indent = text.prefix { $0 == " " }.count
    let hanging = String(repeating: " ", count: min(indent + 2, width / 2))
    let cuts = boundaries(Array(text))
    let chars = Array(text)
    var pieces: [String] = []
    var start = 0
    while start < chars.count {
      let prefix = pieces.isEmpty ? "" : hanging
      let room = width - prefix.count
      if chars.count - start <= room {
        pieces.append(prefix + String(chars[start...]))
        break
      }
      // The last boundary that fits, preferring one after a space or comma when it leaves the
      // line at least half full (`f(a, key=v)` breaks before `key`, not before `=v`); none at
      // all means a token longer than the line.
      let fitting = cuts.filter { $0 > start && $0 <= start + room }
      let soft = fitting.last { $0 >= start + room / 2 && " ,".contains(chars[$0 - 1]) }
      let end = soft ?? fitting.last ?? start + room
      pieces.append(prefix + String(chars[start..<end]).trailingSpacesRemoved)
      start = end
      while start < chars.count && chars[start] == " " { start += 1 }
    }
    return pieces
  }

  /// Offsets where a line may be cut (a cut at `i` ends a piece before `chars[i]`).
  static func boundaries(_ chars: [Character]) -> [Int] {
    var result: [Int] = []
    var quote: Character?
    for i in chars.indices {
      let c = chars[i]
      if let open = quote {
        if c == open && (i == 0 || chars[i - 1] != "\\") { quote = nil }
        continue
      }
      if c == "\"" || c == "'" { quote = c }
      // Operators such as `==`, `<=` stay whole.
      if i > 0, ".)]}=".contains(c), !" =!<>".contains(chars[i - 1]) { result.append(i) }
      if " ,([{;=".contains(c), i + 1 < chars.count, chars[i + 1] != "=" { result.append(i + 1) }
    }
    return result
  }
}

extension String {
  fileprivate var trailingSpacesRemoved: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
