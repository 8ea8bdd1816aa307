import NeuralCore
import RegvizData

/// The views of the dashboard's main area, by the names a lesson's `view:` accepts, in the
/// order `v` cycles through them. Each case has one implementation in App's view registry
/// (`Views.entry`, an exhaustive switch): adding a view is a case here and its file there.
public enum DashboardView: String, Sendable, Hashable, CaseIterable {
  /// The ordinary dashboard: weight histograms, loss, zeros, norm, features.
  case histograms
  /// Each layer's kernel as a grid, exact zeros blank: dropped inputs and pruned units.
  case matrix
  /// A few single weights over epochs, per lane.
  case trajectories
  /// One weight's forces this step, and the soft-threshold.
  case tug
  /// The two-weight lens (its λ on `[ ]` while it shows).
  case lens
  /// The cross-validated regularization path, computed in the background.
  case path
}

/// The two-weight lens's settings a step asks for (`lens-correlation:`, `lens-scale:`,
/// `lens-lambda:`); nil fields keep the lens's defaults.
public struct LensDirectives: Sendable, Equatable {
  public var correlation: Double?
  public var scale: Double?
  public var lambda: Double?

  public init(correlation: Double? = nil, scale: Double? = nil, lambda: Double? = nil) {
    self.correlation = correlation
    self.scale = scale
    self.lambda = lambda
  }

  /// The value of a lens directive: a number inside the lens's range.
  static func number(_ v: String, range: ClosedRange<Double>) throws(ExperimentValues.Problem) -> Double {
    guard let x = Double(v), x.isFinite, range.contains(x) else {
      throw ExperimentValues.Problem("must be a number from \(range.lowerBound) to \(range.upperBound), got '\(v)'")
    }
    return x
  }

  /// The lens's lane names, which `lens_zero(…)` takes instead of the step's lanes.
  public static var laneNames: [String] { LensLane.allCases.map(\.name) }
}
