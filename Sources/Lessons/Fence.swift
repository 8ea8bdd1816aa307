/// Recognises fenced code block lines (```` ``` ````). Shared by the step splitter, which must not
/// take a `## ` inside a fence for a heading, and the block parser.
struct FenceOpening: Equatable {
  /// Length of the backtick run; the closing fence must be at least as long.
  var ticks: Int
  /// The text after the backticks, trimmed (`regviz`, `swift`, …).
  var info: String
  /// 1-based column of the first backtick.
  var column: Int

  init?(_ line: SourceLine) {
    let body = line.text.drop { $0 == " " || $0 == "\t" }
    let ticks = body.prefix { $0 == "`" }.count
    guard ticks >= 3 else { return nil }
    let info = String(body.dropFirst(ticks)).trimmed
    // CommonMark: a backtick in the info string means this is inline code, not a fence.
    guard !info.contains("`") else { return nil }
    self.ticks = ticks
    self.info = info
    self.column = line.indentColumn
  }

  func isClosed(by line: SourceLine) -> Bool {
    let t = line.text.trimmed
    return t.count >= ticks && t.allSatisfy { $0 == "`" }
  }
}

/// A fenced block as found in a step, before deciding whether it is code or `regviz` directives.
struct FencedBlock: Equatable {
  var opening: FenceOpening
  var openLine: Int
  var body: [SourceLine]
}
