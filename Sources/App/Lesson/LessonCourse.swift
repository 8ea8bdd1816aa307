import Foundation
import Lessons

/// Finding a lesson in the course: by what the learner typed (`regviz lesson 2`, `lasso`), or
/// where they left off (`regviz` with no arguments).
public enum LessonCourse {
  /// The index of the lesson `query` names: a 1-based number, an id (`02-l1-lasso`), or a
  /// case-insensitive prefix or substring of exactly one id. Otherwise a one-line message
  /// listing the choices.
  public static func select(_ query: String, in lessons: [Lesson]) -> Result<Int, SelectionError> {
    let trimmed = query.trimmingCharacters(in: .whitespaces)
    let ids = lessons.map(\.id)
    let choices = "choose 1–\(lessons.count) or one of: \(ids.joined(separator: ", "))"
    if let n = Int(trimmed) {
      guard n >= 1 && n <= lessons.count else {
        return .failure(SelectionError("there is no lesson \(n); \(choices)"))
      }
      return .success(n - 1)
    }
    let needle = trimmed.lowercased()
    if let exact = ids.firstIndex(where: { $0.lowercased() == needle }) { return .success(exact) }
    for matches in [ids.indices.filter { ids[$0].lowercased().hasPrefix(needle) },
                    ids.indices.filter { ids[$0].lowercased().contains(needle) }] where !matches.isEmpty && !needle.isEmpty {
      guard matches.count == 1 else {
        return .failure(SelectionError("'\(trimmed)' matches \(matches.map { ids[$0] }.joined(separator: ", ")); be more specific, or use the number"))
      }
      return .success(matches[0])
    }
    return .failure(SelectionError("no lesson '\(trimmed)': \(choices) (the commands are in regviz --help)"))
  }

  /// Where `regviz` resumes: the saved position when it points into an unfinished lesson of
  /// this course (its step clamped, in case the lesson was edited), else the first unfinished
  /// lesson from its start. nil when every lesson is finished.
  public static func resume(_ lessons: [Lesson], progress: CourseProgress) -> (lesson: Int, step: Int)? {
    if let current = progress.current, !progress.isFinished(current.lesson),
       let index = lessons.firstIndex(where: { $0.id == current.lesson }) {
      return (index, min(current.step, lessons[index].steps.count - 1))
    }
    return lessons.firstIndex { !progress.isFinished($0.id) }.map { ($0, 0) }
  }

  /// A query that names no lesson, or more than one.
  public struct SelectionError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
  }
}
