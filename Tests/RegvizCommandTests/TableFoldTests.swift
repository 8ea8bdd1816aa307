import Testing

@testable import RegvizCommand

/// Headless tables fit the terminal by stacking column blocks, never by wrapping lines.
@Suite struct TableFoldTests {
  let rows = [["lane", "alpha", "beta", "gamma"], ["none", "1.0", "22.0", "333.0"], ["L1", "4.0", "5.0", "6.0"]]

  @Test func aWideTableStacksBlocksThatRepeatTheName() {
    let text = TableFold.render(rows, rightAligned: { $0 > 0 }, width: 18)
    #expect(text == """
      lane  alpha  beta
      none    1.0  22.0
      L1      4.0   5.0

      lane  gamma
      none  333.0
      L1      6.0

      """)
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 18 })
  }

  @Test func withoutAWidthNothingFolds() {
    #expect(TableFold.render(rows, rightAligned: { $0 > 0 }, width: nil).split(separator: "\n").count == 3)
    #expect(TableFold.width(environment: ["COLUMNS": "72"]) == 72)
  }

  @Test func theLessonsListFitsEightyColumns() {
    let text = LessonsCommand.wrap(String(repeating: "word ", count: 40), width: 30, indent: 5)
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 30 && $0.hasPrefix("     ") })
  }
}
