import Testing

@testable import Lessons

@Suite("Front matter")
struct FrontMatterTests {
  @Test func missingFrontMatter() {
    let error = parseError("## Step\nText\n")
    #expect(error?.description == "t.md:1:1: missing front matter: a lesson starts with a '---' line, then title:, summary: and minutes:, then '---'")
  }

  @Test func emptyFileIsMissingFrontMatter() {
    #expect(parseError("")?.line == 1)
  }

  @Test func unterminated() {
    let error = parseError("---\ntitle: A\nsummary: B\nminutes: 3\n## Step\n")
    #expect(error?.description == "t.md:1:1: unterminated front matter: no closing '---' line")
  }

  @Test func missingKeyIsReportedAtTheClosingLine() {
    let error = parseError("---\ntitle: A\nminutes: 3\n---\n## S\n")
    #expect(error?.description == "t.md:4:1: front matter is missing 'summary:'")
  }

  @Test func unknownKeyPointsAtTheKey() {
    let error = parseError("---\ntitle: A\n  author: me\nsummary: B\nminutes: 3\n---\n## S\n")
    #expect(error?.description == "t.md:3:3: unknown front matter key 'author' (expected title, summary, minutes)")
  }

  @Test func malformedLine() {
    let error = parseError("---\ntitle: A\njust words\n---\n")
    #expect(error?.description == "t.md:3:1: malformed front matter line: expected 'key: value'")
  }

  @Test func badMinutesPointsAtTheValue() {
    let error = parseError("---\ntitle: A\nsummary: B\nminutes:   ten\n---\n## S\n")
    #expect(error?.description == "t.md:4:12: minutes must be a positive whole number, got 'ten'")
    #expect(parseError("---\ntitle: A\nsummary: B\nminutes: 0\n---\n## S\n")?.column == 10)
  }

  @Test func duplicateKey() {
    let error = parseError("---\ntitle: A\ntitle: B\nsummary: B\nminutes: 3\n---\n## S\n")
    #expect(error?.description == "t.md:3:1: duplicate front matter key 'title' (first at line 2)")
  }

  @Test func emptyTitle() {
    let error = parseError("---\ntitle:\nsummary: B\nminutes: 3\n---\n## S\n")
    #expect(error?.description == "t.md:2:7: title must not be empty")
  }

  @Test func quotesCommentsAndCRLFAreAccepted() throws {
    let text = "\u{FEFF}---\r\n# a YAML comment\r\ntitle: \"L1: the lasso\"\r\nsummary: 'Zeros.'\r\nminutes: 7\r\n---\r\n## S\r\n"
    let parsed = try parse(text, file: "lessons/02-l1-lasso.md")
    #expect(parsed.title == "L1: the lasso")
    #expect(parsed.summary == "Zeros.")
    #expect(parsed.minutes == 7)
    #expect(parsed.id == "02-l1-lasso")
    #expect(parsed.steps.map(\.line) == [7])
  }
}
