import Foundation

/// Axis ticks a reader can count in their head: linear axes step by 1, 2 or 5 times a power of
/// ten (0, 0.2, 0.4… rather than 0.27, 0.53, 0.80), epoch axes by whole nice numbers, and log
/// axes sit on powers of ten labelled as such (10⁻⁴, not 1e-4.0).
enum Ticks {
  /// The 1-2-5 step that puts at most `maxCount` ticks on `lo...hi`, or on the range widened
  /// to the enclosing ticks when `widened`.
  static func step(_ lo: Double, _ hi: Double, maxCount: Int = 6, widened: Bool = false) -> Double {
    let span = hi - lo
    guard span > 0, span.isFinite else { return 1 }
    // Start one decade below the span / maxCount and take the first 1-2-5 step that fits.
    var magnitude = pow(10, floor(log10(span / Double(maxCount))))
    while true {
      for m in [1.0, 2, 5] {
        let s = m * magnitude
        let count = widened ? ceil(hi / s - 1e-9) - floor(lo / s + 1e-9) : floor(hi / s + 1e-9) - ceil(lo / s - 1e-9)
        if count + 1 <= Double(maxCount) { return s }
      }
      magnitude *= 10
    }
  }

  /// Multiples of `step` within `lo...hi`, snapped so that 0.1 * 3 prints as 0.3.
  static func values(_ lo: Double, _ hi: Double, step: Double) -> [Double] {
    let first = ceil(lo / step - 1e-9), last = floor(hi / step + 1e-9)
    guard first <= last else { return [] }
    let decimals = max(0, -Int(floor(log10(step))))
    let scale = pow(10, Double(decimals))
    // `+ 0` turns the -0 of ceil(-1e-9) into 0, which would print as "-0".
    return stride(from: first, through: last, by: 1).map { ($0 * step * scale).rounded() / scale + 0 }
  }

  /// A linear axis: nice ticks, and the range widened to the enclosing ticks so the frame's top
  /// and bottom carry labels.
  static func linear(_ lo: Double, _ hi: Double, maxCount: Int = 7) -> (lo: Double, hi: Double, ticks: [Double], step: Double) {
    let s = step(lo, hi, maxCount: maxCount, widened: true)
    let ticks = values(floor(lo / s + 1e-9) * s, ceil(hi / s - 1e-9) * s, step: s)
    return (ticks.first!, ticks.last!, ticks, s)
  }

  /// Whole-number ticks (epochs) inside `lo...hi`; the range is the data's, not widened.
  static func integer(_ lo: Double, _ hi: Double, maxCount: Int = 6) -> [Double] {
    values(lo, hi, step: max(1, step(lo, hi, maxCount: maxCount)))
  }

  /// Exponents of the powers of ten inside `lo...hi` (given as log10 values), every second or
  /// third one when there are many; with fewer than two, the 2× and 5× multiples join in.
  static func logarithmic(_ lo: Double, _ hi: Double, maxCount: Int = 7) -> [Double] {
    let first = Int(ceil(lo - 1e-9)), last = Int(floor(hi + 1e-9))
    if last - first + 1 >= 2 {
      let every = (last - first) / maxCount + 1
      return stride(from: first, through: last, by: every).map(Double.init)
    }
    var ticks: [Double] = []
    for e in (first - 1)...(last + 1) {
      for m in [1.0, 2, 5] {
        let t = log10(m) + Double(e)
        if t >= lo - 1e-9 && t <= hi + 1e-9 { ticks.append(t) }
      }
    }
    return ticks
  }

  /// A linear tick with just the decimals its step needs: 0.2, 15, 0.05, 2e-05 for tiny steps.
  static func label(_ value: Double, step: Double) -> String {
    if value == 0 { return "0" }
    if step < 1e-3 || abs(value) >= 1e6 { return String(format: "%g", value) }
    let decimals = max(0, -Int(floor(log10(step) + 1e-9)))
    return String(format: "%.\(decimals)f", value)
  }

  /// A log-axis tick (log10 of the value): a power of ten as 10ⁿ; a 2× or 5× multiple as 2·10ⁿ.
  static func logLabel(_ exponent: Double) -> String {
    let e = Int(floor(exponent + 1e-9))
    let multiple = Int((pow(10, exponent - Double(e))).rounded())
    let power = "10" + superscript(e)
    return multiple == 1 ? power : "\(multiple)·\(power)"
  }

  static func superscript(_ n: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0))!] }
  }
}
