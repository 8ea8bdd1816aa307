import LessonRuns
import Lessons
import Canvas
import NeuralCore
import Testing
import Training

@testable import App

/// The two-weight lens as a screen and as a mode of the frame loop.
@Suite struct LensScreenTests {
  static func frame(width: Int, height: Int, theme: Theme = .standard, lens: LensView = LensView()) -> Grid {
    var lens = lens
    _ = lens.advance(1e6)  // every step shown
    var mode = LensMode(state: AppState(theme: theme), lens: lens)
    return mode.compose(.idle(), width: width, height: height)
  }

  @Test func wide120x40() {
    let grid = Self.frame(width: 120, height: 40)
    assertSnapshot(grid, named: "lens-120x40")
    #expect(contains(grid, "L1 path: w2 = 0 from λ 1.065"))
    #expect(contains(grid, "◆ L1    × (1.308, 0)"))
    #expect(contains(grid, "q quit"))
  }

  @Test func minimum80x24() {
    let grid = Self.frame(width: 80, height: 24)
    assertSnapshot(grid, named: "lens-80x24")
    #expect(contains(grid, "the lens") && contains(grid, "λ 1.5"))
    #expect(contains(grid, "⊙"), "the landing on exactly 0 is marked")
  }

  @Test func asciiHasNoOtherGlyphs() {
    let grid = Self.frame(width: 80, height: 24, theme: Theme(colorMode: .monochrome, ascii: true))
    #expect(!(0..<grid.height).contains { !grid.row($0).allSatisfy(\.isASCII) }, "\(grid.text())")
  }

  /// The readout's numbers are the solver's: the L1 lane's optimum at the default settings.
  @Test func readoutShowsTheExactOptimum() {
    let scene = LensScene(LensSettings())
    let l1 = scene.lane(.l1).optimum
    #expect(l1[1] == 0)
    #expect(contains(Self.frame(width: 120, height: 40), "× (\(LensView.number(l1[0])), 0)"))
  }

  @Test func aLandingIsAnnouncedOnceAtItsStep() throws {
    var lens = LensView()
    let landing = try #require(lens.scene.lane(.l1).trajectory.landings[1])
    // Up to the step before: nothing yet.
    let before = lens.advance(Double(landing - 1) / LensView.stepsPerSecond + 1e-9) ?? ""
    #expect(!before.contains("L1:"))
    let note = lens.advance(1.5 / LensView.stepsPerSecond) ?? ""
    #expect(note.contains("L1: w2 landed on exactly 0 at step \(landing)"))
    let later = lens.advance(100) ?? ""
    #expect(!later.contains("L1: w2"))
  }

  /// "now … exact 0" counts the zeros the trajectory has reached, not the optimum's.
  @Test func theNowLineCountsZerosOnlyOnceLanded() throws {
    var lens = LensView()
    let landing = try #require(lens.scene.lane(.l1).trajectory.landings[1])
    func nowLine() -> String {
      let lines = LensPicture.readout(lens, theme: .standard).map { $0.map(\.text).joined() }
      let l1 = lines.firstIndex { $0.contains("L1") && $0.contains("×") } ?? 0
      return lines[l1 + 1]
    }
    #expect(nowLine().contains("now") && !nowLine().contains("exact 0"), "\(nowLine())")
    _ = lens.advance(Double(landing) / LensView.stepsPerSecond + 0.5 / LensView.stepsPerSecond)
    #expect(nowLine().contains("1 exact 0"), "\(nowLine())")
  }

  @Test func keysChangeTheLensThroughTheTable() {
    let driver = IdleDriver()
    let backend = RecordingBackend(width: 120, height: 40, keys: ["]", "]", "c", "S", "2"])
    let mode = FrameLoop.run(LensMode(state: AppState()), driver: driver, backend: backend)
    #expect(abs(mode.lens.settings.lambda - 1.7) < 1e-12)
    #expect(abs(mode.lens.settings.correlation + 0.1) < 1e-12)
    #expect(abs(mode.lens.settings.scale - 2.0.squareRoot()) < 1e-12)
    #expect(mode.lens.hiddenLanes == [1])
    #expect(contains(backend.lastFrame!, "◆ L1    (2: show)"))
  }

  @Test func helpListsEveryLensKey() {
    var state = AppState()
    state.overlay = .help(scroll: 0)
    var lens = LensView()
    _ = lens.advance(1e6)  // every step shown
    var mode = LensMode(state: state, lens: lens)
    let grid = mode.compose(.idle(), width: 120, height: 40)
    for binding in Keymap(KeyContext(mode: .lens)).rows { #expect(contains(grid, binding.label), "help lists \(binding.label)") }
    // Below the keys it explains the lens's marks, not the histograms' (=0, ≈0, the zero bar).
    #expect(contains(grid, "L1's diamond has corners on the axes"), "\(grid.text())")
    #expect(contains(grid, "a weight that landed on an axis: exactly 0.0"))
    #expect(!contains(grid, "where Keras's L1 leaves weights"))
  }

  @Test func λStaysInItsRange() {
    var lens = LensView(LensSettings(lambda: 0))
    _ = lens.perform(.lambda(up: false))
    #expect(lens.settings.lambda == 0)
  }
}
