import Canvas

/// A terminal as the dashboard loop sees it: a size, keys, and a place to put finished frames.
///
/// The ncurses backend is the real implementation; `RecordingBackend` stands in for it in tests
/// and benchmarks. A backend is used from the loop's thread only.
public protocol TerminalBackend: AnyObject {
  /// The current size in cells. Changes are also announced by a `.resize` key.
  var size: (width: Int, height: Int) { get }
  /// The colours and glyphs this terminal can show.
  var theme: Theme { get }
  /// True once the user asked to stop from outside the key stream (Ctrl-C, SIGTERM).
  var interrupted: Bool { get }
  /// The next key, waiting at most `timeout` seconds; nil when none arrived.
  func nextKey(timeout: Double) -> Key?
  /// Shows `grid`; a backend may send only the cells that changed since the last frame.
  func present(_ grid: Grid)
}
