import Testing

@testable import Lessons

@Suite("Lesson structure errors")
struct StructureErrorTests {
  @Test func emptyLesson() {
    #expect(parseError(lesson(""))?.description == "t.md:6:1: lesson has no steps: each step starts with a '## ' heading")
    #expect(parseError(lesson("\n# Only a title\n\n"))?.line == 6)
  }

  @Test func stepWithoutTitle() {
    #expect(parseError(lesson("## One\ntext\n##\n"))?.description == "t.md:8:1: step without a title: write the title after '## '")
    #expect(parseError(lesson("## One\n##    \n"))?.line == 7)
  }

  @Test func textBeforeTheFirstStep() {
    let error = parseError(lesson("# Title\n\n  Some intro.\n## One\n"))
    #expect(error?.description == "t.md:8:3: text before the first step: start a step with a '## ' heading")
  }

  @Test func titleLineOnlyBeforeSteps() {
    #expect(parseError(lesson("# A\n# B\n## S\n"))?.description == "t.md:7:1: only one '# ' title line is allowed before the first step")
    #expect(parseError(lesson("## S\n# B\n"))?.description == "t.md:7:1: a '# ' title line may only come before the first step; use '## ' to start a step")
  }

  @Test func unterminatedFencePointsAtTheOpeningFence() {
    let error = parseError(lesson("## S\ntext\n  ```swift\nlet x = 1\n## Not a step\n"))
    #expect(error?.description == "t.md:8:3: unterminated code fence: no closing ``` for the fence opened here")
  }

  @Test func twoRegvizBlocks() {
    let body = "## S\n```regviz\nlr: 0.1\n```\ntext\n```regviz\nseed: 1\n```\n"
    #expect(parseError(lesson(body))?.description == "t.md:11:1: a step may have only one regviz block (the first is at line 7)")
  }

  @Test func regvizBlocksInDifferentStepsAreFine() throws {
    let body = "## A\n```regviz\nlr: 0.1\n```\n## B\n```regviz\nseed: 1\n```\n"
    let parsed = try parse(lesson(body))
    #expect(parsed.steps.map(\.setup?.learningRate) == [0.1, nil])
    #expect(parsed.steps.map(\.setup?.seed) == [nil, 1])
  }

  @Test func headingInsideAFenceIsCode() throws {
    let parsed = try parse(lesson("## A\n```\n## not a step\n```\n"))
    #expect(parsed.steps.count == 1)
    #expect(parsed.steps[0].blocks == [.code(["## not a step"])])
  }

  @Test func closingHashesAreDroppedFromTitles() throws {
    let parsed = try parse(lesson("## Two lanes ##\n##Not a heading\n"))
    #expect(parsed.steps[0].title == "Two lanes")
    #expect(parsed.steps[0].blocks == [.paragraph([.text("##Not a heading")])])
  }
}
