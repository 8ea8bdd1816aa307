import Testing

@testable import Canvas

@Suite struct TableTests {
  let theme = Theme.standard

  @Test func columnsAlign() {
    let table = TableWidget(
      header: ["layer", "shape", "act", "penalty"],
      text: [["dense_1", "20→16", "relu", "L1 0.01 │ L2 0.01"],
             ["dense_2", "16→16", "relu", "L1 0.01 │ L2 0.01"],
             ["dense_3", "16→3", "softmax", "none"]],
      alignments: [.left, .right, .left, .left])
    let grid = render(table, width: 50, height: 4)
    #expect(grid.text() == """
      layer    shape  act      penalty
      dense_1  20→16  relu     L1 0.01 │ L2 0.01
      dense_2  16→16  relu     L1 0.01 │ L2 0.01
      dense_3   16→3  softmax  none
      """)
    #expect(grid[0, 0].style == theme.title)
    #expect(grid[0, 1].style == theme.text)
    assertSnapshot(grid, named: "table-model")
  }

  @Test func cutOnTheRightAndCentred() {
    let table = TableWidget(
      rows: [[.init("val acc"), .init(".88", style: theme.laneStyle(0)), .init(".93", style: theme.laneStyle(1))],
             [.init("x"), .init("1"), .init("22")]],
      alignments: [.left, .center, .right], gap: 1)
    let grid = render(table, width: 12, height: 2)
    #expect(grid.text() == "val acc .88\nx        1")
    #expect(grid[8, 0].style == theme.laneStyle(0))
  }
}

@Suite struct LegendTests {
  let theme = Theme.standard

  @Test func lanesInTheirColours() {
    let grid = render(Legend(lanes: Fixtures.laneNames), width: 40, height: 1)
    #expect(grid.row(0) == "● none  ◆ L1  ▲ L2  ■ L1+L2")
    #expect(grid[0, 0].style == theme.laneStyle(0))
    #expect(grid[8, 0].style == theme.laneStyle(1))
    #expect(grid[20, 0].style == theme.laneStyle(3))
    assertSnapshot(grid, named: "legend")
  }

  @Test func entriesThatDoNotFitBecomeAnEllipsis() {
    let grid = render(Legend(lanes: Fixtures.laneNames), width: 16, height: 1)
    #expect(grid.row(0) == "● none  ◆ L1  …")
    let ascii = render(Legend(entries: [.init(lane: 0, name: "train"),
                                        .init(marker: ":", name: "val", style: theme.dim)]),
                       width: 20, height: 1, theme: Theme(colorMode: .monochrome, ascii: true))
    #expect(ascii.row(0) == "* train  : val")
  }
}
