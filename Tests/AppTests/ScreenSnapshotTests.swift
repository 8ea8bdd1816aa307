import Canvas
import Testing
import Training

@testable import App

/// Whole frames as the terminal shows them, at the sizes the dashboard is designed for.
@Suite struct ScreenSnapshotTests {
  static func frame(
    _ snapshot: ExperimentSnapshot = Fixtures.snapshot(), width: Int, height: Int,
    theme: Theme = .standard, configure: (inout AppState) -> Void = { _ in }
  ) -> Grid {
    var state = AppState(theme: theme)
    configure(&state)
    state.observe(snapshot)
    return Chrome.compose(snapshot, state: state, width: width, height: height)
  }

  @Test func wide120x40() {
    let grid = Self.frame(width: 120, height: 40)
    assertSnapshot(grid, named: "screen-120x40")
    #expect(contains(grid, "model"), "the model panel fits at 120 columns")
    #expect(grid.row(39).contains("q quit"))
  }

  @Test func minimum80x24() {
    let grid = Self.frame(width: 80, height: 24)
    assertSnapshot(grid, named: "screen-80x24")
    for name in ["none", "L1 λ 0.01", "L2 λ 0.01", "L1+L2 λ 0.01"] {
      #expect(contains(grid, name), "lane title \(name)")
    }
    #expect(contains(grid, "exact zeros %") && contains(grid, "‖w‖₂") && contains(grid, "first layer"))
  }

  @Test func medium100x30WithHelp() {
    let grid = Self.frame(width: 100, height: 30) { $0.overlay = .help(scroll: 0) }
    assertSnapshot(grid, named: "screen-100x30-help")
    for binding in Keymap(KeyContext(mode: .play)).rows {
      #expect(contains(grid, binding.label), "help lists \(binding.label)")
    }
  }

  @Test func kerasOverlay() {
    let grid = Self.frame(Fixtures.snapshot(exportable: true), width: 120, height: 40) { $0.overlay = .keras(scroll: 0) }
    assertSnapshot(grid, named: "screen-120x40-keras")
    #expect(contains(grid, "regularizers.L1(0.01)"))
  }

  @Test func kerasOverlayWrapsAt80Columns() {
    let grid = Self.frame(Fixtures.snapshot(exportable: true), width: 80, height: 24) { $0.overlay = .keras(scroll: 8) }
    assertSnapshot(grid, named: "screen-80x24-keras-scrolled")
  }

  @Test func monochromeASCII() {
    let grid = Self.frame(width: 80, height: 24, theme: Theme(colorMode: .monochrome, ascii: true))
    #expect(nonASCII(grid) == "")
    assertSnapshot(grid, named: "screen-80x24-ascii")
    #expect(contains(grid, "L1 lambda 0.01"))
  }

  @Test func tooSmallSaysSo() {
    for (w, h) in [(60, 15), (79, 24), (80, 23)] {
      let grid = Self.frame(width: w, height: h)
      #expect(contains(grid, "enlarge the terminal to at least 80×24"), "\(w)×\(h)")
      #expect(contains(grid, "(now \(w)×\(h); training goes on"))
    }
    assertSnapshot(Self.frame(width: 60, height: 15), named: "screen-too-small")
  }

  @Test func secondLayerPenaltyViewAndAHiddenLane() {
    let grid = Self.frame(width: 120, height: 40) {
      $0.layer = 1
      $0.lossView = .dataPenalty
      $0.hiddenLanes = [2]
    }
    assertSnapshot(grid, named: "screen-layer2-penalty-hidden")
    #expect(contains(grid, "layer 2 of 3 (16→16)"))
    #expect(contains(grid, "loss · data, penalty dim"))
    #expect(contains(grid, "L2 (3: show)"), "a hidden lane stays in the legend, dim, with its key")
    #expect(occurrences(grid, "L2 λ 0.01") == occurrences(grid, "L1+L2 λ 0.01"), "a hidden lane has no histogram")
  }

  @Test func pausedWithARunnerMessage() {
    let snapshot = Fixtures.snapshot(running: false, message: "iris: assets/iris.csv not found")
    let grid = Self.frame(snapshot, width: 80, height: 24)
    #expect(grid.row(0).contains("⏸ paused"))
    #expect(grid.row(23).contains("iris: assets/iris.csv not found"), "the runner's error replaces the key line")
  }

  @Test func aLaneOfNaNWeightsIsDrawnAsDivergedNotCounted() {
    var snapshot = Fixtures.snapshot()
    for l in snapshot.lanes[1].network.layers.indices {
      snapshot.lanes[1].network.layers[l].kernel = snapshot.lanes[1].network.layers[l].kernel.map { $0 * .nan }
    }
    snapshot.lanes[1].divergedAt = 7
    snapshot.lanes[2].network.layers[0].kernel[0] = .greatestFiniteMagnitude
    var state = AppState()
    state.observe(snapshot)
    for (width, height) in [(80, 24), (120, 40)] {
      let grid = Chrome.compose(snapshot, state: state, width: width, height: height)
      #expect(contains(grid, "diverged") && contains(grid, "at epoch 7"), "\(width)×\(height)")
    }
  }

  @Test func aDivergedLaneSaysSo() {
    var snapshot = Fixtures.snapshot()
    snapshot.lanes[1].divergedAt = 42
    let grid = Self.frame(snapshot, width: 120, height: 40)
    #expect(contains(grid, "diverged at epoch 42"))
  }

  @Test func epochZeroDrawsWithoutHistory() {
    let grid = Self.frame(Fixtures.snapshot(epochs: 0), width: 80, height: 24)
    assertSnapshot(grid, named: "screen-epoch0")
  }

  @Test func lessonPaneAndHighlight() {
    let snapshot = Fixtures.snapshot()
    var state = AppState()
    state.observe(snapshot)
    let pane = SidePane(title: "lesson 2/6 · step 3/7", blocks: [
      .paragraph([.plain("L1 adds "), .code("λ·Σ|w|"), .plain(" to the loss: watch the "), .bold("=0"), .plain(" gauge.")]),
    ], footer: "n next · b back · h hint", width: 36)
    let grid = Chrome.compose(snapshot, state: state, width: 140, height: 40, side: pane, highlight: .zeros)
    assertSnapshot(grid, named: "screen-lesson-pane")
    #expect(contains(grid, "lesson 2/6"))
    let title = (0..<grid.height).first { grid.row($0).contains("exact zeros %") }!
    let x = grid.row(title).distance(of: "exact zeros %")!
    #expect(grid[x, title].style == Theme.standard.highlightedBorder, "the highlighted panel's title is bright")
  }
}

extension String {
  /// Column of the first occurrence of `text` (every glyph is one column).
  func distance(of text: String) -> Int? {
    range(of: text).map { self.distance(from: startIndex, to: $0.lowerBound) }
  }
}
