import CSignals
import Foundation

/// The signals that end a headless command (Ctrl-C, SIGTERM, a closed terminal…), taken as the
/// dashboard takes them: a plain C handler installed with sigaction, which works whatever thread
/// the kernel delivers to (DECISIONS.md, "Faults": Dispatch signal sources lost signals that
/// reached a thread not blocking them). The handler only records the signal and wakes a thread
/// of this target's, which runs `then` outside the handler, where locks and unlink are allowed.
public enum EndingSignals {
  private static let watching = Locked(false)

  /// Watches `signals` from now on; the first to arrive calls `then` with its number on the
  /// watcher's thread (`then` ends the process). Once per process: later calls do nothing.
  public static func watch(_ signals: [Int32], then: @escaping @Sendable (Int32) -> Void) {
    let first = watching.withLock { started -> Bool in
      defer { started = true }
      return !started
    }
    guard first else { return }
    for signal in signals { _ = csignals_watch(signal) }
    let thread = Thread {
      let signal = csignals_wait()
      if signal != 0 { then(signal) }
    }
    thread.name = "regviz-signals"
    thread.start()
  }
}
