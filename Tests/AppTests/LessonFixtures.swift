import Foundation
import Lessons
import NeuralCore
import Training

@testable import App

/// A small course written for the lesson-mode tests, and snapshots that match its experiments.
///
/// Lesson one has every kind of step: a setup with a question, a hint, a highlight and an
/// epoch condition; a step that keeps the run going; a step with another setup; and a last
/// step with nothing to wait for. Lesson two has a single step and no setup.
enum LessonFixtures {
  static let first = """
    ---
    title: First things
    summary: A lesson for the tests.
    minutes: 3
    ---

    # First things

    ## Two lanes

    The **sparse** data, with *two* lanes: `none` and `L1`.

    - one
    - two

    ```regviz
    dataset: sparse
    hidden: 16,16
    lane: none
    lane: l1=0.02
    speed: 20
    highlight: weights
    ask: What will L1 do?
    choice a: Nothing
    choice b: Make exact zeros
    choice c: Grow the weights
    answer: b
    explain: L1 pulls every weight by the **same** amount.
    hint: Look at the =0 gauge.
    until: epoch >= 100
    max-epochs: 400
    ```

    ## Keep going

    The run goes on.

    ```regviz
    highlight: zeros
    until: epoch >= 200
    ```

    ## Another setup

    Now L2.

    ```regviz
    lane: none
    lane: l2=0.01
    speed: max
    ```

    ## The end

    That is all.
    """

  static let second = """
    ---
    title: Second
    summary: One step.
    minutes: 1
    ---

    ## Only step

    Defaults.
    """

  static let course: [Lesson] = [
    try! LessonParser.parse(first, file: "/course/01-first.md", validator: .regviz),
    try! LessonParser.parse(second, file: "/course/02-second.md", validator: .regviz),
  ]

  /// The shipped lessons, parsed from the repository's `lessons/`.
  static let shipped: [Lesson] = {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("lessons")
    return try! LessonLibrary.load(from: directory, validator: .regviz).map { try $0.get() }
  }()

  static func session(lesson: Int = 0, step: Int = 0, progress: CourseProgress = CourseProgress(),
                      speed: Speed? = nil) -> LessonSession {
    try! LessonSession(lessons: course, lessonIndex: lesson, step: step, progress: progress, speedOverride: speed)
  }

  /// A snapshot of the session's current experiment after `epochs` epochs.
  static func snapshot(_ session: LessonSession, epochs: Int, running: Bool = true) -> ExperimentSnapshot {
    Fixtures.snapshot(epochs: epochs, config: session.experiment.config, running: running)
  }

  /// Runner commands as short names, to compare sequences at a glance.
  static func names(_ commands: [RunnerCommand]) -> [String] {
    commands.map { command in
      switch command {
      case .pause: "pause"
      case .resume: "resume"
      case .togglePause: "togglePause"
      case .stepEpoch: "stepEpoch"
      case .reset: "reset"
      case .stepLambda: "stepLambda"
      case .stepLaneLambda(let lane, _): "stepLaneLambda(\(lane))"
      case .setLambda(_, let lane): "setLambda(\(lane))"
      case .stepLearningRate: "learningRate"
      case .setL1Rule, .nextL1Rule: "setL1Rule"
      case .setSpeed(let s): "setSpeed(\(s))"
      case .stepSpeed: "stepSpeed"
      case .reconfigure(let c): "reconfigure(\(c.lanes.map(\.name).joined(separator: ",")))"
      case .setUp(let c, let speed, let paused):
        "setUp(\(c.lanes.map(\.name).joined(separator: ",")); \(speed); \(paused ? "paused" : "running"))"
      }
    }
  }
}

/// A lesson file with placeholder front matter ("T", "S", 3 minutes) before `body`; the body
/// starts on line 7, as in a file written out by hand.
func lessonSource(_ body: String) -> String {
  "---\ntitle: T\nsummary: S\nminutes: 3\n---\n\n" + body
}
