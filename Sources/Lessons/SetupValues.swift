import NeuralCore
import RegvizData

/// Parsers for the values of setup directives. Each throws a message; the directive parser adds
/// the position (the column of the value).
enum SetupValues {
  struct Problem: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  /// `FEATURE:FACTOR` with a finite factor other than 0, or `none`.
  static func scaleFeature(_ v: String) throws(Problem) -> String {
    if v == "none" { return v }
    let parts = v.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, let f = Float(parts[1]), f.isFinite, f != 0 else {
      throw Problem("scale-feature must be FEATURE:FACTOR (e.g. A1:1000, a factor other than 0) or none, got '\(v)'")
    }
    return v
  }

  static func dataset(_ v: String) throws(Problem) -> DataSource {
    guard let source = DataSource(v) else {
      throw Problem("dataset must be iris, sparse, correlated[:ρ] (ρ in [0, 0.99]) or a path ending in .csv, got '\(v)'")
    }
    return source
  }

  static func hidden(_ v: String) throws(Problem) -> [Int] {
    if v == "none" { return [] }
    var widths: [Int] = []
    for part in v.split(separator: ",", omittingEmptySubsequences: false) {
      guard let width = Int(part.trimmed), width > 0 else {
        throw Problem("hidden must be layer widths such as 16,16 or 'none', got '\(v)'")
      }
      widths.append(width)
    }
    return widths
  }

  static func choice<T: RawRepresentable & CaseIterable>(_ v: String, key: String) throws(Problem) -> T
  where T.RawValue == String {
    guard let value = T(rawValue: v) else {
      let options = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw Problem("\(key) must be one of \(options), got '\(v)'")
    }
    return value
  }

  static func learningRate(_ v: String) throws(Problem) -> Double {
    guard let rate = decimal(v), rate > 0 else { throw Problem("lr must be a number > 0, got '\(v)'") }
    return rate
  }

  static func momentum(_ v: String) throws(Problem) -> Double {
    guard let m = decimal(v), m >= 0, m < 1 else {
      throw Problem("momentum must be a number with 0 ≤ m < 1, got '\(v)'")
    }
    return m
  }

  static func batch(_ v: String) throws(Problem) -> Batch {
    if v == "full" { return .full }
    guard let size = Int(v), size > 0 else {
      throw Problem("batch must be a positive whole number or 'full', got '\(v)'")
    }
    return .size(size)
  }

  static func speed(_ v: String) throws(Problem) -> Speed {
    if v == "max" { return .max }
    guard let rate = decimal(v), rate > 0 else {
      throw Problem("speed must be epochs per second (> 0) or 'max', got '\(v)'")
    }
    return .epochsPerSecond(rate)
  }

  static func seed(_ v: String) throws(Problem) -> UInt64 {
    guard let seed = UInt64(v) else { throw Problem("seed must be a non-negative whole number, got '\(v)'") }
    return seed
  }

  /// Accepts `0.2` or `20%`.
  static func validationSplit(_ v: String) throws(Problem) -> Double {
    let fraction = v.hasSuffix("%") ? decimal(String(v.dropLast()).trimmed).map { $0 / 100 } : decimal(v)
    guard let f = fraction, f >= 0, f < 1 else {
      throw Problem("val-split must be a fraction with 0 ≤ f < 1 (or a percentage), got '\(v)'")
    }
    return f
  }

  static func yesNo(_ v: String, key: String) throws(Problem) -> Bool {
    switch v {
    case "yes": return true
    case "no": return false
    default: throw Problem("\(key) must be yes or no, got '\(v)'")
    }
  }

  static func positiveInt(_ v: String, key: String) throws(Problem) -> Int {
    guard let n = Int(v), n > 0 else { throw Problem("\(key) must be a positive whole number, got '\(v)'") }
    return n
  }

  /// A plain decimal number. `Double(_:)` alone would also accept `nan`, `inf` and hex floats.
  static func decimal(_ v: String) -> Double? {
    guard !v.isEmpty, v.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
          let d = Double(v), d.isFinite else { return nil }
    return d
  }
}
