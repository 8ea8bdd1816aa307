import Foundation

/// The one text of each kind of number the screen shows. Every panel, gauge, table and goal
/// line draws its numbers through these, so one number reads the same wherever it appears
/// (issue 23 item 8: a model panel once rounded `.95` beside a table that floored `94%`).
///
/// - A share (accuracy, zero fraction, rows kept): a whole percentage rounded *down*, so `99.7%`
///   never reads as the `100%` a condition waits for, and `96%` is what `≥ 96%` tests.
/// - A count (inputs dropped, units pruned, exact zeros of the lens): a whole number.
/// - Anything else (a loss, a norm, a ratio): rounded to the nearest at three decimals below 10,
///   one below 1 000, none above.
public enum Quantity {
  /// `94%`, `<1%` (above 0, below 1%), `100%` only for a share of 1, `missing` for nil or NaN.
  public static func percent(_ share: Double?, missing: String = "–") -> String {
    guard let share, !share.isNaN else { return missing }
    if share > 0 && share < 0.01 { return "<1%" }
    // The epsilon keeps k/n that is exactly a whole percent (0.29 → 28.999…) on it.
    return "\(Checked.floor(Checked.clamp(share, 0, 1) * 100 + 1e-9))%"
  }

  /// `12`; `missing` for nil or NaN, `∞` for an infinite one.
  public static func count(_ value: Double?, missing: String = "–") -> String {
    guard let value, !value.isNaN else { return missing }
    guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
    return String(Checked.int(value))
  }

  /// `0.264`, `12.3`, `1840`; `∞` / `-∞`, `missing` for nil or NaN.
  public static func value(_ value: Double?, missing: String = "–") -> String {
    guard let value, !value.isNaN else { return missing }
    guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
    switch abs(value) {
    case ..<10: return String(format: "%.3f", value)
    case ..<1000: return String(format: "%.1f", value)
    default: return String(format: "%.0f", value)
    }
  }
}
