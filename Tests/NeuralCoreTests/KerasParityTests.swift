import Foundation
import Testing
@testable import NeuralCore
import RegvizData

/// Our trainer against real Keras/TensorFlow: fixtures made by scripts/keras_parity.py
/// (same model, data, initial weights; full-batch steps; Keras's L1 is the subgradient rule).
@Suite struct KerasParityTests {
  struct Fixture: Decodable {
    struct Case: Decodable {
      struct Reg: Decodable { var l1: Float; var l2: Float }
      struct Opt: Decodable {
        var name: String
        var learning_rate: Float
        var momentum: Float?
        var beta_1: Double?
        var beta_2: Double?
        var epsilon: Float?
      }
      var name: String
      var inputs: Int
      var hidden: [Int]
      var activation: String
      var classes: Int
      var regularizers: [Reg]
      var optimizer: Opt
      var steps: Int
      var x: [[Float]]
      var y: [Int32]
      /// The fixture keeps weights as `{"layers": [{"kernel", "bias"}]}`.
      var initial: Layers
      var final: Layers
      var loss_history: [Float]
    }
    var cases: [Case]
    struct Layers: Decodable {
      var layers: [WeightsFile.LayerWeights]
      var weights: WeightsFile { WeightsFile(layers: layers) }
    }
  }

  static let fixture: Fixture = {
    let url = Bundle.module.url(forResource: "keras_parity", withExtension: "json", subdirectory: "Fixtures")!
    return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }()

  @Test(arguments: KerasParityTests.fixture.cases.map(\.name), Impl.allCases)
  func reproducesKeras(caseName: String, impl: Impl) throws {
    let c = Self.fixture.cases.first { $0.name == caseName }!
    let activation = try #require(Activation(rawValue: c.activation))
    var net = Network(inputs: c.inputs, hidden: c.hidden, classes: c.classes, activation: activation, seed: 0)
    let regularizers = c.regularizers.map { Regularizer(lambda1: $0.l1, lambda2: $0.l2) }
    #expect(c.initial.weights.shapeProblem(for: net) == nil)
    net = c.initial.weights.applied(to: net)
    let optimizer: Optimizer = c.optimizer.name == "adam"
      ? .adam(learningRate: c.optimizer.learning_rate, beta1: c.optimizer.beta_1!, beta2: c.optimizer.beta_2!,
              epsilon: c.optimizer.epsilon!)
      : .sgd(learningRate: c.optimizer.learning_rate, momentum: c.optimizer.momentum ?? 0)
    let data = Dataset(name: c.name, features: Array(c.x.joined()), labels: c.y,
                       featureNames: (0..<c.inputs).map { "x\($0)" }, classNames: (0..<c.classes).map { "\($0)" })
    var learner = Learner(network: net, regularizers: regularizers, optimizer: optimizer, l1Rule: .subgradient, impl: impl,
                          maxBatch: data.count)
    var worstLoss: Float = 0
    for step in 0..<c.steps {
      // Keras's history loss is measured before the step and includes the penalty.
      let penalty = learner.penalty
      let r = learner.step(data: data, indices: ArraySlice(0..<data.count))
      let loss = Float(r.lossSum / Double(data.count) + penalty)
      worstLoss = max(worstLoss, abs(loss - c.loss_history[step]))
    }
    let expected = c.final.weights.applied(to: net)
    var worstWeight: Float = 0
    for (a, b) in zip(learner.network.layers, expected.layers) {
      worstWeight = max(worstWeight, maxAbsDifference(a.kernel, b.kernel), maxAbsDifference(a.bias, b.bias))
    }
    #expect(worstWeight < 1e-5, "\(caseName) \(impl): max |Δw| = \(worstWeight)")
    #expect(worstLoss < 1e-5, "\(caseName) \(impl): max |Δloss| = \(worstLoss)")
  }
}
