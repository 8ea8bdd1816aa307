import Foundation
import NeuralCore
import Synchronization

/// `SelectionFrequency.measure` on a thread of its own at background priority (nice 19, as the
/// λ path job), one lane at a time (the dashboard's trainer keeps the other core): the screen
/// reads `latest()` each frame and never waits. `cancel()` stops it within an epoch; the
/// dashboard cancels it when its window closes or the live setup is no longer its own
/// (issue 25: 20 seeds kept a core busy for 90 s after both).
public final class SelectionJob: Sendable {
  public let config: ExperimentConfig
  public let seeds: [UInt64]
  public let epochs: Int
  private let box: LatestBox<State>
  private let cancelled = Atomic<Bool>(false)
  /// The nice value its thread reached (Int32.min until it started), and whether it still works.
  private let threadNice = Atomic<Int32>(.min)
  private let working = Atomic<Bool>(false)

  public enum State: Sendable, Hashable {
    case running(SelectionFrequency?)
    case finished(SelectionFrequency)
    case failed(String)
  }

  public init(config: ExperimentConfig, seeds: [UInt64], epochs: Int) {
    self.config = config
    self.seeds = seeds
    self.epochs = epochs
    box = LatestBox(.running(nil))
  }

  /// The setup a job for the live `config` runs: the same with seed 1 (it goes through the seeds).
  public static func setup(_ config: ExperimentConfig) -> ExperimentConfig {
    var c = config
    c.seed = 1
    return c
  }

  public func start() {
    working.store(true, ordering: .relaxed)
    let thread = Thread { [self] in
      threadNice.store(BackgroundPriority.lowerCurrentThread() ?? 0, ordering: .relaxed)
      enableFlushToZero()
      run()
      working.store(false, ordering: .relaxed)
    }
    thread.name = "regviz.selection"
    thread.start()
  }

  /// The computation, on the calling thread (`start` calls it on its own thread).
  func run() {
    do {
      let tally = try SelectionFrequency.measure(config, seeds: seeds, epochs: epochs, parallelism: 1,
                                                 cancelled: { cancelled.load(ordering: .relaxed) }) { t in
        box.publish(.running(t))
        return true
      }
      if !isCancelled { box.publish(.finished(tally)) }
    } catch {
      box.publish(.failed("\(error)"))
    }
  }

  public func latest() -> State { box.latest() }
  public func cancel() { cancelled.store(true, ordering: .relaxed) }
  public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
  /// Its thread's nice value once started (19 on Linux), nil before.
  public var nice: Int32? { threadNice.load(ordering: .relaxed) == .min ? nil : threadNice.load(ordering: .relaxed) }
  /// Its thread is still computing (a cancelled job stops within an epoch).
  public var isWorking: Bool { working.load(ordering: .relaxed) }
  /// The tally is complete, or will never be.
  public var isFinished: Bool { if case .running = latest() { false } else { true } }
}
