import Canvas
import NeuralCore
import Testing
import Training

@testable import App

/// Scrub-back: paused, the history keys show a recorded epoch on every panel — the screen is
/// the one the dashboard drew at that epoch — and the status line says which; resuming returns
/// to the live end. The store stays bounded however long the run.
@Suite struct ScrubBackTests {
  /// Real trainers (tiny network) and the snapshots the dashboard would have seen, epoch 1…n.
  static func run(epochs: Int) throws -> [ExperimentSnapshot] {
    var config = Fixtures.config()
    config.hidden = [4]
    let prepared = try PreparedExperiment(config)
    var trainers = prepared.lanes.map { LaneTrainer(lane: $0, prepared: prepared) }
    let base = Fixtures.snapshot(epochs: 0, config: config)
    var snapshots: [ExperimentSnapshot] = []
    for _ in 0..<epochs {
      for i in trainers.indices { trainers[i].trainEpoch(prepared) }
      var s = base
      s.lanes = trainers.map { $0.snapshot() }
      snapshots.append(s)
    }
    return snapshots
  }

  static func text(_ grid: Grid) -> [String] { (0..<grid.height).map { grid.row($0) } }

  @Test func pausedScrubShowsTheRecordedEpochOnEveryPanel() throws {
    let snapshots = try Self.run(epochs: 12)
    var mode = PlayMode(state: AppState())
    for s in snapshots { _ = mode.observe(s, elapsed: 0.01) }
    var paused = snapshots.last!
    paused.running = false
    _ = mode.observe(paused, elapsed: 0.01)
    // PgUp: ten epochs back (to epoch 2), → one forward (epoch 3).
    #expect(mode.perform(try #require(mode.keymap.action(for: .pageUp)), snapshot: paused).isEmpty)
    #expect(mode.perform(.scrub(.forward), snapshot: paused).isEmpty)
    #expect(mode.state.notice?.hasPrefix("viewing epoch 3 of 12") == true, "\(mode.state.notice ?? "")")
    let scrubbed = mode.compose(paused, width: 120, height: 40)
    // What the dashboard showed at the recorded epoch 3 itself, paused, in the same view state:
    // every panel the same, but the charts, which keep the whole run with a cursor at epoch 3.
    var then = snapshots[2]
    then.running = false
    let reference = Chrome.compose(then, state: mode.state, keymap: Keymap(KeyContext(mode: .play)),
                                           width: 120, height: 40, histograms: HistogramCache())
    let rows = Self.text(scrubbed), expected = Self.text(reference)
    let band = try #require(rows.firstIndex { $0.contains("data loss") })
    let bandEnd = try #require(rows.firstIndex { $0.contains("first layer") })
    let modelColumn = try #require(rows[band].distance(of: "┬ model"))
    for (i, (row, want)) in zip(rows, expected).enumerated() {
      if (band + 1..<bandEnd).contains(i) {
        #expect(Array(row).suffix(from: modelColumn) == Array(want).suffix(from: modelColumn), "model row \(i)")
      } else {
        #expect(row == want, "row \(i)")
      }
    }
    #expect(contains(scrubbed, "epoch 3"))
    // The loss chart spans epochs 1…12 and its cursor stands at epoch 3: 2/11 of the plot.
    let axis = try #require(rows[band + 1..<bandEnd].first { $0.contains("epoch 12") })
    let start = try #require(axis.distance(of: "└")) + 1
    let end = try #require(Array(axis).indices.first { $0 > start && Array(axis)[$0] == "│" })
    let cursor = try #require(axis.distance(of: "↑"))
    #expect(cursor - start == Int((2.0 / 11 * Double(end - start - 1)).rounded()), "\(axis)")
    #expect(rows[band + 1..<bandEnd - 1].allSatisfy { Array($0)[cursor] != " " }, "the cursor line runs up the plot")
    let live = Chrome.compose(paused, state: mode.state, keymap: Keymap(KeyContext(mode: .play)),
                                      width: 120, height: 40, histograms: HistogramCache())
    #expect(Self.text(scrubbed) != Self.text(live), "the epoch shown is not the live one")
    // End returns to the live end; Home goes to the first epoch; resuming leaves the history.
    _ = mode.perform(.scrub(.last), snapshot: paused)
    #expect(mode.state.viewing == nil)
    _ = mode.perform(try #require(mode.keymap.action(for: .home)), snapshot: paused)
    #expect(mode.state.viewing == 0)
    _ = mode.observe(snapshots.last!, elapsed: 0.01)
    #expect(mode.state.viewing == nil, "training again shows the live end")
  }

  @Test func scrubbingNeedsAPause() throws {
    let snapshots = try Self.run(epochs: 3)
    var mode = PlayMode(state: AppState())
    for s in snapshots { _ = mode.observe(s, elapsed: 0.01) }
    _ = mode.perform(.scrub(.back), snapshot: snapshots.last!)
    #expect(mode.state.viewing == nil)
    #expect(mode.state.notice == "pause first (space) to look back through the epochs")
  }

  @Test func theStoreIsBoundedAndSpansTheRun() {
    var store = ScrubHistory(capacity: 64, recent: 16)
    let base = Fixtures.snapshot(epochs: 1)
    for epoch in 1...10_000 {
      var s = base
      for i in s.lanes.indices { s.lanes[i].epoch = epoch }
      store.record(s)
    }
    #expect(store.entries.count <= 64)
    #expect(store.entries.first!.epoch == 1 && store.entries.last!.epoch == 10_000)
    let recent = store.entries.suffix(16).map(\.epoch)
    #expect(recent == Array(9_985...10_000), "the newest epochs are kept one by one")
    #expect(zip(store.entries, store.entries.dropFirst()).allSatisfy { $0.epoch < $1.epoch })
    // A reset starts over.
    var s = base
    for i in s.lanes.indices { s.lanes[i].epoch = 2 }
    store.record(s)
    #expect(store.entries.map(\.epoch) == [2])
  }
}
