import Canvas
import Foundation
import Testing

/// Text snapshots of grids, shared by every test target that draws: `grid.text()` against
/// `<directory>/<name>.txt`, or — with `REGVIZ_RECORD_SNAPSHOTS=1` — rewrite that file (the test
/// then passes). Snapshots are read from and written to the source tree, next to the tests.
public func assertSnapshot(
  _ grid: Grid, named name: String, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = grid.text()
  let url = directory.appendingPathComponent(name + ".txt")
  if ProcessInfo.processInfo.environment["REGVIZ_RECORD_SNAPSHOTS"] == "1" {
    do {
      try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record("no snapshot \(name).txt; run with REGVIZ_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
    return
  }
  let expected = stored.hasSuffix("\n") ? String(stored.dropLast()) : stored
  guard actual != expected else { return }
  Issue.record("snapshot \(name) differs\n--- expected\n\(expected)\n--- actual\n\(actual)\n---", sourceLocation: sourceLocation)
}

/// The characters of the grid outside 7-bit ASCII, in order (empty keeps ASCII mode's promise);
/// returning them makes a failure say which glyph slipped through.
public func nonASCII(_ grid: Grid) -> String {
  String(grid.cells.map(\.character).filter { !$0.isASCII })
}
