import Testing

@testable import Canvas

/// Each lane's inputs drawn as a picture (issue 27): ink from the row norm on one scale for all
/// lanes, a dropped pixel blank, two pixel rows a line where the rectangle is short.
@Suite struct PixelPictureTests {
  let theme = Theme.standard

  /// A 4×3 picture: `none` inks every pixel (the corner strongest); `group` dropped the border
  /// column at the right and keeps the rest at half strength.
  var widget: PixelPictureWidget {
    let none: [Double] = [1.0, 0.8, 0.6, 0.4,
                          0.8, 0.6, 0.4, 0.2,
                          0.6, 0.4, 0.2, 1e-9]
    let group: [Double] = [0.5, 0.4, 0.3, 0,
                           0.4, 0.3, 0.2, 0,
                           0.3, 0.2, 0.1, 0]
    return PixelPictureWidget(width: 4, height: 3, rows: [
      FeatureBarsWidget.Row(label: "none", style: theme.laneStyle(0), values: none),
      FeatureBarsWidget.Row(label: "group", style: theme.laneStyle(1), values: group),
    ])
  }

  @Test func inkLevelsOnOneScaleAndDroppedPixelsBlank() {
    #expect(PixelPictureWidget.level(0, peak: 1) == nil)
    #expect(PixelPictureWidget.level(1e-12, peak: 1) == 0, "a live pixel is never blank")
    #expect(PixelPictureWidget.level(0.25, peak: 1) == 0)
    #expect(PixelPictureWidget.level(0.26, peak: 1) == 1)
    #expect(PixelPictureWidget.level(0.75, peak: 1) == 2)
    #expect(PixelPictureWidget.level(1, peak: 1) == 3)
    #expect(PixelPictureWidget.level(.nan, peak: 1) == 3)

    let grid = render(widget, width: 20, height: 4)
    #expect(grid.row(0) == "none      group")
    #expect(grid.row(1) == "████▓▓▒▒  ▒▒▒▒▒▒")
    #expect(grid.row(2) == "██▓▓▒▒░░  ▒▒▒▒░░")
    // The tiny but live corner pixel of `none` is ink; group's dropped column is blank.
    #expect(grid.row(3) == "▓▓▒▒░░░░  ▒▒░░░░")
    #expect(grid[10, 1].style == theme.laneStyle(1))
    assertSnapshot(grid, named: "pixel-picture")
  }

  @Test func shortRectanglesShareALineBetweenTwoPixelRows() {
    #expect(widget.rowsPerLine(lines: 4) == 1)
    #expect(widget.rowsPerLine(lines: 3) == 2)
    #expect(widget.rowsPerLine(lines: 2) == nil)
    let grid = render(widget, width: 20, height: 3)
    #expect(grid.row(1) == "████████  ██████")
    #expect(grid.row(2) == "▀▀▀▀▀▀▀▀  ▀▀▀▀▀▀", "the third pixel row is alone on its line")
    let tiny = render(widget, width: 40, height: 2)
    #expect(tiny.row(0) == "taller terminal for the 4×3 pixels")
  }

  @Test func narrowRectanglesUseOneColumnAPixelThenCountTheLanesLeftOut() {
    #expect(render(widget, width: 14, height: 4).row(1) == "██▓▒  ▒▒▒")
    let one = render(widget, width: 9, height: 4)
    #expect(one.row(0) == "none +1")
    #expect(widget.naturalWidth == 18 && widget.naturalLines == 4)
  }

  @Test func asciiPixels() {
    let grid = render(widget, width: 20, height: 4, theme: Theme(colorMode: .monochrome, ascii: true))
    #expect(nonASCII(grid).isEmpty)
    #expect(grid.row(1) == "####**++  ++++++")
    let half = render(widget, width: 20, height: 3, theme: Theme(colorMode: .monochrome, ascii: true))
    #expect(half.row(2) == "\"\"\"\"\"\"\"\"  \"\"\"\"\"\"")
  }
}
