import NeuralCore
import Testing
@testable import Training

@Suite struct LaneSpecTests {
  @Test func parsesEveryForm() throws {
    #expect(try LaneSpec.parse("none") == LaneSpec())
    #expect(try LaneSpec.parse("l1=0.01").all == .l1(0.01))
    #expect(try LaneSpec.parse("l2=0.5").all == .l2(0.5))
    #expect(try LaneSpec.parse(" l2=0.005, l1=0.001 ").all == .l1_l2(l1: 0.001, l2: 0.005))
    let perLayer = try LaneSpec.parse("1:l1=0.01;2:l2=0.01")
    #expect(perLayer.perLayer == [1: .l1(0.01), 2: .l2(0.01)])
    #expect(try perLayer.regularizers(layerCount: 3) == [.l1(0.01), .l2(0.01), .none])
  }

  @Test func namesAndCanonicalText() throws {
    #expect(try LaneSpec.parse("none").defaultName == "none")
    #expect(try LaneSpec.parse("l1=0.01").defaultName == "L1")
    #expect(try LaneSpec.parse("l2=0.01").defaultName == "L2")
    #expect(try LaneSpec.parse("l1=0.005,l2=0.005").defaultName == "L1+L2")
    #expect(try LaneSpec.parse("1:l1=0.01;2:l2=0.01").defaultName == "L1@1,L2@2")
    #expect(try LaneSpec.parse("2:l2=0.01;1:l1=0.01").description == "1:l1=0.01;2:l2=0.01")
    #expect(try LaneConfig.parse("sparse = l1=0.02").name == "sparse")
  }

  @Test func malformedSpecsSayWhatIsAccepted() {
    let bad = ["", "l3=0.1", "l1", "l1=abc", "l1=-0.1", "l1=nan", "l1=inf", "l1=0.1,l1=0.2", "0:l1=0.1", "x:l1=0.1",
               "1:l1=0.1;1:l2=0.1", "1-l1=0.1;2:l2"]
    for text in bad {
      do { _ = try LaneSpec.parse(text); Issue.record("'\(text)' should not parse") } catch {
        #expect(error.message.hasPrefix("lane '\(text)': "), "\(error.message)")
        #expect(error.message.contains("accepted: none, l1=λ"))
      }
    }
  }

  @Test func layerBeyondTheNetworkIsAnError() throws {
    let spec = try LaneSpec.parse("4:l1=0.1")
    #expect(throws: LaneSpec.ParseError.self) { try spec.regularizers(layerCount: 3) }
  }

  @Test func rescalingMovesEveryStrengthByTheSameRatio() throws {
    let lane = try Lane(LaneConfig(spec: LaneSpec.parse("1:l1=0.01;2:l2=0.02")), layerCount: 3)
    #expect(lane.regularizers == [.l1(0.01), .l2(0.02), .none])
    let s = lane.rescaled(to: 0.05, from: 0.02)
    #expect(s.spec.perLayer == [1: .l1(0.025), 2: .l2(0.05)])
    #expect(s.regularizers == [.l1(0.025), .l2(0.05), .none])
    #expect(s.regularizers[1].lambda2 == Float(0.05), "the reference term lands exactly on the rung")
  }

  @Test func resolvingNamesTheMissingLayer() {
    #expect(throws: ConfigError("lane '4:l1=0.1': layer 4 does not exist (the network has 3 Dense layers)")) {
      try Lane(LaneConfig(spec: LaneSpec.parse("4:l1=0.1")), layerCount: 3)
    }
  }
}

@Suite struct HistoryTests {
  func record(_ epoch: Int) -> EpochRecord {
    EpochRecord(epoch: epoch, dataLoss: Double(epoch), penalty: 0, valLoss: nil, accuracy: 0, valAccuracy: nil,
                zeros: 0, nearZeros: 0, weights: 10, l1Norm: 0, l2Norm: 0)
  }

  @Test func staysBoundedAndSpansTheRun() {
    var h = History(capacity: 64)
    for e in 1...10_000 { h.append(record(e)) }
    #expect(h.count <= 64 && h.count >= 32)
    #expect(h.epochs.first! <= h.stride && h.epochs.last! > 10_000 - h.stride)
    #expect(h.epochs == h.epochs.sorted())
    #expect(h.dataLoss == h.epochs.map(Double.init))
  }
}

/// A lane may name its own L1 rule, so two rules train side by side.
@Suite("Lane L1 rules")
struct LaneRuleTests {
  @Test func parsesAndPrintsTheRule() throws {
    let spec = try LaneSpec.parse("l1=0.02,rule=subgradient")
    #expect(spec.l1Rule == .subgradient)
    #expect(spec.all.lambda1 == 0.02)
    #expect(spec.description == "l1=0.02,rule=subgradient")
    #expect(try LaneSpec.parse(spec.description) == spec)
    #expect(try LaneSpec.parse("l1=0.02").l1Rule == nil)
    #expect(try LaneSpec.parse("rule=clip,l1=0.01").description == "l1=0.01,rule=clip")
  }

  @Test func rejectsBadRules() {
    #expect(throws: LaneSpec.ParseError.self) { try LaneSpec.parse("l1=0.02,rule=soft") }
    #expect(throws: LaneSpec.ParseError.self) { try LaneSpec.parse("1:l1=0.02,rule=prox") }
  }

  @Test func eachLaneTrainsWithItsOwnRuleAndTheKeyLeavesItAlone() throws {
    var config = ExperimentConfig()
    config.hidden = [8]
    config.l1Rule = .prox
    config.lanes = [LaneConfig(name: "keras", spec: try LaneSpec.parse("l1=0.02,rule=subgradient")),
                    LaneConfig(name: "prox", spec: try LaneSpec.parse("l1=0.02"))]
    let prepared = try PreparedExperiment(config)
    #expect(prepared.learner(for: prepared.lanes[0]).l1Rule == .subgradient)
    #expect(prepared.learner(for: prepared.lanes[1]).l1Rule == .prox)
    var a = LaneTrainer(lane: prepared.lanes[0], prepared: prepared)
    var b = LaneTrainer(lane: prepared.lanes[1], prepared: prepared)
    for _ in 0..<60 { a.trainEpoch(prepared); b.trainEpoch(prepared) }
    let zeros = { (t: LaneTrainer) in t.snapshot().stats.layerZeros.reduce(0, +) }
    #expect(zeros(a) < zeros(b), "subgradient leaves fewer exact zeros than prox")
  }
}
