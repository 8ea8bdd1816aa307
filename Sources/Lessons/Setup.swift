import NeuralCore
import RegvizData

/// The experiment settings a step asks for, in the core's own types (activation, L1 rule,
/// optimizer, pace, data source), so the app maps nothing field by field. Every field is optional: nil means "this step does
/// not change it", and `Lesson.effectiveSetup(at:)` merges steps. The app fills whatever is
/// still nil with its own defaults.
public struct Setup: Sendable, Equatable {
  public var dataset: DataSource?
  /// Hidden layer widths; `[]` means no hidden layer (`hidden: none`).
  public var hidden: [Int]?
  public var activation: Activation?
  /// The lanes to train side by side, in order. Empty means "not set by this step"; a non-empty
  /// list replaces the whole list when merged.
  public var lanes: [LessonLane]
  public var optimizer: Optimizer.Kind?
  /// Learning rate, > 0.
  public var learningRate: Double?
  /// SGD momentum, 0 ≤ m < 1.
  public var momentum: Double?
  public var batch: Batch?
  public var l1Rule: L1Rule?
  public var speed: Speed?
  public var seed: UInt64?
  /// Fraction of the data held out for validation, 0 ≤ f < 1.
  public var validationSplit: Double?
  public var standardize: Bool?
  /// `FEATURE:FACTOR` (a change of units before the split), or `none` to undo an earlier one.
  public var scaleFeature: String?

  public init(
    dataset: DataSource? = nil, hidden: [Int]? = nil, activation: Activation? = nil,
    lanes: [LessonLane] = [], optimizer: Optimizer.Kind? = nil, learningRate: Double? = nil,
    momentum: Double? = nil, batch: Batch? = nil, l1Rule: L1Rule? = nil, speed: Speed? = nil,
    seed: UInt64? = nil, validationSplit: Double? = nil, standardize: Bool? = nil
  ) {
    self.dataset = dataset
    self.hidden = hidden
    self.activation = activation
    self.lanes = lanes
    self.optimizer = optimizer
    self.learningRate = learningRate
    self.momentum = momentum
    self.batch = batch
    self.l1Rule = l1Rule
    self.speed = speed
    self.seed = seed
    self.validationSplit = validationSplit
    self.standardize = standardize
  }



  /// True when no field is set.
  public var isEmpty: Bool { self == Setup() }

  /// `self` with every field that `later` sets taken from `later`.
  public func merging(_ later: Setup) -> Setup {
    Setup(
      dataset: later.dataset ?? dataset, hidden: later.hidden ?? hidden,
      activation: later.activation ?? activation,
      lanes: later.lanes.isEmpty ? lanes : later.lanes,
      optimizer: later.optimizer ?? optimizer, learningRate: later.learningRate ?? learningRate,
      momentum: later.momentum ?? momentum, batch: later.batch ?? batch,
      l1Rule: later.l1Rule ?? l1Rule, speed: later.speed ?? speed, seed: later.seed ?? seed,
      validationSplit: later.validationSplit ?? validationSplit,
      standardize: later.standardize ?? standardize).with(scaleFeature: later.scaleFeature ?? scaleFeature)
  }

  func with(scaleFeature: String?) -> Setup {
    var s = self
    s.scaleFeature = scaleFeature
    return s
  }
}

/// One regularization lane: a display name and the lane spec text (grammar owned by the
/// training code, checked through `LessonValidator`).
public struct LessonLane: Sendable, Equatable {
  /// The explicit name (`lane: L1 = l1=0.02`) or `LessonValidator.defaultLaneName(spec)`.
  public var name: String
  /// The spec exactly as written, trimmed, e.g. `l1=0.02` or `1:l1=0.01;2:l2=0.01`.
  public var spec: String

  public init(name: String, spec: String) {
    self.name = name
    self.spec = spec
  }
}

/// Mini-batch size.
public enum Batch: Sendable, Equatable {
  case size(Int)
  /// Full-batch gradient descent.
  case full
}
