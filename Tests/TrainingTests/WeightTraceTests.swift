import NeuralCore
import Testing

@testable import Training

@Suite struct WeightTraceTests {
  @Test func picksInformativeAndNoiseInputsAtTheirLargestUnit() {
    let net = Network(inputs: 6, hidden: [4], classes: 2, activation: .relu, seed: 3)
    let trace = WeightTrace(network: net, informative: [4, 1, 5])
    #expect(trace.positions.map(\.input) == [4, 1, 0, 2, 3])
    #expect(trace.positions.map(\.informative) == [true, true, false, false, false])
    let k = net.layers[0]
    for p in trace.positions {
      let row = (0..<k.units).map { abs(k.kernel[p.input * k.units + $0]) }
      #expect(row[p.unit] == row.max())
    }
  }

  @Test func recordsTheTracedWeightsAndHalvesWhenFull() {
    var net = Network(inputs: 3, hidden: [2], classes: 2, activation: .relu, seed: 1)
    var trace = WeightTrace(network: net, informative: nil, capacity: 8)
    for epoch in 0..<12 {
      net.layers[0].kernel[trace.positions[0].input * 2 + trace.positions[0].unit] = Float(epoch)
      trace.record(net, epoch: epoch)
    }
    #expect(trace.stride == 2)
    #expect(trace.epochs == [0, 2, 4, 6, 8, 10])
    #expect(trace.series(0) == [0, 2, 4, 6, 8, 10])
  }

  /// The real trainer traces the weights it trains: the last point is the network's weight.
  @Test func aLaneTrainerTracesItsOwnWeights() throws {
    var config = ExperimentConfig()
    config.hidden = [4]
    let prepared = try PreparedExperiment(config)
    var trainer = LaneTrainer(lane: try Lane(config.lanes[1], layerCount: 2), prepared: prepared)
    trainer.trainEpoch(prepared)
    trainer.trainEpoch(prepared)
    let trace = trainer.snapshot().trace
    #expect(trace.epochs == [0, 1, 2])
    let k = trainer.learner.network.layers[0]
    #expect(trace.values.last! == trace.positions.map { k.kernel[$0.input * k.units + $0.unit] })
  }
}
