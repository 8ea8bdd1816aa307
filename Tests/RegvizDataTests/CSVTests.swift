import Foundation
import Testing
import NeuralCore
@testable import RegvizData

@Suite struct CSVTests {
  func parse(_ text: String, label: LabelColumn = .last) throws(DataError) -> Dataset {
    try CSVDataset.parse(text, path: "d.csv", label: label, name: "d")
  }

  func error(_ text: String, label: LabelColumn = .last) -> String? {
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
    let iris = try DataSource.iris.load(seed: 0)
    #expect(iris.count == 150 && iris.featureCount == 4 && iris.classNames == ["setosa", "versicolor", "virginica"])
    #expect(iris.labels.filter { $0 == 2 }.count == 50)
  }
}
