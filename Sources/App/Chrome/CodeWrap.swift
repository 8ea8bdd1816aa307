import Canvas

/// Wraps lines of Python for a window narrower than the code, keeping it valid Python: breaks go
/// after a `, ` (inside brackets, where Python allows a newline) with a hanging indent, and
/// comments continue as comments, wrapped between tokens (a quoted shell argument stays whole).
/// A line with no such break is cut hard, ending in `\` (Python's own line continuation).
enum CodeWrap {
  static func wrap(_ line: String, width: Int) -> [String] {
    let width = max(width, 16)
    guard line.count > width else { return [line] }
    let indent = String(line.prefix { $0 == " " })
    let isComment = line.dropFirst(indent.count).hasPrefix("#")
    if isComment {
      // The comment's own indent after `# ` (a command set apart: `#   regviz run …`) stays, and
      // its continuations hang two further; prose continues flush under the first line.
      let body = line.dropFirst(indent.count + 1)
      let text = body.hasPrefix(" ") ? body.dropFirst() : body
      let inner = text.prefix { $0 == " " }.count
      let pieces: [String] = TextView.wrapCode(String(text), width: width - indent.count - 2)
      let hanging = inner > 0 ? String(repeating: " ", count: inner + 2) : ""
      return pieces.enumerated().map { (i: Int, piece: String) -> String in
        indent + "# " + (i == 0 ? piece : hanging + String(piece.drop { $0 == " " }))
      }
    }
    let continuation = indent + (isComment ? "# " : "    ")
    var lines: [String] = []
    var rest = Substring(line)
    var prefix = ""
    while prefix.count + rest.count > width {
      let room = width - prefix.count
      let head = rest.prefix(atMost: room)
      let separator: String = isComment ? " " : ", "
      guard let cut = head.range(of: separator, options: .backwards), cut.lowerBound > head.startIndex else {
        lines.append(prefix + head.dropLast() + "\\")
        rest = rest.dropFirst(atMost: room - 1)
        prefix = continuation
        continue
      }
      lines.append(prefix + rest[..<cut.lowerBound] + (isComment ? "" : ","))
      rest = rest[cut.upperBound...]
      prefix = continuation
    }
    lines.append(prefix + rest)
    return lines
  }
}
