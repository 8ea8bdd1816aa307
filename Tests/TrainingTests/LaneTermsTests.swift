import NeuralCore
import Testing
@testable import Training

/// `LaneTerms`: one value for a lane's λ, its rescaling, its names and text (issue 22).
@Suite struct LaneTermsTests {
  func lanes(_ specs: [String]) throws -> [Lane] {
    try specs.map { try Lane(LaneConfig.parse($0), layerCount: 3) }
  }

  @Test func theLambdaIsTheLargestPenaltyWeightDecayLeftOut() throws {
    let spec = try LaneSpec.parse("l2=0.01,wd=0.05")
    #expect(spec.terms.largestPenalty == 0.01)
    #expect(spec.terms.terms.map(\.kind) == [.l2, .wd])
    #expect(try lanes(["l2=0.01,wd=0.05", "wd=0.2"]).map(\.largestLambda) == [0.01, 0])
    #expect(try Lane.referenceLambda(lanes(["l2=0.01,wd=0.05", "wd=0.2", "1:l1=0.03"])) == 0.03)
    #expect(try SweepTemplate(spec: spec).spec(at: 0.1).description == "l2=0.1,wd=0.5")
    #expect(try !SweepTemplate(spec: LaneSpec.parse("wd=0.01")).isPenalized)
  }

  @Test func everyLaneMovesWithTheLargestLambdaRatiosKept() throws {
    let base = try lanes(["l1=0.01", "l2=0.02,wd=0.04", "wd=0.1", "none"])
    let moved = Lane.rescaled(base, to: 0.05)
    #expect(moved[1].regularizers[0].lambda2 == Float(0.05), "the reference lands exactly on the rung")
    #expect(moved[1].weightDecays == [0.1, 0.1, 0.1])
    #expect(moved[0].regularizers[0] == .l1(0.025))
    #expect(moved[2].weightDecays == [0.25, 0.25, 0.25], "wd keeps its ratio to the λ")
    #expect(moved[3] == base[3])
    #expect(Lane.rescaled(try lanes(["wd=0.1", "none"]), to: 0.05) == (try lanes(["wd=0.1", "none"])), "no λ: unchanged")
  }

  @Test func oneLaneMovesAlone() throws {
    let base = try lanes(["l1=0.01", "1:l1=0.01,wd=0.02;2:l2=0.005;3:wd=0.02"])
    let moved = Lane.rescaled(base, to: 0.02, only: 1)
    #expect(moved[0] == base[0])
    #expect(moved[1].spec.description == "1:l1=0.02,wd=0.04;2:l2=0.01;3:wd=0.04")
    #expect(moved[1].weightDecays == [0.04, 0, 0.04])
    #expect(Lane.rung(putting: 1, at: 0.1, in: try lanes(["l1=0.04", "l2=0.01,wd=0.05"])) == 0.4)
    #expect(Lane.rung(putting: 0, at: 0.1, in: try lanes(["wd=0.04", "l2=0.01"])) == nil)
  }

  @Test func namesTextAndTitlesFromTheTable() throws {
    let cases: [(String, String, String)] = [
      ("none", "none", "none"), ("l2=0.01,wd=0.05", "l2=0.01,wd=0.05", "L2+WD"), ("wd=0.1", "wd=0.1", "WD"),
      ("1:l1=0.01;3:none", "1:l1=0.01;3:none", "L1@1"), ("2:wd=0.1;1:l2=0.02,l1=0.01", "1:l1=0.01,l2=0.02;2:wd=0.1", "L1+L2@1,WD@2"),
    ]
    for (text, canonical, title) in cases {
      let spec = try LaneSpec.parse(text)
      #expect(spec.description == canonical)
      #expect(spec.defaultName == title)
      #expect(try LaneSpec.parse(spec.description) == spec)
    }
    let keras = try LaneSpec.parse("1:l1=0.01;2:l2=0.02")
    #expect(keras.terms.penaltyStrengths { formatStrength($0) } == ["0.01", "0.02"])
    #expect(try LaneSpec.parse("l1=0.01,l2=0.01,wd=0.3").terms.penaltyStrengths(mergeEqual: true) { formatStrength($0) } == ["0.01"])
    #expect(SweepTemplate(spec: keras).label == "1:l1=0.5;2:l2=λ")
    #expect(try SweepTemplate(spec: LaneSpec.parse("l2=0.01,wd=0.05")).label == "l2")
    #expect(try LaneSpec.parse("none,wd=0.1") == LaneSpec.parse("wd=0.1"))
  }
}
