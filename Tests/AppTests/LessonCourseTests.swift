import Lessons
import Testing

@testable import App

/// `regviz lesson N|name` and `regviz` with no arguments: which lesson, and which step.
@Suite("Lesson course: choosing and resuming")
struct LessonCourseTests {
  static let lessons = LessonFixtures.shipped

  static func pick(_ query: String) -> Result<Int, LessonCourse.SelectionError> {
    LessonCourse.select(query, in: lessons)
  }

  @Test func byNumberIdPrefixOrSubstring() throws {
    #expect(try Self.pick("2").get() == 1)
    #expect(try Self.pick("02-l1-lasso").get() == 1)
    #expect(try Self.pick("02").get() == 1)
    #expect(try Self.pick("lasso").get() == 1)
    #expect(try Self.pick("RIDGE").get() == 2)
    #expect(try Self.pick("l2").get() == 2, "a substring of one id only")
    #expect(try Self.pick("06-exact").get() == 5)
  }

  @Test func unknownAndAmbiguousNamesListTheChoices() {
    let n = LessonFixtures.shipped.count
    guard case .failure(let none) = Self.pick("\(n + 1)") else { Issue.record("\(n + 1) is not a lesson"); return }
    #expect(none.message == "there is no lesson \(n + 1); choose 1–\(n) or one of: " + LessonFixtures.shipped.map(\.id).joined(separator: ", "))
    guard case .failure(let unknown) = Self.pick("dropout") else { Issue.record("no dropout lesson"); return }
    #expect(unknown.message.hasPrefix("no lesson 'dropout': choose 1–\(LessonFixtures.shipped.count) or one of: 01-overfitting,"))
  }

  @Test func ambiguousNames() {
    guard case .failure(let many) = Self.pick("l") else { Issue.record("'l' matches several"); return }
    #expect(many.message == "'l' matches 02-l1-lasso, 03-l2-ridge, 04-keras-per-layer, 05-choosing-lambda, 09-correlated-features-and-units, 10-weight-decay-lambda-and-n; be more specific, or use the number")
    guard case .failure(let zero) = Self.pick("0") else { Issue.record("0 is not a lesson"); return }
    #expect(zero.message.hasPrefix("there is no lesson 0"))
  }

  @Test func resumeWhereTheLearnerLeftOff() {
    #expect(LessonCourse.resume(Self.lessons, progress: CourseProgress())! == (0, 0))
    let midway = CourseProgress(finished: ["01-overfitting"], current: .init(lesson: "03-l2-ridge", step: 2))
    #expect(LessonCourse.resume(Self.lessons, progress: midway)! == (2, 2))
    // A saved step past the end (the lesson was shortened) lands on the last step.
    let past = CourseProgress(current: .init(lesson: "02-l1-lasso", step: 40))
    #expect(LessonCourse.resume(Self.lessons, progress: past)! == (1, Self.lessons[1].steps.count - 1))
    // A position in a finished or unknown lesson gives way to the first unfinished one.
    let stale = CourseProgress(finished: ["01-overfitting", "02-l1-lasso"], current: .init(lesson: "gone", step: 1))
    #expect(LessonCourse.resume(Self.lessons, progress: stale)! == (2, 0))
    let all = CourseProgress(finished: Self.lessons.map(\.id))
    #expect(LessonCourse.resume(Self.lessons, progress: all) == nil)
  }
}
