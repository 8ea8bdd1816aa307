/// A key press as the dashboard understands it, independent of the terminal library.
///
/// The backend decodes its own key codes into these; the key map and the tests speak only this
/// type, so every binding can be exercised without a terminal.
public enum Key: Hashable, Sendable {
  case character(Character)
  case up, down, left, right, pageUp, pageDown, home, end
  case tab, backTab, enter, escape, backspace
  /// The terminal changed size: not a key, but it arrives through the same channel (ncurses
  /// reports it as `KEY_RESIZE`), and the loop redraws at once when it sees it.
  case resize

  /// Shorthand for tests and scripts: `Key("]")`.
  public init(_ character: Character) { self = .character(character) }
}

/// `"]"` as a key, in tests and key scripts.
extension Key: ExpressibleByExtendedGraphemeClusterLiteral {
  public init(extendedGraphemeClusterLiteral value: Character) { self = .character(value) }
}
