import Canvas
import Testing
import Training

@testable import App

/// `g` pins a run: after a reset the charts show it dimmed beside the new run, on one epoch
/// axis, with its label in the title, until `g` again.
@Suite struct PinTests {
  func play(_ keys: [Key], snapshot: ExperimentSnapshot, state: AppState = AppState())
    -> (state: AppState, frame: Grid?, commands: [RunnerCommand])
  {
    let driver = RecordingDriver(snapshot)
    let backend = RecordingBackend(width: 200, height: 60, keys: keys)
    let final = runPlay(driver: driver, backend: backend, state: state)
    return (final, backend.lastFrame, driver.commands)
  }

  /// Braille cells of the loss chart drawn in one of `styles`: how many, and the rightmost
  /// one's column as a fraction of the chart's width (0 = its left border, 1 = its right).
  func braille(_ grid: Grid, _ styles: Set<Style>) -> (count: Int, right: Double) {
    guard let top = (0..<grid.height).first(where: { grid.row($0).contains("data loss") }) else { return (0, -1) }
    let x0 = (0..<grid.width).first { grid[$0, top].character == "├" } ?? 0
    let x1 = (x0 + 1..<grid.width).first { grid[$0, top].character == "┬" } ?? grid.width
    var count = 0, right = -1
    for y in top + 1..<grid.height {
      if grid[x0, y].character != "│" { break }
      for x in x0 + 1..<x1 where styles.contains(grid[x, y].style) {
        guard let scalar = grid[x, y].character.unicodeScalars.first,
              (0x2801...0x28FF).contains(scalar.value) else { continue }
        count += 1
        right = max(right, x)
      }
    }
    return (count, Double(right - x0) / Double(x1 - x0))
  }

  @Test func gPinsResetShowsTheGhostAndGAgainUnpins() throws {
    let long = Fixtures.snapshot(epochs: 300)
    let pinned = play(["g"], snapshot: long)
    let pin = try #require(pinned.state.pinned)
    #expect(pin.label == "rule prox, λ \(Format.strength(long.lanes.map(\.lane.largestLambda).max() ?? 0)), 300 epochs")
    #expect(pin.histories.keys.sorted() == Array(0..<long.lanes.count))
    #expect(pinned.commands.isEmpty, "pinning is the UI's: the runner is not asked for anything")

    // The reset: the runner now reports a run of 20 epochs.
    let short = Fixtures.snapshot(epochs: 20)
    let reset = play(["r"], snapshot: short, state: pinned.state)
    #expect(reset.commands.first == .reset)
    let withGhost = try #require(reset.frame)
    #expect(contains(withGhost, "· pinned: " + pin.label))

    let unpinned = play(["g"], snapshot: short, state: reset.state)
    #expect(unpinned.state.pinned == nil)
    let plain = try #require(unpinned.frame)
    #expect(!contains(plain, "· pinned"))

    // The charts with and without the pin, everything else equal.
    var state = reset.state
    let withGhostCharts = Chrome.compose(short, state: state, width: 200, height: 60)
    state.pinned = nil
    let plainCharts = Chrome.compose(short, state: state, width: 200, height: 60)
    let theme = state.theme
    let live = Set(short.lanes.indices.map { theme.laneStyle($0) })
    let dim = Set(live.map { $0.adding(.dim) })
    // The ghost adds dim lines (its loss and val loss) across the chart…
    #expect(braille(withGhostCharts, dim).count > braille(plainCharts, dim).count * 3 / 2)
    // …and on the shared axis the 300-epoch ghost spans the chart while the 20 live epochs sit
    // where its epochs 1…20 are (alone they take a dot column each: 10 cells, further right).
    #expect(braille(withGhostCharts, dim).right > 0.9)
    #expect(braille(withGhostCharts, live).right < 0.12)
    #expect(braille(withGhostCharts, live).right < braille(plainCharts, live).right - 0.05)
  }

  @Test func gIsInTheHelpOfFreePlay() {
    let row = Keymap(KeyContext(mode: .play)).rows.first { $0.label == "g" }
    #expect(row?.action(for: "g") == .togglePin)
    #expect(Keymap(KeyContext(mode: .lesson)).action(for: "g") == nil)
  }
}
