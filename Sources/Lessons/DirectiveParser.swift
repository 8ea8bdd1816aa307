import NeuralCore

/// What a step's `regviz` block says, checked and typed.
struct StepDirectives: Equatable {
  var setup: Setup?
  var until: Condition?
  var maxEpochs: Int = Step.defaultMaxEpochs
  var highlight: Panel?
  var histogram: HistogramView?
  var question: Question?
  var hint: String?
  var beforeAnswer: BeforeAnswer = .pause
  var numbers: [Metric] = []
  var mission: Mission?
  var keys: KeyAllowance?
}

/// Turns a `regviz` block into `StepDirectives`.
enum DirectiveParser {
  /// `inheritedLanes` are the lane names in effect from earlier steps; a `lane:` list in this
  /// block replaces them, also for this block's `until:`, wherever in the block it appears.
  static func parse(
    _ block: FencedBlock, inheritedLanes: [String], validator: LessonValidator, file: String
  ) throws(LessonError) -> StepDirectives {
    let lines = try DirectiveLine.scan(block.body, file: file)
    var result = StepDirectives()
    var setup = Setup()
    var laneLines: [String: Int] = [:]
    var until: DirectiveLine?
    var maxEpochs: DirectiveLine?
    var beforeAnswer: DirectiveLine?

    for d in lines {
      if d.key == "lane" {
        let lane = try parseLane(d, validator: validator, file: file)
        if let earlier = laneLines[lane.name] {
          throw d.error("duplicate lane name '\(lane.name)' (also on line \(earlier)); name lanes with 'lane: NAME = SPEC'", file: file)
        }
        laneLines[lane.name] = d.line
        setup.lanes.append(lane)
        continue
      }
      if d.key == "numbers" {
        // Errors point at the offending name inside the list, not at the value's start.
        result.numbers = try NumbersDirective.parse(d, file: file)
        continue
      }
      do {
        switch d.key {
        case "until": until = d
        case "max-epochs":
          maxEpochs = d
          result.maxEpochs = try SetupValues.positiveInt(d.value, key: "max-epochs")
        case "highlight": result.highlight = try SetupValues.choice(d.value, key: "highlight") as Panel
        case "histogram": result.histogram = try SetupValues.choice(d.value, key: "histogram") as HistogramView
        case "hint": result.hint = d.value
        case "before-answer":
          beforeAnswer = d
          result.beforeAnswer = try BeforeAnswer.parse(d.value)
        default: try apply(d, to: &setup)
        }
      } catch {
        throw d.error(error.message, file: file)
      }
    }

    if let maxEpochs, until == nil, !lines.contains(where: { $0.key == "goal" }) {
      throw maxEpochs.keyError("'max-epochs:' needs an 'until:' or 'goal:' condition in the same step", file: file)
    }
    if let until {
      let lanes = setup.lanes.isEmpty ? inheritedLanes : setup.lanes.map(\.name)
      result.until = try ConditionParser.parse(
        until.value, lanes: lanes, file: file, line: until.line, column: until.valueColumn)
    }
    (result.mission, result.keys) = try MissionDirectives.parse(
      lines, lanes: setup.lanes.isEmpty ? inheritedLanes : setup.lanes.map(\.name), hasUntil: until != nil, file: file)
    result.question = try QuestionBuilder.build(
      lines.filter { DirectiveLine.questionKeys.contains($0.key) }, file: file)
    if let beforeAnswer, result.question == nil {
      throw beforeAnswer.keyError("'before-answer:' needs a question ('ask:') in the same step", file: file)
    }
    result.setup = setup.isEmpty ? nil : setup
    return result
  }

  /// Stores one setup value; question keys are collected by the caller and ignored here.
  private static func apply(_ d: DirectiveLine, to setup: inout Setup) throws(SetupValues.Problem) {
    let v = d.value
    switch d.key {
    case "dataset": setup.dataset = try SetupValues.dataset(v)
    case "hidden": setup.hidden = try SetupValues.hidden(v)
    case "activation": setup.activation = try SetupValues.choice(v, key: d.key) as Activation
    case "optimizer": setup.optimizer = try SetupValues.choice(v, key: d.key) as Optimizer.Kind
    case "lr": setup.learningRate = try SetupValues.learningRate(v)
    case "momentum": setup.momentum = try SetupValues.momentum(v)
    case "batch": setup.batch = try SetupValues.batch(v)
    case "l1-rule": setup.l1Rule = try SetupValues.choice(v, key: d.key) as L1Rule
    case "speed": setup.speed = try SetupValues.speed(v)
    case "seed": setup.seed = try SetupValues.seed(v)
    case "val-split": setup.validationSplit = try SetupValues.validationSplit(v)
    case "standardize": setup.standardize = try SetupValues.yesNo(v, key: d.key)
    case "scale-feature": setup.scaleFeature = try SetupValues.scaleFeature(v)
    default: break
    }
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
