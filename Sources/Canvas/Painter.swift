/// Draws into a grid through a clip rectangle: no call can touch a cell outside `clip`.
///
/// Strings are single lines that are cut at the clip edge, never wrapped — wrapping is a layout
/// decision that belongs to `TextView`. Obtain one with `Grid.paint(clip:_:)`.
public struct Painter: Sendable {
  /// The grid being drawn on; `Grid.paint` moves it in and out.
  public internal(set) var grid: Grid
  /// Cells outside this rectangle are never written. Always inside the grid.
  public internal(set) var clip: Rect

  /// A painter owning `grid`, clipped to `clip ∩ grid.bounds` (the whole grid by default).
  public init(grid: Grid, clip: Rect? = nil) {
    self.grid = grid
    self.clip = (clip ?? grid.bounds).intersection(grid.bounds)
  }

  /// Runs `body` with the clip narrowed to `rect ∩ clip`, then restores it — how a composite
  /// widget hands a sub-rectangle to a child without letting it scribble on its siblings.
  @discardableResult
  public mutating func clipped<R>(to rect: Rect, _ body: (inout Painter) throws -> R) rethrows -> R {
    let saved = clip
    clip = clip.intersection(rect)
    defer { clip = saved }
    return try body(&self)
  }

  // MARK: - Cells and strings

  /// Sets one cell if it lies inside the clip; returns whether it did.
  @discardableResult
  public mutating func set(_ character: Character, x: Int, y: Int, style: Style = .plain) -> Bool {
    guard clip.contains(x: x, y: y) else { return false }
    grid[x, y] = Cell(Painter.printable(character), style: style)
    return true
  }

  /// Writes `string` from `(x, y)` rightwards, one column per character, cut at the clip edges.
  /// Returns the column after the last character (as if nothing had been cut), for chaining.
  @discardableResult
  public mutating func put(_ string: String, x: Int, y: Int, style: Style = .plain) -> Int {
    var column = x
    guard y >= clip.y, y < clip.maxY else { return x + string.count }
    for character in string {
      if column >= clip.maxX { return x + string.count }
      if column >= clip.x { grid[column, y] = Cell(Painter.printable(character), style: style) }
      column += 1
    }
    return column
  }

  /// Fills `rect ∩ clip` with `character`.
  public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
    let area = rect.intersection(clip)
    guard !area.isEmpty else { return }
    let cell = Cell(Painter.printable(character), style: style)
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX { grid[x, y] = cell }
    }
  }

  /// Clears `rect ∩ clip` to blank cells.
  public mutating func clear(_ rect: Rect) {
    fill(rect, with: " ", style: .plain)
  }

  /// Changes only the style of the cells in `rect ∩ clip`, keeping their characters — e.g. to
  /// highlight a selected row after it was drawn.
  public mutating func restyle(_ rect: Rect, style: Style) {
    let area = rect.intersection(clip)
    guard !area.isEmpty else { return }
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX { grid[x, y].style = style }
    }
  }

  // MARK: - Alignment helpers

  /// Writes `string` centred horizontally on row `y` of `rect`, cut to the rectangle.
  public mutating func putCentered(_ string: String, in rect: Rect, y: Int, style: Style = .plain) {
    let x = rect.x + max(0, (rect.width - string.count) / 2)
    clipped(to: rect) { $0.put(string, x: x, y: y, style: style) }
  }

  /// Writes `string` so that it ends at the right edge of `rect` on row `y`; when it is too long
  /// its start is kept and its end cut, like every other string.
  public mutating func putRightAligned(_ string: String, in rect: Rect, y: Int, style: Style = .plain) {
    let x = max(rect.x, rect.maxX - string.count)
    clipped(to: rect) { $0.put(string, x: x, y: y, style: style) }
  }

  /// Centres a block of lines (split at `"\n"`) both ways in `rect` — the "terminal too small"
  /// message. Lines that do not fit are cut; rows that do not fit are dropped from the bottom.
  public mutating func centered(_ text: String, in rect: Rect, style: Style = .plain) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let top = rect.y + max(0, (rect.height - lines.count) / 2)
    for (i, line) in lines.enumerated() where top + i < rect.maxY {
      putCentered(line, in: rect, y: top + i, style: style)
    }
  }

  /// Terminal cells cannot hold control characters (a `\n` would move the cursor), so they are
  /// drawn as spaces.
  static func printable(_ character: Character) -> Character {
    guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1
    else { return character }
    return scalar.value < 0x20 || scalar.value == 0x7F ? " " : character
  }
}
