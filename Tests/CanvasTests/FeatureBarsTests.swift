import Testing

@testable import Canvas

@Suite struct FeatureBarsTests {
  let theme = Theme.standard

  /// 8 features, 2 and 7 informative; L1 keeps only those and zeroes the rest.
  var widget: FeatureBarsWidget {
    let features = (1...8).map { FeatureBarsWidget.Feature(name: "x\($0)", informative: $0 == 2 || $0 == 7) }
    let rows = [
      FeatureBarsWidget.Row(label: "none", style: theme.laneStyle(0),
                            values: [0.7, 1.0, 0.6, 0.7, 0.6, 0.7, 0.95, 0.6]),
      FeatureBarsWidget.Row(label: "L1", style: theme.laneStyle(1),
                            values: [0, 0.9, 0, 0, 0.004, 0, 0.8, 0]),
      FeatureBarsWidget.Row(label: "L2", style: theme.laneStyle(2),
                            values: [0.3, 0.7, 0.2, 0.3, 0.2, 0.3, 0.65, 0.2]),
    ]
    return FeatureBarsWidget(features: features, rows: rows, scale: .shared)
  }

  @Test func glyphs() {
    #expect(FeatureBarsWidget.glyph(0, peak: 1, glyphs: .unicode) == "·")
    #expect(FeatureBarsWidget.glyph(1e-9, peak: 1, glyphs: .unicode) == "▁")
    #expect(FeatureBarsWidget.glyph(1, peak: 1, glyphs: .unicode) == "█")
    #expect(FeatureBarsWidget.glyph(0.5, peak: 1, glyphs: .unicode) == "▄")
    #expect(FeatureBarsWidget.glyph(.nan, peak: 1, glyphs: .unicode) == "–")
    #expect(FeatureBarsWidget.glyph(0, peak: 1, glyphs: .ascii) == ".")
  }

  @Test func exactZerosAreDotsAndTinyValuesAreNot() {
    let grid = render(widget, width: 64, height: 4)
    #expect(grid.row(0) == "     x1   x2★  x3   x4   x5   x6   x7★  x8     · = exactly zero")
    #expect(grid.row(2) == "L1   ·    ▇    ·    ·    ▁    ·    ▆    ·")
    #expect(grid[5, 2].style == theme.laneStyle(1))
    assertSnapshot(grid, named: "feature-bars")
  }

  /// Too narrow for the names: every feature still shows, in two-column cells under numbers,
  /// every informative one starred — nothing hidden behind an ellipsis.
  @Test func columnsNarrowThenEveryFeatureShowsNumbered() {
    #expect(FeatureBarsWidget.columns(headers: ["x1", "x2★"], available: 20) == (5, 2))
    #expect(FeatureBarsWidget.columns(headers: ["x1", "x2★"], available: 8) == (4, 2))
    #expect(FeatureBarsWidget.columns(headers: ["x1", "x2★", "x3"], available: 9) == (4, 2))
    let narrow = render(widget, width: 30, height: 5)
    #expect(narrow.row(0) == "     1 ★     5   ★ 8")
    #expect(narrow.row(2) == "L1   · ▇ · · ▁ · ▆ ·")
    // The legend moves below the rows when the header row is full.
    #expect(narrow.row(4) == "· = exactly zero")
    assertSnapshot(narrow, named: "feature-bars-narrow")
  }

  @Test func perRowScaleFillsEachRow() {
    var w = widget
    w.scale = .perRow
    let grid = render(w, width: 64, height: 4)
    #expect(grid.row(3).hasPrefix("L2   ▃    █"))
  }

  @Test func asciiFeatureBars() {
    let ascii = Theme(colorMode: .colors8, ascii: true)
    let grid = render(widget, width: 64, height: 4, theme: ascii)
    #expect(nonASCII(grid) == "")
    #expect(grid.row(0).hasSuffix(". = exactly zero"))
    #expect(grid.row(2) == "L1   .    *    .    .    _    .    +    .")
  }
}
