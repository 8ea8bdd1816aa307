import Testing

@testable import Lessons

@Suite("Condition evaluation")
struct ConditionEvaluationTests {
  @Test func falseBeforeTrueAfter() throws {
    let until = try condition("zeros(L1) >= 50% and epoch >= 300")
    #expect(!until.isSatisfied(by: FakeMetrics(epoch: 0)))
    #expect(!until.isSatisfied(by: FakeMetrics(epoch: 100, values: ["zeros(L1)": 0.6])))
    #expect(!until.isSatisfied(by: FakeMetrics(epoch: 300, values: ["zeros(L1)": 0.49])))
    #expect(until.isSatisfied(by: FakeMetrics(epoch: 300, values: ["zeros(L1)": 0.5])))
    #expect(until.isSatisfied(by: FakeMetrics(epoch: 900, values: ["zeros(L1)": 0.8])))
  }

  @Test func arithmeticOnMetrics() throws {
    let gap = try condition("val_acc(none) < acc(none) - 0.1")
    #expect(!gap.isSatisfied(by: FakeMetrics(epoch: 5, values: ["acc(none)": 0.9, "val_acc(none)": 0.85])))
    #expect(gap.isSatisfied(by: FakeMetrics(epoch: 5, values: ["acc(none)": 0.9, "val_acc(none)": 0.7])))
    #expect(!gap.isSatisfied(by: FakeMetrics(epoch: 5, values: ["acc(none)": 0.9])))
  }

  @Test func missingValueOnlyFailsItsOwnComparison() throws {
    let either = try condition("epoch > 10 or zeros(L1) > 0.5")
    #expect(either.isSatisfied(by: FakeMetrics(epoch: 11)))
    #expect(!either.isSatisfied(by: FakeMetrics(epoch: 10)))
    // Even `!=` is false when a value is missing: "not available" is not "different".
    #expect(!(try condition("zeros(L1) != 1")).isSatisfied(by: FakeMetrics(epoch: 3)))
  }

  @Test func divisionByZero() throws {
    let ratio = try condition("acc(none) / loss(none) > 1")
    #expect(ratio.isSatisfied(by: FakeMetrics(epoch: 1, values: ["acc(none)": 1, "loss(none)": 0])))
    #expect(!ratio.isSatisfied(by: FakeMetrics(epoch: 1, values: ["acc(none)": 0, "loss(none)": 0])))
  }

  @Test func referencesListWhatTheConditionReads() throws {
    let until = try condition("zeros(L1) > 0.5 and (val_loss(none) < 1 or epoch > 3)")
    #expect(until.references.map { "\($0.metric.rawValue)(\($0.lane))" } == ["zeros(L1)", "val_loss(none)"])
  }
}
