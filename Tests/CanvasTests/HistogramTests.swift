import Testing

@testable import Canvas

@Suite struct HistogramTests {
  let theme = Theme.standard

  @Test func zeroBarIsCentralSetApartAndTallestWhenZerosDominate() {
    let widget = HistogramWidget(
      bins: Fixtures.bell(bins: 20, sigma: 0.3, peak: 12), zeroCount: 300, range: 1,
      title: "L1 λ 0.010", style: theme.laneStyle(1))
    let levels = widget.levels(columns: 21, rows: 4)
    #expect(levels.count == 21)
    #expect(levels[10] == 32)
    #expect(levels[9] == 0 && levels[11] == 0, "a blank column either side of the zero bar")
    #expect(levels.enumerated().allSatisfy { $0.offset == 10 || $0.element < 32 })

    let grid = render(widget, width: 21, height: 8, theme: theme)
    // Bars occupy rows 1...5; the zero bar is full from top to bottom, in its own glyph.
    for y in 1...5 { #expect(grid[10, y].character == theme.glyphs.zeroBar[8]) }
    #expect(grid[10, 1].style == theme.laneStyle(1).adding(.bold))
    #expect(grid[9, 5].character == " " && grid[11, 5].character == " ")
  }

  /// The bars take an odd width (a centre column for 0); a title as wide as the whole rect
  /// still shows whole, not cut by its last character.
  @Test func aTitleAsWideAsTheRectIsWhole() {
    let h = HistogramWidget(bins: [1, 2, 3, 2, 1], zeroCount: 0, range: 1, title: "strong 0.1", style: .plain)
    #expect(render(h, width: 10, height: 6).row(0) == "strong 0.1")
    #expect(render(h, width: 11, height: 6).row(0) == "strong 0.1")
  }

  @Test func aSingleWeightStillShows() {
    var bins = Array(repeating: 0, count: 10)
    bins[0] = 1
    bins[9] = 1000
    let levels = HistogramWidget(bins: bins, zeroCount: 0, range: 1, style: .plain)
      .levels(columns: 21, rows: 3)
    #expect(levels[0] == 1)
    #expect(levels[20] == 24)
    #expect(levels[10] == 0)
  }

  /// Keras's subgradient L1: a narrow cloud either side of zero and not one exact zero. The
  /// cloud is drawn beside an empty zero bar — never merged into it.
  @Test func nearZeroWeightsNeverFillTheZeroBar() {
    let cloud = HistogramWidget(bins: [0, 0, 0, 9, 9, 0, 0, 0], zeroCount: 0, range: 1, style: .plain)
    let levels = cloud.levels(columns: 11, rows: 1)
    #expect(levels == [0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0], "the cloud in the bins beside 0, the zero bar empty")
    var prox = cloud
    prox.zeroCount = 18
    #expect(prox.levels(columns: 11, rows: 2)[5] == 16, "only exact zeros fill the zero bar")
    // An even width loses its last column so that zero stays central.
    #expect(cloud.levels(columns: 12, rows: 1).count == 11)
    #expect(HistogramWidget.binCount(width: 11) == 8, "four bin columns a side")
  }

  @Test func noExactZerosMeansAnEmptyZeroBarAndAPlainTick() {
    let style = theme.laneStyle(0)
    let grid = render(HistogramWidget(bins: Fixtures.bell(bins: 16, sigma: 0.3, peak: 30), zeroCount: 0,
                                      range: 1, style: style), width: 21, height: 5)
    #expect(grid[10, 0].character == " " && grid[10, 1].character == " ")
    #expect(grid[8, 1].character == "█" && grid[12, 1].character == "█", "the bell either side")
    #expect(grid[10, 3].style == theme.axis)
  }

  @Test func laneCellsCarryTheLaneStyle() {
    let style = theme.laneStyle(2)
    let grid = render(
      HistogramWidget(bins: Fixtures.bell(bins: 21, sigma: 0.4, peak: 30), zeroCount: 0,
                      range: 1, title: "L2", style: style), width: 25, height: 6, theme: theme)
    var barCells = 0
    for cell in grid.cells where "▁▂▃▄▅▆▇█".contains(cell.character) {
      #expect(cell.style == style)
      barCells += 1
    }
    #expect(barCells > 10)
    #expect(grid[11, 0].style == style.adding(.bold))  // the title
    #expect(grid[0, 4].style == theme.axis)
  }

  @Test func snapshotsForTheFourClassicLanes() {
    var grid = Grid(width: 100, height: 8)
    let lanes: [(String, [Int], Int)] = [
      ("none", Fixtures.bell(bins: 40, sigma: 0.45, peak: 40), 0),
      ("L1 λ 0.010", Fixtures.bell(bins: 40, sigma: 0.12, peak: 12), 180),
      ("L2 λ 0.010", Fixtures.bell(bins: 40, sigma: 0.18, peak: 60), 0),
      ("L1+L2 λ 0.005/0.005", Fixtures.bell(bins: 40, sigma: 0.15, peak: 25), 90),
    ]
    for (i, (rect, lane)) in zip(grid.bounds.columns(weights: [1, 1, 1, 1], gap: 1), lanes).enumerated() {
      HistogramWidget(bins: lane.1, zeroCount: lane.2, range: 1, title: lane.0,
                      style: theme.laneStyle(i)).draw(in: rect, on: &grid, theme: theme)
    }
    assertSnapshot(grid, named: "histogram-lanes")
  }

  @Test func asciiHistogramIsPureASCII() {
    let ascii = Theme(colorMode: .monochrome, ascii: true)
    let grid = render(
      HistogramWidget(bins: Fixtures.bell(bins: 20, sigma: 0.2, peak: 20), zeroCount: 25,
                      range: 0.5, title: "L1 lambda 0.01", style: ascii.laneStyle(1)),
      width: 31, height: 7, theme: ascii)
    #expect(nonASCII(grid) == "")
    assertSnapshot(grid, named: "histogram-ascii")
  }

  @Test func tinyRectanglesDegradeWithoutTrapping() {
    let widget = HistogramWidget(bins: [1, 2, 3], zeroCount: 4, range: 1, title: "t", style: .plain)
    for (w, h) in [(0, 0), (1, 1), (2, 5), (3, 1), (3, 2), (5, 3), (7, 4)] {
      _ = render(widget, width: w, height: h)
    }
    // Bin 1 below zero, bin 3 above (the middle bin of an odd count straddles 0 and is not
    // drawn), the 4 exact zeros in their own bar between them.
    #expect(render(widget, width: 3, height: 1).row(0) == "▂▐▆")
  }
}

@Suite struct ResampleTests {
  @Test func integerResamplingKeepsTotals() {
    let sources = [[5, 0, 3, 9, 1, 1, 7], [1], [0, 0, 0], Fixtures.bell(bins: 33, sigma: 0.3, peak: 50)]
    for source in sources {
      for n in [1, 2, 3, 7, 9, 17, 33, 80] {
        let out = Resample.counts(source, into: n)
        #expect(out.count == n)
        #expect(out.reduce(0, +) == source.reduce(0, +), "\(source) into \(n)")
        #expect(out.allSatisfy { $0 >= 0 })
      }
    }
    #expect(Resample.counts([4, 8], into: 4) == [2, 2, 4, 4])
    #expect(Resample.counts([1, 2, 3, 4], into: 2) == [3, 7])
  }

  @Test func densityKeepsTotalsPerSourceBin() {
    let source = [5, 0, 3, 9, 1, 1, 7]
    for n in [1, 2, 7, 9, 20] {
      let out = Resample.density(source, into: n)
      let total = out.reduce(0, +) * Double(source.count) / Double(n)
      #expect(abs(total - 26) < 1e-9)
    }
    #expect(Resample.density([4, 8], into: 4) == [4, 4, 8, 8])
  }

  @Test func evenlySpacedKeepsEnds() {
    let values = Array(0..<100)
    let picked = Resample.evenlySpaced(values, count: 5)
    #expect(picked == [0, 25, 50, 74, 99])
    #expect(Resample.evenlySpaced(values, count: 1) == [99])
    #expect(Resample.evenlySpaced([1, 2], count: 5) == [1, 2])
  }
}
