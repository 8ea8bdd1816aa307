import CNcurses
import Dispatch
import Synchronization

/// Turns every signal that would end the program — Ctrl-C (SIGINT), Ctrl-\\ (SIGQUIT), SIGTERM,
/// SIGHUP (the terminal went away), SIGPIPE, SIGUSR1/2, SIGALRM — into a flag the dashboard loop
/// checks every frame, so the loop ends normally and the terminal is restored by ordinary code
/// — never by `endwin()` in a signal handler. (Crash signals have their own guard in the shim.)
///
/// The default dispositions are set to "ignore" first, so neither the process nor ncurses'
/// own handlers act on them; Dispatch still reports them to the sources.
final class SignalWatch {
  /// Shared with the Dispatch handlers, which run on another thread.
  private final class Flag: Sendable {
    /// The signal number, 0 until one arrives.
    let value = Atomic<Int32>(0)
  }

  private let flag = Flag()
  private let sources: [any DispatchSourceSignal]
  static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM]

  /// Starts watching. Set up here, outside any actor, with `@Sendable` handlers: Dispatch runs
  /// them on its own queue (SWIFT-LINUX.md §3 on the main-actor trap).
  init() {
    let flag = self.flag
    var made: [any DispatchSourceSignal] = []
    for signal in SignalWatch.watched {
      cn_ignore_signal(signal)
      let source = DispatchSource.makeSignalSource(signal: signal, queue: .global(qos: .userInteractive))
      source.setEventHandler { @Sendable in flag.value.store(signal, ordering: .releasing) }
      source.resume()
      made.append(source)
    }
    sources = made
  }

  /// The signal that arrived, or nil.
  var raised: Int32? {
    let signal = flag.value.load(ordering: .acquiring)
    return signal == 0 ? nil : signal
  }

  /// Stops watching and puts the default dispositions back.
  func stop() {
    for source in sources { source.cancel() }
    for signal in SignalWatch.watched { cn_default_signal(signal) }
  }
}
