/// A per-lane quantity a condition can test. Raw values are the names used in lesson files.
public enum Metric: String, Sendable, Equatable, Hashable, CaseIterable {
  /// Fraction of all kernel weights (not biases) that are exactly 0.
  case zeros
  /// Fraction of kernel weights with |w| below the training code's "near zero" threshold.
  case nearZeros = "near_zeros"
  /// Training accuracy, 0…1.
  case acc
  /// Validation accuracy, 0…1.
  case valAcc = "val_acc"
  /// Training objective: data loss + penalty.
  case loss
  /// Validation data loss (no penalty).
  case valLoss = "val_loss"
  /// Training data loss alone.
  case dataLoss = "data_loss"
  /// The regularization term alone (λ₁‖w‖₁ + λ₂‖w‖₂², as the lane defines it).
  case penalty
  /// ‖w‖₁ over kernel weights.
  case l1Norm = "l1_norm"
  /// ‖w‖₂ over kernel weights.
  case l2Norm = "l2_norm"
  /// Fraction of first-layer weights leaving noise features that are exactly 0.
  case noiseZeros = "noise_zeros"
  /// Mean first-layer row norm of informative features / mean row norm of noise features.
  case featureRatio = "feature_ratio"
  /// Fraction of informative (★) input features whose first-layer row is not entirely zero.
  case starRows = "star_rows"
  /// Hidden units with every weight in or every weight out exactly 0 (a count).
  case prunedUnits = "pruned_units"
  /// Input features whose first-layer weights are all exactly 0 (a count).
  case droppedInputs = "dropped_inputs"
  /// Weights exactly 0 in the two-weight lens's optimum for a lens lane (none, L1, L2, L1+L2):
  /// 0, 1 or 2.
  case lensZero = "lens_zero"
  /// Fraction of the correlated groups' members the lane keeps (first-layer row norm ≥ 1e-3).
  case groupKept = "group_kept"
  /// Per correlated group, the smallest member's first-layer row norm over the largest's,
  /// averaged over the groups: 1 when the weight is shared evenly, 0 when one member has it all
  /// (or the group is dropped whole).
  case groupBalance = "group_balance"
  /// 1 when the lane keeps the feature whose units `scale-feature:` changed, else 0.
  case scaledKept = "scaled_kept"
  /// Fraction of the picture's border pixels (its outer ring) whose first-layer row is all
  /// exactly 0; only for inputs that form an image (digits, `--image`).
  case droppedBorder = "dropped_border"
  /// The same for the pixels inside the border.
  case droppedInner = "dropped_inner"

  /// A whole number (inputs, units, weights, a 0/1 flag), which the screen shows without decimals.
  public var isCount: Bool {
    switch self {
    case .prunedUnits, .droppedInputs, .lensZero, .scaledKept: true
    default: false
    }
  }

  /// A share between 0 and 1, which the screen shows as a percentage.
  public var isFraction: Bool {
    switch self {
    case .zeros, .nearZeros, .acc, .valAcc, .noiseZeros, .starRows, .groupKept, .droppedBorder, .droppedInner: true
    default: false
    }
  }
}

/// Live values a `Condition` is evaluated against, typically backed by a training snapshot.
public protocol MetricSource {
  /// Epochs completed since the current setup started.
  var epoch: Int { get }
  /// The metric for the named lane, or nil when it is not available yet (e.g. no validation
  /// split, or before the first epoch); a condition that needs a nil value is false.
  func value(_ metric: Metric, lane: String) -> Double?
}
