import CNcurses

/// Turns every signal that would end the program — Ctrl-C (SIGINT), Ctrl-\ (SIGQUIT), SIGTERM,
/// SIGHUP (the terminal went away), SIGPIPE, SIGUSR1/2, SIGALRM — into a flag the dashboard loop
/// checks every frame, so the loop ends normally and the terminal is restored by ordinary code
/// — never by `endwin()` in a signal handler. (Crash signals have their own guard in the shim.)
///
/// The handler is plain C and only stores the signal's number (`cn_watch_signal`): it works on
/// whichever thread the kernel delivers to, and keeps ncurses' own handlers out. Each watched
/// signal is also unblocked on the opening thread: an inherited mask that blocks it would
/// otherwise keep it pending for ever (Training's `EndingSignals` does the same).
///
/// SIGCONT (after `kill -STOP` and `fg`) is watched apart: it ends nothing, it tells the
/// terminal to put its modes back (`resumed`).
final class SignalWatch {
  static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM]

  /// Starts watching.
  init() {
    for signal in SignalWatch.watched { cn_watch_signal(signal) }
    cn_watch_continue()
  }

  /// True once after each SIGCONT: the shell may have put cooked modes on the terminal.
  func resumed() -> Bool { cn_take_continued() == 1 }

  /// The signal that arrived, or nil.
  var raised: Int32? {
    let signal = Int32(cn_raised_signal())
    return signal == 0 ? nil : signal
  }

  /// Stops watching and puts the default dispositions back.
  func stop() {
    for signal in SignalWatch.watched + [SIGCONT] { cn_default_signal(signal) }
  }
}
