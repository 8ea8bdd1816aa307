import NeuralCore
import RegvizData

/// What a step's `regviz` block says, checked and typed. `Step` holds one and reads its fields
/// through (`step.until` is `step.directives.until`), so a new directive needs only a field
/// here and a row in `Directive.table`.
public struct StepDirectives: Sendable, Equatable {
  /// Budget for `until` when a step gives no `max-epochs:`.
  public static let defaultMaxEpochs = 2000

  /// Non-nil when the step sets any setup key: the experiment is reconfigured on arrival.
  public var setup: Setup?
  /// What the learner waits for before Next is allowed.
  public var until: Condition?
  /// Epochs within which `until` should be reached (`max-epochs:`, default 2000).
  public var maxEpochs: Int = defaultMaxEpochs
  public var highlight: Panel?
  /// The histogram view the step opens with (`histogram:`); nil keeps the learner's.
  public var histogram: HistogramView?
  public var question: Question?
  public var hint: String?
  /// What the screen does while the question waits for its answer (`before-answer:`).
  public var beforeAnswer: BeforeAnswer = .pause
  /// Metrics the lesson pane lists per lane on this step (`numbers:`), in order.
  public var numbers: [Metric] = []
  /// A goal the learner reaches by acting (`goal:`); Next waits for it as for `until:`.
  public var mission: Mission?
  /// The setting keys this step leaves to the learner (`keys:`), a mission's or a preset's.
  public var keys: KeyAllowance?
  /// The view the step opens (`view:`); nil keeps the learner's.
  public var view: DashboardView?
  /// The lens's settings on this step (`lens-…:`), for `view: lens`.
  public var lens: LensDirectives?

  public init() {}

  /// `setup` as a value the table's key paths write into; an empty setup is stored as nil.
  var setupFields: Setup {
    get { setup ?? Setup() }
    set { setup = newValue.isEmpty ? nil : newValue }
  }

  /// `lens` as a value the table's key paths write into.
  var lensFields: LensDirectives {
    get { lens ?? LensDirectives() }
    set { lens = newValue }
  }
}

/// One row of the table of `regviz` directives: its key, the part of a step it belongs to,
/// whether it may repeat, and how its value is parsed and where it lands.
struct Directive: Sendable {
  /// The part of a step a directive belongs to. Question and mission keys are assembled by
  /// their builders (`QuestionBuilder`, `MissionDirectives`), which take the block's lines of
  /// their kind.
  enum Kind { case setup, flow, question, mission }

  /// What a directive's parser may consult and remember across the lines of one block.
  struct Context {
    var file: String
    var validator: LessonValidator
    /// The line each lane name was declared on, for duplicate names.
    var laneLines: [String: Int] = [:]
  }

  /// Parses a line and stores its value. Throws a `LessonError` (placed by the parser) or an
  /// `ExperimentValues.Problem`, which the caller places at the value as `KEY MESSAGE`.
  typealias Store = @Sendable (DirectiveLine, inout StepDirectives, inout Context) throws -> Void

  var key: String
  var kind: Kind
  var repeatable = false
  /// nil for a key read with others after the block's lines (`until:`, a question's, a mission's).
  var store: Store?

  /// A directive whose value `parse` turns into the field at `path`.
  static func value<V>(
    _ key: String, _ kind: Kind, _ path: WritableKeyPath<StepDirectives, V> & Sendable,
    _ parse: @escaping @Sendable (String) throws -> V
  ) -> Directive {
    Directive(key: key, kind: kind, store: { d, result, _ in result[keyPath: path] = try parse(d.value) })
  }

  /// A directive read by its block's builder rather than on its own.
  static func gathered(_ key: String, _ kind: Kind, repeatable: Bool = false) -> Directive {
    Directive(key: key, kind: kind, repeatable: repeatable, store: nil)
  }

  static func named(_ key: String) -> Directive? { byKey[key] }

  /// The keys of one kind (the lines a builder takes).
  static func keys(_ kind: Kind) -> Set<String> { Set(table.filter { $0.kind == kind }.map(\.key)) }

  private static let byKey: [String: Directive] = Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0) })
}

extension Directive {
  /// Every directive a `regviz` block may hold. `DirectiveLine.scan` knows keys, kinds and
  /// repeats from here; `DirectiveParser` stores each value through its row.
  static let table: [Directive] = [
    // MARK: Setup: the experiment, in the flags' vocabulary (`ExperimentValues`)
    value("dataset", .setup, \.setupFields.dataset) { try ExperimentValues.dataset($0) },
    value("hidden", .setup, \.setupFields.hidden) { try ExperimentValues.hidden($0) },
    value("activation", .setup, \.setupFields.activation) { try ExperimentValues.choice($0) as Activation },
    Directive(key: "lane", kind: .setup, repeatable: true, store: DirectiveParser.storeLane),
    value("optimizer", .setup, \.setupFields.optimizer) { try ExperimentValues.choice($0) as Optimizer.Kind },
    value("lr", .setup, \.setupFields.learningRate) { try ExperimentValues.learningRate($0) },
    value("momentum", .setup, \.setupFields.momentum) { try ExperimentValues.momentum($0) },
    value("batch", .setup, \.setupFields.batch) { try ExperimentValues.batch($0).map(Batch.size) ?? .full },
    value("l1-rule", .setup, \.setupFields.l1Rule) { try ExperimentValues.choice($0) as L1Rule },
    value("speed", .setup, \.setupFields.speed) { try ExperimentValues.speed($0) },
    value("seed", .setup, \.setupFields.seed) { try ExperimentValues.seed($0) },
    value("val-split", .setup, \.setupFields.validationSplit) { try ExperimentValues.validationSplit($0) },
    value("standardize", .setup, \.setupFields.standardize) { try ExperimentValues.yesNo($0) },
    // Kept as written (`none` undoes an earlier step's); checked here, applied by the app.
    value("scale-feature", .setup, \.setupFields.scaleFeature) { v in _ = try ExperimentValues.scaleFeature(v); return v },

    // MARK: Flow: what the step waits for and shows
    gathered("until", .flow),  // parsed after the block: a later `lane:` names its lanes
    value("max-epochs", .flow, \.maxEpochs) { try ExperimentValues.positiveInt($0) },
    value("highlight", .flow, \.highlight) { try ExperimentValues.choice($0) as Panel },
    value("histogram", .flow, \.histogram) { try ExperimentValues.choice($0) as HistogramView },
    value("hint", .flow, \.hint) { $0 },
    value("before-answer", .flow, \.beforeAnswer) { try BeforeAnswer.parse($0) },
    Directive(key: "numbers", kind: .flow, store: { d, result, context in
      result.numbers = try NumbersDirective.parse(d, file: context.file)
    }),
    value("view", .flow, \.view) { try ExperimentValues.choice($0) as DashboardView },
    value("lens-correlation", .flow, \.lensFields.correlation) {
      try LensDirectives.number($0, range: LensSettings.correlationRange)
    },
    value("lens-scale", .flow, \.lensFields.scale) { try LensDirectives.number($0, range: LensSettings.scaleRange) },
    value("lens-lambda", .flow, \.lensFields.lambda) { try LensDirectives.number($0, range: LensSettings.lambdaRange) },

    // MARK: Question (`QuestionBuilder`)
    gathered("ask", .question), gathered("choice a", .question), gathered("choice b", .question),
    gathered("choice c", .question), gathered("choice d", .question), gathered("answer", .question),
    gathered("explain", .question),

    // MARK: Mission (`MissionDirectives`)
    gathered("goal", .mission), gathered("hold", .mission), gathered("keys", .mission),
    gathered("goal-hint", .mission, repeatable: true), gathered("solution", .mission), gathered("unlock", .mission),
  ]
}
