/// Something that draws itself into a rectangle from plain data and a theme.
///
/// Widgets read no globals and no environment: everything they show arrives as stored
/// properties, so a test can build one, draw it into a `Grid` and compare the text dump.
/// Every widget clears its rectangle first and never draws outside it.
public protocol Widget: Sendable {
  /// Draws into `rect` through `painter` (whose clip further limits what is touched).
  func draw(in rect: Rect, painter: inout Painter, theme: Theme)
}

extension Widget {
  /// Draws straight into a grid, clipped to `rect`.
  public func draw(in rect: Rect, on grid: inout Grid, theme: Theme) {
    grid.paint(clip: rect) { draw(in: rect, painter: &$0, theme: theme) }
  }
}
