import Foundation

/// Crash reports that never wait for a key.
///
/// On a terminal, the Swift runtime's crash reporter asks "Press space to interact, D to
/// debug…" and waits: in the dashboard the learner's next keys would answer it, or it would
/// sit waiting for a debugger. The runtime reads `SWIFT_BACKTRACE` once, when the process
/// starts, so the setting has to be there before that: set it and start again (same process
/// id, same arguments). A setting of the user's that names `interactive` is kept.
public enum CrashReports {
  public static func makeNonInteractive() {
    #if os(Linux)
    let current = ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] ?? ""
    guard !current.contains("interactive") else { return }
    setenv("SWIFT_BACKTRACE", current.isEmpty ? "interactive=no" : current + ",interactive=no", 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
    // Still here: exec failed (no /proc). Go on; a crash report may then wait for a key.
    #endif
  }
}
