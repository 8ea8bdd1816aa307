import Foundation

@testable import Canvas

/// Deterministic data shaped like what training produces, so snapshots look like the real thing.
enum Fixtures {
  /// A bell of weights over `bins` bins spanning [-1, 1] with standard deviation `sigma`.
  static func bell(bins: Int, sigma: Double, peak: Double) -> [Int] {
    (0..<bins).map { i in
      let x = -1 + (Double(i) + 0.5) * 2 / Double(bins)
      return Int((peak * exp(-x * x / (2 * sigma * sigma))).rounded())
    }
  }

  /// A loss that decays from `start` towards `floor`.
  static func decay(_ count: Int, start: Double, floor: Double, rate: Double) -> [Double] {
    (0..<count).map { floor + (start - floor) * exp(-rate * Double($0)) }
  }

  /// A fraction that rises from 0 towards `target` (e.g. exact zeros under L1).
  static func rise(_ count: Int, target: Double, rate: Double) -> [Double] {
    (0..<count).map { target * (1 - exp(-rate * Double($0))) }
  }

  static let laneNames = ["none", "L1", "L2", "L1+L2"]

  /// Spans carry their own spaces, as a Markdown parser produces them.
  static let lesson: [TextBlock] = [
    .paragraph([
      .plain("L1 adds "), .code("λ·Σ|w|"), .plain(" to the loss. Its gradient is "),
      .bold("constant"), .plain(" in size, so small weights are pushed all the way to "),
      .italic("exactly"), .plain(" zero."),
    ]),
    .code(["model.add(Dense(16, kernel_regularizer=l1(0.01)))"]),
    .bullets([
      [.plain("Watch the "), .bold("zeros"), .plain(" gauge of the L1 lane climb.")],
      [.plain("L2 shrinks weights but rarely zeroes them.")],
    ]),
  ]

  /// The same lesson in plain ASCII, as an ASCII-mode app would show it.
  static let asciiLesson: [TextBlock] = [
    .paragraph([
      .plain("L1 adds "), .code("lambda*sum|w|"), .plain(" to the loss, so small weights are pushed to "),
      .italic("exactly"), .plain(" zero."),
    ]),
    .code(["l1(0.01)"]),
    .bullets([[.plain("Watch the "), .bold("zeros"), .plain(" gauge.")]]),
  ]
}
