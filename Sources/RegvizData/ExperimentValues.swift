import NeuralCore

/// The text of the experiment settings that the command line's flags and a lesson's setup
/// directives both accept, parsed once for both.
///
/// Each parser throws a `Problem` whose message reads after the setting's name: the flags write
/// it as `--batch-size: must be …` and a lesson as `batch must be …` at the value's
/// file:line:col. Lives beside `DataSource`, the richest of these values, where both `Lessons`
/// and `RegvizCommand` reach it without `Lessons` depending on `Training`.
public enum ExperimentValues {
  /// What is wrong with a value, worded to follow the setting's name.
  public struct Problem: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
  }

  /// The widest hidden layer a network may have.
  public static let maxHiddenWidth = 4096

  /// `iris`, `sparse`, `digits`, `correlated[:ρ]` or a path ending in `.csv` (with `label`'s column).
  public static func dataset(_ v: String, label: LabelColumn = .last) throws(Problem) -> DataSource {
    guard let source = DataSource(v, label: label) else {
      throw Problem("must be iris, sparse, digits, correlated[:ρ] (ρ in [0, 0.99]) or a path ending in .csv, got '\(v)'")
    }
    return source
  }

  /// `WxH` (or `W×H`), both at least 1: the features as a picture W pixels wide, H high.
  public static func image(_ v: String) throws(Problem) -> ImageShape {
    let parts = v.lowercased().split(separator: v.contains("×") ? "×" : "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let w = Int(trim(parts[0])), let h = Int(trim(parts[1])), w >= 1, h >= 1,
          w <= 4096, h <= 4096 else {
      throw Problem("must be WIDTHxHEIGHT in pixels such as 8x8, got '\(v)'")
    }
    return ImageShape(width: w, height: h)
  }

  /// Layer widths `16,16` (each 1…`maxHiddenWidth`), or `none` (or nothing) for no hidden layer.
  public static func hidden(_ v: String) throws(Problem) -> [Int] {
    if v == "none" || v.isEmpty { return [] }
    var widths: [Int] = []
    for part in v.split(separator: ",", omittingEmptySubsequences: false) {
      guard let width = Int(trim(part)), width > 0 else {
        throw Problem("must be layer widths such as 16,16 or 'none', got '\(v)'")
      }
      guard width <= maxHiddenWidth else {
        throw Problem("layer width \(width) is too large (at most \(maxHiddenWidth))")
      }
      widths.append(width)
    }
    return widths
  }

  /// One of an enum's raw values (activation, optimizer, l1-rule, …).
  public static func choice<T: RawRepresentable & CaseIterable>(_ v: String) throws(Problem) -> T
  where T.RawValue == String {
    guard let value = T(rawValue: v) else {
      throw Problem("must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got '\(v)'")
    }
    return value
  }

  /// A number > 0 that is finite as a `Float` (the optimizer's precision).
  public static func learningRate(_ v: String) throws(Problem) -> Double {
    guard let rate = decimal(v), rate > 0, Float(rate).isFinite else {
      throw Problem("must be a number > 0, got '\(v)'")
    }
    return rate
  }

  /// SGD momentum, 0 ≤ m < 1.
  public static func momentum(_ v: String) throws(Problem) -> Double {
    guard let m = decimal(v), m >= 0, m < 1 else { throw Problem("must be a number with 0 ≤ m < 1, got '\(v)'") }
    return m
  }

  /// Samples per step, or `full`: nil, the whole training set (`ExperimentConfig.batchSize`'s nil).
  public static func batch(_ v: String) throws(Problem) -> Int? {
    if v == "full" { return nil }
    guard let size = Int(v), size > 0 else { throw Problem("must be a positive whole number or 'full', got '\(v)'") }
    return size
  }

  /// The pace the dashboard trains at: epochs per second, or `max`.
  public static let speedRange = 0.1...1000.0

  public static func speed(_ v: String) throws(Problem) -> Speed {
    if v == "max" { return .max }
    guard let rate = decimal(v), speedRange.contains(rate) else {
      throw Problem("must be epochs per second from 0.1 to 1000, or 'max', got '\(v)'")
    }
    return .epochsPerSecond(rate)
  }

  public static func seed(_ v: String) throws(Problem) -> UInt64 {
    guard let seed = UInt64(v) else { throw Problem("must be a non-negative whole number, got '\(v)'") }
    return seed
  }

  /// Fraction of the data held out for validation, 0 ≤ f < 1: `0.2` or `20%`.
  public static func validationSplit(_ v: String) throws(Problem) -> Double {
    let fraction = v.hasSuffix("%")
      ? decimal(trim(String(v.dropLast()))).map { $0 / 100 } : decimal(v)
    guard let f = fraction, f >= 0, f < 1 else {
      throw Problem("must be a fraction with 0 ≤ f < 1 (or a percentage), got '\(v)'")
    }
    return f
  }

  /// `FEATURE:FACTOR` (a feature name or 1-based number, a finite factor other than 0), or
  /// `none`: nil, no change of units.
  public static func scaleFeature(_ v: String) throws(Problem) -> (feature: String, factor: Float)? {
    if v == "none" { return nil }
    let parts = v.split(separator: ":", omittingEmptySubsequences: false)
    let feature = parts.first.map { trim($0) } ?? ""
    guard parts.count == 2, !feature.isEmpty, let f = Float(trim(parts[1])),
          f.isFinite, f != 0 else {
      throw Problem("must be FEATURE:FACTOR (e.g. A1:1000, a factor other than 0) or none, got '\(v)'")
    }
    return (feature, f)
  }

  public static func yesNo(_ v: String) throws(Problem) -> Bool {
    switch v {
    case "yes": return true
    case "no": return false
    default: throw Problem("must be yes or no, got '\(v)'")
    }
  }

  public static func positiveInt(_ v: String) throws(Problem) -> Int {
    guard let n = Int(v), n > 0 else { throw Problem("must be a positive whole number, got '\(v)'") }
    return n
  }

  /// A plain decimal number. `Double(_:)` alone would also accept `nan`, `inf` and hex floats.
  public static func decimal(_ v: String) -> Double? {
    guard !v.isEmpty, v.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
          let d = Double(v), d.isFinite else { return nil }
    return d
  }

  /// `s` without leading and trailing whitespace.
  static func trim<S: StringProtocol>(_ s: S) -> String {
    String(s.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
