import Testing

@testable import Lessons

private func epochAbove(_ n: Double) -> Condition { .compare(.epoch, .greater, .number(n)) }

@Suite("Condition parsing and printing")
struct ConditionParserTests {
  @Test func andBindsTighterThanOr() throws {
    let parsed = try condition("epoch > 1 or epoch > 2 and epoch > 3")
    #expect(parsed == .or(epochAbove(1), .and(epochAbove(2), epochAbove(3))))
    let grouped = try condition("(epoch > 1 or epoch > 2) and epoch > 3")
    #expect(grouped == .and(.or(epochAbove(1), epochAbove(2)), epochAbove(3)))
  }

  @Test func arithmeticPrecedenceAndAssociativity() throws {
    let parsed = try condition("epoch + 2 * 3 - 1 > 10")
    let sum: NumericExpression = .binary(.binary(.epoch, .add, .binary(.number(2), .multiply, .number(3))), .subtract, .number(1))
    #expect(parsed == .compare(sum, .greater, .number(10)))
    let grouped = try condition("(epoch + 1) * 2 >= -4")
    #expect(grouped == .compare(.binary(.binary(.epoch, .add, .number(1)), .multiply, .number(2)), .greaterOrEqual, .negate(.number(4))))
  }

  @Test func percentAndMetrics() throws {
    let parsed = try condition("zeros(L1) >= 50%")
    #expect(parsed == .compare(.metric(.zeros, lane: "L1"), .greaterOrEqual, .percent(50)))
    #expect(NumericExpression.percent(50).value(from: FakeMetrics(epoch: 0)) == 0.5)
    let gap = try condition("val_acc(none) < acc(none) - 0.1")
    #expect(gap == .compare(.metric(.valAcc, lane: "none"), .less, .binary(.metric(.acc, lane: "none"), .subtract, .number(0.1))))
  }

  @Test func everyMetricNameParses() throws {
    for metric in Metric.allCases {
      #expect(try condition("\(metric.rawValue)(none) >= 0") == .compare(.metric(metric, lane: "none"), .greaterOrEqual, .number(0)))
    }
  }

  @Test func laneNamesMayContainPlus() throws {
    let parsed = try condition("acc( L1+L2 ) > .5", lanes: ["l1=0.1,l2=0.1"])
    #expect(parsed == .compare(.metric(.acc, lane: "L1+L2"), .greater, .number(0.5)))
  }

  @Test(arguments: [
    ("zeros(L1) >= 50%", "zeros(L1) ≥ 50%"),
    ("epoch>=300 and zeros(L1)>=0.5", "epoch ≥ 300 and zeros(L1) ≥ 0.5"),
    ("val_acc(none) < acc(none) - 0.1", "val_acc(none) < acc(none) - 0.1"),
    ("(epoch > 1 or epoch > 2) and epoch > 3", "(epoch > 1 or epoch > 2) and epoch > 3"),
    ("epoch > 1 or (epoch > 2 and epoch > 3)", "epoch > 1 or epoch > 2 and epoch > 3"),
    ("epoch - (1 - 2) > 0", "epoch - (1 - 2) > 0"),
    ("(epoch - 1) - 2 > 0", "epoch - 1 - 2 > 0"),
    ("-(epoch + 1) * 2 <= 1e-5", "-(epoch + 1) * 2 ≤ 1e-05"),
    ("epoch == 3 or epoch != 4", "epoch = 3 or epoch ≠ 4"),
    ("feature_ratio(L1) > 2.5 * feature_ratio(none)", "feature_ratio(L1) > 2.5 * feature_ratio(none)"),
  ])
  func printsReadably(source: String, printed: String) throws {
    let parsed = try condition(source)
    #expect(parsed.description == printed)
    // What is printed parses back to the same condition.
    #expect(try condition(printed) == parsed)
  }

  /// Errors in `until:` on line 10 point at the token; the value starts at column 8.
  @Test(arguments: [
    ("epoch >", 15, "expected a number, 'epoch' or a metric such as zeros(L1), found the end of the condition"),
    ("epoch", 13, "expected a comparison operator (>=, <=, >, <, ==, !=), found the end of the condition"),
    ("epoch and epoch > 1", 14, "expected a comparison operator (>=, <=, >, <, ==, !=), found 'and'"),
    ("epoch > 1 and epoch", 27, "expected a comparison operator (>=, <=, >, <, ==, !=), found the end of the condition"),
    ("epoch > 1 and", 21, "expected a number, 'epoch' or a metric such as zeros(L1), found the end of the condition"),
    ("and epoch > 1", 8, "expected a number, 'epoch' or a metric such as zeros(L1), found 'and'"),
    ("zeros > 1", 8, "metric 'zeros' needs a lane in parentheses, e.g. zeros(L1)"),
    ("zeros() > 1", 14, "missing lane name in 'zeros()'"),
    ("zeros(L1 > 1", 17, "expected ')' after the lane name"),
    ("epoch(L1) > 3", 13, "'epoch' takes no lane"),
    ("epoch > 3 epoch > 4", 18, "unexpected 'epoch': join conditions with 'and' or 'or'"),
    ("epoch > 3)", 17, "unmatched ')'"),
    ("(epoch > 3", 18, "expected ')', found the end of the condition"),
    ("1 < epoch < 3", 18, "comparisons cannot be chained; join them with 'and'"),
    ("(epoch > 3) + 1 > 0", 8, "a condition cannot be used in arithmetic; combine conditions with 'and' or 'or'"),
    ("epoch > (epoch > 3)", 16, "a condition cannot be compared; combine conditions with 'and' or 'or'"),
    ("epoch @ 3", 14, "unexpected character '@' in condition"),
    ("epoch > 1e999", 16, "number '1e999' is out of range"),
    ("epoch > 5 %% 2", 19, "unexpected '%': join conditions with 'and' or 'or'"),
  ])
  func syntaxErrorsPointAtTheToken(source: String, column: Int, message: String) {
    #expect(throws: LessonError(file: "t.md", line: 10, column: column, message: message)) {
      try condition(source)
    }
  }

  @Test func unknownMetricListsTheKnownOnes() {
    #expect(throws: LessonError(file: "t.md", line: 10, column: 12, message: "unknown metric 'sparsity' (known: epoch, zeros, near_zeros, acc, val_acc, loss, val_loss, data_loss, penalty, l1_norm, l2_norm, noise_zeros, feature_ratio, star_rows, pruned_units, dropped_inputs, lens_zero, group_kept, group_balance, scaled_kept, dropped_border, dropped_inner)")) {
      try condition("1 < sparsity(L1)")
    }
  }

  @Test func longChainsAreAnErrorNotAStackOverflow() {
    let plus = "epoch > " + Array(repeating: "1", count: 100_000).joined(separator: "+")
    #expect(throws: LessonError(file: "t.md", line: 10, column: 143, message: "condition too long: 100000 operators (at most 64)")) {
      try condition(plus)
    }
    let and = Array(repeating: "epoch > 1", count: 40).joined(separator: " and ")
    #expect(throws: (any Error).self) { try condition(and) }
    let ok = Array(repeating: "epoch > 1", count: 30).joined(separator: " and ")
    #expect((try? condition(ok)) != nil, "59 operators are fine")
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "(", count: 500) + "epoch > 1" + String(repeating: ")", count: 500)
    #expect(throws: LessonError(file: "t.md", line: 10, column: 72, message: "condition is nested too deeply")) {
      try condition(deep)
    }
    let negations = String(repeating: "-", count: 500) + "epoch > 1"
    #expect((try? condition(negations)) == nil)
  }
}
