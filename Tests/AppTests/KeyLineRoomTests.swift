import Canvas
import Lessons
import Testing
import Training

@testable import App

/// What the key line keeps when it is short of room: the key a page gives the learner keeps its
/// label, less important keys go whole before it loses it; window titles and the tug of war's
/// footer are whole at 80 columns.
@Suite("key line room")
struct KeyLineRoomTests {
  typealias F = LessonFixtures

  static func keyLine(lesson id: String, step: @escaping (Step) -> Bool, width: Int, height: Int) throws -> String {
    let lesson = try #require(F.shipped.firstIndex { $0.id.hasPrefix(id) })
    let found = F.shipped[lesson].steps.firstIndex(where: step)
    let index = try #require(found)
    let snapshot = F.snapshot(try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: index), epochs: 10)
    let (_, grid) = try LessonStepFrameTests.drawn(lesson: lesson, step: index, snapshot, width: width, height: height,
                                                    answered: true)
    return grid.row(height - 1)
  }

  /// Lesson 7's lens page: `[ ] λ` moves the lens's λ; at 80 columns it read ` [ ]` with no word.
  @Test(arguments: [(80, 24), (120, 40)])
  func theLensLambdaKeepsItsLabel(_ size: (Int, Int)) throws {
    let line = try Self.keyLine(lesson: "07", step: { $0.view == .lens }, width: size.0, height: size.1)
    #expect(line.contains("[ ] λ"), "\(line)")
    #expect(line.contains("? help") && line.contains("q quit"), "\(line)")
  }

  /// Lesson 8's first mission gives λ: its key is on the key line, labelled, as the pane says.
  @Test(arguments: [(80, 24), (120, 40)])
  func aMissionsKeyIsOnTheKeyLine(_ size: (Int, Int)) throws {
    let line = try Self.keyLine(lesson: "08", step: { $0.mission != nil }, width: size.0, height: size.1)
    #expect(line.contains("[ ] λ"), "\(line)")
  }

  @Test func theTugFooterIsWholeInItsWidth() {
    #expect(TugView.marksFooter(width: 60) == "marks: this step's z (at the edge: further out)")
    #expect(TugView.marksFooter(width: 44) == "marks: this step's z (edge: further out)")
    #expect(TugView.marksFooter(width: 30) == "marks: this step's z")
    #expect(TugView.marksFooter(width: 3) == "marks: z")
  }
}
