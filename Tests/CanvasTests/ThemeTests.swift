import Testing

@testable import Canvas

@Suite struct ThemeTests {
  static let modes: [ColorMode] = [.colors256, .colors8, .monochrome]

  @Test(arguments: modes)
  func eightDistinctLanes(mode: ColorMode) {
    for ascii in [false, true] {
      let theme = Theme(colorMode: mode, ascii: ascii)
      let styles = (0..<Theme.laneCount).map(theme.laneStyle)
      let markers = (0..<Theme.laneCount).map(theme.laneMarker)
      #expect(Set(styles).count == 8)
      #expect(Set(markers).count == 8)
      #expect(theme.laneStyle(9) == theme.laneStyle(1))
      #expect(theme.laneStyle(-1) == theme.laneStyle(7))
    }
  }

  @Test func colourModesUseTheirPalettes() {
    let eight = Theme(colorMode: .colors8, ascii: false)
    for i in 0..<8 {
      guard case .indexed(let index) = eight.laneStyle(i).fg else {
        Issue.record("lane \(i) has no colour")
        continue
      }
      #expect((1...6).contains(index), "black and white are reserved")
    }
    let mono = Theme(colorMode: .monochrome, ascii: false)
    #expect((0..<8).allSatisfy { mono.laneStyle($0).fg == .default && mono.laneStyle($0).bg == .default })
    #expect((0..<8).allSatisfy { !mono.laneStyle($0).attributes.contains(.reverse) })
    #expect(Theme.standard.highlightedBorder.attributes.contains(.bold))
  }

  @Test func asciiGlyphsAreASCII() {
    let ascii = GlyphSet.ascii
    let b = ascii.box
    var characters: [Character] = ascii.verticalBlocks + ascii.horizontalBlocks
    characters += [ascii.gaugeTrack, ascii.exactZero, ascii.star, ascii.ellipsis, ascii.missing,
                   ascii.arrowUp, ascii.arrowDown]
    characters += [b.horizontal, b.vertical, b.topLeft, b.topRight, b.bottomLeft, b.bottomRight,
                   b.teeRight, b.teeLeft, b.teeDown, b.teeUp, b.cross]
    characters += Array(ascii.bullet)
    characters += (0..<8).map(Theme(colorMode: .monochrome, ascii: true).laneMarker)
    #expect(characters.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    #expect(!ascii.usesBraille)
    #expect(!ascii.verticalBlocks.contains(ascii.exactZero), "a small bar must not look like a zero")
  }

  @Test func blockRampsHaveNineLevels() {
    for glyphs in [GlyphSet.unicode, .ascii] {
      #expect(glyphs.verticalBlocks.count == 9)
      #expect(glyphs.horizontalBlocks.count == 9)
      #expect(glyphs.verticalBlocks[0] == " ")
    }
  }
}
