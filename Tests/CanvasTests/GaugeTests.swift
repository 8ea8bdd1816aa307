import Testing

@testable import Canvas

@Suite struct GaugeTests {
  let theme = Theme.standard

  @Test func percentText() {
    #expect(GaugeWidget.percentText(0.714) == "71%")
    #expect(GaugeWidget.percentText(0.967) == "96%", "rounded down, as the lesson tables do")
    #expect(GaugeWidget.percentText(0.004) == "<1%")
    #expect(GaugeWidget.percentText(1) == "100%")
    #expect(GaugeWidget.percentText(-0.2) == "0%")
    #expect(GaugeWidget.percentText(3) == "100%")
    #expect(GaugeWidget.percentText(.nan) == "–")
  }

  @Test func barResolvesEighths() {
    #expect(GaugeWidget.bar(0.5, width: 4, glyphs: .unicode) == ("██", "░░"))
    #expect(GaugeWidget.bar(0.714, width: 10, glyphs: .unicode) == ("███████▏", "░░"))
    #expect(GaugeWidget.bar(0.01, width: 10, glyphs: .unicode) == ("▏", "░░░░░░░░░"))
    #expect(GaugeWidget.bar(.nan, width: 3, glyphs: .unicode) == ("", "░░░"))
    // ASCII has only whole cells: 2⅝ cells round up to 3, 2¼ down to 2.
    #expect(GaugeWidget.bar(0.65, width: 4, glyphs: .ascii) == ("###", "."))
    #expect(GaugeWidget.bar(0.57, width: 4, glyphs: .ascii) == ("##", ".."))
  }

  @Test func rowLayout() {
    let grid = render(GaugeWidget(label: "zeros", fraction: 0.714, style: theme.laneStyle(1)),
                      width: 24, height: 1)
    #expect(grid.row(0) == "zeros █████████▎░░░  71%")
    #expect(grid[0, 0].style == theme.laneStyle(1))
    #expect(grid[6, 0].style == theme.laneStyle(1))
    #expect(grid[17, 0].style == theme.dim)
  }

  @Test func nanShowsADash() {
    let grid = render(GaugeWidget(label: "acc", fraction: .nan, style: .plain, labelWidth: 5),
                      width: 16, height: 1)
    #expect(grid.row(0) == "acc   ░░░░░    –")
  }

  @Test func tooNarrowKeepsTheNumber() {
    let grid = render(GaugeWidget(label: "zeros", fraction: 0.5, style: .plain), width: 9, height: 1)
    #expect(grid.row(0) == "zeros 50%")
    let tiny = render(GaugeWidget(label: "zeros", fraction: 0.5, style: .plain), width: 3, height: 1)
    #expect(tiny.row(0) == "50%")
  }

  @Test func stackedGaugesSnapshot() {
    var grid = Grid(width: 36, height: 5)
    let values: [(String, Double)] = [("none", 0.0), ("L1", 0.714), ("L2", 0.063), ("L1+L2", 0.489), ("nan", .nan)]
    for (i, (label, value)) in values.enumerated() {
      GaugeWidget(label: label, fraction: value, style: theme.laneStyle(i), labelWidth: 5)
        .draw(in: grid.bounds.line(i), on: &grid, theme: theme)
    }
    assertSnapshot(grid, named: "gauges")
    let ascii = Theme(colorMode: .monochrome, ascii: true)
    var asciiGrid = Grid(width: 36, height: 2)
    GaugeWidget(label: "L1", fraction: 0.714, style: ascii.laneStyle(1), labelWidth: 5)
      .draw(in: asciiGrid.bounds.line(0), on: &asciiGrid, theme: ascii)
    GaugeWidget(label: "nan", fraction: .nan, style: ascii.laneStyle(2), labelWidth: 5)
      .draw(in: asciiGrid.bounds.line(1), on: &asciiGrid, theme: ascii)
    #expect(nonASCII(asciiGrid) == "")
    #expect(asciiGrid.text() == "L1    ##################.......  71%\nnan   .........................    -")
  }
}
