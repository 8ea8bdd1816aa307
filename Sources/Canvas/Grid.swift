/// An in-memory screen: `width × height` cells in row-major order.
///
/// Widgets draw here (through a `Painter`) and tests read it back as text; the terminal backend
/// diffs two grids and flushes only the cells that changed.
public struct Grid: Sendable, Equatable {
  public let width: Int
  public let height: Int
  /// Row-major storage, exposed read-only so a backend can diff frames without per-cell calls.
  public private(set) var cells: [Cell]

  /// A grid filled with `fill`; negative sizes become 0 so layout arithmetic may overshoot safely.
  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: fill, count: self.width * self.height)
  }

  /// The whole grid as a rectangle at the origin.
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// Whether `(x, y)` is a cell of this grid.
  public func contains(x: Int, y: Int) -> Bool {
    x >= 0 && y >= 0 && x < width && y < height
  }

  /// The cell at column `x`, row `y`. Out-of-range access traps like an array; draw through a
  /// `Painter` to get clipping instead.
  public subscript(x: Int, y: Int) -> Cell {
    get {
      precondition(contains(x: x, y: y), "cell (\(x), \(y)) outside \(width)×\(height) grid")
      return cells[y * width + x]
    }
    set {
      precondition(contains(x: x, y: y), "cell (\(x), \(y)) outside \(width)×\(height) grid")
      cells[y * width + x] = newValue
    }
  }

  /// The cells of row `y`, left to right.
  public func cells(inRow y: Int) -> ArraySlice<Cell> {
    precondition(y >= 0 && y < height, "row \(y) outside grid of height \(height)")
    return cells[(y * width)..<((y + 1) * width)]
  }

  /// Row `y` as text with trailing spaces trimmed (styles dropped).
  public func row(_ y: Int) -> String {
    var line = String(cells(inRow: y).map(\.character))
    while line.last == " " { line.removeLast() }
    return line
  }

  /// All rows joined by `"\n"`, each with trailing spaces trimmed: the form snapshot tests compare.
  public func text() -> String {
    (0..<height).map(row).joined(separator: "\n")
  }

  /// Calls `body` with a painter clipped to `clip ∩ bounds`.
  ///
  /// The grid is moved into the painter and back rather than copied, so drawing stays O(cells
  /// touched) even though `Grid` is a value type.
  @discardableResult
  public mutating func paint<R>(
    clip: Rect? = nil, _ body: (inout Painter) throws -> R
  ) rethrows -> R {
    let area = (clip ?? bounds).intersection(bounds)
    var painter = Painter(grid: Grid(width: 0, height: 0))
    swap(&self, &painter.grid)
    painter.clip = area
    defer { swap(&self, &painter.grid) }
    return try body(&painter)
  }
}
