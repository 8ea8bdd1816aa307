import Foundation

/// Short number labels for axes and captions: `1.1`, `0.02`, `312`, `3.4e-4`, `70%`.
///
/// Two significant digits are enough to read a chart axis and keep labels to ≤ 6 columns, which
/// matters when a chart is 20 columns wide.
public enum CompactNumber {
  /// Formats `value`; with `percent` the value is a fraction (0.7 → `"70%"`).
  /// Non-finite values become `missing` (NaN shows that training diverged; hiding it would lie).
  public static func format(_ value: Double, percent: Bool = false, missing: String = "–") -> String {
    guard value.isFinite else { return missing }
    if percent { return format(value * 100) + "%" }
    let magnitude = abs(value)
    if magnitude == 0 { return "0" }
    if magnitude >= 10_000 || magnitude < 0.01 { return scientific(value) }
    // From 10 up, decimals are noise on an axis; `%.2g` would also turn 99.6 into `1e+02`.
    if magnitude >= 10 { return String(Checked.int(value)) }
    return trimmed(String(format: "%.2g", value))
  }

  /// `3.4e-4` rather than C's `3.4e-04`, and `3e-4` rather than `3.0e-4`.
  private static func scientific(_ value: Double) -> String {
    let raw = String(format: "%.1e", value)
    guard let e = raw.firstIndex(of: "e") else { return raw }
    let mantissa = trimmed(String(raw[..<e]))
    var exponent = String(raw[raw.index(after: e)...])
    let sign = exponent.hasPrefix("-") ? "-" : ""
    exponent = String(exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" })
    return mantissa + "e" + sign + (exponent.isEmpty ? "0" : exponent)
  }

  /// Drops a trailing `.0` (and `.` alone) that `%g`-style formatting can leave.
  private static func trimmed(_ s: String) -> String {
    guard s.contains("."), !s.contains("e") else { return s }
    var t = s
    while t.last == "0" { t.removeLast() }
    if t.last == "." { t.removeLast() }
    return t
  }
}
