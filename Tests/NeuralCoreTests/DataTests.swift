import Foundation
import Testing
@testable import NeuralCore

@Suite struct CSVTests {
  func parse(_ text: String, label: CSVDataset.LabelColumn = .last) throws(DataError) -> Dataset {
    try CSVDataset.parse(text, path: "d.csv", label: label, name: "d")
  }

  func error(_ text: String, label: CSVDataset.LabelColumn = .last) -> String? {
    do { _ = try parse(text, label: label); return nil } catch { return error.description }
  }

  @Test func readsHeaderNamesAndSortedClasses() throws {
    let d = try parse("a,b,kind\n1,2,zebra\n3,4.5,ant\n5,6,zebra\n")
    #expect(d.featureNames == ["a", "b"])
    #expect(d.classNames == ["ant", "zebra"])
    #expect(d.labels == [1, 0, 1])
    #expect(d.features == [1, 2, 3, 4.5, 5, 6])
  }

  @Test func integerLabelsSortNumericallyAndHeaderIsOptional() throws {
    let d = try parse("1,10\n2,2\r\n3,1\n\n")
    #expect(d.featureNames == ["x1"])
    #expect(d.classNames == ["1", "2", "10"])
    #expect(d.labels == [2, 1, 0])
  }

  @Test func labelColumnByNameOrIndex() throws {
    let byName = try parse("y,a,b\ncat,1,2\ndog,3,4\n", label: .name("y"))
    #expect(byName.featureNames == ["a", "b"] && byName.classNames == ["cat", "dog"])
    let byIndex = try parse("1,cat,2\n3,dog,4\n", label: .index(1))
    #expect(byIndex.features == [1, 2, 3, 4])
  }

  @Test func quotedCells() throws {
    let d = try parse("a,label\n1,\"big, red\"\n2,\"say \"\"hi\"\"\"\n")
    #expect(d.classNames == ["big, red", "say \"hi\""])
  }

  @Test func everyErrorNamesThePlace() {
    #expect(error("") == "d.csv: empty file: no rows")
    #expect(error("\n\n") == "d.csv: empty file: no rows")
    #expect(error("a,b,label\n") == "d.csv:1: header only: no data rows")
    #expect(error("a,b,label\n1,2,x\n3,y\n") == "d.csv:3: ragged row: 2 columns, expected 3")
    #expect(error("a,b,label\n1,2,x\n3,abc,y\n") == "d.csv:3:2: 'abc' is not a number")
    #expect(error("a,b,label\n1,2,x\n3,nan,y\n") == "d.csv:3:2: 'nan' is not a finite number")
    #expect(error("a,b,label\n1,2,x\n3,inf,y\n") == "d.csv:3:2: 'inf' is not a finite number")
    #expect(error("a,b,label\n1,,x\n3,4,y\n") == "d.csv:2:2: empty cell in column 'b'")
    #expect(error("a,b,label\n1,2,x\n3,4,x\n") == "d.csv: fewer than two classes: every row has label 'x'")
    #expect(error("a,b,label\n1,2,\n") == "d.csv:2:3: empty label")
    #expect(error("a,label\n1,\"open\n") == "d.csv:2:2: unterminated quoted cell")
    #expect(error("justone\n") == "d.csv:1: need at least one feature column and a label column, found 1 column")
    #expect(error("a,b\n1,x\n", label: .name("zz")) == "d.csv:1: no column named 'zz' in the header")
    #expect(error("1,x\n", label: .index(5)) == "d.csv:1: label column 6 does not exist (the file has 2 columns)")
  }

  @Test func missingFileIsAnErrorNotACrash() {
    do { _ = try CSVDataset.load(path: "/nonexistent/x.csv"); Issue.record("expected an error") } catch {
      #expect(error.description.hasPrefix("/nonexistent/x.csv: cannot read the file"))
    }
  }

  @Test func irisShipsAndIsFound() throws {
    let iris = try DatasetCatalog.load("iris", seed: 0)
    #expect(iris.count == 150 && iris.featureCount == 4 && iris.classNames == ["setosa", "versicolor", "virginica"])
    #expect(iris.labels.filter { $0 == 2 }.count == 50)
  }
}

@Suite struct SplitTests {
  @Test func stratifiedSeededSplit() {
    let data = SparseDataset.make(samples: 300, seed: 1)
    let split = DataSplit(data, validationFraction: 0.2, seed: 9)
    #expect(split.train.count == 240 && split.validation?.count == 60)
    for c in 0..<3 { #expect(split.validation!.labels.filter { $0 == Int32(c) }.count == 20) }
    let again = DataSplit(data, validationFraction: 0.2, seed: 9)
    #expect(again.train == split.train)
    #expect(DataSplit(data, validationFraction: 0.2, seed: 10).train != split.train)
  }

  @Test func standardizationIsFittedOnTrainingOnly() {
    let data = SparseDataset.make(samples: 90, seed: 1)
    let split = DataSplit(data, validationFraction: 1.0 / 3, seed: 2)
    let d = data.featureCount
    for i in 0..<d {
      let col = (0..<split.train.count).map { Double(split.train.features[$0 * d + i]) }
      let mean = col.reduce(0, +) / Double(col.count)
      let variance = col.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(col.count)
      #expect(abs(mean) < 1e-5 && abs(variance - 1) < 1e-4)
    }
    let raw = DataSplit(data, validationFraction: 0, standardize: false, seed: 2)
    #expect(raw.validation == nil && raw.train.features == data.features)
  }

  @Test func sparseKnowsItsInformativeFeatures() {
    let a = SparseDataset.make(seed: 4), b = SparseDataset.make(seed: 4), c = SparseDataset.make(seed: 5)
    #expect(a == b && a != c)
    #expect(a.informative?.count == 4 && a.featureCount == 20 && a.classCount == 3 && a.count == 300)
  }
}

@Suite struct MetricsTests {
  @Test func countsAndNorms() {
    var net = Network(inputs: 2, hidden: [2], classes: 2, activation: .relu, seed: 1)
    net.layers[0].kernel = [0, 0.0005, -3, 4]
    net.layers[1].kernel = [0, 0, 1, -1]
    let s = WeightStats(network: net)
    #expect(s.layerZeros == [1, 2] && s.layerNearZeros == [2, 2] && s.weights == 8)
    #expect(abs(s.l1Norm - 9.0005) < 1e-6)
    #expect(abs(s.l2Norm - (9 + 16 + 2 + 0.0005 * 0.0005).squareRoot()) < 1e-6)
    #expect(s.featureMagnitudes == [0.0005, 5])
    #expect(s.featureZeros == [1, 0])
    #expect(s.zeroFraction == 3.0 / 8)
    net.setRegularizers([.l1_l2(l1: 0.1, l2: 0.01), .l2(0.5)])
    let p = WeightStats(network: net).penalty
    #expect(abs(p - net.penalty) < 1e-12 && abs(p - (0.1 * 7.0005 + 0.01 * (25 + 0.0005 * 0.0005) + 0.5 * 2)) < 1e-6)  // λ are Floats
  }

  @Test func histogramCountsZerosApartAndClampsEdges() {
    let h = Histogram(values: [0, 0, -0.9, -0.1, 0.1, 0.6, 5, -5], binCount: 4, range: 1)
    #expect(h.zeros == 2)
    #expect(h.bins == [2, 1, 1, 2])
    #expect(h.total == 8)
  }
}
