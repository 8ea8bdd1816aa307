import LessonRuns
import App
import Foundation
import Lessons
import Training

/// A teacher's preset (`regviz play --preset FILE`): a file in the lesson format whose first
/// step's `regviz` block sets the experiment and, with `keys:`, which setting keys the class
/// may use (lambda, lambda(LANE), lr, rule; none when it says nothing). `regviz lessons check
/// FILE` validates it as it validates a lesson.
struct PresetFile {
  var experiment: LessonExperiment
  var lock: KeyLock
  /// The preset's title, for the first notice.
  var name: String

  static func load(_ path: String) throws -> PresetFile {
    let lesson: Lesson
    switch LessonLibrary.load(file: URL(fileURLWithPath: path), validator: .regviz) {
    case .success(let l): lesson = l
    case .failure(let e): throw CLIError("--preset: \(e.description)")
    }
    guard lesson.steps.first?.setup != nil else {
      throw CLIError("--preset: \(path): the first step needs a regviz block that sets up the experiment")
    }
    let experiment: LessonExperiment
    do { experiment = try LessonExperiment.forStep(0, of: lesson) } catch { throw CLIError("--preset: \(error.description)") }
    let allowance = lesson.steps[0].keys ?? KeyAllowance(keys: [])
    return PresetFile(experiment: experiment, lock: .preset(name: lesson.title, allowance: allowance), name: lesson.title)
  }
}
