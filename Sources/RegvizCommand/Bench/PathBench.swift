import App
import Foundation
import Training

/// `regviz bench`'s figure for the λ path view: the lanes' training speed while the path job
/// runs beside them, as a fraction of their speed alone (target ≥ 80%). The worst case: every
/// lane at full speed on every core, the job computing the view's own grid (`PathPanel`).
enum PathBench {
  struct Figure: Sendable, Encodable {
    /// With-job epochs/s over alone epochs/s, the median of per-round ratios.
    var kept_fraction: Double
    var alone_epochs_per_s: Double
    var with_job_epochs_per_s: Double
    /// Runs of the path's (K + 1) × λ the job finished during the measured seconds (median).
    var job_runs_done: Int
    var job_runs_total: Int
    /// The job thread's nice value (nil where the system has none).
    var job_nice: Int32?
    /// Seconds the whole path took beside lanes at the dashboard's usual pace (8 epochs/s),
    /// nil past the time limit.
    var job_seconds_beside_paced_lanes: Double?
  }

  /// Alternates `rounds` of `seconds` alone and with the job, on the default setup.
  static func measure(config: ExperimentConfig = ExperimentConfig(), seconds: Double = 2,
                             rounds: Int = 3) throws(ConfigError) -> Figure {
    var alone: [Double] = [], with: [Double] = [], ratios: [Double] = [], runs: [Int] = []
    var total = 0
    for _ in 0..<max(rounds, 1) {
      let a = try epochsPerSecond(config, seconds: seconds, job: false)
      let w = try epochsPerSecond(config, seconds: seconds, job: true)
      alone.append(a.rate)
      with.append(w.rate)
      ratios.append(a.rate > 0 ? w.rate / a.rate : 0)
      runs.append(w.runs)
      total = w.total
    }
    return Figure(kept_fraction: median(ratios), alone_epochs_per_s: median(alone), with_job_epochs_per_s: median(with),
                  job_runs_done: runs.sorted()[runs.count / 2], job_runs_total: total,
                  job_nice: BackgroundPriority.niceOfALoweredThread(),
                  job_seconds_beside_paced_lanes: try pathSeconds(config, pace: 8, limit: seconds * 30))
  }

  /// The time from start to a finished path while the lanes train at `pace` epochs/s.
  private static func pathSeconds(_ config: ExperimentConfig, pace: Double, limit: Double) throws(ConfigError) -> Double? {
    let runner = try Runner(config: config, speed: .epochsPerSecond(pace))
    runner.start()
    defer { runner.stop() }
    runner.wait(timeout: 30) { $0.epoch >= 1 }
    let snapshot = runner.snapshot()
    guard let prepared = snapshot.prepared,
          let lane = PathPanel.templateLane(snapshot, visible: Array(snapshot.lanes.indices)),
          let setup = PathJob.Setup(snapshot, lane: lane, lambdas: PathPanel.lambdas, folds: PathPanel.folds,
                                    epochs: PathPanel.epochs) else { return nil }
    let job = PathJob(setup, prepared: prepared)
    defer { job.cancel() }
    let t0 = FrameLoop.now()
    job.start()
    while !job.isFinished, FrameLoop.now() - t0 < limit { Thread.sleep(forTimeInterval: 0.01) }
    return job.isFinished ? FrameLoop.now() - t0 : nil
  }

  private static func epochsPerSecond(_ config: ExperimentConfig, seconds: Double, job: Bool) throws(ConfigError)
    -> (rate: Double, runs: Int, total: Int)
  {
    let runner = try Runner(config: config, speed: .max)
    runner.start()
    defer { runner.stop() }
    runner.wait(timeout: 30) { $0.epoch >= 1 }
    var path: PathJob?
    let snapshot = runner.snapshot()
    if job, let prepared = snapshot.prepared,
       let lane = PathPanel.templateLane(snapshot, visible: Array(snapshot.lanes.indices)),
       let setup = PathJob.Setup(snapshot, lane: lane, lambdas: PathPanel.lambdas, folds: PathPanel.folds,
                                 epochs: PathPanel.epochs) {
      path = PathJob(setup, prepared: prepared)
      path?.start()
    }
    defer { path?.cancel() }
    Thread.sleep(forTimeInterval: 0.3)  // let the round size settle
    let e0 = runner.snapshot().epoch, t0 = FrameLoop.now()
    Thread.sleep(forTimeInterval: seconds)
    let e1 = runner.snapshot().epoch, t1 = FrameLoop.now()
    var (done, total) = (0, 0)
    if case .running(let d, let t, _)? = path?.latest() { (done, total) = (d, t) }
    if case .finished(let p)? = path?.latest() { (done, total) = (p.points.count * (p.folds + 1), p.points.count * (p.folds + 1)) }
    return (Double(e1 - e0) / (t1 - t0), done, total)
  }

  private static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s[s.count / 2]
  }
}
