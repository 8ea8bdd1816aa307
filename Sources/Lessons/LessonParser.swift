/// Parses lesson files (see `lessons/README.md` for the format).
public enum LessonParser {
  /// Parses the text of one lesson. `file` is used in errors and to derive the lesson id (its
  /// last path component without `.md`). Any input either parses or throws a `LessonError`.
  public static func parse(_ text: String, file: String, validator: LessonValidator)
    throws(LessonError) -> Lesson
  {
    let lines = SourceText.lines(text)
    let front = try FrontMatter.parse(lines, file: file)
    let emptyLine = (lines[front.bodyStart - 1].number) + 1
    let rawSteps = try StepSplitter.split(lines[front.bodyStart...], file: file, emptyLine: emptyLine)

    var steps: [Step] = []
    var lanes: [String] = []
    var penaltyFree: Set<String> = []
    for raw in rawSteps {
      let step = try parseStep(raw, lanes: lanes, penaltyFree: penaltyFree, validator: validator, file: file)
      if let declared = step.setup?.lanes, !declared.isEmpty {
        lanes = declared.map(\.name)
        penaltyFree = Set(declared.filter { validator.isPenaltyFree($0.spec) }.map(\.name))
      }
      steps.append(step)
    }
    return Lesson(
      file: file, id: lessonID(file), title: front.title, summary: front.summary,
      minutes: front.minutes, steps: steps)
  }

  /// `"lessons/02-l1-lasso.md"` → `"02-l1-lasso"`.
  public static func lessonID(_ file: String) -> String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
  }

  private static func parseStep(
    _ raw: RawStep, lanes: [String], penaltyFree: Set<String>, validator: LessonValidator, file: String
  ) throws(LessonError) -> Step {
    var step = Step(title: raw.title, line: raw.headingLine)
    var regviz: FencedBlock?
    for item in BlockParser.parse(raw.body) {
      switch item {
      case .block(let block):
        step.blocks.append(block)
      case .fence(let fence) where fence.opening.info == "regviz":
        if let first = regviz {
          throw LessonError(
            file: file, line: fence.openLine, column: fence.opening.column,
            message: "a step may have only one regviz block (the first is at line \(first.openLine))")
        }
        regviz = fence
      case .fence(let fence):
        step.blocks.append(.code(fence.body.map(\.text)))
      }
    }
    if let regviz {
      step.directives = try DirectiveParser.parse(regviz, inheritedLanes: lanes, inheritedPenaltyFree: penaltyFree,
                                                  validator: validator, file: file)
    }
    return step
  }
}
