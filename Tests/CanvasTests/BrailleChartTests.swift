import Testing

@testable import Canvas

@Suite struct BrailleChartTests {
  let theme = Theme.standard

  private func chart(_ values: [Double], range: ClosedRange<Double>? = 0...1) -> BrailleChart {
    BrailleChart(series: [ChartSeries(values: values, style: theme.laneStyle(0))], yRange: range)
  }

  @Test func dotBitsFollowUnicodeNumbering() {
    #expect(BrailleRaster.character(0) == "\u{2800}")
    #expect(BrailleRaster.character(0xFF) == "⣿")
    #expect(BrailleRaster.bit(dx: 0, dy: 3) == 0x40)
    #expect(BrailleRaster.bit(dx: 1, dy: 0) == 0x08)
  }

  @Test func twoSamplesInOneCellDrawAConnectedStroke() {
    // Rising: bottom-left dot to top-right dot; each column takes half of the climb.
    let up = render(chart([0, 1]), width: 3, height: 1)
    #expect(up.row(0) == "1┤⡜")
    let down = render(chart([1, 0]), width: 3, height: 1)
    #expect(down.row(0) == "1┤⢣")
    let flat = render(chart([0.5, 0.5]), width: 3, height: 1)
    #expect(flat.row(0) == "1┤⠤")
  }

  @Test func twoSamplesOverTwoRows() {
    // 8 dot rows: 0 → row 7, 1 → row 0; the left column fills rows 4…7, the right rows 0…3.
    let grid = render(chart([0, 1]), width: 3, height: 2)
    #expect(grid.text() == "1┤⢸\n0┤⡇")
    #expect(grid[2, 0].style == theme.laneStyle(0))
    #expect(grid[0, 0].style == theme.axis)
  }

  @Test func autoRangeIsPaddedAndStopsAtZero() {
    let rising = chart([0, 0.5, 0.7], range: nil).resolvedRange()
    #expect(rising?.low == 0)
    #expect(abs((rising?.high ?? 0) - 0.735) < 1e-12)
    let negative = chart([-2, -1], range: nil).resolvedRange()
    #expect(negative?.high == -1 + 0.05 * 1)
    #expect(negative.map { $0.low < -2 } == true)
    #expect(chart([.nan, .infinity], range: nil).resolvedRange() == nil)
  }

  @Test func aFlatSeriesStillDraws() {
    let flat = chart(Array(repeating: 0.25, count: 12), range: nil)
    let range = flat.resolvedRange()
    #expect(range.map { $0.low < 0.25 && $0.high > 0.25 } == true)
    let grid = render(flat, width: 12, height: 4)
    // 0.25 sits mid-range: dot row 6 of 12, the third dot row of the middle cell row.
    #expect(grid.row(1) == "    │⠤⠤⠤⠤⠤⠤")
    let zero = render(chart(Array(repeating: 0, count: 12), range: nil), width: 12, height: 4)
    #expect(zero.row(2).contains("⣀⣀⣀⣀⣀⣀"))
  }

  @Test func nonFiniteValuesAreSkipped() {
    let grid = render(chart([0, 0, .nan, 1, 1, .infinity, 0.5, 0.5], range: 0...1), width: 6, height: 1)
    // Samples pair up per cell: (0,0) (nan,1) (1,inf) (.5,.5); the gaps break the line.
    #expect(grid.row(0) == "1┤⣀⠈⠁⠤")
  }

  @Test func laterSeriesWinsSharedCells() {
    let a = Style(fg: .indexed(1)), b = Style(fg: .indexed(2))
    let widget = BrailleChart(
      series: [ChartSeries(values: [0, 0, 1, 1], style: a), ChartSeries(values: [0, 0], style: b)],
      yRange: 0...1)
    let grid = render(widget, width: 4, height: 1)
    // Series a climbs in the second dot column, so cell 0 holds dots of both series.
    #expect(grid.row(0) == "1┤⣠⠋")
    #expect(grid[2, 0].style == b)
    #expect(grid[3, 0].style == a)
  }

  @Test func longHistoriesAreCompressedToFit() {
    let values = (0..<1000).map { Double($0) }
    let grid = render(chart(values, range: nil), width: 12, height: 3)
    // Range 0…1049 (padded); the plot is 7 cells = 14 dot columns for 1000 samples.
    #expect(grid.row(0).hasPrefix("1049┤"))
    #expect(grid[11, 0].character != " ")  // newest sample, top right
    #expect(grid[5, 1].character != " ")  // oldest sample, bottom left
    #expect(grid.row(2) == "    └───────")
  }

  @Test func lossChartSnapshot() {
    let train = Fixtures.decay(300, start: 1.1, floor: 0.2, rate: 0.02)
    let val = Fixtures.decay(300, start: 1.15, floor: 0.3, rate: 0.015)
    let widget = BrailleChart(
      series: [ChartSeries(values: train, style: theme.laneStyle(0), marker: "●"),
               ChartSeries(values: val, style: theme.laneStyle(1), marker: "◆")],
      caption: "epoch 312")
    assertSnapshot(render(widget, width: 44, height: 7), named: "chart-loss")
  }

  @Test func percentChartSnapshot() {
    let widget = BrailleChart(
      series: [ChartSeries(values: Fixtures.rise(120, target: 0.7, rate: 0.04), style: theme.laneStyle(1)),
               ChartSeries(values: Fixtures.rise(120, target: 0.05, rate: 0.05), style: theme.laneStyle(2))],
      yRange: 0...1, caption: "epoch 120", percent: true)
    let grid = render(widget, width: 34, height: 6)
    #expect(grid.row(0).hasPrefix("100%┤"))
    #expect(grid.row(4).hasPrefix("  0%┤"))
    assertSnapshot(grid, named: "chart-percent")
  }

  @Test func asciiChartSnapshot() {
    let ascii = Theme(colorMode: .colors8, ascii: true)
    let widget = BrailleChart(
      series: [ChartSeries(values: Fixtures.decay(60, start: 1.1, floor: 0.2, rate: 0.1),
                           style: ascii.laneStyle(0), marker: ascii.laneMarker(0)),
               ChartSeries(values: Fixtures.decay(60, start: 0.9, floor: 0.4, rate: 0.05),
                           style: ascii.laneStyle(1), marker: ascii.laneMarker(1))],
      caption: "epoch 60")
    let grid = render(widget, width: 40, height: 8, theme: ascii)
    #expect(nonASCII(grid) == "")
    assertSnapshot(grid, named: "chart-ascii")
  }

  @Test func emptyAndTinyCharts() {
    let empty = render(BrailleChart(series: []), width: 10, height: 3)
    #expect(empty.text() == "–┤\n–┤\n └────────")
    for (w, h) in [(0, 0), (1, 1), (2, 1), (3, 2), (4, 3)] {
      _ = render(chart([0, 1, 0.5], range: nil), width: w, height: h)
    }
  }
}

@Suite struct CompactNumberTests {
  @Test func labels() {
    #expect(CompactNumber.format(1.1) == "1.1")
    #expect(CompactNumber.format(1.0) == "1")
    #expect(CompactNumber.format(0.02) == "0.02")
    #expect(CompactNumber.format(0.015) == "0.015")
    #expect(CompactNumber.format(3.4e-4) == "3.4e-4")
    #expect(CompactNumber.format(3e-4) == "3e-4")
    #expect(CompactNumber.format(312.4) == "312")
    #expect(CompactNumber.format(99.6) == "100")
    #expect(CompactNumber.format(12_345) == "1.2e4")
    #expect(CompactNumber.format(-0.25) == "-0.25")
    #expect(CompactNumber.format(0) == "0")
    #expect(CompactNumber.format(.nan) == "–")
    #expect(CompactNumber.format(0.7, percent: true) == "70%")
    #expect(CompactNumber.format(0.005, percent: true) == "0.5%")
  }
}

@Suite struct ChartMarkTests {
  /// An early stop is marked on the x axis at its place in the plotted span, in its lane's style.
  @Test func marksSitOnTheAxisAtTheirFraction() {
    let theme = Theme.standard
    var c = BrailleChart(series: [ChartSeries(values: [1, 0.5, 0.5, 0.5], style: theme.laneStyle(1))], yRange: 0...1)
    c.marks = [ChartMark(fraction: 0.5, glyph: "┴", style: theme.laneStyle(1))]
    let grid = render(c, width: 13, height: 3)
    // Label "1" and the axis take two columns; the plot is 11 wide, so 0.5 lands on its 6th column.
    #expect(grid.row(2) == " └─────┴─────")
    #expect(grid[7, 2].style == theme.laneStyle(1))
  }

  /// Scrub-back's cursor: a dotted line up the plot behind the curve, ↑ on the axis; in ASCII
  /// `:` and `^`. The curve keeps the cells it passes through.
  @Test func aCursorRunsUpThePlotAtItsFraction() throws {
    for (theme, line, tip) in [(Theme.standard, Character("┊"), Character("↑")),
                               (Theme(colorMode: .monochrome, ascii: true), Character(":"), Character("^"))] {
      var c = BrailleChart(series: [ChartSeries(values: Array(repeating: 1, count: 40), style: theme.laneStyle(0))],
                           yRange: 0...1)
      c.cursor = 0.5
      let grid = render(c, width: 13, height: 4, theme: theme)
      let axis = Array(grid.row(3))
      let start = try #require(axis.firstIndex(of: theme.glyphs.box.bottomLeft)) + 1
      let x = start + Int((0.5 * Double(axis.count - start - 1)).rounded())
      #expect(axis[x] == tip, "\(grid.text())")
      #expect(Array(grid.row(1))[x] == line && Array(grid.row(2))[x] == line)
      #expect(Array(grid.row(0))[x] != line, "the curve at the top wins its cell")
      c.cursor = nil
      #expect(!render(c, width: 13, height: 4, theme: theme).text().contains(line))
    }
  }

  /// The caption gives way to the cursor: it moves to the left end when the cursor stands under it.
  @Test func theCaptionMovesOutOfTheCursorsWay() {
    var c = BrailleChart(series: [ChartSeries(values: Array(repeating: 0.5, count: 40), style: .plain)],
                         yRange: 0...1, caption: "epoch 40")
    c.cursor = 0.2
    #expect(render(c, width: 24, height: 4).row(3).hasSuffix(" epoch 40"))
    c.cursor = 0.95
    let axis = render(c, width: 24, height: 4).row(3)
    #expect(axis.contains("└─epoch 40 ─") && axis.hasSuffix("↑─"), "\(axis)")
  }

  /// A stop mark under the caption moves it too (issue 23: `┴poch 341`): the caption shows
  /// whole and the mark stays.
  @Test func theCaptionMovesOutOfAStopMarksWay() {
    var c = BrailleChart(series: [ChartSeries(values: Array(repeating: 0.5, count: 40), style: .plain)],
                         yRange: 0...1, caption: "epoch 40")
    for fraction in [0.8, 0.9, 1.0, 0.1] {
      c.marks = [ChartMark(fraction: fraction, glyph: "┴", style: .plain), ChartMark(fraction: 0.95, glyph: "┴", style: .plain)]
      let axis = render(c, width: 24, height: 4).row(3)
      #expect(axis.contains("epoch 40") && axis.filter { $0 == "┴" }.count == 2, "\(fraction): \(axis)")
    }
  }

  @Test func aSharedEpochSpanPutsEpochKOfEverySeriesInOneColumn() {
    let theme = Theme.standard
    // A sawtooth over 800 epochs (stored every 2nd epoch, as a thinned history is) and the
    // same curve for the first 200 epochs only: on one axis, each column of the short series
    // must show the long one's value, so it draws over it exactly and covers ~a quarter.
    let saw = { (e: Int) in Double(e % 100) / 100 }
    let longEpochs = Array(stride(from: 0, through: 798, by: 2))
    let long = ChartSeries(values: longEpochs.map(saw), style: theme.laneStyle(0), marker: "a", epochs: longEpochs)
    let short = ChartSeries(values: (0..<200).map(saw), style: theme.laneStyle(1), marker: "b")
    var widget = BrailleChart(series: [long, short], yRange: 0...1)
    widget.epochSpan = 0...798
    let columns = 40
    let onLong = long.onAxis(0...798, count: columns), onShort = short.onAxis(0...798, count: columns)
    let covered = onShort.indices.filter { onShort[$0].isFinite }
    // Column c is epoch c·798/39: epochs ≤ 199 are columns 0…9.
    #expect(covered == Array(0...9))
    for c in covered { #expect(abs(onShort[c] - onLong[c]) < 1e-12, "column \(c)") }
    // Drawn (ASCII: one sample per column), `b` sits on `a`'s cell in every column it has.
    // Labels `1` `0` are padded to 3 columns, then the axis: the plot starts at column 4.
    let ascii = Theme(colorMode: .monochrome, ascii: true)
    func column(_ grid: Grid, _ c: Int) -> [Character] { (0..<7).map { grid[4 + c, $0].character } }
    let grid = render(widget, width: columns + 4, height: 8, theme: ascii)
    for c in 0..<columns {
      #expect(column(grid, c).contains("b") == (c <= 9), "column \(c)")
      if c <= 9 { #expect(!column(grid, c).contains("a"), "column \(c)") }
    }
    // Without the span the short series is stretched over the whole width instead.
    widget.epochSpan = nil
    let stretched = render(widget, width: columns + 4, height: 8, theme: ascii)
    #expect(column(stretched, columns - 1).contains("b"))
  }
}
