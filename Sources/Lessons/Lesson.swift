/// A parsed lesson file: front matter plus its steps.
public struct Lesson: Sendable, Equatable {
  /// The path the lesson was parsed from (used in error messages).
  public var file: String
  /// The file name without `.md`, e.g. `"02-l1-lasso"`; the key in the progress store.
  public var id: String
  public var title: String
  public var summary: String
  /// Estimated time to complete, in minutes.
  public var minutes: Int
  /// At least one step.
  public var steps: [Step]

  public init(file: String, id: String, title: String, summary: String, minutes: Int, steps: [Step]) {
    self.file = file
    self.id = id
    self.title = title
    self.summary = summary
    self.minutes = minutes
    self.steps = steps
  }

  /// The experiment setup in force at step `index` (0-based): the setups of steps `0...index`
  /// merged in order, later keys overriding earlier ones and a `lane:` list replacing the whole
  /// lane list. Fields no step sets stay nil; an index past the end is clamped.
  public func effectiveSetup(at index: Int) -> Setup {
    guard !steps.isEmpty else { return Setup() }
    let last = min(max(index, 0), steps.count - 1)
    return steps[...last].reduce(Setup()) { merged, step in step.setup.map(merged.merging) ?? merged }
  }

  /// The index of the most recent step at or before `index` that starts an experiment (a
  /// setup, or `before-answer: restart`), i.e. the step whose arrival (re)started the
  /// experiment now running; nil if none has.
  public func setupStepIndex(atOrBefore index: Int) -> Int? {
    guard !steps.isEmpty else { return nil }
    let last = min(max(index, 0), steps.count - 1)
    return steps[...last].lastIndex { $0.startsExperiment }
  }
}

/// One step of a lesson: text to read, and what its `regviz` block says (`directives`): a new
/// setup, a condition to reach, a panel to highlight, a question, a hint, a mission.
///
/// The directives' fields read as the step's own (`step.until`, `step.setup`), so a new
/// directive is a field of `StepDirectives` and a row of `Directive.table`, nothing here.
@dynamicMemberLookup
public struct Step: Sendable, Equatable {
  /// Budget for `until` when a step gives no `max-epochs:`.
  public static let defaultMaxEpochs = StepDirectives.defaultMaxEpochs

  /// The text after `## `.
  public var title: String
  /// 1-based line of the `## ` heading, for messages that point back into the file.
  public var line: Int
  /// The step's text; the `regviz` block is not included.
  public var blocks: [Block]
  /// What the step's `regviz` block says (all defaults when it has none).
  public var directives: StepDirectives

  public subscript<T>(dynamicMember path: WritableKeyPath<StepDirectives, T>) -> T {
    get { directives[keyPath: path] }
    set { directives[keyPath: path] = newValue }
  }

  /// This step (re)starts the experiment on arrival: it sets up one, or restarts the one in
  /// force so that its question comes before what it asks about.
  public var startsExperiment: Bool {
    directives.setup != nil || (directives.question != nil && directives.beforeAnswer == .restart)
  }

  public init(
    title: String, line: Int = 0, blocks: [Block] = [], setup: Setup? = nil,
    until: Condition? = nil, maxEpochs: Int = Step.defaultMaxEpochs, highlight: Panel? = nil,
    question: Question? = nil, hint: String? = nil
  ) {
    self.title = title
    self.line = line
    self.blocks = blocks
    directives = StepDirectives()
    directives.setup = setup
    directives.until = until
    directives.maxEpochs = maxEpochs
    directives.highlight = highlight
    directives.question = question
    directives.hint = hint
  }
}
