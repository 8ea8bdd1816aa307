import Dispatch
import Foundation
import NeuralCore
import RegvizData
import Synchronization

/// Trains an experiment's lanes concurrently and publishes immutable snapshots.
///
/// Threads: one control loop on its own queue, and one serial queue per lane. A round asks
/// every lane to reach a target epoch; each lane trains on its own queue and leaves its
/// snapshot; the control loop waits for the round (a DispatchGroup), applies queued commands,
/// publishes the combined snapshot, and paces the next round. Lane state is touched by its
/// lane queue inside a round and by the control loop between rounds, never both at once.
/// Readers call `snapshot()`, which copies the latest published value under a lock.
public final class Runner: Sendable {
  private let box: LatestBox<ExperimentSnapshot>
  private let commands = Locked<[RunnerCommand]>([])
  private let wake = DispatchSemaphore(value: 0)
  private let stopping = Atomic<Bool>(false)
  private let finished = DispatchGroup()
  private let state: ControlState

  /// Prepares the lanes (throws on a bad configuration); call `start()` to begin training.
  public convenience init(config: ExperimentConfig, speed: Speed = .epochsPerSecond(4), paused: Bool = false,
                          initialWeights: WeightsFile? = nil,
                          locator: ResourceLocator = ResourceLocator()) throws(ConfigError) {
    let prepared = try PreparedExperiment(config, initialWeights: initialWeights, locator: locator)
    self.init(prepared: prepared, speed: speed, paused: paused, locator: locator)
  }

  /// Trains an experiment already prepared (its data loaded, its weights drawn): a command
  /// that checked it before opening the screen hands it over rather than loading it twice.
  /// `locator` finds the data of a data set chosen later on the dashboard.
  public init(prepared: PreparedExperiment, speed: Speed = .epochsPerSecond(4), paused: Bool = false,
              locator: ResourceLocator = ResourceLocator()) {
    state = ControlState(prepared: prepared, speed: speed, running: !paused, locator: locator)
    box = LatestBox(state.makeSnapshot())
    let box = self.box
    state.publish = { box.publish($0) }
  }

  /// The latest published state. Never waits for training.
  public func snapshot() -> ExperimentSnapshot { box.latest() }

  public func send(_ command: RunnerCommand) {
    commands.withLock { $0.append(command) }
    // The round in progress ends at the next epoch every lane can reach alike, not 20 ms on.
    state.roundCut.cut()
    wake.signal()
  }

  public func start() {
    finished.enter()
    let state = self.state, box = self.box
    DispatchQueue(label: "regviz.runner.control", qos: .userInitiated).async { [self] in
      enableFlushToZero()
      while !stopping.load(ordering: .acquiring) {
        // Before the commands are taken: a command sent after this cuts the next round.
        state.roundCut.open(front: state.front)
        let pending = commands.withLock { q -> [RunnerCommand] in defer { q.removeAll() }; return q }
        for c in pending { state.apply(c) }
        if !pending.isEmpty { box.publish(state.makeSnapshot()) }
        let wait = state.runRoundIfDue()
        if wait == 0 {
          box.publish(state.makeSnapshot())
        } else {
          _ = wake.wait(timeout: .now() + wait)
        }
      }
      finished.leave()
    }
  }

  /// Stops the control loop after the current round and waits for it — at most `timeout`
  /// seconds when given: a learner who quits must not wait for a big data set to finish
  /// loading (the process is about to exit and takes the loop with it).
  @discardableResult
  public func stop(timeout: Double? = nil) -> Bool {
    stopping.store(true, ordering: .releasing)
    wake.signal()
    guard let timeout else { finished.wait(); return true }
    return finished.wait(timeout: .now() + timeout) == .success
  }

  /// Blocks until `predicate` holds for a snapshot or `timeout` seconds pass (tests, scripts).
  @discardableResult
  public func wait(timeout: Double, until predicate: (ExperimentSnapshot) -> Bool) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
      if predicate(box.latest()) { return true }
      Thread.sleep(forTimeInterval: 0.002)
    }
    return predicate(box.latest())
  }
}
