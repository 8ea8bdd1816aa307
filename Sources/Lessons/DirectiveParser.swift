import RegvizData

/// Turns a `regviz` block into `StepDirectives`: each line through its row of
/// `Directive.table`, then the checks that read the block as a whole.
enum DirectiveParser {
  /// `inheritedPenaltyFree` names those of them without a penalty (`lambda(…)` cannot move them).
  /// `inheritedLanes` are the lane names in effect from earlier steps; a `lane:` list in this
  /// block replaces them, also for this block's `until:`, wherever in the block it appears.
  static func parse(
    _ block: FencedBlock, inheritedLanes: [String], inheritedPenaltyFree: Set<String> = [], validator: LessonValidator,
    file: String
  ) throws(LessonError) -> StepDirectives {
    let lines = try DirectiveLine.scan(block.body, file: file)
    var result = StepDirectives()
    var context = Directive.Context(file: file, validator: validator)
    for d in lines {
      guard let store = Directive.named(d.key)?.store else { continue }
      do {
        try store(d, &result, &context)
      } catch let error as LessonError {
        throw error
      } catch let problem as ExperimentValues.Problem {
        throw d.error("\(d.key) \(problem.message)", file: file)
      } catch {
        throw d.error("\(d.key): \(error)", file: file)
      }
    }

    let until = lines.first { $0.key == "until" }
    if let maxEpochs = lines.first(where: { $0.key == "max-epochs" }), until == nil,
       !lines.contains(where: { $0.key == "goal" }) {
      throw maxEpochs.keyError("'max-epochs:' needs an 'until:' or 'goal:' condition in the same step", file: file)
    }
    let declared = result.setup?.lanes ?? []
    let lanes = declared.isEmpty ? inheritedLanes : declared.map(\.name)
    if let until {
      result.until = try ConditionParser.parse(
        until.value, lanes: lanes, file: file, line: until.line, column: until.valueColumn)
    }
    // `lens_zero(…)` reads the two-weight lens, which only a step that shows it has.
    if result.view != .lens && result.lens == nil,
       let line = lines.first(where: { ($0.key == "until" || $0.key == "goal") && $0.value.contains("lens_zero") }),
       let at = line.value.range(of: "lens_zero") {
      throw LessonError(file: file, line: line.line, column: line.valueColumn + line.value.distance(from: line.value.startIndex, to: at.lowerBound),
                        message: "lens_zero(…) reads the two-weight lens: this step needs 'view: lens' (or a 'lens-…:' directive)")
    }
    let penaltyFree = Set(declared.filter { validator.isPenaltyFree($0.spec) }.map(\.name))
    (result.mission, result.keys) = try MissionDirectives.parse(lines, lanes: lanes, penaltyFree: declared.isEmpty ? inheritedPenaltyFree : penaltyFree,
                                                                hasUntil: until != nil, file: file)
    let questionKeys = Directive.keys(.question)
    result.question = try QuestionBuilder.build(lines.filter { questionKeys.contains($0.key) }, file: file)
    if let beforeAnswer = lines.first(where: { $0.key == "before-answer" }), result.question == nil {
      throw beforeAnswer.keyError("'before-answer:' needs a question ('ask:') in the same step", file: file)
    }
    return result
  }

  /// `lane:` adds one lane to the step's list; names must differ within a block.
  static func storeLane(_ d: DirectiveLine, into result: inout StepDirectives, _ context: inout Directive.Context) throws {
    let lane = try parseLane(d, validator: context.validator, file: context.file)
    if let earlier = context.laneLines[lane.name] {
      throw d.error("duplicate lane name '\(lane.name)' (also on line \(earlier)); name lanes with 'lane: NAME = SPEC'", file: context.file)
    }
    context.laneLines[lane.name] = d.line
    result.setupFields.lanes.append(lane)
  }

  /// `lane: SPEC` or `lane: NAME = SPEC`. The name is separated by the first `=` that has a
  /// space on either side, because specs contain `=` themselves (`l1=0.02`).
  static func parseLane(_ d: DirectiveLine, validator: LessonValidator, file: String)
    throws(LessonError) -> LessonLane
  {
    let chars = Array(d.value)
    var name: String?
    var spec = d.value
    var specColumn = d.valueColumn
    if let eq = chars.firstIndex(of: "="),
       (eq > 0 && chars[eq - 1].isWhitespace) || (eq + 1 < chars.count && chars[eq + 1].isWhitespace) {
      let written = String(chars[..<eq]).trimmed
      guard isLaneName(written) else {
        throw d.error("lane name '\(written)' must start with a letter or '_' and use only letters, digits, '_', '+' and '-'", file: file)
      }
      name = written
      let rest = chars[(eq + 1)...]
      let start = rest.firstIndex { !$0.isWhitespace } ?? chars.count
      spec = String(rest).trimmed
      specColumn = d.valueColumn + start
      if spec.isEmpty {
        throw LessonError(file: file, line: d.line, column: specColumn, message: "missing lane spec after '\(written) ='")
      }
    }
    if let problem = validator.laneSpec(spec) {
      throw LessonError(file: file, line: d.line, column: specColumn, message: "bad lane spec '\(spec)': \(problem)")
    }
    return LessonLane(name: name ?? validator.defaultLaneName(spec), spec: spec)
  }

  static func isLaneName(_ s: String) -> Bool {
    guard let first = s.first, first.isLetter || first == "_" else { return false }
    return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "+" || $0 == "-" }
  }
}
