import Testing

@testable import Lessons

/// The table of directives is the one place that says which keys exist, which repeat, which
/// part of a step they belong to and where their values land.
@Suite("directive table")
struct DirectiveTableTests {
  @Test func keysKindsAndRepeatsComeFromTheTable() {
    let keys = Directive.table.map(\.key)
    #expect(Set(keys).count == keys.count, "a key in two rows")
    #expect(Set(Directive.table.filter(\.repeatable).map(\.key)) == ["lane", "goal-hint"])
    #expect(Directive.keys(.question) == ["ask", "choice a", "choice b", "choice c", "choice d", "answer", "explain"])
    #expect(Directive.keys(.mission) == ["goal", "hold", "keys", "goal-hint", "solution", "unlock"])
    #expect(Directive.keys(.setup).count == 14)
    // Keys read by a builder have no store of their own; every other key stores its value.
    #expect(Directive.table.filter { $0.store == nil }.map(\.key).sorted()
            == (["until"] + Directive.keys(.question) + Directive.keys(.mission)).sorted())
  }

  @Test func everyRowParsesAndLandsInTheStepsDirectives() throws {
    let text = lesson("""
      ## S
      ```regviz
      dataset: iris
      hidden: 8
      lane: A = l1=0.1
      lane: l2=0.1
      batch: full
      scale-feature: none
      until: epoch > 3
      max-epochs: 50
      hint: look
      view: lens
      lens-scale: 2
      ask: Q?
      choice a: x
      choice b: y
      answer: b
      before-answer: restart
      numbers: acc
      ```

      """)
    let step = try parse(text).steps[0]
    #expect(step.directives.setup == Setup(dataset: .iris, hidden: [8], lanes: [
      LessonLane(name: "A", spec: "l1=0.1"), LessonLane(name: "L2", spec: "l2=0.1"),
    ], batch: .full).with(scaleFeature: "none"))
    #expect(step.maxEpochs == 50 && step.hint == "look" && step.view == .lens)
    #expect(step.lens == LensDirectives(scale: 2) && step.beforeAnswer == .restart && step.numbers == [.acc])
    #expect(step.question?.answer == "b" && step.until != nil)
    // The step reads its directives' fields as its own, both ways.
    var copy = step
    copy.hint = "other"
    #expect(copy.directives.hint == "other" && copy.until == step.directives.until)
  }

  @Test func aStepWithoutSetupKeysHasNoSetup() throws {
    #expect(try parse(lesson("## S\n```regviz\nhint: h\nlens-lambda: 1\n```\n")).steps[0].setup == nil)
  }

  /// Setup values are read as the flags read them: a width the flags refuse is refused here,
  /// at the value, rather than when the step's experiment is built.
  @Test func setupValuesAreTheFlagsValues() {
    #expect(parseError(lesson("## S\n```regviz\nhidden: 16,5000\n```\n"))?.description
            == "t.md:8:9: hidden layer width 5000 is too large (at most 4096)")
    #expect(parseError(lesson("## S\n```regviz\nspeed: 5000\n```\n"))?.description
            == "t.md:8:8: speed must be epochs per second from 0.1 to 1000, or 'max', got '5000'")
    #expect(parseError(lesson("## S\n```regviz\nlr: 1e300\n```\n"))?.description
            == "t.md:8:5: lr must be a number > 0, got '1e300'")
    #expect(parseError(lesson("## S\n```regviz\nscale-feature: A1:0\n```\n"))?.description
            == "t.md:8:16: scale-feature must be FEATURE:FACTOR (e.g. A1:1000, a factor other than 0) or none, got 'A1:0'")
  }
}
