import Foundation
import NeuralCore
import Testing

@testable import App
@testable import Training

/// Issue 25, case 4: the scrub-back history is bounded in bytes, not only in entries — four
/// lanes of 1024×1024 are 17 MB an entry, and 1 536 entries were 26 GB.
@Suite struct MemoryBudgetTests {
  /// The fixture with every lane's network replaced by `hidden` (drawn, not trained).
  static func wide(_ hidden: [Int]) -> ExperimentSnapshot {
    var s = Fixtures.snapshot(epochs: 1)
    let net = Network(inputs: 20, hidden: hidden, classes: 3, activation: .relu, seed: 1)
    let stats = WeightStats(network: net)
    for i in s.lanes.indices { (s.lanes[i].network, s.lanes[i].stats) = (net, stats) }
    return s
  }

  static func record(_ store: inout ScrubHistory, _ base: ExperimentSnapshot, epochs: ClosedRange<Int>) {
    for epoch in epochs {
      var s = base
      for i in s.lanes.indices { s.lanes[i].epoch = epoch }
      store.record(s)
    }
  }

  @Test func aWideNetworkStaysUnderTheByteBudgetAndKeepsTheNewestEpoch() {
    // 4 lanes of 20-256-256-3: about 1.1 MB an entry; a 4 MB budget keeps three.
    let base = Self.wide([256, 256])
    var store = ScrubHistory(budget: 4 << 20)
    Self.record(&store, base, epochs: 1...200)
    #expect(store.bytes <= 4 << 20)
    #expect(store.entries.count >= 2 && store.entries.count <= 4, "\(store.entries.map(\.epoch))")
    #expect(store.entries.last?.epoch == 200)
    #expect(store.bytes == store.entries.reduce(0) { $0 + $1.bytes }, "the running total matches the entries")
    #expect(zip(store.entries, store.entries.dropFirst()).allSatisfy { $0.epoch < $1.epoch })
  }

  @Test func anEntryLargerThanTheBudgetIsNotKept() {
    var store = ScrubHistory(budget: 100_000)
    Self.record(&store, Self.wide([256, 256]), epochs: 1...5)
    #expect(store.entries.isEmpty && store.bytes == 0)
  }

  @Test func theDefaultRunIsBoundByEntriesAsBefore() {
    // 20-16-16-3: the budget is never what thins it.
    var store = ScrubHistory(capacity: 64, recent: 16)
    Self.record(&store, Fixtures.snapshot(epochs: 1), epochs: 1...1000)
    #expect(store.entries.count <= 64 && store.entries.first?.epoch == 1)
    #expect(store.bytes < ScrubHistory.defaultBudget)
  }

  @Test func anEntrysSizeCountsEveryArray() {
    // 10 000 small layers: the arrays' headers are most of the size.
    let layers = (0..<10_000).map { _ in Layer(inputs: 4, units: 4, activation: .relu, kernel: Array(repeating: 0.1, count: 16),
                                             bias: Array(repeating: 0, count: 4)) }
    let net = Network(layers: layers)
    #expect(ByteSize.of(net) >= 10_000 * (2 * ByteSize.arrayOverhead + 80))
  }

  @Test func historiesAndTracesAreBoundedWhateverTheRun() {
    var history = History()
    var trace = WeightTrace(network: Network(inputs: 20, hidden: [16], classes: 3, activation: .relu, seed: 1), informative: nil)
    let net = Network(inputs: 20, hidden: [16], classes: 3, activation: .relu, seed: 2)
    for e in 1...100_000 {
      history.append(EpochRecord(epoch: e, dataLoss: 1, penalty: 0, valLoss: 1, accuracy: 0.5, valAccuracy: 0.5,
                                 zeros: 0, nearZeros: 0, weights: 1, l1Norm: 1, l2Norm: 1))
      trace.record(net, epoch: e)
    }
    #expect(history.bytes <= 512 * 8 * 8 + 8 * ByteSize.arrayOverhead)
    #expect(trace.bytes <= 512 * (ByteSize.arrayOverhead + 5 * 4 + 8 + 8) + 2 * ByteSize.arrayOverhead)
  }
}

/// Issue 25, case 13: the `f` job runs at background priority and stops when its window
/// closes or the setup it measures is no longer the live one.
@Suite struct SelectionJobFollowTests {
  static func job() -> SelectionJob {
    SelectionJob(config: SelectionJob.setup(ExperimentConfig()), seeds: [1, 2, 3], epochs: 1_000_000)
  }

  @Test func itRunsAtNice19AndStopsWithinAnEpochWhenCancelled() throws {
    let job = Self.job()
    job.start()
    let deadline = Date().addingTimeInterval(20)
    while job.nice == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    #if os(Linux)
    #expect(job.nice == BackgroundPriority.nice)
    #endif
    Thread.sleep(forTimeInterval: 0.2)
    #expect(job.isWorking)
    job.cancel()
    let gone = Date().addingTimeInterval(20)
    while job.isWorking, Date() < gone { Thread.sleep(forTimeInterval: 0.02) }
    #expect(!job.isWorking, "a million epochs a seed: only the cancel ends it")
  }

  @Test func closingTheWindowOrChangingTheSetupDropsTheJob() {
    let snapshot = Fixtures.snapshot()
    var dashboard = Dashboard(state: AppState())
    dashboard.startSelection(snapshot)
    dashboard.state.overlay = .selection(scroll: 0, job: nil)
    let first = dashboard.selection
    dashboard.observe(snapshot, elapsed: 0.03)
    #expect(dashboard.selection === first, "open, same setup: it goes on")
    // The data set changes under the open window: a job for the new setup.
    var changed = snapshot
    changed.config.dataset = .iris
    dashboard.observe(changed, elapsed: 0.03)
    #expect(first?.isCancelled == true && dashboard.selection !== first)
    #expect(dashboard.selection?.config == SelectionJob.setup(changed.config))
    // Closed: cancelled and gone.
    let second = dashboard.selection
    dashboard.state.overlay = nil
    dashboard.observe(changed, elapsed: 0.03)
    #expect(second?.isCancelled == true && dashboard.selection == nil)
  }
}
