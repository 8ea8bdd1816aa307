import Foundation
import NeuralCore

/// The two-weight lens as the learner drives it: the settings, the exact scene they give,
/// and how far the trajectories have been played out.
///
/// Trajectories are replayed step by step (`stepsPerSecond`) so the learner sees a weight
/// travel and land; the moment one lands on exactly 0 is announced once.
public struct LensView: Sendable {
  public private(set) var settings: LensSettings
  public private(set) var scene: LensScene
  /// Lanes switched off with `1`–`4`.
  public var hiddenLanes: Set<Int> = []
  /// Trajectory steps shown so far (fractional: the frame loop adds elapsed time).
  public private(set) var shownSteps = 0.0
  public var paused = false
  /// Landings already announced, as "lane/weight".
  private var announced: Set<String> = []

  public static let stepsPerSecond = 20.0
  public static let lambdaStep = 0.1
  public static let correlationStep = 0.1
  /// The scale of feature 2 moves by √2 a key press: 0.25 … 4 in eight presses.
  public static let scaleFactor = 2.0.squareRoot()

  public init(_ settings: LensSettings = LensSettings()) {
    self.settings = settings
    scene = LensScene(settings)
  }

  /// The step shown, as a whole number.
  public var step: Int { Int(shownSteps) }

  /// The longest trajectory has been shown in full.
  public var finished: Bool { step >= (scene.lanes.map { $0.trajectory.points.count - 1 }.max() ?? 0) }

  /// Changes the settings and recomputes the scene; the trajectories start again.
  public mutating func update(_ change: (inout LensSettings) -> Void) {
    var next = settings
    change(&next)
    next.lambda = min(max((next.lambda * 1000).rounded() / 1000, LensSettings.lambdaRange.lowerBound),
                      LensSettings.lambdaRange.upperBound)
    next.correlation = min(max((next.correlation * 1000).rounded() / 1000, LensSettings.correlationRange.lowerBound),
                           LensSettings.correlationRange.upperBound)
    next.scale = min(max(next.scale, LensSettings.scaleRange.lowerBound), LensSettings.scaleRange.upperBound)
    settings = next
    scene = LensScene(next)
    restart()
  }

  public mutating func restart() {
    shownSteps = 0
    announced = []
  }

  /// Plays `elapsed` seconds more of the trajectories; returns the announcement of a weight
  /// that landed on exactly 0 in that time, if any.
  public mutating func advance(_ elapsed: Double) -> String? {
    if !paused, !finished { shownSteps += max(0, elapsed) * LensView.stepsPerSecond }
    var notes: [String] = []
    for lane in scene.lanes where !hiddenLanes.contains(lane.lane.rawValue) {
      for (weight, landing) in lane.trajectory.landings.enumerated() {
        guard let landing, landing <= step, !announced.contains("\(lane.lane.rawValue)/\(weight)") else { continue }
        announced.insert("\(lane.lane.rawValue)/\(weight)")
        notes.append("\(lane.lane.name): w\(weight + 1) landed on exactly 0 at step \(landing)")
      }
    }
    return notes.isEmpty ? nil : notes.joined(separator: "; ")
  }

  /// `1.5`, `0.25`, `-0.7`, `1.414`: up to `decimals` (three) decimals, no trailing zeros.
  public static func number(_ x: Double, decimals: Int = 3) -> String {
    var text = String(format: "%.\(decimals)f", x)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }
}
