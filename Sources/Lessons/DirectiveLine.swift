/// One `key: value` line of a `regviz` block, with the positions errors point at.
struct DirectiveLine: Equatable {
  var key: String
  var value: String
  var line: Int
  var keyColumn: Int
  /// Column of the first character of the value (just past the colon if the value is empty).
  var valueColumn: Int

  func error(_ message: String, file: String) -> LessonError {
    LessonError(file: file, line: line, column: valueColumn, message: message)
  }

  func keyError(_ message: String, file: String) -> LessonError {
    LessonError(file: file, line: line, column: keyColumn, message: message)
  }

  /// Reads the lines of a `regviz` block: blank lines and `#` comment lines are skipped;
  /// every other line must be a known `key: value` (a key of `Directive.table`), each key at
  /// most once unless its row says it repeats.
  static func scan(_ body: [SourceLine], file: String) throws(LessonError) -> [DirectiveLine] {
    var result: [DirectiveLine] = []
    var seen: [String: Int] = [:]
    for source in body {
      let text = source.text.trimmed
      if text.isEmpty || text.hasPrefix("#") { continue }
      let chars = source.characters
      let keyColumn = source.indentColumn
      guard let colon = chars.firstIndex(of: ":") else {
        throw LessonError(file: file, line: source.number, column: keyColumn, message: "expected 'key: value' (a regviz directive)")
      }
      // `choice  a` and `choice a` are the same key.
      let key = chars[..<colon].split { $0.isWhitespace }.map { String($0) }.joined(separator: " ")
      let afterColon = chars[(colon + 1)...]
      let valueStart = afterColon.firstIndex { !$0.isWhitespace } ?? (colon + 1)
      let directive = DirectiveLine(
        key: key, value: String(afterColon).trimmed, line: source.number,
        keyColumn: keyColumn, valueColumn: valueStart + 1)

      guard let row = Directive.named(key) else {
        if key.hasPrefix("choice") {
          throw directive.keyError("unknown directive '\(key)': choices are 'choice a:' to 'choice d:'", file: file)
        }
        throw directive.keyError("unknown directive '\(key)'", file: file)
      }
      if directive.value.isEmpty {
        throw directive.error("missing value for '\(key):'", file: file)
      }
      if let first = seen[key], !row.repeatable {
        throw directive.keyError("duplicate directive '\(key)' (first at line \(first))", file: file)
      }
      seen[key] = seen[key] ?? source.number
      result.append(directive)
    }
    return result
  }
}
