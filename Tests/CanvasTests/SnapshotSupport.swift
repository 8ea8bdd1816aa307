import Foundation
import Testing
import TestSupport

@testable import Canvas

/// This target's snapshots, in the source tree next to this file.
private let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

func assertSnapshot(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  TestSupport.assertSnapshot(grid, named: name, in: snapshots, sourceLocation: sourceLocation)
}

func nonASCII(_ grid: Grid) -> String { TestSupport.nonASCII(grid) }

/// A grid of `width × height` with `widget` drawn over all of it.
func render(_ widget: some Widget, width: Int, height: Int, theme: Theme = .standard) -> Grid {
  var grid = Grid(width: width, height: height)
  widget.draw(in: grid.bounds, on: &grid, theme: theme)
  return grid
}
