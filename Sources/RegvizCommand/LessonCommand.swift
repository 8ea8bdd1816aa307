import App
import ArgumentParser
import Foundation
import Lessons
import NcursesBackend
import NeuralCore
import RegvizData
import Training

/// `regviz lesson [N|name]`, and `regviz` with no arguments: a guided lesson beside the live
/// dashboard, the experiment following each step, progress saved as the learner goes.
public struct LessonCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "Open a guided lesson beside the live dashboard (without an argument: where you left off).",
    discussion: """
      Without an argument (and when regviz is run with no arguments at all) it resumes the \
      lesson in progress at the step you left, else the first unfinished lesson. When every \
      lesson is finished it opens free play (regviz play) instead; `regviz lesson N` revisits \
      one and `regviz lessons --reset` starts the course over.
      Keys (? in the lesson lists all):
        → or enter  next page   ← previous page   h hint
        a–d answer   ↑ ↓ scroll the text   space pause
        n one epoch   r reset   < > slower/faster   1-8 lanes
        tab layer   p loss view   c λ path   k Keras   q quit
      Next is allowed once the step's condition is reached and its question answered; \
      a question comes before the training it asks about (predict, then observe).
      λ, the learning rate, the L1 rule and the data set are the lesson's; change them in \
      regviz play. Progress is kept in $XDG_STATE_HOME/regviz/progress.json (default \
      ~/.local/state/regviz/). Needs an interactive terminal of at least 80×24.
      """)

  @Argument(help: ArgumentHelp(
    "Lesson number (1 = the first), or name: an id like 02-l1-lasso, or a unique part of one like lasso.",
    valueName: "N|name"), completion: .custom(Completions.lessons))
  public var lesson: String?

  @Option(help: "Pace for every step, overriding the lesson's: epochs per second (0.1 to 1000), or 'max'.")
  public var speed: String?

  @OptionGroup public var display: DisplayOptions

  @Option(name: .customLong("data-dir"), help: DataDirHelp.help, completion: .directory)
  public var dataDir: String?

  public init() {}

  public func validate() throws {
    if let speed { _ = try PlayCommand.parseSpeed(speed) }
  }

  public func run() throws {
    let lessons = try Self.course(dataDir)
    var selected: Int?
    if let lesson {
      switch LessonCourse.select(lesson, in: lessons) {
      case .success(let index): selected = index
      case .failure(let error): throw ValidationError(error.message)
      }
    }
    let pace = try speed.map(PlayCommand.parseSpeed)
    let locator = ResourceLocator(explicit: dataDir)
    // Before the progress file is touched: without a screen nothing should change.
    let recording = try display.openRecording()
    let terminal = Screen.open(display.terminal, recording: recording) { "regviz: \($0); `regviz lessons` lists the lessons" }
    let environment = ProcessInfo.processInfo.environment
    let store = ProgressStore(directory: ProgressStore.defaultDirectory(environment: environment))
    let (progress, warning) = store.load()
    let start: (lesson: Int, step: Int)
    if let selected {
      start = (selected, 0)
    } else if let resumed = LessonCourse.resume(lessons, progress: progress) {
      start = resumed
    } else {
      let notice = "all \(lessons.count) lessons finished: this is free play · regviz lesson N revisits one"
      let runner: Runner
      do { runner = try PlayCommand.runner(ExperimentConfig(), speed: pace, locator: locator) } catch {
        terminal.close()
        throw error
      }
      PlayCommand.play(runner: runner, autoPace: pace == nil, terminal: terminal, notice: notice, recording: recording)
      return
    }
    let session: LessonSession
    let runner: Runner
    do {
      session = try LessonSession(lessons: lessons, lessonIndex: start.lesson, step: start.step,
                                  progress: progress, speedOverride: pace)
      // Paused from the start when the first page asks for a prediction.
      runner = try Runner(config: session.experiment.config, speed: session.experiment.speed,
                          paused: session.awaitsAnswer, locator: locator)
    } catch {
      terminal.close()
      throw CLIError("\(error)")
    }
    var state = AppState(theme: terminal.theme)
    if let notice = warning.map({ Self.short($0, store: store) }) { state.note(notice, for: 10) }
    Screen.run(LessonMode(session: session, state: state, store: store), runner: runner, terminal: terminal,
               recording: recording)
  }

  /// Every lesson of the course, parsed. One that does not parse stops here with its
  /// `file:line:col:` message: a course with a hole in it would number its lessons wrongly.
  static func course(_ dataDir: String?) throws -> [Lesson] {
    let directory = try LessonsCommand.lessonsDirectory(dataDir)
    let results: [Result<Lesson, LessonError>]
    do { results = try LessonLibrary.load(from: URL(fileURLWithPath: directory, isDirectory: true), validator: .regviz) } catch {
      throw CLIError(error.description)
    }
    guard !results.isEmpty else { throw CLIError("no lessons (NN-name.md) in \(directory)") }
    return try results.map { result in
      do { return try result.get() } catch { throw CLIError("\(error) (see regviz lessons check)") }
    }
  }

  /// The progress store's warning as one status line that fits 80 columns: the file set aside
  /// is named, the details are in it. (A warning without a file set aside is kept whole.)
  static func short(_ warning: String, store: ProgressStore) -> String {
    guard FileManager.default.fileExists(atPath: store.corruptURL.path) else {
      return warning.hasPrefix("warning: ") ? String(warning.dropFirst(9)) : warning
    }
    return "unreadable progress file set aside as \(store.corruptURL.lastPathComponent); starting afresh"
  }
}
