import Testing

@testable import Canvas

/// Narrow columns get readable short names, not the first letters of long ones.
@Suite struct ShortNameTests {
  @Test func irisColumnsBecomeTheirUsualShortNames() {
    #expect(ShortName.abbreviate(["sepal_length", "sepal_width", "petal_length", "petal_width"])
      == ["sep.len", "sep.wid", "pet.len", "pet.wid"])
  }

  @Test func namesThatFitStayAndOthersSplitIntoWords() {
    #expect(ShortName.abbreviate("x14") == "x14")
    #expect(ShortName.abbreviate("alcohol") == "alcohol")
    #expect(ShortName.abbreviate("sepalLength") == "sep.Len")
    #expect(ShortName.abbreviate("Total phenols") == "Tot.phe")
    #expect(ShortName.abbreviate("od280/od315_of_diluted_wines") == "od2.od3")
    #expect(ShortName.abbreviate("petal_length", width: 12) == "petal_length")
  }

  @Test func abbreviationsThatWouldReadAlikeEndInTheirColumnNumber() {
    #expect(ShortName.abbreviate(["total_phenols_a", "total_phenols_b", "hue"]) == ["tot.ph1", "tot.ph2", "hue"])
  }

  /// The feature panel keeps the full names while all fit and switches to short ones when not.
  @Test func featureBarsUseShortNamesWhenTheFullOnesDoNotFit() {
    let features = ["sepal_length", "sepal_width", "petal_length", "petal_width"].map { FeatureBarsWidget.Feature(name: $0) }
    let rows = [FeatureBarsWidget.Row(label: "L1", style: Theme.standard.laneStyle(1), values: [0, 0.4, 1, 0.9])]
    let widget = FeatureBarsWidget(features: features, rows: rows, showsLegend: false)
    let wide = render(widget, width: 60, height: 2)
    #expect(wide.row(0) == "   sepal_length  sepal_width   petal_length  petal_width")
    let narrow = render(widget, width: 40, height: 2)
    #expect(narrow.row(0) == "   sep.len  sep.wid  pet.len  pet.wid")
    #expect(narrow.row(1) == "L1 ·        ▃        █        ▇")
  }
}
