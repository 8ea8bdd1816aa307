import Foundation
import Lessons
import RegvizData
import NeuralCore

/// What `regviz lessons check` does for one file: parse it, make sure every step's setup maps
/// to an experiment that can run (lanes fit the network, the data set loads), and optionally
/// replay it to prove each `until:` is reached within its `max-epochs:`.
public enum LessonCheck {
  /// The verdict on one file.
  public struct Result: Sendable {
    public var file: String
    /// nil when the file did not parse.
    public var lesson: Lesson?
    /// Every problem found, as `file:line:col: message`; empty means the lesson is good.
    public var problems: [LessonError]
    /// The replay's outcome for each step with an `until:` (empty unless replayed).
    public var outcomes: [LessonReplay.Outcome]

    public var passed: Bool { problems.isEmpty }
  }

  /// Checks one lesson file; `path` is also how problems name the file. `replay` trains every
  /// step headlessly (seconds, not milliseconds); `linger` replays as a learner who stays that
  /// many epochs on each step, and reports conditions that stop holding meanwhile.
  public static func check(path: String, locator: ResourceLocator = ResourceLocator(), replay: Bool = false,
                           linger: Int = 0) -> Result {
    let url = URL(fileURLWithPath: path)
    let data: Data
    do throws(UserFiles.LimitedReadError) { data = try UserFiles.contents(path, limit: UserFiles.lessonLimit) } catch {
      var message = error.description
      if case .cannotRead = error { message = "cannot read lesson file" }
      return Result(file: path, lesson: nil, problems: [LessonError(file: path, line: 1, column: 1, message: message)], outcomes: [])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return Result(file: path, lesson: nil, problems: [LessonError(file: path, line: 1, column: 1, message: "lesson file is not valid UTF-8")], outcomes: [])
    }
    let lesson: Lesson
    do throws(LessonError) { lesson = try LessonParser.parse(text, file: path, validator: .regviz) } catch {
      return Result(file: path, lesson: nil, problems: [error], outcomes: [])
    }
    let lines = SourceLines(text)
    var problems: [LessonError] = []
    for (index, step) in lesson.steps.enumerated() where step.setup != nil || index == 0 {
      do throws(LessonSetupError) {
        _ = try LessonExperiment(setup: lesson.effectiveSetup(at: index), lessonDirectory: url.deletingLastPathComponent())
          .prepare(locator: locator)
      } catch {
        problems.append(lines.locate(error, in: lesson, step: index))
      }
    }
    for step in lesson.steps {
      if let mission = step.mission, let why = LessonReplay.unreachable(mission.solution) {
        let at = lines.keyPosition("solution", afterLine: step.line) ?? (step.line, 1)
        problems.append(LessonError(file: path, line: at.line, column: at.column, message: why))
      }
    }
    guard replay, problems.isEmpty else { return Result(file: path, lesson: lesson, problems: problems, outcomes: []) }
    do throws(LessonError) {
      let outcomes = try LessonReplay.run(lesson, locator: locator, linger: linger)
      for o in outcomes where !o.held {
        let at = lines.keyPosition(o.isMission ? "goal" : "until", afterLine: o.line) ?? (o.line, 1)
        problems.append(LessonError(file: path, line: at.line, column: at.column,
                                    message: "replay: \(o.summary)"))
      }
      return Result(file: path, lesson: lesson, problems: problems, outcomes: outcomes)
    } catch {
      return Result(file: path, lesson: lesson, problems: [error], outcomes: [])
    }
  }

  /// The lesson files of a directory (`NN-name.md`), in course order, as paths.
  public static func lessonPaths(in directory: String) throws(LessonError) -> [String] {
    try LessonLibrary.lessonFiles(in: URL(fileURLWithPath: directory, isDirectory: true))
      .map { (directory as NSString).appendingPathComponent($0.lastPathComponent) }
  }
}

/// A lesson file's lines, to point a setup problem at the key that caused it.
struct SourceLines {
  let lines: [Substring]

  init(_ text: String) {
    // Line breaks as the lesson parser counts them (`\r\n` is one Character in Swift).
    lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
  }

  /// `error` at its key inside the step's `regviz` block when the step sets that key, else at
  /// the step's heading (the key came from an earlier step or from the defaults).
  func locate(_ error: LessonSetupError, in lesson: Lesson, step index: Int) -> LessonError {
    let heading = lesson.steps[index].line
    let at = keyPosition(error.key, afterLine: heading) ?? (heading, 1)
    return LessonError(file: lesson.file, line: at.line, column: at.column, message: error.message)
  }

  /// The 1-based line and column of `key:` in the first `regviz` block after line `heading`,
  /// stopping at the next `## ` heading outside a fence.
  func keyPosition(_ key: String, afterLine heading: Int) -> (line: Int, column: Int)? {
    var fence: (ticks: Int, regviz: Bool)?
    var number = heading
    while number < lines.count {
      number += 1
      let line = lines[number - 1]
      let body = line.drop { $0 == " " || $0 == "\t" }
      let ticks = body.prefix { $0 == "`" }.count
      if let open = fence {
        if ticks >= open.ticks && body.trimmingCharacters(in: .whitespaces).allSatisfy({ $0 == "`" }) {
          if open.regviz { return nil }
          fence = nil
        } else if open.regviz && body.hasPrefix(key + ":") {
          return (number, line.count - body.count + 1)
        }
      } else if ticks >= 3 {
        fence = (ticks, body.dropFirst(ticks).trimmingCharacters(in: .whitespaces) == "regviz")
      } else if body.hasPrefix("## ") {
        return nil
      }
    }
    return nil
  }
}
