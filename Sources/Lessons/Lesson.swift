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

/// One step of a lesson: text to read, and optionally a new setup, a condition to reach, a
/// panel to highlight, a question and a hint.
public struct Step: Sendable, Equatable {
  /// Budget for `until` when a step gives no `max-epochs:`.
  public static let defaultMaxEpochs = 2000

  /// The text after `## `.
  public var title: String
  /// 1-based line of the `## ` heading, for messages that point back into the file.
  public var line: Int
  /// The step's text; the `regviz` block is not included.
  public var blocks: [Block]
  /// Non-nil when the step sets any setup key: the experiment is reconfigured on arrival.
  public var setup: Setup?
  /// What the learner waits for before Next is allowed.
  public var until: Condition?
  /// Epochs within which `until` should be reached (`max-epochs:`, default 2000).
  public var maxEpochs: Int
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

  /// This step (re)starts the experiment on arrival: it sets up one, or restarts the one in
  /// force so that its question comes before what it asks about.
  public var startsExperiment: Bool { setup != nil || (question != nil && beforeAnswer == .restart) }

  public init(
    title: String, line: Int = 0, blocks: [Block] = [], setup: Setup? = nil,
    until: Condition? = nil, maxEpochs: Int = Step.defaultMaxEpochs, highlight: Panel? = nil,
    question: Question? = nil, hint: String? = nil
  ) {
    self.title = title
    self.line = line
    self.blocks = blocks
    self.setup = setup
    self.until = until
    self.maxEpochs = maxEpochs
    self.highlight = highlight
    self.question = question
    self.hint = hint
  }
}
