/// Inline Markdown: a single left-to-right scan. Unmatched markers fall back to literal text
/// because lesson text is prose, and a stray `*` should never stop a lesson from loading.
enum InlineParser {
  static func parse(_ text: String) -> [Inline] {
    let chars = Array(text)
    var spans: [Inline] = []
    var plain = ""
    var i = 0

    func flush() {
      if !plain.isEmpty { spans.append(.text(plain)) }
      plain = ""
    }

    while i < chars.count {
      let c = chars[i]
      if c == "\\", i + 1 < chars.count, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
        plain.append(chars[i + 1])
        i += 2
      } else if c == "`", let (content, end) = codeSpan(chars, at: i) {
        flush()
        spans.append(.code(content))
        i = end
      } else if c == "*", let (content, end) = emphasis(chars, at: i, markerLength: 2) {
        flush()
        spans.append(.bold(content))
        i = end
      } else if c == "*", let (content, end) = emphasis(chars, at: i, markerLength: 1) {
        flush()
        spans.append(.italic(content))
        i = end
      } else if c == "`" || c == "*" {
        // An unmatched run is literal as a whole, so `**` never turns into a later italic.
        let run = chars[i...].prefix { $0 == c }
        plain.append(contentsOf: run)
        i += run.count
      } else {
        plain.append(c)
        i += 1
      }
    }
    flush()
    return spans
  }

  /// A code span opened by a run of backticks closes at the next run of the same length
  /// (CommonMark), which lets `` `` a`b `` `` hold a backtick.
  private static func codeSpan(_ chars: [Character], at start: Int) -> (String, Int)? {
    let open = chars[start...].prefix { $0 == "`" }.count
    var i = start + open
    while i < chars.count {
      if chars[i] == "`" {
        let run = chars[i...].prefix { $0 == "`" }.count
        if run == open {
          var content = String(chars[(start + open)..<i])
          // One space on each side lets a span start or end with a backtick.
          if content.count >= 2, content.first == " ", content.last == " ",
             !content.allSatisfy({ $0 == " " }) {
            content = String(content.dropFirst().dropLast())
          }
          return (content, i + run)
        }
        i += run
      } else {
        i += 1
      }
    }
    return nil
  }

  /// `*x*` or `**x**`: the opener must be followed, and the closer preceded, by non-space, so
  /// that `2 * 3 * 4` stays arithmetic.
  private static func emphasis(_ chars: [Character], at start: Int, markerLength: Int)
    -> (String, Int)?
  {
    let open = chars[start...].prefix { $0 == "*" }.count
    // `***` and longer runs are left literal rather than guessed at.
    guard open == markerLength else { return nil }
    let first = start + markerLength
    guard first < chars.count, !chars[first].isWhitespace, chars[first] != "*" else { return nil }
    var i = first + 1
    while i < chars.count {
      if chars[i] == "\\" {
        i += 2
        continue
      }
      if chars[i] == "*" {
        let run = chars[i...].prefix { $0 == "*" }.count
        if run >= markerLength, !chars[i - 1].isWhitespace {
          let content = String(chars[first..<i]).replacingEscapes()
          return (content, i + markerLength)
        }
        i += run
      } else {
        i += 1
      }
    }
    return nil
  }
}

extension String {
  /// Drops the backslash of `\*`-style escapes inside emphasis.
  fileprivate func replacingEscapes() -> String {
    var out = ""
    var escaping = false
    for c in self {
      if escaping || c != "\\" {
        out.append(c)
        escaping = false
      } else {
        escaping = true
      }
    }
    if escaping { out.append("\\") }
    return out
  }
}
