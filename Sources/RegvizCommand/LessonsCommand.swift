import LessonRuns
import App
import ArgumentParser
import Foundation
import Lessons
import NeuralCore
import RegvizData

/// `regviz lessons`: the course at a glance (✓ for finished lessons), `--reset` to forget
/// progress, and `check` for lesson authors.
public struct LessonsCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "List the guided lessons (✓ = finished), or reset your progress.",
    // The generated usage would end in "<subcommand>" as if one were required; listing is the default.
    usage: """
      regviz lessons [--reset] [--data-dir <dir>]
      regviz lessons check [--replay] [--linger <epochs>] [<files> ...]
      """,
    discussion: "Progress is kept in $XDG_STATE_HOME/regviz/progress.json (default ~/.local/state/regviz/).",
    subcommands: [Check.self])

  @Flag(help: "Forget which lessons are finished and where you left off.")
  public var reset = false

  @Option(name: .customLong("data-dir"), help: DataDirHelp.help, completion: .directory)
  public var dataDir: String?

  public init() {}

  public func run() throws {
    let store = ProgressStore(directory: ProgressStore.defaultDirectory(environment: ProcessInfo.processInfo.environment))
    if reset {
      do { try store.reset() } catch { throw CLIError("cannot reset progress at \(store.fileURL.path): \(error.localizedDescription)") }
      try Destination.print("Progress reset: every lesson is unfinished again.\n")
      return
    }
    let (progress, warning) = store.load()
    if let warning { FileHandle.standardError.write(Data("regviz: \(warning)\n".utf8)) }
    let directory = try Self.lessonsDirectory(dataDir)
    let paths: [String]
    do { paths = try LessonCheck.lessonPaths(in: directory) } catch { throw CLIError(error.description) }
    guard !paths.isEmpty else { throw CLIError("no lessons (NN-name.md) in \(directory)") }
    try Destination.print(Self.listing(paths: paths, progress: progress))
  }

  /// One line per lesson: `✓ 1. Title (5 min) — summary`; `▸` marks the lesson in progress and
  /// a lesson that does not parse shows its first problem instead.
  static func listing(paths: [String], progress: CourseProgress, width: Int? = TableFold.width()) -> String {
    var text = ""
    var finished = 0
    for (i, path) in paths.enumerated() {
      let number = String(format: "%2d.", i + 1)
      switch LessonLibrary.load(file: URL(fileURLWithPath: path), validator: .regviz) {
      case .success(let lesson):
        let done = progress.isFinished(lesson.id)
        if done { finished += 1 }
        let mark = done ? "✓" : progress.current?.lesson == lesson.id ? "▸" : " "
        let line = "\(mark) \(number) \(lesson.title) (\(lesson.minutes) min) — \(lesson.summary)"
        if let width, line.count > width {
          // Too wide for the terminal: the summary goes under the title, wrapped at words.
          text += "\(mark) \(number) \(lesson.title) (\(lesson.minutes) min)\n"
          text += Self.wrap(lesson.summary, width: width, indent: 5)
        } else {
          text += line + "\n"
        }
      case .failure(let error):
        text += "✗ \(number) \(error)\n"
      }
    }
    text += "\n\(finished) of \(paths.count) finished. `regviz lesson N` opens lesson N; `regviz` resumes where you left off.\n"
    return text
  }

  /// `text` in lines of at most `width` columns, each indented by `indent` spaces.
  static func wrap(_ text: String, width: Int, indent: Int) -> String {
    var out = "", line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty, indent + line.count + 1 + word.count > width {
        out += String(repeating: " ", count: indent) + line + "\n"
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { out += String(repeating: " ", count: indent) + line + "\n" }
    return out
  }

  /// The shipped `lessons/` directory, looked up like the data sets (`--data-dir` first).
  static func lessonsDirectory(_ dataDir: String?) throws -> String {
    let locator = ResourceLocator(explicit: dataDir)
    if let problem = locator.explicitProblem { throw ValidationError("--data-dir: \(problem)") }
    guard let directory = locator.find("lessons") else {
      throw CLIError("no lessons directory found; searched \(locator.searchDirectories.joined(separator: ", ")) (use --data-dir)")
    }
    return directory
  }
}

extension LessonsCommand {
  /// `regviz lessons check [FILE…]`: parse and validate lessons, optionally replay them.
  public struct Check: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Validate lesson files (all shipped lessons if none are given); exit 1 on any problem.",
      discussion: """
        Each problem is printed as file:line:col: message. Besides the file format, every step's \
        setup must make an experiment that can run: lanes that fit the network, a data set that loads.
        --replay also trains each lesson headlessly, as a learner who presses Next as soon as it is \
        allowed, and reports the epoch at which each 'until:' condition is reached.
        --data-dir (see regviz lessons --help) names the only directory searched for the lessons \
        and their data.
        """)

    @Argument(help: "Lesson files to check.")
    public var files: [String] = []

    @Flag(help: "Also train every step and check that each 'until:' is reached within its max-epochs.")
    public var replay = false

    @Option(help: ArgumentHelp("With --replay: stay this many epochs on every step, and report conditions that stop holding meanwhile.", valueName: "epochs"))
    public var linger: Int = 0

    /// `--data-dir` is the parent's: given after `check` it is parsed there too, and a second
    /// option of the same name here was left unset — the check then passed on the shipped
    /// lessons instead of failing on the directory the learner named.
    @ParentCommand var lessons: LessonsCommand

    var dataDir: String? { lessons.dataDir }

    public init() {}

    public func validate() throws {
      guard linger >= 0 else { throw ValidationError("--linger: must be ≥ 0, got \(linger)") }
      guard linger == 0 || replay else { throw ValidationError("--linger needs --replay") }
    }

    public func run() throws {
      let paths: [String]
      if files.isEmpty {
        let directory = try LessonsCommand.lessonsDirectory(dataDir)
        do { paths = try LessonCheck.lessonPaths(in: directory) } catch { throw CLIError(error.description) }
        guard !paths.isEmpty else { throw CLIError("no lessons (NN-name.md) in \(directory)") }
      } else {
        paths = files
      }
      let locator = ResourceLocator(explicit: dataDir)
      var problems = 0, badFiles = 0
      for path in paths {
        let result = LessonCheck.check(path: path, locator: locator, replay: replay, linger: linger)
        if replay, let lesson = result.lesson {
          for o in result.outcomes where o.held {
            let wait = "\(Int(o.waitSeconds.rounded())) s at \(o.speed)"
            try Destination.print("\(path):\(o.line): \(lesson.steps[o.step].title): \(o.summary); \(wait)\n")
          }
          let timing = LessonTiming(lesson, outcomes: result.outcomes)
          try Destination.print("\(path): \(timing.summary)\n")
        }
        for problem in result.problems { try Destination.print("\(problem)\n") }
        problems += result.problems.count
        if !result.passed { badFiles += 1 }
      }
      let checked = paths.count == 1 ? "1 file" : "\(paths.count) files"
      guard problems == 0 else {
        throw CLIError("\(problems) problem\(problems == 1 ? "" : "s") in \(badFiles) of \(checked)")
      }
      try Destination.print("\(checked) checked, no problems\n")
    }
  }
}
