import App
import Foundation
import Training

/// The scrub-back store's memory in a long run: 8 lanes of 20-16-16-3 on `sparse`, every
/// epoch's snapshot recorded as the dashboard records it, each with weights of its own (as in
/// training, where every epoch changes every layer).
enum ScrubBench {
  struct Figure: Encodable {
    var lanes: Int
    var epochs: Int
    var entries: Int
    var megabytes: Double
    var first_epoch_kept: Int
  }

  static func measure(epochs: Int) throws -> Figure {
    var config = ExperimentConfig()
    config.lanes = (1...8).map { LaneConfig(name: "lane\($0)", spec: LaneSpec(all: .l1(Float($0) * 0.001))) }
    let runner: Runner
    do { runner = try Runner(config: config, paused: true) } catch { throw CLIError(error.message) }
    var snapshot = runner.snapshot()
    var store = ScrubHistory()
    for epoch in 1...epochs {
      for i in snapshot.lanes.indices {
        snapshot.lanes[i].epoch = epoch
        for l in snapshot.lanes[i].network.layers.indices {
          snapshot.lanes[i].network.layers[l].kernel[0] += 1e-7
          snapshot.lanes[i].network.layers[l].bias[0] += 1e-7
        }
      }
      store.record(snapshot)
    }
    return Figure(lanes: snapshot.lanes.count, epochs: epochs, entries: store.entries.count,
                  megabytes: Double(store.bytes) / 1_048_576, first_epoch_kept: store.entries.first?.epoch ?? 0)
  }
}
