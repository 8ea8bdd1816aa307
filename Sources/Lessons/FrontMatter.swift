/// The `---`-delimited header of a lesson file. It is a strict subset of YAML (one `key: value`
/// per line, optional quotes, `#` comments) so code hosts still render it as a table.
struct FrontMatter: Equatable {
  var title: String
  var summary: String
  var minutes: Int
  /// Index into the file's lines of the first line after the closing `---`.
  var bodyStart: Int

  static let keys = ["title", "summary", "minutes"]

  static func parse(_ lines: [SourceLine], file: String) throws(LessonError) -> FrontMatter {
    func fail(_ line: Int, _ column: Int, _ message: String) -> LessonError {
      LessonError(file: file, line: line, column: column, message: message)
    }
    guard let first = lines.first, first.text.trimmed == "---" else {
      throw fail(1, 1, "missing front matter: a lesson starts with a '---' line, then title:, summary: and minutes:, then '---'")
    }
    guard let close = lines.dropFirst().firstIndex(where: { $0.text.trimmed == "---" }) else {
      throw fail(1, 1, "unterminated front matter: no closing '---' line")
    }

    var values: [String: (value: String, line: SourceLine, column: Int)] = [:]
    for line in lines[1..<close] where !line.isBlank && !line.text.trimmed.hasPrefix("#") {
      let chars = line.characters
      guard let colon = chars.firstIndex(of: ":") else {
        throw fail(line.number, line.indentColumn, "malformed front matter line: expected 'key: value'")
      }
      let key = String(chars[..<colon]).trimmed
      let keyColumn = line.indentColumn
      guard keys.contains(key) else {
        let shown = key.isEmpty ? "an empty key" : "key '\(key)'"
        throw fail(line.number, keyColumn, "unknown front matter \(shown) (expected title, summary, minutes)")
      }
      if let earlier = values[key] {
        throw fail(line.number, keyColumn, "duplicate front matter key '\(key)' (first at line \(earlier.line.number))")
      }
      let rest = chars[(colon + 1)...]
      let valueOffset = rest.firstIndex { !$0.isWhitespace } ?? chars.count
      values[key] = (unquote(String(rest).trimmed), line, valueOffset + 1)
    }

    for key in keys where values[key] == nil {
      throw fail(lines[close].number, 1, "front matter is missing '\(key):'")
    }
    let title = values["title"]!, summary = values["summary"]!, minutes = values["minutes"]!
    if title.value.isEmpty { throw fail(title.line.number, title.column, "title must not be empty") }
    if summary.value.isEmpty { throw fail(summary.line.number, summary.column, "summary must not be empty") }
    guard let count = Int(minutes.value), count > 0 else {
      throw fail(minutes.line.number, minutes.column, "minutes must be a positive whole number, got '\(minutes.value)'")
    }
    return FrontMatter(title: title.value, summary: summary.value, minutes: count, bodyStart: close + 1)
  }

  /// YAML needs quotes around a value containing `: `, so authors will write them; drop them.
  private static func unquote(_ value: String) -> String {
    guard value.count >= 2, let first = value.first, first == "\"" || first == "'",
          value.last == first else { return value }
    return String(value.dropFirst().dropLast())
  }
}
