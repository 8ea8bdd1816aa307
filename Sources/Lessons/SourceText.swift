/// One line of a lesson file with its 1-based number; the parser keeps numbers on every line so
/// that any later stage can report an exact position.
struct SourceLine: Equatable {
  var number: Int
  var text: String

  /// The line's characters, for column arithmetic (columns count `Character`s).
  var characters: [Character] { Array(text) }

  /// Column (1-based) of the first non-whitespace character, or `text.count + 1` if blank.
  var indentColumn: Int {
    (text.firstIndex { !$0.isWhitespace }.map { text.distance(from: text.startIndex, to: $0) } ?? text.count) + 1
  }

  var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}

enum SourceText {
  /// Splits a file into numbered lines. `"\r\n"` is a single `Character` in Swift, so splitting
  /// on `"\n"` alone would leave Windows files as one line.
  static func lines(_ text: String) -> [SourceLine] {
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }  // editors on Windows add a BOM
    let parts = body.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r\n" || $0 == "\r"
    }
    var result = parts.enumerated().map { SourceLine(number: $0.offset + 1, text: String($0.element)) }
    // A final newline ends the last line rather than starting an empty one.
    if result.count > 1, result.last?.text.isEmpty == true { result.removeLast() }
    return result
  }
}

extension StringProtocol {
  /// The text with leading and trailing whitespace removed.
  var trimmed: String {
    String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
