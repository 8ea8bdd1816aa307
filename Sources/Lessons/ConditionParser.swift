/// Parses `until:` text into a `Condition`.
///
/// Grammar (`and` binds tighter than `or`, `*` `/` tighter than `+` `-`):
///
///     or      := and ("or" and)*
///     and     := compare ("and" compare)*
///     compare := sum (op sum)?          op: >= <= > < == != (also ≥ ≤ ≠ =)
///     sum     := product (("+" | "-") product)*
///     product := unary (("*" | "/") unary)*
///     unary   := "-" unary | primary
///     primary := NUMBER "%"? | "epoch" | METRIC "(" LANE ")" | "(" or ")"
///
/// Parentheses may hold either a condition or a number, so each parsed piece carries its kind
/// and the kinds are checked where they meet; this avoids backtracking.
public enum ConditionParser {
  /// The most operators (comparisons, `+ - * /`, `and`, `or`) one condition may have. A real
  /// condition has a handful; the limit keeps a pathological one (`epoch > 1+1+…+1`, a long
  /// `and` chain) from building a tree deep enough to overflow the stack when it is evaluated,
  /// printed or freed. (Parentheses have their own depth limit.)
  public static let maxOperators = 64

  /// Parses `text`. `lanes` are the lane names in effect; naming any other is an error. On
  /// failure the error's column is `column` plus the offset of the offending token.
  public static func parse(
    _ text: String, lanes: [String], file: String, line: Int, column: Int
  ) throws(LessonError) -> Condition {
    do throws(ConditionTokenizer.Failure) {
      let tokens = try ConditionTokenizer.tokenize(text)
      let operators = tokens.filter(\.isOperator)
      if operators.count > maxOperators {
        throw ConditionTokenizer.Failure(
          offset: operators[maxOperators].offset,
          message: "condition too long: \(operators.count) operators (at most \(maxOperators))")
      }
      var parser = Parser(tokens: tokens, lanes: lanes)
      return try parser.parseCondition()
    } catch {
      throw LessonError(file: file, line: line, column: column + error.offset, message: error.message)
    }
  }
}

/// A parsed piece: either a condition or a number-valued expression.
private enum Piece {
  case condition(Condition)
  case value(NumericExpression)
}

private struct Parser {
  typealias Failure = ConditionTokenizer.Failure

  let tokens: [ConditionToken]
  let lanes: [String]
  var index = 0
  var depth = 0

  init(tokens: [ConditionToken], lanes: [String]) {
    self.tokens = tokens
    self.lanes = lanes
  }

  var current: ConditionToken { tokens[index] }

  mutating func parseCondition() throws(Failure) -> Condition {
    let piece = try parseOr()
    guard case .end = current.kind else {
      if case .closeParen = current.kind { throw fail("unmatched ')'") }
      throw fail("unexpected \(current.shown): join conditions with 'and' or 'or'")
    }
    return try condition(piece)
  }

  private mutating func parseOr() throws(Failure) -> Piece {
    var left = try parseAnd()
    while case .word("or") = current.kind {
      let lhs = try condition(left)
      index += 1
      // Parse before calling `condition`: a method call on a struct reads `self` (and so the
      // error position) before its arguments are evaluated.
      let right = try parseAnd()
      left = .condition(.or(lhs, try condition(right)))
    }
    return left
  }

  private mutating func parseAnd() throws(Failure) -> Piece {
    var left = try parseCompare()
    while case .word("and") = current.kind {
      let lhs = try condition(left)
      index += 1
      let right = try parseCompare()
      left = .condition(.and(lhs, try condition(right)))
    }
    return left
  }

  private mutating func parseCompare() throws(Failure) -> Piece {
    let start = current.offset
    let left = try parseSum()
    guard case .comparison(let op) = current.kind else { return left }
    let lhs = try value(left, at: start, use: "compared")
    index += 1
    let rightStart = current.offset
    let right = try parseSum()
    let rhs = try value(right, at: rightStart, use: "compared")
    if case .comparison = current.kind {
      throw fail("comparisons cannot be chained; join them with 'and'")
    }
    return .condition(.compare(lhs, op, rhs))
  }

  private mutating func parseSum() throws(Failure) -> Piece {
    let start = current.offset
    var left = try parseProduct()
    while case .arithmetic(let op) = current.kind, op == .add || op == .subtract {
      let lhs = try value(left, at: start, use: "used in arithmetic")
      index += 1
      let rightStart = current.offset
      let right = try parseProduct()
      let rhs = try value(right, at: rightStart, use: "used in arithmetic")
      left = .value(.binary(lhs, op, rhs))
    }
    return left
  }

  private mutating func parseProduct() throws(Failure) -> Piece {
    let start = current.offset
    var left = try parseUnary()
    while case .arithmetic(let op) = current.kind, op == .multiply || op == .divide {
      let lhs = try value(left, at: start, use: "used in arithmetic")
      index += 1
      let rightStart = current.offset
      let right = try parseUnary()
      let rhs = try value(right, at: rightStart, use: "used in arithmetic")
      left = .value(.binary(lhs, op, rhs))
    }
    return left
  }

  private mutating func parseUnary() throws(Failure) -> Piece {
    guard case .arithmetic(.subtract) = current.kind else { return try parsePrimary() }
    try enter()
    defer { depth -= 1 }
    index += 1
    let start = current.offset
    let operand = try parseUnary()
    return .value(.negate(try value(operand, at: start, use: "negated")))
  }

  private mutating func parsePrimary() throws(Failure) -> Piece {
    let token = current
    switch token.kind {
    case .number(let v):
      index += 1
      if case .percent = current.kind {
        index += 1
        return .value(.percent(v))
      }
      return .value(.number(v))
    case .openParen:
      try enter()
      defer { depth -= 1 }
      index += 1
      let inner = try parseOr()
      guard case .closeParen = current.kind else { throw fail("expected ')', found \(current.shown)") }
      index += 1
      return inner
    case .word(let word) where word != "and" && word != "or":
      index += 1
      return .value(try metricCall(word, at: token))
    default:
      throw fail("expected a number, 'epoch' or a metric such as zeros(L1), found \(token.shown)")
    }
  }

  /// `epoch` or `METRIC(LANE)`; the word token has been consumed.
  private mutating func metricCall(_ word: String, at token: ConditionToken)
    throws(Failure) -> NumericExpression
  {
    let hasArgument: Bool = if case .openParen = current.kind { true } else { false }
    if word == "epoch" {
      if hasArgument { throw fail("'epoch' takes no lane") }
      return .epoch
    }
    guard let metric = Metric(rawValue: word) else {
      let known = (["epoch"] + Metric.allCases.map(\.rawValue)).joined(separator: ", ")
      throw Failure(offset: token.offset, message: "unknown metric '\(word)' (known: \(known))")
    }
    guard hasArgument else {
      throw Failure(offset: token.offset, message: "metric '\(word)' needs a lane in parentheses, e.g. \(word)(L1)")
    }
    index += 1
    guard case .laneArgument(let lane) = current.kind else {
      throw fail("missing lane name in '\(word)()'")
    }
    // The lens has lanes of its own (none, L1, L2, L1+L2), whatever the step trains.
    let lanes = metric == .lensZero ? LensDirectives.laneNames : self.lanes
    guard lanes.contains(lane) else {
      let inEffect = lanes.isEmpty
        ? "no step up to here declares lanes with 'lane:'"
        : "lanes in effect: \(lanes.joined(separator: ", "))"
      throw fail("unknown lane '\(lane)' (\(inEffect))")
    }
    index += 1
    guard case .closeParen = current.kind else { throw fail("expected ')' after the lane name") }
    index += 1
    return .metric(metric, lane: lane)
  }

  private func condition(_ piece: Piece) throws(Failure) -> Condition {
    switch piece {
    case .condition(let c): return c
    case .value:
      throw fail("expected a comparison operator (>=, <=, >, <, ==, !=), found \(current.shown)")
    }
  }

  private func value(_ piece: Piece, at offset: Int, use: String) throws(Failure) -> NumericExpression {
    switch piece {
    case .value(let v): return v
    case .condition:
      throw Failure(offset: offset, message: "a condition cannot be \(use); combine conditions with 'and' or 'or'")
    }
  }

  /// Bounds recursion so that a pathological `((((…` cannot overflow the stack.
  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > 64 { throw fail("condition is nested too deeply") }
  }

  private func fail(_ message: String) -> Failure { Failure(offset: current.offset, message: message) }
}
