import Canvas
import Foundation
import Testing
import TestSupport

/// This target's snapshots, in the source tree next to this file.
private let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

func assertSnapshot(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  TestSupport.assertSnapshot(grid, named: name, in: snapshots, sourceLocation: sourceLocation)
}

func nonASCII(_ grid: Grid) -> String { TestSupport.nonASCII(grid) }

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
