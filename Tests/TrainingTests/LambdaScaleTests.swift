import NeuralCore
import Testing
@testable import Training

/// `run --summary`'s conversion table, against the closed forms.
@Suite struct LambdaScaleTests {
  @Test func conversionsFollowTheClosedForms() throws {
    var c = ExperimentConfig()
    c.optimizer = .sgd(learningRate: 0.1)
    let lanes = try ["l2=0.02", "wd=0.04", "l1=0.02"].map { try Lane(LaneConfig.parse($0), layerCount: 3) }
    let text = LambdaScale.table(config: c, lanes: lanes, trainCount: 200, batchSize: 50)
    let rows = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    let l2 = try #require(rows.first { $0.first == "L2" })
    // Pull per step 2ηλ2 = 0.004; 4 steps an epoch: 1 − 0.996⁴ = 1.59%; PyTorch 2λ2; C = 1/(2·200·0.02).
    #expect(l2 == ["L2", "0", "0.02", "0", "0.004", "1.59%", "0.04", "0.125", "–"])
    // wd = 0.04 under SGD is λ2 = 0.02: the same pull per epoch and the same equivalents.
    let wd = try #require(rows.first { $0.first == "WD" })
    #expect(wd == ["WD", "0", "0", "0.04", "–", "1.59%", "0.04", "0.125", "–"])
    // L1: C = 1/(n·λ1) = 0.25.
    #expect(rows.first { $0.first == "L1" }?.last == "0.25")
    // Doubling n halves C; a quarter of the batch quadruples the steps.
    #expect(text.contains("  400   full") == false && text.contains("400") && text.contains("0.0625"))
    #expect(!text.contains("Under Adam"))
    c.optimizer = .adam(learningRate: 0.01)
    #expect(LambdaScale.table(config: c, lanes: lanes, trainCount: 200, batchSize: 50).contains("Under Adam"))
  }

  /// Issue 24: with momentum torch.optim.SGD(weight_decay) is the L2 lane, not the wd lane, so a
  /// wd lane gets no PyTorch or scikit-learn number; L1 and L2 together are one elastic net.
  @Test func momentumAndElasticNetSayWhatIsEquivalent() throws {
    var c = ExperimentConfig()
    c.optimizer = .sgd(learningRate: 0.1, momentum: 0.9)
    let lanes = try ["l2=0.02", "wd=0.04", "l1=0.01,l2=0.02"].map { try Lane(LaneConfig.parse($0), layerCount: 3) }
    let text = LambdaScale.table(config: c, lanes: lanes, trainCount: 200, batchSize: 50)
    let rows = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(rows.first { $0.first == "L2" }?.suffix(3) == ["0.04", "0.125", "–"])
    #expect(rows.first { $0.first == "WD" }?.suffix(3) == ["–", "–", "–"])
    // Elastic net: C = 1/(200·(0.01 + 0.04)) = 0.1, l1_ratio = 0.01/0.05 = 0.2, and not two Cs.
    #expect(rows.first { $0.first == "L1+L2" }?.suffix(3) == ["0.04", "–", "–"])
    #expect(text.contains("L1+L2: LogisticRegression(penalty=\"elasticnet\", solver=\"saga\", C=0.1, l1_ratio=0.2)"))
    #expect(text.contains("With momentum 0.9 a wd lane is no L2 lane"))
    c.optimizer = .sgd(learningRate: 0.1)
    let plain = LambdaScale.table(config: c, lanes: lanes, trainCount: 200, batchSize: 50)
    #expect(!plain.contains("With momentum"))
    #expect(plain.split(separator: "\n").first { $0.hasPrefix("WD ") }?.split(separator: " ").suffix(3) == ["0.04", "0.125", "–"])
  }
}
