/// The raw lines of one step, as cut out of the file by `StepSplitter`.
struct RawStep: Equatable {
  var title: String
  var headingLine: Int
  var body: [SourceLine]
}

/// Cuts the body of a lesson (after the front matter) at its `## ` headings. Fences are tracked
/// here because a `## ` inside a code block is code, not a new step.
enum StepSplitter {
  static func split(_ lines: ArraySlice<SourceLine>, file: String, emptyLine: Int)
    throws(LessonError) -> [RawStep]
  {
    func fail(_ line: Int, _ column: Int, _ message: String) -> LessonError {
      LessonError(file: file, line: line, column: column, message: message)
    }
    var steps: [RawStep] = []
    var sawTitleLine = false
    var fence: (opening: FenceOpening, line: Int)?

    for line in lines {
      if let open = fence {
        if open.opening.isClosed(by: line) { fence = nil }
        if !steps.isEmpty { steps[steps.count - 1].body.append(line) }
        continue
      }
      if let title = stepTitle(line.text) {
        guard !title.isEmpty else {
          throw fail(line.number, 1, "step without a title: write the title after '## '")
        }
        steps.append(RawStep(title: title, headingLine: line.number, body: []))
        continue
      }
      if isDocumentTitle(line.text) {
        if !steps.isEmpty {
          throw fail(line.number, 1, "a '# ' title line may only come before the first step; use '## ' to start a step")
        }
        if sawTitleLine {
          throw fail(line.number, 1, "only one '# ' title line is allowed before the first step")
        }
        sawTitleLine = true
        continue
      }
      if steps.isEmpty {
        if line.isBlank { continue }
        throw fail(line.number, line.indentColumn, "text before the first step: start a step with a '## ' heading")
      }
      if let opening = FenceOpening(line) { fence = (opening, line.number) }
      steps[steps.count - 1].body.append(line)
    }

    if let open = fence {
      throw fail(open.line, open.opening.column, "unterminated code fence: no closing \(String(repeating: "`", count: open.opening.ticks)) for the fence opened here")
    }
    guard !steps.isEmpty else {
      throw fail(emptyLine, 1, "lesson has no steps: each step starts with a '## ' heading")
    }
    return steps
  }

  /// The title of a `## ` heading (with an optional closing `##` run removed, as CommonMark
  /// does), `""` for a bare `##`, or nil if the line is not a step heading.
  static func stepTitle(_ line: String) -> String? {
    guard line.hasPrefix("##") else { return nil }
    let rest = line.dropFirst(2)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    var title = rest.trimmed
    let closing = title.reversed().prefix { $0 == "#" }.count
    if closing > 0 {
      let before = title.dropLast(closing)
      if before.isEmpty || before.last == " " || before.last == "\t" { title = before.trimmed }
    }
    return title
  }

  static func isDocumentTitle(_ line: String) -> Bool {
    guard line.hasPrefix("#") else { return false }
    let rest = line.dropFirst()
    return rest.first == " " || rest.first == "\t"
  }
}
