import Canvas
import NeuralCore
import Testing
import Training

@testable import App

/// The model panel gives up whole rows in its stated order, never cuts a number, and keeps one
/// number format per row.
@Suite struct ModelPanelTests {
  let snapshot = Fixtures.snapshot()
  var lanes: [(index: Int, lane: LaneSnapshot)] { snapshot.lanes.enumerated().map { ($0.offset, $0.element) } }

  func draw(width: Int, height: Int) -> Grid {
    var grid = Grid(width: width, height: height)
    let bounds = grid.bounds
    let panel = ModelPanel(lanes: lanes, snapshot: snapshot, theme: .standard)
    grid.paint { panel.table(width: width, height: height).draw(in: bounds, painter: &$0, theme: .standard) }
    return grid
  }

  func labels(_ grid: Grid) -> [String] {
    (0..<grid.height).map { grid.row($0).split(separator: " ").prefix(2).joined(separator: " ") }
  }

  /// The group lasso (issue 27) is named beside Keras's kinds, and before `+WD`.
  @Test func namesTheGroupTerm() {
    #expect(Format.kind(.group(0.05)) == "Group")
    #expect(Format.kind(Regularizer(lambda1: 0.01, lambdaGroup: 0.05)) == "L1+Group")
    #expect(Format.kind(Regularizer(lambda1: 0.01, lambda2: 0.01, lambdaGroup: 0.05)) == "L1L2+Group")
    #expect(ModelPanel.kind(Regularizer(lambda2: 0.01, lambdaGroup: 0.05), decay: 0.1) == "L2+Group+WD")
  }

  @Test func tallShowsEveryRow() {
    let grid = draw(width: 32, height: 8)
    for (y, label) in ["dense 16", "dense_1 16", "dense_2 3", "train acc", "val acc", "data loss", "penalty"].enumerated() {
      #expect(grid.row(y + 1).hasPrefix(label), "row \(y + 1): \(grid.row(y + 1))")
    }
    #expect(!contains(grid, "+"), "nothing left out")
  }

  @Test func shortDropsWholeRowsInTheStatedOrder() {
    // Same kind in every layer: the three layer rows merge first (nothing lost), then data loss goes.
    let five = draw(width: 32, height: 5)
    #expect(five.row(0).hasPrefix("+1 row"))
    #expect(five.row(1).hasPrefix("all layers") && five.row(1).contains("L1L2"))
    #expect(five.row(2).hasPrefix("train acc") && five.row(3).hasPrefix("val acc") && five.row(4).hasPrefix("penalty"))
    #expect(!contains(five, "data loss"))
    // Then train acc and penalty; the markers and val acc always stay.
    let three = draw(width: 32, height: 3)
    #expect(three.row(0).hasPrefix("+3 rows") && three.row(1).hasPrefix("all layers") && three.row(2).hasPrefix("val acc"))
  }

  @Test func narrowLeavesLanesOutRatherThanCuttingThem() {
    let grid = draw(width: 22, height: 8)
    #expect(grid.row(0).hasSuffix("+2") || grid.row(0).hasSuffix("+1") || grid.row(0).hasSuffix("+3"), "\(grid.row(0))")
    // No kind is cut: every regularizer cell is a whole word.
    for y in 1...3 {
      let cells = grid.row(y).split(separator: " ").dropFirst(2)
      #expect(cells.allSatisfy { ["–", "L1", "L2", "L1L2"].contains(String($0)) }, "\(grid.row(y))")
    }
  }

  @Test func oneFormatPerRow() {
    #expect(Format.sharedRow([0.011, 0.0023, 3e-10, 0]) == [".011", ".002", ".000", "0"])
    #expect(Format.sharedRow([1.1, 0.31, nil]) == ["1.1", ".3", "–"])
    #expect(Format.sharedRow([0.31, 0.05]) == [".31", ".05"])
    #expect(Format.sharedRow([2e-4, 1e-6]) == ["2e-4", "1e-6"])
    #expect(Format.sharedRow([12.4, 3]) == ["12", "3"])
    #expect(Format.sharedRow([.nan, 0.5]) == ["–", ".50"])
  }
}
