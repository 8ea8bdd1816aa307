import App
import CNcurses
import Canvas
import Foundation

/// The dashboard's terminal on ncurses: start-up and teardown, colours, the diff flush and keys.
///
/// Start-up refuses what cannot work (not a terminal, TERM unset or `dumb`) before touching
/// curses, and uses `newterm`, which returns nil on an unknown TERM where `initscr` would exit
/// the process. Teardown runs on `q`, on Ctrl-C / SIGTERM (via `SignalWatch`), and on a thrown
/// error (`close()` from a `defer`); a crash signal restores the terminal from a C handler.
public final class NcursesTerminal: TerminalBackend {
  /// Choices from the command line.
  public struct Options: Sendable {
    /// Monochrome even when the terminal has colours (`--no-color`).
    public var noColor: Bool
    /// ASCII glyphs even in a UTF-8 locale (`--ascii`).
    public var ascii: Bool

    public init(noColor: Bool = false, ascii: Bool = false) {
      self.noColor = noColor
      self.ascii = ascii
    }
  }

  /// Why the dashboard cannot start here: one line for the user.
  public struct Unavailable: Error, CustomStringConvertible {
    public var description: String
  }

  public let theme: Theme
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let signals: SignalWatch
  private var pairs: ColorPairs
  private var previous: Grid?
  private var closed = false

  /// Opens the terminal, or explains in one line why it cannot.
  public static func open(
    _ options: Options = Options(), environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(Unavailable) -> NcursesTerminal {
    if let problem = TerminalCheck.problem(
      stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1, term: environment["TERM"]) {
      throw Unavailable(description: problem)
    }
    let utf8 = configureLocale(environment)
    let noColor = options.noColor || !(environment["NO_COLOR"] ?? "").isEmpty
    return try NcursesTerminal(ascii: options.ascii || !utf8, noColor: noColor)
  }

  /// Sets the locale and says whether it is UTF-8. A locale the user chose decides the glyphs:
  /// a non-UTF-8 one (including an explicit `C`) gets ASCII, because the terminal that goes with
  /// it would show braille and blocks as garbage. When no locale is configured at all (LANG,
  /// LC_CTYPE and LC_ALL unset, as in many containers) the terminal is almost always UTF-8, so
  /// `C.UTF-8` stands in; without it ncursesw would print the same glyphs as garbage.
  static func configureLocale(_ environment: [String: String]) -> Bool {
    setlocale(LC_ALL, "")
    if isUTF8() { return true }
    let configured = ["LC_ALL", "LC_CTYPE", "LANG"].contains { !(environment[$0] ?? "").isEmpty }
    guard !configured, setlocale(LC_CTYPE, "C.UTF-8") != nil else { return false }
    return isUTF8()
  }

  private static func isUTF8() -> Bool {
    let codeset = String(cString: cn_codeset()).lowercased()
    return codeset == "utf-8" || codeset == "utf8"
  }

  private init(ascii: Bool, noColor: Bool) throws(Unavailable) {
    var saved = termios()
    let haveTermios = tcgetattr(0, &saved) == 0
    signals = SignalWatch()
    guard let screen = newterm(nil, cn_fdopen(1, "w"), cn_fdopen(0, "r")) else {
      signals.stop()
      let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
      throw Unavailable(description: "the terminal type '\(term)' is unknown here; try TERM=xterm-256color, or `regviz run` for a run without a screen")
    }
    self.screen = screen
    set_term(screen)
    window = cn_stdscr()
    Self.enterProgramModes(window)
    set_escdelay(25)
    let mode: ColorMode
    if !noColor && has_colors() {
      start_color()
      use_default_colors()
      mode = cn_COLORS() >= 256 ? .colors256 : .colors8
    } else {
      mode = .monochrome
    }
    pairs = ColorPairs(enabled: mode != .monochrome, limit: Int(cn_COLOR_PAIRS()))
    theme = Theme(colorMode: mode, ascii: ascii)
    if haveTermios { cn_install_crash_guard(&saved) }
  }

  deinit { close() }

  /// Restores the terminal. Safe to call more than once.
  public func close() {
    guard !closed else { return }
    closed = true
    cn_remove_crash_guard()
    endwin()
    delscreen(screen)
    fflush(nil)
    signals.stop()
  }

  public var size: (width: Int, height: Int) {
    (Int(getmaxx(window)), Int(getmaxy(window)))
  }

  public var interrupted: Bool { signals.raised != nil }

  /// The signal that ended the session (SIGINT or SIGTERM), or nil: the caller exits with
  /// 128 + its number, as a shell expects of a program stopped by a signal.
  public var interruptingSignal: Int32? { signals.raised }

  /// After SIGCONT: the program modes again (no echo, cbreak, no flow control, keypad, no
  /// cursor), and a full repaint on the next frame. Without it the terminal stayed cooked after
  /// `kill -STOP` and `fg`: typed keys echoed and `q` waited for Enter.
  private func reapplyModesIfResumed() {
    guard !closed, signals.resumed() else { return }
    reset_prog_mode()
    Self.enterProgramModes(window)
    previous = nil
  }

  /// The dashboard's terminal modes: keys one at a time, unechoed, with their escape sequences
  /// decoded, Ctrl-S/Ctrl-Q not taken by the terminal, no cursor. ncurses restores its "program
  /// mode" after a suspend or resize, so the modes are made part of it.
  private static func enterProgramModes(_ window: UnsafeMutablePointer<WINDOW>) {
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    cn_disable_flow_control(0)
    def_prog_mode()
    curs_set(0)
  }

  public func nextKey(timeout: Double) -> Key? {
    reapplyModesIfResumed()
    wtimeout(window, Int32(max(0, min(timeout, 1)) * 1000))
    var value: wint_t = 0
    let status = wget_wch(window, &value)
    guard status != ERR else { return nil }
    return KeyDecoder.decode(value: UInt32(value), isFunctionKey: status == KEY_CODE_YES)
  }

  /// Sends the cells that differ from the previous frame, in runs of one style; a new size
  /// (or the first frame) repaints everything.
  public func present(_ grid: Grid) {
    // After a crash signal the terminal has been reset for the crash report; drawing on would
    // scribble over it while the other threads are being stopped.
    guard !closed, cn_crashed() == 0 else { return }
    reapplyModesIfResumed()
    let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
    if full {
      werase(window)
      clearok(window, true)
    }
    var run: [wchar_t] = []
    run.reserveCapacity(grid.width)
    for y in 0..<grid.height {
      let row = y * grid.width
      var x = 0
      while x < grid.width {
        let cell = grid.cells[row + x]
        if !full, previous!.cells[row + x] == cell {
          x += 1
          continue
        }
        let start = x
        run.removeAll(keepingCapacity: true)
        while x < grid.width {
          let next = grid.cells[row + x]
          guard next.style == cell.style, full || previous!.cells[row + x] != next else { break }
          run.append(wchar_t(bitPattern: next.character.unicodeScalars.first?.value ?? 32))
          x += 1
        }
        let (attributes, pair) = pairs.resolve(cell.style)
        wattr_set(window, attributes, pair, nil)
        // Writing the bottom-right cell moves the cursor past the end and returns ERR, but the
        // character is drawn; the status is ignored on purpose.
        _ = mvwaddnwstr(window, Int32(y), Int32(start), run, Int32(run.count))
      }
    }
    previous = grid
    wnoutrefresh(window)
    doupdate()
  }
}
