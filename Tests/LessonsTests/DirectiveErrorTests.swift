import Testing

@testable import Lessons

/// A one-step lesson whose regviz block holds `directives`; the first directive is on line 8.
private func block(_ directives: String) -> String {
  lesson("## S\n```regviz\n\(directives)\n```\n")
}

@Suite("regviz directive errors")
struct DirectiveErrorTests {
  @Test func unknownDirective() {
    #expect(parseError(block("lr: 0.1\n  epochs: 3"))?.description == "t.md:9:3: unknown directive 'epochs'")
    #expect(parseError(block("choice e: five"))?.description == "t.md:8:1: unknown directive 'choice e': choices are 'choice a:' to 'choice d:'")
  }

  @Test func lineWithoutColon() {
    #expect(parseError(block("# fine\n\nlr 0.1"))?.description == "t.md:10:1: expected 'key: value' (a regviz directive)")
  }

  @Test func missingValue() {
    #expect(parseError(block("lr:"))?.description == "t.md:8:4: missing value for 'lr:'")
  }

  @Test func duplicateDirective() {
    #expect(parseError(block("seed: 1\nseed: 2"))?.description == "t.md:9:1: duplicate directive 'seed' (first at line 8)")
  }

  /// Each bad value is reported at the column where the value starts.
  @Test(arguments: [
    ("dataset:  mnist", 11, "dataset must be iris, sparse, digits, correlated[:ρ] (ρ in [0, 0.99]) or a path ending in .csv, got 'mnist'"),
    ("hidden: 16,,4", 9, "hidden must be layer widths such as 16,16 or 'none', got '16,,4'"),
    ("hidden: 0", 9, "hidden must be layer widths such as 16,16 or 'none', got '0'"),
    ("activation: gelu", 13, "activation must be one of relu, tanh, sigmoid, linear, got 'gelu'"),
    ("optimizer: rmsprop", 12, "optimizer must be one of sgd, adam, got 'rmsprop'"),
    ("lr: 0", 5, "lr must be a number > 0, got '0'"),
    ("lr: nan", 5, "lr must be a number > 0, got 'nan'"),
    ("momentum: 1", 11, "momentum must be a number with 0 ≤ m < 1, got '1'"),
    ("batch: -3", 8, "batch must be a positive whole number or 'full', got '-3'"),
    ("l1-rule: soft", 10, "l1-rule must be one of prox, subgradient, clip, got 'soft'"),
    ("histogram: sideways", 12, "histogram must be one of linear, log, got 'sideways'"),
    ("speed: 0", 8, "speed must be epochs per second from 0.1 to 1000, or 'max', got '0'"),
    ("seed: -1", 7, "seed must be a non-negative whole number, got '-1'"),
    ("val-split: 1.0", 12, "val-split must be a fraction with 0 ≤ f < 1 (or a percentage), got '1.0'"),
    ("standardize: maybe", 14, "standardize must be yes or no, got 'maybe'"),
    ("max-epochs: 0\nuntil: epoch > 1", 13, "max-epochs must be a positive whole number, got '0'"),
    ("highlight: graph", 12, "highlight must be one of weights, zeros, loss, norm, features, model, status, lesson, got 'graph'"),
  ])
  func badValue(directive: String, column: Int, message: String) {
    #expect(parseError(block(directive))?.description == "t.md:8:\(column): \(message)")
  }

  @Test func maxEpochsNeedsUntil() {
    #expect(parseError(block("max-epochs: 10"))?.description == "t.md:8:1: 'max-epochs:' needs an 'until:' or 'goal:' condition in the same step")
  }

  @Test func badLaneSpecPointsAtTheSpec() {
    #expect(parseError(block("lane: l3=1"))?.description == "t.md:8:7: bad lane spec 'l3=1': expected none, l1=X, l2=X or l1=X,l2=Y")
    #expect(parseError(block("lane: strong = l1=x"))?.description == "t.md:8:16: bad lane spec 'l1=x': expected none, l1=X, l2=X or l1=X,l2=Y")
    #expect(parseError(block("lane: strong =  "))?.description == "t.md:8:15: missing lane spec after 'strong ='")
  }

  @Test func badLaneName() {
    #expect(parseError(block("lane: 2x = none"))?.description == "t.md:8:7: lane name '2x' must start with a letter or '_' and use only letters, digits, '_', '+' and '-'")
  }

  @Test func duplicateLaneNames() {
    #expect(parseError(block("lane: l1=0.1\nlane: l1=0.2"))?.description == "t.md:9:7: duplicate lane name 'L1' (also on line 8); name lanes with 'lane: NAME = SPEC'")
    #expect(parseError(block("lane: a = none\nlane:  a = l1=0.1"))?.column == 8)
  }

  @Test func questionWithoutAnswer() {
    let error = parseError(block("ask: Why?\nchoice a: x\nchoice b: y"))
    #expect(error?.description == "t.md:8:1: question has no 'answer:' naming the correct choice")
  }

  @Test func answerNotAmongChoices() {
    let error = parseError(block("ask: Why?\nchoice a: x\nchoice b: y\nanswer:  c"))
    #expect(error?.description == "t.md:11:10: answer 'c' is not one of the choices (a, b)")
  }

  @Test func questionNeedsTwoChoices() {
    let error = parseError(block("hint: h\nask: Why?\nchoice a: x\nanswer: a"))
    #expect(error?.description == "t.md:9:1: a question needs at least two choices ('choice a:' and 'choice b:')")
  }

  @Test func choicesInOrder() {
    let error = parseError(block("ask: Why?\nchoice a: x\nchoice c: y\nanswer: a"))
    #expect(error?.description == "t.md:10:1: expected 'choice b:' here; choices go a, b, c, d in order")
  }

  @Test func answerWithoutAsk() {
    let error = parseError(block("choice a: x\nanswer: a"))
    #expect(error?.description == "t.md:8:1: 'choice a:' without 'ask:'; a question starts with 'ask: TEXT'")
  }

  @Test func unknownPanelInCondition() {
    // A panel name is not a metric: conditions only read metrics.
    let error = parseError(block("lane: none\nuntil: weights(none) > 1"))
    #expect(error?.line == 9)
    #expect(error?.column == 8)
    #expect(error?.message.hasPrefix("unknown metric 'weights'") == true)
  }

  @Test func unknownLaneInConditionPointsAtTheLane() {
    let error = parseError(block("lane: none\nlane: l1=0.1\nuntil: epoch > 3 and zeros( L2 ) > 0"))
    #expect(error?.description == "t.md:10:29: unknown lane 'L2' (lanes in effect: none, L1)")
  }

  @Test func conditionLanesComeFromTheMostRecentLaneList() throws {
    let body = """
      ## A
      ```regviz
      lane: none
      lane: l1=0.1
      ```
      ## B
      ```regviz
      lr: 0.2
      until: zeros(L1) > 0.5
      ```
      ## C
      ```regviz
      lane: l2=0.1
      until: zeros(L1) > 0.5
      ```

      """
    let error = parseError(lesson(body))
    #expect(error?.description == "t.md:19:14: unknown lane 'L1' (lanes in effect: L2)")
    let noLanes = parseError(block("until: acc(none) > 0.5"))
    #expect(noLanes?.description == "t.md:8:12: unknown lane 'none' (no step up to here declares lanes with 'lane:')")
  }

  @Test func lanesDeclaredAfterUntilInTheSameBlockCount() throws {
    let parsed = try parse(block("until: acc(L2) > 0.9\nlane: l2=0.1"))
    #expect(parsed.steps[0].until == .compare(.metric(.acc, lane: "L2"), .greater, .number(0.9)))
  }
}

/// `before-answer:` and `numbers:`: what the screen does while a question waits, and which
/// numbers the lesson pane lists.
@Suite("Step flow directives")
struct StepFlowDirectiveTests {
  private func parse(_ directives: String) throws -> Step {
    try LessonsTests.parse(lesson("## S\n```regviz\n\(directives)\n```\n")).steps[0]
  }

  private let question = "ask: Q?\nchoice a: x\nchoice b: y\nanswer: a"

  @Test func beforeAnswerValues() throws {
    #expect(try parse(question).beforeAnswer == .pause)
    #expect(try parse(question + "\nbefore-answer: restart").beforeAnswer == .restart)
    #expect(try parse(question + "\nbefore-answer: pause").beforeAnswer == .pause)
    // A restart makes the step start an experiment of its own, like a setup does.
    #expect(try parse(question + "\nbefore-answer: restart").startsExperiment)
    #expect(try !parse(question).startsExperiment)
  }

  @Test func beforeAnswerErrorsPointAtTheValueOrKey() {
    #expect(parseError(lesson("## S\n```regviz\nbefore-answer: later\n```\n"))?.description
            == "t.md:8:16: before-answer must be pause or restart, got 'later'")
    #expect(parseError(lesson("## S\n```regviz\nlr: 0.1\n  before-answer: restart\n```\n"))?.description
            == "t.md:9:3: 'before-answer:' needs a question ('ask:') in the same step")
  }

  @Test func numbersList() throws {
    #expect(try parse("numbers: acc, val_acc,zeros").numbers == [.acc, .valAcc, .zeros])
    #expect(try parse("lr: 0.1").numbers == [])
  }

  @Test func numbersErrorsPointAtTheName() {
    #expect(parseError(lesson("## S\n```regviz\nnumbers: acc, sparsity\n```\n"))?.description
            == "t.md:8:15: unknown metric 'sparsity' in numbers: (known: zeros, near_zeros, acc, val_acc, loss, val_loss, data_loss, penalty, l1_norm, l2_norm, noise_zeros, feature_ratio, star_rows, pruned_units, dropped_inputs, group_kept, group_balance, scaled_kept, dropped_border, dropped_inner)")
    #expect(parseError(lesson("## S\n```regviz\nnumbers: lens_zero\n```\n"))?.description.contains("unknown metric 'lens_zero' in numbers:") == true)
    #expect(parseError(lesson("## S\n```regviz\nnumbers: acc,  acc\n```\n"))?.description
            == "t.md:8:16: 'acc' listed twice in numbers:")
    #expect(parseError(lesson("## S\n```regviz\nnumbers: acc, val_acc, zeros, loss\n```\n"))?.description
            == "t.md:8:10: numbers: shows at most 3 metrics (an 80-column screen has room for no more), got 4")
  }
}

/// Conditions print in the units the screen uses: accuracies and zeros are percentages there.
@Suite("Conditions in screen units")
struct ConditionScreenUnitTests {
  private func condition(_ text: String) throws -> Condition {
    try LessonsTests.condition(text, lanes: ["none", "L1 = l1=0.02", "strong = l1=0.1"])
  }

  @Test(arguments: [
    ("acc(none) >= 1", "acc(none) ≥ 100%"),
    ("zeros(strong) == 1", "zeros(strong) = 100%"),
    ("acc(strong) < 0.4 and val_loss(strong) > 1.09", "acc(strong) < 40% and val_loss(strong) > 1.09"),
    ("val_acc(none) < acc(none) - 0.1", "val_acc(none) < acc(none) - 10%"),
    ("zeros(L1) >= 50%", "zeros(L1) ≥ 50%"),
    ("noise_zeros(L1) >= 0.9 and feature_ratio(L1) > 10", "noise_zeros(L1) ≥ 90% and feature_ratio(L1) > 10"),
    ("epoch >= 300", "epoch ≥ 300"),
    ("zeros(L1) > 0.07", "zeros(L1) > 7%"),
  ])
  func printedAsOnScreen(source: String, shown: String) throws {
    let c = try condition(source)
    #expect(c.onScreen == shown)
    // The printed form still means the same condition.
    #expect(try condition(shown) == c || condition(shown).description == condition(c.onScreen).description)
  }
}
