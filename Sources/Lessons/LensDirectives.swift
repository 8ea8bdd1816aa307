import NeuralCore
import RegvizData

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
