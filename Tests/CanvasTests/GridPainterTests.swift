import Testing

@testable import Canvas

@Suite struct GridTests {
  @Test func textTrimsTrailingSpacesAndKeepsRows() {
    var grid = Grid(width: 6, height: 3)
    grid[1, 0] = Cell("a")
    grid[5, 2] = Cell("z")
    #expect(grid.text() == " a\n\n     z")
    #expect(grid.row(0) == " a")
    #expect(grid.row(1) == "")
  }

  @Test func negativeSizesMakeAnEmptyGrid() {
    let grid = Grid(width: -3, height: 2)
    #expect(grid.width == 0)
    #expect(grid.cells.isEmpty)
  }

  @Test func paintMovesTheGridBackWithChanges() {
    var grid = Grid(width: 4, height: 1)
    let end = grid.paint { $0.put("hi", x: 1, y: 0) }
    #expect(end == 3)
    #expect(grid.text() == " hi")
  }
}

@Suite struct PainterClippingTests {
  /// Fills a 10×5 grid with `x`, then draws inside a 4×2 rect at (3, 1).
  private func drawInSmallRect(_ body: (inout Painter) -> Void) -> Grid {
    var grid = Grid(width: 10, height: 5, fill: Cell("x"))
    grid.paint(clip: Rect(x: 3, y: 1, width: 4, height: 2), body)
    return grid
  }

  private func outsideUntouched(_ grid: Grid) -> Bool {
    let rect = Rect(x: 3, y: 1, width: 4, height: 2)
    for y in 0..<grid.height {
      for x in 0..<grid.width where !rect.contains(x: x, y: y) && grid[x, y] != Cell("x") {
        return false
      }
    }
    return true
  }

  @Test func longTextIsCutNotWrapped() {
    let grid = drawInSmallRect { $0.put("ABCDEFGHIJKLMNOP", x: 5, y: 2) }
    #expect(outsideUntouched(grid))
    #expect(grid.text() == "xxxxxxxxxx\nxxxxxxxxxx\nxxxxxABxxx\nxxxxxxxxxx\nxxxxxxxxxx")
  }

  @Test func textStartingLeftOfTheClipLosesItsHead() {
    let grid = drawInSmallRect { $0.put("0123456789", x: 0, y: 1) }
    #expect(grid.row(1) == "xxx3456xxx")
    #expect(outsideUntouched(grid))
  }

  @Test func everyDrawingCallStaysInside() {
    let grid = drawInSmallRect { p in
      p.fill(Rect(x: -5, y: -5, width: 50, height: 50), with: "#")
      p.box(Rect(x: 0, y: 0, width: 10, height: 5), title: "a very long title")
      p.put("row outside", x: 3, y: 4)
      p.put("negative", x: -20, y: 1)
      p.horizontalRule(x: -3, y: 2, width: 30)
      p.verticalRule(x: 4, y: -3, height: 30)
      p.centered("centred\ntext\nthat is long", in: Rect(x: 0, y: 0, width: 10, height: 5))
      p.set("!", x: 9, y: 4)
    }
    #expect(outsideUntouched(grid))
  }

  @Test func aDrawingAtTheGridEdgeIsCutAtTheGrid() {
    var grid = Grid(width: 10, height: 5)
    grid.paint { $0.put("edge-of-the-world", x: 7, y: 4) }
    #expect(grid.row(4) == "       edg")
  }

  @Test func nestedClipsIntersect() {
    var grid = Grid(width: 10, height: 1)
    grid.paint(clip: Rect(x: 2, y: 0, width: 6, height: 1)) { p in
      p.clipped(to: Rect(x: 5, y: 0, width: 10, height: 1)) { $0.put("ABCDEFGHIJ", x: 0, y: 0) }
      p.put("<", x: 2, y: 0)
    }
    #expect(grid.row(0) == "  <  FGH")
  }

  @Test func controlCharactersBecomeSpaces() {
    var grid = Grid(width: 5, height: 1)
    grid.paint { $0.put("a\nb\tc", x: 0, y: 0) }
    #expect(grid.row(0) == "a b c")
  }
}

@Suite struct PainterDrawingTests {
  @Test func boxesTitlesRulesAndCentring() {
    var grid = Grid(width: 30, height: 8)
    grid.paint { p in
      let inside = p.panel(Rect(x: 0, y: 0, width: 30, height: 8), title: "weights", theme: .standard)
      p.horizontalRule(x: 0, y: 4, width: 30, glyphs: .unicode, joinEnds: true)
      p.verticalRule(x: 15, y: 4, height: 4, glyphs: .unicode, joinEnds: true)
      p.centered("too small\nneed 80×24", in: Rect(x: inside.x, y: 1, width: inside.width, height: 3))
      p.box(Rect(x: 2, y: 5, width: 11, height: 2), title: "a title that is too long")
    }
    assertSnapshot(grid, named: "painter-box-unicode")
    #expect(grid[0, 0].style == Theme.standard.border)
    #expect(grid[2, 0].style == Theme.standard.title)
  }

  @Test func asciiBoxUsesPlusMinusBar() {
    let theme = Theme(colorMode: .monochrome, ascii: true)
    var grid = Grid(width: 16, height: 4)
    grid.paint { p in
      p.panel(Rect(x: 0, y: 0, width: 16, height: 4), title: "model", theme: theme, highlighted: true)
      p.horizontalRule(x: 0, y: 2, width: 16, glyphs: theme.glyphs.box, joinEnds: true)
    }
    #expect(grid.text() == "+ model -------+\n|              |\n+--------------+\n+--------------+")
    #expect(grid[0, 0].style == theme.highlightedBorder)
    #expect(nonASCII(grid) == "")
  }

  @Test func titleNeverOverwritesTheCorner() {
    var grid = Grid(width: 8, height: 2)
    grid.paint { $0.box($0.grid.bounds, title: "overlong") }
    #expect(grid.row(0) == "┌ ov… ─┐")
    #expect(grid.row(1) == "└──────┘")
  }

  @Test func rightAlignedAndCentredLines() {
    var grid = Grid(width: 9, height: 2)
    grid.paint { p in
      p.putRightAligned("end", in: p.grid.bounds, y: 0)
      p.putCentered("mid", in: p.grid.bounds, y: 1)
    }
    #expect(grid.text() == "      end\n   mid")
  }

  @Test func restyleKeepsCharacters() {
    var grid = Grid(width: 3, height: 1)
    let bold = Style(attributes: .bold)
    grid.paint { p in
      p.put("abc", x: 0, y: 0)
      p.restyle(Rect(x: 1, y: 0, width: 5, height: 1), style: bold)
    }
    #expect(grid.row(0) == "abc")
    #expect(grid[0, 0].style == .plain)
    #expect(grid[2, 0].style == bold)
  }
}
