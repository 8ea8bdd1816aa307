import Foundation
import Lessons
import NeuralCore
import RegvizData
import Training

/// Plays a lesson without a screen, as a learner who presses Next the moment it is allowed:
/// proof that every `until:` a lesson asks the learner to wait for is reached within its
/// `max-epochs:`. With `linger`, the learner instead stays that many epochs on every step
/// (training goes on while they read), and the replay notes any condition that stops holding
/// in the meantime, so a lesson does not depend on the dashboard latching "reached".
///
/// A step with a setup starts the experiment over with its effective setup; a step without one
/// keeps training the current experiment. The `epoch` a condition sees, and the budget
/// `max-epochs:` sets, both count from the start of the current setup — as on the dashboard.
/// A lane's training depends on the configuration alone, not on threads or pacing, so the
/// numbers match the dashboard's for the same setup.
///
/// On a `view: lens` step the learner drives the two-weight lens instead: the replay presses
/// `]` (λ up one step) once an epoch until a `lens_zero(…)` condition holds.
public enum LessonReplay {
  /// What happened at one step that has an `until:`.
  public struct Outcome: Sendable {
    /// 0-based index into `Lesson.steps`.
    public var step: Int
    public var title: String
    /// Line of the step's `## ` heading.
    public var line: Int
    public var condition: Condition
    public var maxEpochs: Int
    /// The epoch counter when the learner arrived at the step.
    public var startEpoch: Int
    /// The first epoch at which the condition held, or nil if it did not by `maxEpochs`.
    public var reachedAt: Int?
    /// The metrics the condition reads, as `zeros(L1)`, with their values when it was reached
    /// (or when the budget ran out); nil for a value not available.
    public var values: [(name: String, value: Double?)]
    /// Lanes whose loss stopped being finite, with the epoch (e.g. "L1: diverged at epoch 40").
    public var diverged: [String]
    /// When lingering: the first epoch after `reachedAt` at which the condition no longer held.
    public var lapsedAt: Int? = nil
    /// The pace the dashboard trains this step at (its effective `speed:`).
    public var speed: Speed = LessonExperiment.defaultSpeed
    /// A mission step (`goal:`, reached by applying its solution) rather than an `until:`.
    public var isMission = false

    /// Seconds the learner waits at the lesson's pace, from arriving to Next being allowed
    /// (the budget's worth when never reached); 0 at `speed: max`.
    public var waitSeconds: Double {
      guard case .epochsPerSecond(let pace) = speed, pace > 0 else { return 0 }
      return Double((reachedAt ?? maxEpochs) - startEpoch) / pace
    }

    public var reached: Bool { reachedAt != nil }
    /// Reached, and (when lingering) still true for as long as the learner stayed.
    public var held: Bool { reached && lapsedAt == nil }

    /// One line for a report: `zeros(L1) ≥ 50%: reached at epoch 212 (budget 600); zeros(L1) = 0.512`.
    public var summary: String {
      let shown = values.map { "\($0.name) = \($0.value.map(LessonReplay.format) ?? "n/a")" }.joined(separator: ", ")
      var s = reachedAt.map { "\(condition): reached at epoch \($0) (budget \(maxEpochs))" }
        ?? "\(condition): NOT reached within \(maxEpochs) epochs"
      if !shown.isEmpty { s += "; " + shown }
      if let lapsedAt { s += "; no longer true at epoch \(lapsedAt)" }
      if !diverged.isEmpty { s += "; " + diverged.joined(separator: ", ") }
      return s
    }
  }

  /// Replays every step of `lesson` on a training thread (flush-to-zero set there, as on the
  /// runner's threads) and returns one outcome per step with an `until:`, in order. `linger`
  /// is how many epochs the learner stays on each step after it allows Next. Throws when a
  /// step's setup cannot run (bad mapping, unreadable data).
  public static func run(_ lesson: Lesson, locator: ResourceLocator = ResourceLocator(),
                         linger: Int = 0) throws(LessonError) -> [Outcome] {
    let result = HeadlessRun.onTrainingThread { () -> Result<[Outcome], LessonError> in
      do throws(LessonError) { return .success(try replay(lesson, locator: locator, linger: linger)) } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// The replay itself, on the calling thread.
  static func replay(_ lesson: Lesson, locator: ResourceLocator, linger: Int) throws(LessonError) -> [Outcome] {
    var current: Experiment?
    var outcomes: [Outcome] = []
    for (index, step) in lesson.steps.enumerated() {
      if step.startsExperiment || (current == nil && (step.until != nil || step.mission != nil || linger > 0)) {
        current = try start(lesson, step: index, locator: locator)
      }
      guard var run = current else { continue }
      current = nil  // `run` is now the only owner: training does not copy the lanes' buffers
      var outcome: Outcome?
      // A lens step's condition reads the lens, which the learner moves with `]`: its budget
      // counts presses (one an epoch), not the experiment's epochs.
      var lens = step.view == .lens ? LensView(LensSettings(step.lens)) : nil
      let speed = LessonExperiment.defaultSpeed
      let pace = lesson.effectiveSetup(at: index).speed ?? speed
      if let until = step.until {
        let startEpoch = run.epoch
        let pressesLambda = lens != nil && until.references.contains { $0.metric == .lensZero }
        var metrics = run.metrics
        metrics.lens = lens?.scene
        var reachedAt: Int?
        var presses = 0
        while true {
          if until.isSatisfied(by: metrics) { reachedAt = metrics.epoch; break }
          if pressesLambda ? presses >= step.maxEpochs : metrics.epoch >= step.maxEpochs { break }
          if run.allDiverged { break }
          if pressesLambda { lens?.update { $0.lambda += LensView.lambdaStep } }
          presses += 1
          metrics = run.trainEpoch()
          metrics.lens = lens?.scene
        }
        outcome = Outcome(
          step: index, title: step.title, line: step.line, condition: until, maxEpochs: step.maxEpochs,
          startEpoch: startEpoch, reachedAt: reachedAt, values: values(of: until, in: metrics), diverged: [],
          speed: pace)
      } else if let mission = step.mission {
        outcome = Self.outcome(mission, step: step, index: index, settings: mission.solution, run: &run)
        outcome?.speed = pace
      }
      if linger > 0 && outcome?.reached != false {
        for _ in 0..<linger where !run.allDiverged {
          var metrics = run.trainEpoch()
          metrics.lens = lens?.scene
          // A mission is accomplished once reached (the dashboard latches it): only `until:` can lapse.
          if let until = step.until, outcome?.lapsedAt == nil, !until.isSatisfied(by: metrics) {
            outcome?.lapsedAt = metrics.epoch
          }
        }
      }
      if var o = outcome {
        o.diverged = run.trainers.compactMap { t in t.divergedAt.map { "\(t.lane.name): diverged at epoch \($0)" } }
        outcomes.append(o)
      }
      current = run
    }
    return outcomes
  }

  /// The experiment being replayed: its data and one trainer per lane.
  struct Experiment {
    var prepared: PreparedExperiment
    var trainers: [LaneTrainer]

    var epoch: Int { trainers.map(\.epoch).max() ?? 0 }
    var metrics: LessonMetrics { LessonMetrics(trainers: trainers, prepared: prepared) }
    var allDiverged: Bool { trainers.allSatisfy { $0.divergedAt != nil } }

    /// One more epoch for every lane (a diverged lane stays where it stopped), then the metrics.
    mutating func trainEpoch() -> LessonMetrics {
      for i in trainers.indices { trainers[i].trainEpoch(prepared) }
      return metrics
    }
  }

  /// A fresh experiment for step `index`: mapped, data loaded, every lane at the shared start.
  static func start(_ lesson: Lesson, step index: Int, locator: ResourceLocator) throws(LessonError) -> Experiment {
    let experiment = try LessonExperiment.forStep(index, of: lesson)
    do throws(LessonSetupError) {
      let prepared = try experiment.prepare(locator: locator)
      return Experiment(prepared: prepared, trainers: LaneTrainer.starting(prepared))
    } catch {
      throw error.located(in: lesson, step: index)
    }
  }

  /// Each distinct metric the condition reads, with its value now.
  static func values(of condition: Condition, in metrics: LessonMetrics) -> [(name: String, value: Double?)] {
    var seen = Set<String>()
    var result: [(name: String, value: Double?)] = []
    for ref in condition.references {
      let name = "\(ref.metric.rawValue)(\(ref.lane))"
      if seen.insert(name).inserted { result.append((name, metrics.value(ref.metric, lane: ref.lane))) }
    }
    return result
  }

  /// Four significant digits, enough to see how close a value came.
  static func format(_ v: Double) -> String {
    if v.isInfinite { return v > 0 ? "∞" : "-∞" }
    return String(format: "%.4g", v)
  }
}
