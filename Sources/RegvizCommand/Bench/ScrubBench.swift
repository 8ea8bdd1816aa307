import App
import Foundation
import NeuralCore
import Training

/// The scrub-back store's memory in a long run: lanes on `sparse`, every epoch's snapshot
/// recorded as the dashboard records it, each with weights of its own (as in training, where
/// every epoch changes every layer). 8 lanes of 20-16-16-3 over 100 000 epochs stay under the
/// entry cap; 4 lanes of `--hidden 1024,1024` and `4096,4096` meet the byte budget.
enum ScrubBench {
  struct Figure: Encodable {
    var net: String
    var lanes: Int
    var epochs: Int
    var entries: Int
    var megabytes: Double
    var budget_megabytes: Double
    var first_epoch_kept: Int
  }

  static func measure(epochs: Int, lanes: Int = 8, hidden: [Int]? = nil) throws -> Figure {
    var config = ExperimentConfig()
    config.lanes = (1...lanes).map { LaneConfig(name: "lane\($0)", spec: LaneSpec(all: .l1(Float($0) * 0.001))) }
    let runner: Runner
    do { runner = try Runner(config: config, paused: true) } catch { throw CLIError(error.message) }
    var snapshot = runner.snapshot()
    if let hidden, let first = snapshot.lanes.first?.network.layers.first {
      // A wide network drawn here, not trained: the runner would hold a second copy of each.
      let wide = Network(inputs: first.inputs, hidden: hidden, classes: snapshot.lanes[0].network.layers.last!.units,
                         activation: first.activation, seed: 1)
      let stats = WeightStats(network: wide)
      for i in snapshot.lanes.indices { (snapshot.lanes[i].network, snapshot.lanes[i].stats) = (wide, stats) }
    }
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
    let sizes = [snapshot.lanes[0].network.layers[0].inputs] + snapshot.lanes[0].network.layers.map(\.units)
    return Figure(net: sizes.map(String.init).joined(separator: "-"), lanes: snapshot.lanes.count, epochs: epochs,
                  entries: store.entries.count, megabytes: Double(store.bytes) / 1_048_576,
                  budget_megabytes: Double(store.budget) / 1_048_576, first_epoch_kept: store.entries.first?.epoch ?? 0)
  }
}
