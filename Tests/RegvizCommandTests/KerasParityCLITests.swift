import Foundation
import NeuralCore
import RegvizData
import Testing

/// Keras parity through the command line: the flags a learner would use to reproduce Keras.
@Suite struct KerasParityCLITests {
  struct Fixture: Decodable {
    struct Case: Decodable {
      var name: String; var hidden: [Int]; var activation: String; var steps: Int
      var x: [[Float]]; var y: [Int]; var initial: Layers; var final: Layers
    }
    var cases: [Case]
    /// The fixture keeps weights as `{"layers": [{"kernel", "bias"}]}`.
    struct Layers: Decodable { var layers: [WeightsFile.LayerWeights] }
  }

  @Test func sgdWithTheSubgradientRuleReproducesKeras() throws {
    let url = CLI.repo.appendingPathComponent("Tests/NeuralCoreTests/Fixtures/keras_parity.json")
    let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    let c = try #require(fixture.cases.first { $0.name == "sgd_l1_l2_tanh" })
    let dir = CLI.temporaryDirectory()
    let csv = dir.appendingPathComponent("data.csv"), initial = dir.appendingPathComponent("init.json")
    let dump = dir.appendingPathComponent("dump.json")
    try zip(c.x, c.y).map { row, label in row.map { "\($0)" }.joined(separator: ",") + ",\(label)" }
      .joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
    // --init-weights reads Keras's get_weights() list.
    try JSONEncoder().encode(WeightsFile(layers: c.initial.layers)).write(to: initial)
    let r = try CLI.run([
      "run", "--dataset", csv.path, "--hidden", c.hidden.map(String.init).joined(separator: ","), "--activation", c.activation,
      "--lane", "1:l1=0.01;2:l2=0.01", "--l1-rule", "subgradient", "--optimizer", "sgd", "--lr", "0.1",
      "--batch-size", "full", "--val-split", "0", "--no-standardize", "--epochs", "\(c.steps)",
      "--init-weights", initial.path, "--dump-weights", dump.path, "--format", "csv", "--report-every", "1000",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let dumped = try JSONDecoder().decode(WeightDump.self, from: Data(contentsOf: dump))
    #expect(dumped.lanes.count == 1 && dumped.lanes[0].lane == "1:l1=0.01;2:l2=0.01")
    var worst: Float = 0
    for (a, b) in zip(dumped.lanes[0].weights.layers, c.final.layers) {
      for (ra, rb) in zip(a.kernel, b.kernel) { for (x, y) in zip(ra, rb) { worst = max(worst, abs(x - y)) } }
      for (x, y) in zip(a.bias, b.bias) { worst = max(worst, abs(x - y)) }
    }
    #expect(worst < 1e-5, "max |Δw| vs Keras = \(worst)")
  }
}
