import Canvas
import NeuralCore
import Testing

@testable import App
@testable import Training

/// The feature panel drawn as pixels when the inputs form an image (issue 27): the digits'
/// 8×8 picture per lane at 80×24, 120×40 and 200×60, a dropped pixel blank.
@Suite struct PixelPanelTests {
  /// The border of the 8×8 picture: rows 1 and 8, columns 1 and 8 (28 pixels).
  static let border = (0..<64).filter { [0, 7].contains($0 / 8) || [0, 7].contains($0 % 8) }

  /// The fixture's digits experiment (none, L1, group): the group lane's first-layer rows of
  /// every border pixel set to exactly 0, as the group term drops them.
  static func digits() -> ExperimentSnapshot {
    var config = ExperimentConfig()
    config.dataset = .digits
    config.hidden = [32]
    config.lanes = [LaneConfig(spec: LaneSpec()), LaneConfig(spec: try! LaneSpec.parse("l1=0.01")),
                    LaneConfig(spec: try! LaneSpec.parse("group=0.05"))]
    var snapshot = Fixtures.snapshot(config: config)
    var lane = snapshot.lanes[2]
    let units = lane.network.layers[0].units
    for i in border { for o in 0..<units { lane.network.layers[0].kernel[i * units + o] = 0 } }
    lane.stats = WeightStats(network: lane.network, regularizers: lane.regularizers,
                             nearZeroThreshold: config.nearZeroThreshold)
    snapshot.lanes[2] = lane
    snapshot.image = ImageShape(width: 8, height: 8)
    return snapshot
  }

  static func frame(width: Int, height: Int) -> Grid {
    let snapshot = digits()
    var state = AppState()
    state.observe(snapshot)
    return Chrome.compose(snapshot, state: state, width: width, height: height)
  }

  /// The `lines` rows of a lane's picture: under its label, on the line below the panel's title.
  static func picture(_ grid: Grid, lane label: String, lines: Int) -> [String]? {
    guard let title = (0..<grid.height).first(where: { grid.row($0).contains("pixels (8×8)") }) else { return nil }
    let row = grid.row(title + 1)
    guard let range = row.range(of: " \(label) ") else { return nil }
    let x = row.distance(from: row.startIndex, to: range.lowerBound) + 1
    return (1...lines).map { k in
      String(grid.row(title + 1 + k).padding(toLength: x + 16, withPad: " ", startingAt: 0).dropFirst(x).prefix(16))
    }
  }

  @Test func droppedPixelsAreBlankAt120x40() throws {
    #expect(Self.digits().lanes[2].network.droppedInputs == Self.border)
    let grid = Self.frame(width: 120, height: 40)
    assertSnapshot(grid, named: "pixels-120x40")
    #expect(contains(grid, "pixels (8×8) · ink = ‖w‖ of its first-layer row · blank = dropped"))
    let group = try #require(Self.picture(grid, lane: "Group", lines: 8))
    // Each lane's count of dropped pixels beside its name: the 28 border pixels, and none.
    #expect(contains(grid, "Group 28 dropped") && contains(grid, "none 0 dropped"), "\(grid.text())")
    #expect(group.first == String(repeating: " ", count: 16), "the top row is all border: blank")
    #expect(group.last == String(repeating: " ", count: 16))
    for line in group.dropFirst().dropLast() {
      #expect(line.hasPrefix("  ") && line.count == 16 && line.dropFirst(2).prefix(12).allSatisfy { $0 != " " },
              "inner pixels inked, border columns blank: '\(line)'")
    }
    let none = try #require(Self.picture(grid, lane: "none", lines: 8))
    #expect(none.allSatisfy { !$0.contains(" ") }, "the unregularized lane reads every pixel")
  }

  @Test func twoPixelRowsALineAt80x24() throws {
    let grid = Self.frame(width: 80, height: 24)
    assertSnapshot(grid, named: "pixels-80x24")
    #expect(contains(grid, "pixels (8×8) · ink = live input · blank = dropped"))
    let group = try #require(Self.picture(grid, lane: "Group", lines: 4))
    #expect(group[0] == "  " + String(repeating: "▄", count: 12) + "  ", "row 1 dropped, row 2 live inside its border")
    #expect(group[1] == "  " + String(repeating: "█", count: 12) + "  ")
    #expect(group[3] == "  " + String(repeating: "▀", count: 12) + "  ", "row 8 dropped")
    #expect(contains(grid, "q quit"))
  }

  @Test func wideTerminalAt200x60() throws {
    let grid = Self.frame(width: 200, height: 60)
    assertSnapshot(grid, named: "pixels-200x60")
    #expect(contains(grid, "first layer: pixels (8×8)"))
    let group = try #require(Self.picture(grid, lane: "Group", lines: 8))
    #expect(group[0].allSatisfy { $0 == " " })
  }

  @Test func otherDataKeepsTheBars() {
    let snapshot = Fixtures.snapshot()
    var state = AppState()
    state.observe(snapshot)
    let grid = Chrome.compose(snapshot, state: state, width: 120, height: 40)
    #expect(!contains(grid, "pixels"))
    #expect(contains(grid, "per input feature"))
  }
}

/// The lesson pane's numbers: counts print as whole numbers, shares as percentages.
@Suite struct LessonNumberFormatTests {
  @Test func countsAreWholeNumbers() {
    #expect(LessonNumbers.format(16, as: .droppedInputs) == "16")
    #expect(LessonNumbers.format(7, as: .prunedUnits) == "7")
    #expect(LessonNumbers.format(0, as: .droppedInputs) == "0")
    #expect(LessonNumbers.format(0.5, as: .droppedBorder) == "50%")
    #expect(LessonNumbers.format(1.25, as: .valLoss) == "1.250")
    #expect(LessonNumbers.format(nil, as: .droppedInputs) == "–")
  }
}
