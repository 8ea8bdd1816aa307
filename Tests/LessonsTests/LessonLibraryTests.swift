import Foundation
import Testing

@testable import Lessons

@Suite("Lesson library")
struct LessonLibraryTests {
  @Test func fileNamePattern() {
    #expect(LessonLibrary.isLessonFileName("01-overfitting.md"))
    #expect(LessonLibrary.isLessonFileName("10-x.md"))
    #expect(!LessonLibrary.isLessonFileName("README.md"))
    #expect(!LessonLibrary.isLessonFileName("1-short.md"))
    #expect(!LessonLibrary.isLessonFileName("01-.md"))
    #expect(!LessonLibrary.isLessonFileName("01-notes.txt"))
  }

  @Test func loadsSortedLessonsAndReportsEachBrokenFile() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    func write(_ name: String, _ text: String) throws {
      try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try write("02-second.md", lesson("## A\n"))
    try write("01-first.md", lesson("## A\n## B\n"))
    try write("03-broken.md", lesson("## A\n```regviz\nbogus: 1\n```\n"))
    try write("README.md", "# not a lesson\n")
    try Data([0xFF, 0xFE, 0x00]).write(to: root.appendingPathComponent("04-binary.md"))

    let results = try LessonLibrary.load(from: root, validator: fakeValidator)
    #expect(results.count == 4)
    #expect((try? results[0].get())?.id == "01-first")
    #expect((try? results[0].get())?.steps.count == 2)
    #expect((try? results[1].get())?.id == "02-second")
    let broken = root.appendingPathComponent("03-broken.md").path
    #expect(results[2].failure?.description == "\(broken):8:1: unknown directive 'bogus'")
    #expect(results[3].failure?.message == "lesson file is not valid UTF-8")
  }

  @Test func missingDirectoryIsAnError() {
    let missing = URL(fileURLWithPath: "/nonexistent/lessons-\(UUID().uuidString)")
    #expect(throws: LessonError.self) { try LessonLibrary.lessonFiles(in: missing) }
  }
}

extension Result {
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { error } else { nil }
  }
}
