/// A tiny seeded random number generator: one 64-bit seed fixes every draw of a run
/// (initial weights, data sets, splits, minibatch order). SplitMix64 is fast, has no
/// platform-dependent state, and gives the same stream on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform float in [0, 1) with 24 random bits.
  public mutating func nextUnit() -> Float {
    Float(next() >> 40) * (1.0 / 16_777_216.0)
  }

  /// A uniform float in [low, high).
  public mutating func uniform(_ low: Float, _ high: Float) -> Float {
    low + (high - low) * nextUnit()
  }

  /// A standard normal draw (Box–Muller; one of the pair is discarded for simplicity).
  public mutating func normal() -> Float {
    var u1 = Double(next() >> 11) * 0x1p-53
    if u1 < 1e-300 { u1 = 1e-300 }
    let u2 = Double(next() >> 11) * 0x1p-53
    return Float((-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2))
  }

  /// Derives an independent stream for a sub-purpose (e.g. "epoch 12's shuffle"),
  /// so lanes and runs agree on every stream without sharing a generator.
  public static func derive(_ seed: UInt64, _ purpose: UInt64) -> SplitMix64 {
    var g = SplitMix64(seed: seed ^ (purpose &* 0xD6E8_FEB8_6659_FD93))
    _ = g.next()
    return g
  }
}

extension Array {
  /// Fisher–Yates shuffle with a seeded generator (the standard library's `shuffle(using:)`
  /// makes no promise about its algorithm across versions; this one is fixed).
  public mutating func seededShuffle(using rng: inout SplitMix64) {
    guard count > 1 else { return }
    for i in stride(from: count - 1, to: 0, by: -1) {
      // Multiply-shift (Lemire) instead of a 64-bit division: j uniform in 0...i.
      let j = Int(rng.next().multipliedFullWidth(by: UInt64(i + 1)).high)
      swapAt(i, j)
    }
  }
}
