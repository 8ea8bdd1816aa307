import Foundation
import Testing

@testable import Lessons

/// Keeps `lessons/README.md` honest: its complete example must parse as documented.
@Suite("lessons/README.md")
struct ReadmeExampleTests {
  @Test func theCompleteExampleParses() throws {
    let readme = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("lessons/README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    // The example is the first ````markdown block.
    let start = try #require(text.range(of: "````markdown\n"))
    let end = try #require(text.range(of: "\n````", range: start.upperBound..<text.endIndex))
    let example = String(text[start.upperBound..<end.lowerBound])

    let lesson = try LessonParser.parse(example, file: "02-l1-lasso.md", validator: fakeValidator)
    #expect(lesson.title == "L1 and the lasso")
    #expect(lesson.steps.map(\.title) == ["Two lanes", "Why exactly zero?"])
    #expect(lesson.steps[0].setup?.lanes.map(\.name) == ["none", "L1"])
    #expect(lesson.steps[0].until?.description == "zeros(L1) ≥ 50% and epoch ≥ 300")
    #expect(lesson.steps[1].question?.answer == "b")
  }
}
