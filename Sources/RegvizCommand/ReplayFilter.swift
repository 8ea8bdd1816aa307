/// What `regviz replay` lets through to the terminal: what draws, nothing that reprograms it.
///
/// Kept: printable text (UTF-8 included), newline, carriage return, tab, backspace; CSI
/// sequences that draw — SGR (`m`), cursor movement (`A`–`H`, `f`, `d`), erase (`J` but not
/// `3J`, which wipes the scrollback; `K`, `X`) — and cursor save/restore (`ESC 7`, `ESC 8`).
/// Dropped: OSC (title, clipboard via OSC 52, hyperlinks), DCS, SOS, PM, APC, every private
/// mode (`ESC [ ? … h/l`: alternate screen, mouse reporting, cursor visibility — a regviz
/// recording draws with SGR, cursor positions and erase only), reports the terminal would
/// answer by typing (`ESC [ 6 n`, `ESC [ c`), window operations, resets, other C0 and C1
/// controls. Sequences may be split across a cast's events: the state carries over.
struct ReplayFilter {
  private enum State { case ground, escape, csi, string, stringEscape, charset }
  private var state = State.ground
  private var csi = ""
  /// Longer CSI sequences are not drawing ones: dropped.
  private static let csiLimit = 64
  private static let drawingFinals: Set<Character> = ["m", "A", "B", "C", "D", "E", "F", "G", "H", "f", "d", "J", "K", "X"]

  /// The part of `text` that may reach the terminal.
  mutating func filter(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { step(scalar, into: &out) }
    return String(out)
  }

  private mutating func step(_ s: Unicode.Scalar, into out: inout String.UnicodeScalarView) {
    let v = s.value
    switch state {
    case .ground:
      if v == 0x1B { state = .escape; return }
      if v < 0x20 {
        if v == 0x0A || v == 0x0D || v == 0x09 || v == 0x08 { out.append(s) }
        return
      }
      if v == 0x7F || (0x80...0x9F).contains(v) { return }
      out.append(s)
    case .escape:
      switch s {
      case "[": state = .csi; csi = ""
      case "]", "P", "X", "^", "_": state = .string
      case "(", ")", "*", "+", "-", ".", "/": state = .charset
      case "7", "8": out.append("\u{1B}"); out.append(s); state = .ground
      case "\u{1B}": state = .escape
      default: state = .ground
      }
    case .csi:
      if (0x40...0x7E).contains(v) {
        state = .ground
        if Self.draws(parameters: csi, final: Character(s)) {
          out.append(contentsOf: "\u{1B}[".unicodeScalars)
          out.append(contentsOf: csi.unicodeScalars)
          out.append(s)
        }
      } else if (0x20...0x3F).contains(v), csi.unicodeScalars.count < Self.csiLimit {
        csi.unicodeScalars.append(s)
      } else {
        // A control or an overlong sequence: dropped; an ESC starts a new sequence.
        state = v == 0x1B ? .escape : .ground
      }
    case .string:
      if v == 0x07 || v == 0x9C { state = .ground } else if v == 0x1B { state = .stringEscape }
    case .stringEscape:
      if s == "\\" { state = .ground } else { state = .escape; step(s, into: &out) }
    case .charset:
      state = .ground
    }
  }

  /// Plain parameters (digits, `;`, `:` inside SGR), no private marker or intermediate, and a
  /// final that draws.
  static func draws(parameters: String, final: Character) -> Bool {
    guard drawingFinals.contains(final) else { return false }
    let allowed: Set<Character> = final == "m" ? Set("0123456789;:") : Set("0123456789;")
    guard parameters.allSatisfy(allowed.contains) else { return false }
    return !(final == "J" && parameters == "3")
  }
}
