/// What a step waits for before the learner may go on (`until:`), e.g.
/// `zeros(L1) >= 50% and epoch >= 300`.
///
/// Build one with `ConditionParser` via the lesson parser; print it with `description`
/// (`zeros(L1) ≥ 50% and epoch ≥ 300`) for the "waiting for: …" line.
public indirect enum Condition: Sendable, Equatable, CustomStringConvertible {
  case compare(NumericExpression, Comparison, NumericExpression)
  case and(Condition, Condition)
  case or(Condition, Condition)

  /// True when the condition holds now. A metric the source does not have yet (nil), or a
  /// result that is not a number (0/0), makes its comparison false.
  public func isSatisfied(by source: some MetricSource) -> Bool {
    switch self {
    case .compare(let lhs, let op, let rhs):
      guard let a = lhs.value(from: source), let b = rhs.value(from: source),
            !a.isNaN, !b.isNaN else { return false }
      return op.holds(a, b)
    case .and(let lhs, let rhs): return lhs.isSatisfied(by: source) && rhs.isSatisfied(by: source)
    case .or(let lhs, let rhs): return lhs.isSatisfied(by: source) || rhs.isSatisfied(by: source)
    }
  }

  /// Every `(metric, lane)` the condition reads, so the app knows what to compute.
  public var references: [(metric: Metric, lane: String)] {
    switch self {
    case .compare(let lhs, _, let rhs): lhs.references + rhs.references
    case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.references + rhs.references
    }
  }

  /// Human-readable text; parsing it again gives the same condition.
  public var description: String { text(onScreen: false) }

  /// As the screen shows numbers: a bare number compared with a fraction (accuracy, zeros) is
  /// printed as a percentage, `acc(none) ≥ 100%` for `acc(none) >= 1`, because the gauges and
  /// the "now:" values beside it are percentages. Still parses back to the same condition.
  public var onScreen: String { text(onScreen: true) }

  private func text(onScreen: Bool) -> String {
    switch self {
    case .compare(let lhs, let op, let rhs):
      let percent = onScreen && (lhs.isFraction || rhs.isFraction)
      return "\(lhs.text(percent: percent)) \(op.symbol) \(rhs.text(percent: percent))"
    case .and(let lhs, let rhs):
      return "\(lhs.operand(of: "and", right: false, onScreen)) and \(rhs.operand(of: "and", right: true, onScreen))"
    case .or(let lhs, let rhs):
      return "\(lhs.operand(of: "or", right: false, onScreen)) or \(rhs.operand(of: "or", right: true, onScreen))"
    }
  }

  /// Parentheses only where the tree differs from what `and`-binds-tighter would read back.
  private func operand(of parent: String, right: Bool, _ onScreen: Bool) -> String {
    let text = text(onScreen: onScreen)
    switch self {
    case .compare: return text
    case .and: return parent == "and" && right ? "(\(text))" : text
    case .or: return parent == "and" || right ? "(\(text))" : text
    }
  }
}

/// A comparison operator in a condition.
public enum Comparison: String, Sendable, Equatable, CaseIterable {
  case greaterOrEqual = ">=", lessOrEqual = "<=", greater = ">", less = "<"
  case equal = "==", notEqual = "!="

  /// The symbol used when printing for people.
  public var symbol: String {
    switch self {
    case .greaterOrEqual: "≥"
    case .lessOrEqual: "≤"
    case .greater: ">"
    case .less: "<"
    case .equal: "="
    case .notEqual: "≠"
    }
  }

  func holds(_ a: Double, _ b: Double) -> Bool {
    switch self {
    case .greaterOrEqual: a >= b
    case .lessOrEqual: a <= b
    case .greater: a > b
    case .less: a < b
    case .equal: a == b
    case .notEqual: a != b
    }
  }
}

/// An arithmetic operator in a condition.
public enum Arithmetic: String, Sendable, Equatable, CaseIterable {
  case add = "+", subtract = "-", multiply = "*", divide = "/"

  var precedence: Int { self == .add || self == .subtract ? 1 : 2 }

  func apply(_ a: Double, _ b: Double) -> Double {
    switch self {
    case .add: a + b
    case .subtract: a - b
    case .multiply: a * b
    case .divide: a / b
    }
  }
}

/// A numeric expression inside a condition.
public indirect enum NumericExpression: Sendable, Equatable, CustomStringConvertible {
  case number(Double)
  /// A percentage as written: `.percent(50)` is `50%`, worth 0.5.
  case percent(Double)
  /// Epochs completed in the current setup.
  case epoch
  case metric(Metric, lane: String)
  case binary(NumericExpression, Arithmetic, NumericExpression)
  case negate(NumericExpression)

  /// The value now, or nil if a metric it needs is not available yet.
  public func value(from source: some MetricSource) -> Double? {
    switch self {
    case .number(let v): return v
    case .percent(let p): return p / 100
    case .epoch: return Double(source.epoch)
    case .metric(let m, let lane): return source.value(m, lane: lane)
    case .binary(let lhs, let op, let rhs):
      guard let a = lhs.value(from: source), let b = rhs.value(from: source) else { return nil }
      return op.apply(a, b)
    case .negate(let e): return e.value(from: source).map { -$0 }
    }
  }

  var references: [(metric: Metric, lane: String)] {
    switch self {
    case .number, .percent, .epoch: []
    case .metric(let m, let lane): [(m, lane)]
    case .binary(let lhs, _, let rhs): lhs.references + rhs.references
    case .negate(let e): e.references
    }
  }

  public var description: String { text(percent: false) }

  /// In fraction units: a fraction metric, a percentage, or a sum or difference with one.
  var isFraction: Bool {
    switch self {
    case .percent: true
    case .metric(let m, _): m.isFraction
    case .binary(let lhs, let op, let rhs): (op == .add || op == .subtract) && (lhs.isFraction || rhs.isFraction)
    case .negate(let e): e.isFraction
    case .number, .epoch: false
    }
  }

  /// With `percent`, bare numbers added to or compared with fractions print as percentages
  /// (`0.1` → `10%`); factors (`0.8 * l2_norm(x)`) stay numbers.
  func text(percent: Bool) -> String {
    switch self {
    case .number(let v): percent ? Self.format(v * 100) + "%" : Self.format(v)
    case .percent(let p): Self.format(p) + "%"
    case .epoch: "epoch"
    case .metric(let m, let lane): "\(m.rawValue)(\(lane))"
    case .binary(let lhs, let op, let rhs):
      "\(lhs.wrapped(below: op.precedence, percent: percent && op.precedence == 1)) \(op.rawValue) \(rhs.wrapped(below: op.precedence + 1, percent: percent && op.precedence == 1))"
    case .negate(let e): "-" + e.wrapped(below: 3, percent: percent)
    }
  }

  /// Parenthesised when this expression binds looser than `precedence` requires. The right
  /// operand asks for one more so that `a - (b - c)` keeps its parentheses.
  private func wrapped(below precedence: Int, percent: Bool) -> String {
    let own: Int
    switch self {
    case .binary(_, let op, _): own = op.precedence
    case .negate: own = 3
    default: own = 4
    }
    let text = text(percent: percent)
    return own < precedence ? "(\(text))" : text
  }

  /// `300`, `0.1`, `1e-05`: whole numbers without a trailing `.0`; `v * 100` of a short
  /// decimal (0.07 → 7.000000000000001) rounded back to what was meant.
  static func format(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    let short = (v * 1e9).rounded() / 1e9
    if short == short.rounded(), abs(short) < 1e15 { return String(Int64(short)) }
    return String(abs(short - v) < 1e-12 * max(1, abs(v)) ? short : v)
  }
}
