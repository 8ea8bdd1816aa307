import Testing
@testable import NeuralCore

/// `correlated:ρ`: the stated groups, the stated correlation inside them, none across.
@Suite struct CorrelatedDatasetTests {
  static func correlation(_ data: Dataset, _ i: Int, _ j: Int) -> Double {
    let d = data.featureCount, n = data.count
    func column(_ k: Int) -> [Double] { (0..<n).map { Double(data.features[$0 * d + k]) } }
    let a = column(i), b = column(j)
    let ma = a.reduce(0, +) / Double(n), mb = b.reduce(0, +) / Double(n)
    var sab = 0.0, saa = 0.0, sbb = 0.0
    for k in 0..<n { sab += (a[k] - ma) * (b[k] - mb); saa += (a[k] - ma) * (a[k] - ma); sbb += (b[k] - mb) * (b[k] - mb) }
    return sab / (saa * sbb).squareRoot()
  }

  @Test func groupsAndNamesAreStated() {
    let data = CorrelatedDataset.make(correlation: 0.95, seed: 1)
    #expect(data.groups == [[0, 1, 2], [3, 4], [5, 6, 7]])
    #expect(data.featureNames == ["A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "n1", "n2", "n3", "n4", "n5", "n6"])
    #expect(data.informative == Array(0..<8))
    #expect(data.count == 300 && data.classCount == 3 && data.name == "correlated:0.95")
    // The groups survive a split.
    #expect(DataSplit(data, validationFraction: 0.3, seed: 1).train.groups == data.groups)
  }

  @Test(arguments: [Float(0.5), 0.9, 0.95])
  func membersCorrelateAsStatedAndGroupsDoNot(rho: Float) {
    // A large draw: the sample correlation is then within ±0.03 of ρ.
    let data = CorrelatedDataset.make(correlation: rho, samples: 6000, seed: 2)
    for group in data.groups! {
      for i in group { for j in group where j > i {
        let r = Self.correlation(data, i, j)
        #expect(abs(r - Double(rho)) < 0.03, "\(data.featureNames[i])–\(data.featureNames[j]): \(r) vs \(rho)")
      } }
    }
    // Across groups and with noise: only what the shared class centres put there, far below ρ.
    #expect(abs(Self.correlation(data, 8, 9)) < 0.05)
    #expect(abs(Self.correlation(data, 0, 8)) < 0.05)
    // Every member has unit variance (the mix is scaled for it), so the units start out alike.
    let d = data.featureCount
    for i in 0..<8 {
      let v = (0..<data.count).map { Double(data.features[$0 * d + i]) }
      let mean = v.reduce(0, +) / Double(v.count)
      let variance = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count)
      #expect(abs(variance - 1) < 0.1, "\(data.featureNames[i]) variance \(variance)")
    }
  }

  @Test func seededAndDeterministic() {
    #expect(CorrelatedDataset.make(correlation: 0.9, seed: 5) == CorrelatedDataset.make(correlation: 0.9, seed: 5))
    #expect(CorrelatedDataset.make(correlation: 0.9, seed: 5).features != CorrelatedDataset.make(correlation: 0.9, seed: 6).features)
  }

  /// The groups carry the class: each group's mean differs between classes, noise's does not much.
  @Test func groupsAreInformative() {
    let data = CorrelatedDataset.make(correlation: 0.9, samples: 3000, seed: 3)
    let d = data.featureCount
    func classMeans(_ i: Int) -> [Double] {
      (0..<3).map { c in
        let rows = (0..<data.count).filter { data.labels[$0] == Int32(c) }
        return rows.reduce(0) { $0 + Double(data.features[$1 * d + i]) } / Double(rows.count)
      }
    }
    let spread = { (m: [Double]) in m.max()! - m.min()! }
    let groupSpread = data.groups!.map { spread(classMeans($0[0])) }.max()!
    #expect(groupSpread > 0.8, "the most informative group's class means spread \(groupSpread)")
    #expect((8..<14).allSatisfy { spread(classMeans($0)) < 0.2 })
  }
}
