import Foundation
import Testing

@testable import Canvas

/// Where recorded snapshots are written: the source tree, next to this file, so re-recording
/// updates the files that get committed (the bundle copy is read-only build output).
private let sourceSnapshots = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()
  .appendingPathComponent("Snapshots")

/// Re-record instead of compare when `REGVIZ_RECORD_SNAPSHOTS=1`.
private let recording = ProcessInfo.processInfo.environment["REGVIZ_RECORD_SNAPSHOTS"] == "1"

/// Compares `grid.text()` with `Snapshots/<name>.txt` from the test bundle, or rewrites that file
/// in the source tree when recording (the test then passes).
func assertSnapshot(
  _ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = grid.text()
  if recording {
    let url = sourceSnapshots.appendingPathComponent(name + ".txt")
    do {
      try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Snapshots"),
    let stored = try? String(contentsOf: url, encoding: .utf8)
  else {
    Issue.record(
      "no snapshot \(name).txt; run with REGVIZ_RECORD_SNAPSHOTS=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  let expected = stored.hasSuffix("\n") ? String(stored.dropLast()) : stored
  guard actual != expected else { return }
  Issue.record(
    "snapshot \(name) differs\n--- expected\n\(expected)\n--- actual\n\(actual)\n---",
    sourceLocation: sourceLocation)
}

/// The characters of the grid that are not 7-bit ASCII, in order (empty keeps the promise of
/// ASCII mode); returning them makes a failure message say which glyph slipped through.
func nonASCII(_ grid: Grid) -> String {
  String(grid.cells.map(\.character).filter { !$0.unicodeScalars.allSatisfy(\.isASCII) })
}

/// A grid of `width × height` with `widget` drawn over all of it.
func render(_ widget: some Widget, width: Int, height: Int, theme: Theme = .standard) -> Grid {
  var grid = Grid(width: width, height: height)
  widget.draw(in: grid.bounds, on: &grid, theme: theme)
  return grid
}
