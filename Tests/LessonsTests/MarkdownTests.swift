import Testing

@testable import Lessons

@Suite("Markdown subset")
struct MarkdownTests {
  @Test func inlineSpans() {
    #expect(Inline.parse("a **bold** and *it* with `x * y`") == [
      .text("a "), .bold("bold"), .text(" and "), .italic("it"), .text(" with "), .code("x * y"),
    ])
  }

  @Test func unmatchedMarkersAreLiteral() {
    #expect(Inline.parse("2 * 3 * 4") == [.text("2 * 3 * 4")])
    #expect(Inline.parse("**open and `tick") == [.text("**open and `tick")])
    #expect(Inline.parse("***x***") == [.text("***x***")])
    #expect(Inline.parse("") == [])
  }

  @Test func escapesAndDoubleBacktickSpans() {
    #expect(Inline.parse(#"\*not italic\* and \`"#) == [.text("*not italic* and `")])
    #expect(Inline.parse("`` a`b ``") == [.code("a`b")])
    #expect(Inline.parse(#"*a \* b*"#) == [.italic("a * b")])
  }

  @Test func blocks() throws {
    let body = """
      ## S
      First line
      joined  here.

      - one
      * two
        continued

      - three

      after the list

      ### Aside
      ```python
      x = 1

        y = 2
      ```

      """
    let step = try parse(lesson(body)).steps[0]
    #expect(step.blocks == [
      .paragraph([.text("First line joined  here.")]),
      .bullets([[.text("one")], [.text("two continued")], [.text("three")]]),
      .paragraph([.text("after the list")]),
      .paragraph([.bold("Aside")]),
      .code(["x = 1", "", "  y = 2"]),
    ])
    #expect(step.blocks.first.map { if case .paragraph(let s) = $0 { s.plainText } else { "" } } == "First line joined  here.")
  }

  @Test func lazyContinuationJoinsAWrappedBullet() throws {
    let step = try parse(lesson("## S\n- a **long**\nitem\n\nNext paragraph.\n")).steps[0]
    #expect(step.blocks == [
      .bullets([[.text("a "), .bold("long"), .text(" item")]]),
      .paragraph([.text("Next paragraph.")]),
    ])
  }
}
