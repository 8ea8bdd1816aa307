/// Conversions and lengths that cannot trap, for drawing code. A view's numbers come from a
/// run that may have diverged (NaN, ±inf, 3e38), and its sizes from a terminal that may be
/// tiny: `Int(Double.nan)`, `5..<3`, `0...Double.nan` and `prefix(-1)` all stop the program
/// (issue 25). Drawing converts, builds ranges and cuts strings through these instead.
public enum Checked {
  /// `x` rounded to the nearest integer, clamped to ±10¹⁵; `default` for NaN.
  @inlinable public static func int(_ x: Double, default fallback: Int = 0) -> Int {
    guard !x.isNaN else { return fallback }
    return Int(min(max(x, -1e15), 1e15).rounded())
  }

  @inlinable public static func int(_ x: Float, default fallback: Int = 0) -> Int { int(Double(x), default: fallback) }

  /// `x` rounded down (a digit count, an index), clamped; `default` for NaN.
  @inlinable public static func floor(_ x: Double, default fallback: Int = 0) -> Int {
    guard !x.isNaN else { return fallback }
    return Int(min(max(x, -1e15), 1e15).rounded(.down))
  }

  /// `x` clamped to `low...high`, NaN to `low` (Swift's `min`/`max` pass NaN through).
  @inlinable public static func clamp(_ x: Double, _ low: Double, _ high: Double) -> Double {
    x.isNaN ? low : min(max(x, low), high)
  }

  /// `lo..<hi`, empty (at `lo`) where `hi < lo`.
  @inlinable public static func range(_ lo: Int, _ hi: Int) -> Range<Int> { lo..<max(lo, hi) }

  /// `lo...hi` of doubles: a finite span of at least `minimumSpan`. NaN or infinite ends fall
  /// back to `fallback`'s; reversed ends are swapped.
  public static func span(_ lo: Double, _ hi: Double, minimumSpan: Double = 1e-6,
                          fallback: ClosedRange<Double> = 0...1) -> ClosedRange<Double> {
    var (a, b) = (lo.isFinite ? lo : fallback.lowerBound, hi.isFinite ? hi : fallback.upperBound)
    if b < a { swap(&a, &b) }
    if !(b - a >= minimumSpan) { b = a + minimumSpan }
    if !b.isFinite { (a, b) = (fallback.lowerBound, fallback.upperBound) }
    return a...b
  }
}

extension Collection {
  /// The first `n` elements; none for a negative `n`.
  @inlinable public func prefix(atMost n: Int) -> SubSequence { prefix(Swift.max(0, n)) }
  /// All but the first `n`; everything for a negative `n`.
  @inlinable public func dropFirst(atMost n: Int) -> SubSequence { dropFirst(Swift.max(0, n)) }
  /// The last `n` elements; none for a negative `n`.
  @inlinable public func suffix(atMost n: Int) -> SubSequence { suffix(Swift.max(0, n)) }
}
