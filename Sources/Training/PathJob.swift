import Foundation
import NeuralCore

/// The path view's cross-validated regularization path: `CrossValidation.path` for the live
/// setup, on one thread of its own at the lowest priority (`BackgroundPriority`), so that it
/// takes what the lanes leave of the cores and almost nothing they want. The screen reads
/// `latest()` each frame and never waits; `cancel()` stops it within an epoch.
public final class PathJob: Sendable {
  /// What a path is computed for. Two jobs with equal setups compute the same path; the live
  /// λ is not part of it (the template is kept at λ = 1), so `[ ]` and a pick only move
  /// "you are here".
  public struct Setup: Sendable, Hashable {
    /// The running configuration: what the keys changed (lr, rule, data set, standardization)
    /// included; its lanes are the template alone.
    public var config: ExperimentConfig
    public var template: SweepTemplate
    /// The λ grid, increasing.
    public var lambdas: [Float]
    public var folds: Int
    public var epochs: Int

    /// `lane`'s penalty swept along `lambdas` with the setup `snapshot` runs; nil while the
    /// experiment is starting, or when that lane has no λ.
    public init?(_ snapshot: ExperimentSnapshot, lane: Int, lambdas: [Float], folds: Int, epochs: Int) {
      guard snapshot.prepared != nil, snapshot.lanes.indices.contains(lane) else { return nil }
      let template = SweepTemplate(spec: snapshot.lanes[lane].lane.spec)
      guard template.isPenalized else { return nil }
      // At λ = 1, to 5 digits: `[ ]` rescale in Float, and the same penalty must stay the same setup.
      self.template = SweepTemplate(spec: template.spec(at: 1).mapStrengths { Float(String(format: "%.5g", Double($0))) ?? $0 })
      config = snapshot.config
      config.lanes = [LaneConfig(name: snapshot.lanes[lane].name, spec: self.template.spec)]
      self.lambdas = lambdas
      self.folds = folds
      self.epochs = epochs
    }

    /// The grid's lanes, one per λ.
    func lanes(layerCount: Int) throws -> [Lane] {
      try lambdas.map { l in
        try Lane(LaneConfig(name: "λ=" + String(format: "%.3g", l), spec: template.spec(at: l)), layerCount: layerCount)
      }
    }
  }

  /// Where the computation is.
  public enum State: Sendable, Hashable {
    /// `done` of `total` runs trained; `points[j]` is λ j's point once its K + 1 runs are in.
    case running(done: Int, total: Int, points: [CrossValidation.Point?])
    case finished(CrossValidation.Path)
    case failed(String)
  }

  public let setup: Setup
  private let prepared: PreparedExperiment
  private let state: Locked<State>
  private let stopped = Locked(false)

  /// The job for `setup`, training from `prepared`'s data and initial weights with the
  /// setup's optimizer and L1 rule (the keys may have changed them since `prepared`).
  public init(_ setup: Setup, prepared: PreparedExperiment) {
    self.setup = setup
    var p = prepared
    p.config.optimizer = setup.config.optimizer
    p.config.l1Rule = setup.config.l1Rule
    self.prepared = p
    state = Locked(.running(done: 0, total: (setup.folds + 1) * setup.lambdas.count,
                            points: Array(repeating: nil, count: setup.lambdas.count)))
  }

  /// Starts the computation on a new low-priority thread.
  public func start() {
    let thread = Thread { [self] in
      BackgroundPriority.lowerCurrentThread()
      enableFlushToZero()
      run()
    }
    thread.name = "regviz.path"
    thread.start()
  }

  /// The computation itself, on the calling thread (`start` calls it on its own thread; tests
  /// may call it directly).
  func run() {
    let lanes: [Lane]
    do { lanes = try setup.lanes(layerCount: prepared.initial.layers.count) } catch {
      state.withLock { $0 = .failed("\(error)") }
      return
    }
    let (state, stopped) = (self.state, self.stopped)
    let path = CrossValidation.path(
      prepared, lambdas: setup.lambdas, lanes: lanes, folds: setup.folds, epochs: setup.epochs, parallelism: 1,
      progress: { done, total in
        state.withLock { if case .running(_, _, let points) = $0 { $0 = .running(done: done, total: total, points: points) } }
      },
      point: { j, point in
        state.withLock {
          if case .running(let done, let total, var points) = $0 {
            points[j] = point
            $0 = .running(done: done, total: total, points: points)
          }
        }
      },
      cancelled: { stopped.withLock { $0 } })
    if let path { state.withLock { $0 = .finished(path) } }
  }

  public func latest() -> State { state.withLock { $0 } }
  public func cancel() { stopped.withLock { $0 = true } }
  /// The path is there, or will never be (failed).
  public var isFinished: Bool { if case .running = latest() { false } else { true } }
  public var isCancelled: Bool { stopped.withLock { $0 } }
}
