import Lessons
import NeuralCore
import RegvizData
import Training

/// A mission replayed without a screen: the solution's settings applied as the keys would
/// apply them (λ: every lane rescaled so the largest λ sits on the solution's rung; lr; the
/// shared L1 rule), then training until the goal has held `hold` epochs in a row — the same
/// count `MissionTracker` keeps on the dashboard — or the step's `max-epochs:` runs out.
extension LessonReplay {
  /// The epoch at which the goal had held `hold` epochs, or nil within `maxEpochs`.
  static func solve(_ mission: Mission, settings: Mission.Solution, run: inout Experiment,
                    maxEpochs: Int) -> (reachedAt: Int?, metrics: LessonMetrics) {
    apply(settings, lambdaLane: mission.lambdaLane, to: &run)
    var tracker = MissionTracker(mission)
    var metrics = run.metrics
    while true {
      if tracker.observe(goalHolds: mission.goal.isSatisfied(by: metrics), epoch: metrics.epoch, elapsed: 0) {
        return (metrics.epoch, metrics)
      }
      if metrics.epoch >= maxEpochs || run.allDiverged { return (nil, metrics) }
      metrics = run.trainEpoch()
    }
  }

  /// The settings as the λ, lr and rule keys would leave them.
  static func apply(_ settings: Mission.Solution, lambdaLane: String?, to run: inout Experiment) {
    // λ of one lane (`keys: lambda(NAME)`, the first lane so named, as the dashboard picks it)
    // or of all (the largest λ of any lane as configured on the rung): the runner's function.
    let only = lambdaLane.flatMap { name in run.trainers.firstIndex { $0.lane.name == name } }
    if let lambda = settings.lambda, lambdaLane == nil || only != nil {
      let lanes = only == nil ? run.prepared.lanes : run.trainers.map(\.lane)
      for (i, lane) in Lane.rescaled(lanes, to: Float(lambda), only: only).enumerated() where run.trainers[i].lane != lane {
        run.trainers[i].lane = lane
      }
    }
    for i in run.trainers.indices {
      if let lr = settings.learningRate { run.trainers[i].setLearningRate(Float(lr)) }
      if let rule = settings.l1Rule, run.trainers[i].lane.spec.l1Rule == nil { run.trainers[i].setL1Rule(rule) }
    }
  }

  /// Step `index`'s mission tried from a fresh start of its experiment with `settings` (the
  /// solution, or anything a test wants to show is not one).
  public static func attempt(_ lesson: Lesson, step index: Int, settings: Mission.Solution,
                             locator: ResourceLocator = ResourceLocator()) throws(LessonError) -> Outcome {
    let step = lesson.steps[index]
    guard let mission = step.mission else { preconditionFailure("step \(index) of \(lesson.id) has no mission") }
    let result = HeadlessRun.onTrainingThread { () -> Result<Outcome, LessonError> in
      do throws(LessonError) {
        var run = try start(lesson, step: index, locator: locator)
        return .success(outcome(mission, step: step, index: index, settings: settings, run: &run))
      } catch { return .failure(error) }
    }
    return try result.get()
  }

  static func outcome(_ mission: Mission, step: Step, index: Int, settings: Mission.Solution,
                      run: inout Experiment) -> Outcome {
    let startEpoch = run.epoch
    let (reachedAt, metrics) = solve(mission, settings: settings, run: &run, maxEpochs: step.maxEpochs)
    var o = Outcome(step: index, title: step.title, line: step.line, condition: mission.goal, maxEpochs: step.maxEpochs,
                    startEpoch: startEpoch, reachedAt: reachedAt, values: values(of: mission.goal, in: metrics),
                    diverged: [])
    o.isMission = true
    return o
  }

  /// Why the solution's settings are not a place the keys can reach, if they are not: λ and
  /// lr must sit on their ladders' rungs.
  public static func unreachable(_ settings: Mission.Solution) -> String? {
    func onRung(_ v: Double, _ rungs: [Float]) -> Bool { rungs.contains { abs(Double($0) - v) <= 1e-6 * v } }
    if let l = settings.lambda, !onRung(l, Ladder.lambda) {
      return "solution lambda=\(l) is not a rung of the λ keys (… 0.005 0.01 0.02 0.05 …)"
    }
    if let lr = settings.learningRate, !onRung(lr, Ladder.learningRate) {
      return "solution lr=\(lr) is not a rung of the learning-rate keys (… 0.05 0.1 0.2 0.5 …)"
    }
    return nil
  }
}
