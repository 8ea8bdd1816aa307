/// Turns the lines of one step into blocks. Never fails: the splitter has already rejected
/// unterminated fences, and everything else in the subset degrades to paragraph text.
enum BlockParser {
  /// A parsed block, or a fenced block kept raw so the caller can pick out `regviz` fences.
  enum Item: Equatable {
    case block(Block)
    case fence(FencedBlock)
  }

  static func parse(_ lines: [SourceLine]) -> [Item] {
    var items: [Item] = []
    var paragraph: [String] = []
    var bullets: [[String]] = []
    var blankSinceBullet = false
    var i = 0

    func flushParagraph() {
      guard !paragraph.isEmpty else { return }
      items.append(.block(.paragraph(Inline.parse(paragraph.joined(separator: " ")))))
      paragraph = []
    }
    func flushBullets() {
      guard !bullets.isEmpty else { return }
      items.append(.block(.bullets(bullets.map { Inline.parse($0.joined(separator: " ")) })))
      bullets = []
      blankSinceBullet = false
    }

    while i < lines.count {
      let line = lines[i]
      let text = line.text.trimmed
      if let opening = FenceOpening(line) {
        flushParagraph()
        flushBullets()
        var body: [SourceLine] = []
        i += 1
        while i < lines.count, !opening.isClosed(by: lines[i]) {
          body.append(lines[i])
          i += 1
        }
        items.append(.fence(FencedBlock(opening: opening, openLine: line.number, body: body)))
      } else if text.isEmpty {
        flushParagraph()
        // A blank line between two bullets keeps one list; anything else after it ends the list.
        if !bullets.isEmpty { blankSinceBullet = true }
      } else if let item = bulletText(text) {
        flushParagraph()
        bullets.append([item])
        blankSinceBullet = false
      } else if let heading = subheading(line.text) {
        flushParagraph()
        flushBullets()
        if !heading.isEmpty { items.append(.block(.paragraph([.bold(heading)]))) }
      } else if !bullets.isEmpty, !blankSinceBullet {
        // Lazy continuation, as in CommonMark: a wrapped bullet line belongs to the item.
        bullets[bullets.count - 1].append(text)
      } else {
        flushBullets()
        paragraph.append(text)
      }
      i += 1
    }
    flushParagraph()
    flushBullets()
    return items
  }

  /// `- item` or `* item` (after any indentation); returns the item text.
  static func bulletText(_ trimmedLine: String) -> String? {
    guard let first = trimmedLine.first, first == "-" || first == "*" else { return nil }
    let rest = trimmedLine.dropFirst()
    guard let space = rest.first, space == " " || space == "\t" else { return nil }
    return rest.trimmed
  }

  /// `### Text` (or deeper) inside a step is shown as a bold line; only `##` starts a step.
  static func subheading(_ line: String) -> String? {
    let hashes = line.prefix { $0 == "#" }.count
    guard hashes >= 3, hashes <= 6 else { return nil }
    let rest = line.dropFirst(hashes)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    return String(rest).trimmed
  }
}
