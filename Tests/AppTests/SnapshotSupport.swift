import Canvas
import Foundation
import Testing

/// Snapshots live in the source tree next to this file. AppTests declares no resources, so
/// they are read through `#filePath` rather than `Bundle.module`; recording writes the same files.
private let snapshotDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()
  .appendingPathComponent("Snapshots")

/// Re-record instead of compare when `REGVIZ_RECORD_SNAPSHOTS=1`.
private let recording = ProcessInfo.processInfo.environment["REGVIZ_RECORD_SNAPSHOTS"] == "1"

/// Compares `grid.text()` with `Snapshots/<name>.txt`, or rewrites that file when recording
/// (the test then passes).
func assertSnapshot(
  _ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = grid.text()
  let url = snapshotDirectory.appendingPathComponent(name + ".txt")
  if recording {
    do {
      try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
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

/// The characters of the grid outside 7-bit ASCII, in order (empty keeps ASCII mode's promise).
func nonASCII(_ grid: Grid) -> String {
  String(grid.cells.map(\.character).filter { !$0.isASCII })
}

/// Whether any row of the grid contains `text`.
func contains(_ grid: Grid, _ text: String) -> Bool {
  (0..<grid.height).contains { grid.row($0).contains(text) }
}

/// Failure messages show a grid as the text a terminal would show, not as 4800 cell values.
extension Grid: CustomTestStringConvertible {
  public var testDescription: String { "\n" + text() }
}

/// How many times `text` occurs in the grid's rows.
func occurrences(_ grid: Grid, _ text: String) -> Int {
  (0..<grid.height).reduce(0) { $0 + grid.row($1).components(separatedBy: text).count - 1 }
}
