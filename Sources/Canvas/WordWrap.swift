/// Greedy word wrapping of styled spans.
///
/// Words are maximal runs of non-whitespace, and may cross span boundaries (`**L1**,` is one
/// word), so punctuation never lands alone at the start of a line. Whitespace collapses to one
/// plain space. A word is split only when it is longer than a whole line.
enum WordWrap {
  /// Wraps `spans` into lines of at most `width` columns; the first line starts with
  /// `firstPrefix`, the others with `restPrefix` (how bullets get their hanging indent).
  static func wrap(
    _ spans: [Span], width: Int, theme: Theme, firstPrefix: String = "", restPrefix: String = ""
  ) -> [StyledLine] {
    var lines: [StyledLine] = []
    var line = StyledLine()
    var used = 0
    func startLine() {
      line = StyledLine()
      line.append(lines.isEmpty ? firstPrefix : restPrefix, style: theme.text)
      used = 0
    }
    func room() -> Int { max(1, width - (lines.isEmpty ? firstPrefix : restPrefix).count) }
    startLine()

    for word in words(spans, theme: theme) {
      let length = word.width
      if used > 0 {
        if used + 1 + length <= room() {
          line.append(" ", style: theme.text)
          used += 1
        } else {
          lines.append(line)
          startLine()
        }
      }
      guard used == 0, length > room() else {
        line.append(word)
        used += length
        continue
      }
      // Longer than a whole line: the only case where a word is cut.
      for (k, piece) in chunks(of: word, width: room()).enumerated() {
        if k > 0 {
          lines.append(line)
          startLine()
        }
        line.append(piece)
        used = piece.width
      }
    }
    if used > 0 || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// Splits spans into words, each word a styled line of its own.
  static func words(_ spans: [Span], theme: Theme) -> [StyledLine] {
    var words: [StyledLine] = []
    var current = StyledLine()
    for span in spans {
      let style = theme.style(for: span.emphasis)
      for character in span.text {
        if character.isWhitespace {
          if !current.runs.isEmpty { words.append(current) }
          current = StyledLine()
        } else {
          current.append(String(character), style: style)
        }
      }
    }
    if !current.runs.isEmpty { words.append(current) }
    return words
  }

  /// Cuts `word` into pieces of `width` columns, keeping each character's style.
  private static func chunks(of word: StyledLine, width: Int) -> [StyledLine] {
    var pieces: [StyledLine] = []
    var piece = StyledLine()
    for run in word.runs {
      for character in run.text {
        if piece.width == width {
          pieces.append(piece)
          piece = StyledLine()
        }
        piece.append(String(character), style: run.style)
      }
    }
    if !piece.runs.isEmpty { pieces.append(piece) }
    return pieces
  }
}
