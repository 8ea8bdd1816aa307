import Testing

@testable import Canvas

@Suite struct TextViewTests {
  let theme = Theme.standard

  @Test func wrapsAKnownParagraphIntoExactLines() {
    let paragraph = TextView(blocks: [.paragraph([
      .plain("Regularization adds a penalty to the loss so that large weights cost more."),
    ])])
    let lines = paragraph.layout(width: 20, theme: theme).map(\.text)
    #expect(lines == ["Regularization adds", "a penalty to the", "loss so that large", "weights cost more."])
  }

  @Test func wordsCrossSpansAndKeepTheirStyles() {
    let view = TextView(blocks: [.paragraph([.plain("use "), .bold("L1"), .plain(", then "), .code("prox"), .plain(".")])])
    let lines = view.layout(width: 10, theme: theme)
    #expect(lines.map(\.text) == ["use L1,", "then prox."])
    #expect(lines[0].runs.map(\.style) == [theme.text, theme.text.adding(.bold), theme.text])
    #expect(lines[1].runs.map(\.text) == ["then ", "prox", "."])
    #expect(lines[1].runs[1].style == theme.code)
  }

  @Test func onlyOverlongWordsAreSplit() {
    let view = TextView(blocks: [.paragraph([.plain("a kernel_regularizer b")])])
    #expect(view.layout(width: 8, theme: theme).map(\.text) == ["a", "kernel_r", "egulariz", "er b"])
  }

  @Test func bulletsHangAndBlocksAreSeparated() {
    let view = TextView(blocks: [
      .paragraph([.plain("Try:")]),
      .bullets([[.plain("press ] to raise lambda")], [.plain("watch")]]),
      .code(["l1(0.01)", "abcdefghijkl"]),
    ])
    let lines = view.layout(width: 12, theme: theme).map(\.text)
    // A code token longer than the column is cut with a `\` (issue 23: code wraps between tokens).
    #expect(lines == ["Try:", "", "• press ] to", "  raise", "  lambda", "• watch", "", "  l1(0.01)", "  abcdefghi\\", "    jkl"])
    let ascii = view.layout(width: 12, theme: Theme(colorMode: .monochrome, ascii: true)).map(\.text)
    #expect(ascii[2] == "- press ] to")
  }

  @Test func scrollingAndLineCount() {
    let view = TextView(blocks: Fixtures.lesson, scrollOffset: 3)
    var grid = Grid(width: 30, height: 4)
    let total = view.render(in: grid.bounds, on: &grid, theme: theme)
    #expect(total == view.lineCount(width: 30, theme: theme))
    #expect(total > 4)
    #expect(grid.row(0) == view.layout(width: 30, theme: theme)[3].text)
    // Past the end, the offset is clamped so the last page stays full.
    var end = Grid(width: 30, height: 4)
    TextView(blocks: Fixtures.lesson, scrollOffset: 999).render(in: end.bounds, on: &end, theme: theme)
    #expect(end.row(3) == view.layout(width: 30, theme: theme).last?.text)
  }

  @Test func styledCellsInTheGrid() {
    var grid = Grid(width: 40, height: 12)
    TextView(blocks: Fixtures.lesson).draw(in: grid.bounds, on: &grid, theme: theme)
    #expect(grid.cells.contains { $0.style == theme.code && $0.character == "λ" })
    #expect(grid.cells.contains { $0.style == theme.text.adding(.bold) && $0.character == "z" })
    assertSnapshot(grid, named: "textview-lesson")
  }

  @Test func asciiLessonInAPanel() {
    let ascii = Theme(colorMode: .monochrome, ascii: true)
    var grid = Grid(width: 34, height: 14)
    grid.paint { p in
      let inside = p.panel(p.grid.bounds, title: "lesson 2/6 - step 3/7", theme: ascii)
      TextView(blocks: [.paragraph([.plain("Exact zeros appear only with the "), .bold("prox"), .plain(" rule.")]),
                        .bullets([[.plain("press u to switch")]])])
        .draw(in: inside, painter: &p, theme: ascii)
    }
    #expect(nonASCII(grid) == "")
    assertSnapshot(grid, named: "textview-ascii-panel")
  }
}

/// Code in the lesson pane wraps between tokens, never inside a name or a string.
@Suite("Code wrapping")
struct CodeWrapTests {
  @Test func kerasLineBreaksBetweenArguments() {
    let line = #"    layers.Dense(10, activation="relu", kernel_regularizer=regularizers.L1(0.01)),"#
    let pieces = WordWrap.codeWrap(line, width: 24)
    #expect(pieces.allSatisfy { $0.count <= 24 }, "\(pieces)")
    #expect(pieces.contains { $0.contains(#"activation="relu","#) }, "\(pieces)")
    // Only spaces (and a long token's continuation marks) are lost at the cuts.
    #expect(pieces.map { $0.hasSuffix("\\") ? String($0.dropLast()) : $0 }.joined().filter { $0 != " " }
            == line.filter { $0 != " " })
    #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix("      ") }, "continuations hang under the line: \(pieces)")
  }

  @Test func quotedStringsAndOperatorsStayWhole() {
    let pieces = WordWrap.codeWrap(#"print(layer.name, "kernel reg", x)"#, width: 16)
    #expect(pieces.allSatisfy { $0.filter { $0 == "\"" }.count % 2 == 0 }, "a string is never cut: \(pieces)")
    #expect(pieces.contains { $0.contains(#""kernel reg""#) }, "\(pieces)")
    #expect(WordWrap.codeWrap("a == b and c == d", width: 9).allSatisfy { !$0.hasSuffix(" =") && !$0.hasPrefix("=") })
  }

  @Test func aTokenLongerThanTheLineIsCutHard() {
    #expect(WordWrap.codeWrap("abcdefghij", width: 4) == ["abc\\", "  d\\", "  e\\", "  f\\", "  g\\", "  h\\", "  ij"])
  }

  /// Issue 23: `regularizers.L1(0` / `.01)),` and `--hidden 16,` / `16` were cut inside tokens.
  @Test func numbersAndShellArgumentsStayWhole() {
    let keras = WordWrap.codeWrap("  kernel_regularizer=regularizers.L1(0.01)),", width: 40)
    #expect(!keras.contains { $0.hasSuffix("(0") }, "\(keras)")
    let shell = WordWrap.codeWrap("regviz play --hidden 16,16 --lambda 0.01", width: 24)
    #expect(shell.contains { $0.contains("16,16") }, "\(shell)")
    let quoted = WordWrap.codeWrap("regviz play --lane 'keras = 1:l1=0.01'", width: 30)
    #expect(quoted.contains { $0.contains("'keras = 1:l1=0.01'") }, "\(quoted)")
  }

  @Test func shortLinesAreUntouched() {
    #expect(WordWrap.codeWrap("w ← sign(v)", width: 40) == ["w ← sign(v)"])
  }
}
