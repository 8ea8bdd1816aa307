import Dispatch
import NeuralCore
import Synchronization

/// `SelectionFrequency.measure` on a background queue of its own, one lane at a time (the
/// dashboard's trainer keeps the other core): the screen reads `latest()` each frame and never
/// waits. `cancel()` stops it after the seed in progress.
public final class SelectionJob: Sendable {
  public let config: ExperimentConfig
  public let seeds: [UInt64]
  public let epochs: Int
  private let box: LatestBox<State>
  private let cancelled = Atomic<Bool>(false)

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

  public func start() {
    let (config, seeds, epochs, box) = (self.config, self.seeds, self.epochs, self.box)
    DispatchQueue(label: "regviz.selection", qos: .utility).async { [self] in
      enableFlushToZero()
      do {
        let tally = try SelectionFrequency.measure(config, seeds: seeds, epochs: epochs, parallelism: 1) { t in
          box.publish(.running(t))
          return !self.cancelled.load(ordering: .relaxed)
        }
        box.publish(.finished(tally))
      } catch {
        box.publish(.failed("\(error)"))
      }
    }
  }

  public func latest() -> State { box.latest() }
  public func cancel() { cancelled.store(true, ordering: .relaxed) }
}
