import NeuralCore

/// The steps the `[` `]`, `-` `+` and `<` `>` keys move along. The runner steps its own
/// current values along them, so a value on a rung is the rung's exact Float.
///
/// λ and the learning rate step along a 1-2-5 ladder (…, 0.005, 0.01, 0.02, 0.05, 0.1, …):
/// three presses per decade, ratios of 2 and 2.5, so each press is a visible change while the
/// labels stay round numbers a learner can type into Keras. (A ×10^¼ step would give 0.0178.)
/// TensorFlow Playground's 1-3 ladder moves by ×3.3, which jumps past the interesting range of
/// L1 in two presses.
public enum Ladder {
  /// The 1-2-5 rungs from 10^`lowExponent` up to 5·10^`highExponent`.
  static func rungs(lowExponent: Int, highExponent: Int) -> [Float] {
    var values: [Float] = []
    for e in lowExponent...highExponent {
      let decade = pow10(e)
      values += [1, 2, 5].map { Float($0 * decade) }
    }
    return values
  }

  private static func pow10(_ e: Int) -> Double {
    var x = 1.0
    for _ in 0..<abs(e) { x *= 10 }
    return e < 0 ? 1 / x : x
  }

  /// λ from 0.0001 to 1: above 1 every weight of a standardized problem is zero at once.
  public static let lambda = rungs(lowExponent: -4, highExponent: -1) + [1]
  /// Learning rates from 0.0001 to 5.
  public static let learningRate = rungs(lowExponent: -4, highExponent: 0)

  /// The next rung above (`up`) or below `value` on `rungs`, or nil past the ends. A value
  /// between rungs (`--lr 0.03`) moves to the neighbouring rung.
  public static func step(_ value: Float, up: Bool, on rungs: [Float]) -> Float? {
    up ? rungs.first { $0 > value } : rungs.last { $0 < value }
  }

  /// Speeds from 0.5 to 256 epochs per second, then full speed.
  public static let speeds: [Speed] = [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256].map {
    Speed.epochsPerSecond($0)
  } + [.max]

  /// The next speed faster (`up`) or slower than `speed`, or nil at the ends. A pace between
  /// rungs (e.g. `--speed 3`) moves to the neighbouring rung.
  public static func step(_ speed: Speed, up: Bool) -> Speed? {
    func rate(_ s: Speed) -> Double {
      switch s {
      case .max: return .infinity
      case .epochsPerSecond(let r): return r
      }
    }
    let current = rate(speed)
    return up ? speeds.first { rate($0) > current } : speeds.last { rate($0) < current }
  }
}
