import App
import CNcurses

/// ncurses key codes → `Key`. Pure, so the mapping is tested without a terminal.
enum KeyDecoder {
  /// What `wget_wch` returned: `isFunctionKey` for `KEY_CODE_YES` (then `value` is a `KEY_*`
  /// code), else `value` is a character. nil for keys the dashboard does not use.
  static func decode(value: UInt32, isFunctionKey: Bool) -> Key? {
    if isFunctionKey {
      switch Int32(bitPattern: value) {
      case KEY_UP: return .up
      case KEY_DOWN: return .down
      case KEY_LEFT: return .left
      case KEY_RIGHT: return .right
      case KEY_PPAGE: return .pageUp
      case KEY_NPAGE: return .pageDown
      case KEY_HOME: return .home
      case KEY_END: return .end
      case KEY_BTAB: return .backTab
      case KEY_ENTER: return .enter
      case KEY_BACKSPACE: return .backspace
      case KEY_RESIZE: return .resize
      default: return nil
      }
    }
    switch value {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 0..<32: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }
}
