/// Whether this process can draw a dashboard at all, decided before curses is touched.
///
/// ncurses happily "starts" on a pipe or on `TERM=dumb` and then writes escape sequences into a
/// file or draws garbage, and `initscr` exits the process when TERM is unknown; so the checks
/// come first, and a failure is one line that points at the headless command instead.
public enum TerminalCheck {
  /// The reason the dashboard cannot run here, or nil when it can.
  public static func problem(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, term: String?) -> String? {
    if !stdinIsTerminal || !stdoutIsTerminal {
      let which = !stdoutIsTerminal ? "standard output is" : "standard input is"
      return "\(which) not a terminal, so the dashboard cannot draw; for a run without a screen use `regviz run` (see `regviz run --help`)"
    }
    guard let term, !term.isEmpty else {
      return "TERM is not set, so the dashboard cannot draw; set it (e.g. TERM=xterm-256color) or use `regviz run` for a run without a screen"
    }
    if term == "dumb" {
      return "TERM=dumb cannot show the dashboard; use a real terminal, or `regviz run` for a run without a screen"
    }
    return nil
  }
}
