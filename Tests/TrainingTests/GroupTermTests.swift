import NeuralCore
import Testing
@testable import Training

/// The `group=λ` lane term (issue 27): one row of `TermKind.table`, parsed, named, resolved and
/// swept like l1 and l2.
@Suite struct GroupTermTests {
  @Test func parsesEveryForm() throws {
    let all = try LaneSpec.parse("group=0.05")
    #expect(all.description == "group=0.05")
    #expect(all.defaultName == "Group")
    #expect(try all.regularizers(layerCount: 3) == Array(repeating: .group(0.05), count: 3))

    let first = try LaneSpec.parse("1:group=0.05")
    #expect(first.description == "1:group=0.05")
    #expect(first.defaultName == "Group@1")
    #expect(try first.regularizers(layerCount: 3) == [.group(0.05), .none, .none])

    let sparseGroup = try LaneSpec.parse("group=0.02,l1=0.01")
    #expect(sparseGroup.description == "l1=0.01,group=0.02", "canonical order: the table's")
    #expect(sparseGroup.defaultName == "L1+Group")
    #expect(try sparseGroup.regularizers(layerCount: 2) == Array(repeating: Regularizer(lambda1: 0.01, lambdaGroup: 0.02), count: 2))

    let perLayer = try LaneSpec.parse("1:l1=0.01,group=0.02;2:l2=0.01")
    #expect(try perLayer.regularizers(layerCount: 3) == [Regularizer(lambda1: 0.01, lambdaGroup: 0.02), .l2(0.01), .none])
    #expect(try LaneSpec.parse("l2=0.01,group=0.03,wd=0.01").terms.largestPenalty == 0.03, "group is a penalty: a λ")
  }

  @Test func badValuesSayWhatIsAccepted() {
    for text in ["group", "group=", "group=abc", "group=-0.1", "group=nan", "group=inf", "group=0.1,group=0.2",
                 "0:group=0.1", "groups=0.1"] {
      do { _ = try LaneSpec.parse(text); Issue.record("'\(text)' should not parse") } catch {
        #expect(error.message.hasPrefix("lane '\(text)': "), "\(error.message)")
        #expect(error.message.contains("group=λ"), "\(error.message)")
      }
    }
  }

  @Test func sweepsAndRescalesAsAPenalty() throws {
    let template = SweepTemplate(spec: try LaneSpec.parse("group=0.02"))
    #expect(template.isPenalized)
    #expect(template.label == "group")
    #expect(template.spec(at: 0.1).description == "group=0.1")
    let mixed = SweepTemplate(spec: try LaneSpec.parse("l1=0.01,group=0.02"))
    #expect(mixed.spec(at: 0.1).description == "l1=0.05,group=0.1")
    #expect(mixed.label == "l1=0.5,group=λ")
    let lanes = try ["group=0.02", "l1=0.01"].map { try Lane(LaneConfig.parse($0), layerCount: 3) }
    let moved = Lane.rescaled(lanes, to: 0.04)
    #expect(moved[0].regularizers[0] == .group(0.04))
    #expect(moved[1].regularizers[0] == .l1(0.02))
  }

  @Test func spelledAsTheExportsClassAndChecked() throws {
    let group = Regularizer(lambda1: 0.01, lambdaGroup: 0.02)
    #expect(group.description == "GroupLasso(0.02, l1=0.01)")
    #expect(Regularizer.group(0.05).description == "GroupLasso(0.05)")
    #expect(Regularizer.group(0.05).problem == nil)
    #expect(Regularizer(lambdaGroup: -1).problem?.hasPrefix("group strength") == true)
  }
}
