import App
import Foundation
import NcursesBackend
import RegvizData
import Training

/// The one way an interactive command gets a screen and gives it back: open (or say in one
/// line why not), run a mode of the frame loop beside a runner, restore the terminal, and
/// leave with 128 + the signal's number after Ctrl-C or SIGTERM, as a shell expects.
enum Screen {
  /// The terminal, or `failure(problem)` on standard error and exit status 2. Nothing is drawn
  /// and nothing else is touched before this succeeds.
  /// A `recording` already opened is dropped on failure: no temporary file is left behind.
  static func open(_ options: NcursesTerminal.Options, recording: Recording? = nil,
                   failure: (String) -> String) -> NcursesTerminal {
    do { return try NcursesTerminal.open(options) } catch {
      recording?.abandon()
      FileHandle.standardError.write(Data((failure(error.description) + "\n").utf8))
      Foundation.exit(2)
    }
  }

  /// Trains with `runner` and shows `mode` on `terminal` until the learner quits. The terminal
  /// is closed first, so the prompt comes back at once, then the trainer stops (it finishes its
  /// round, a few milliseconds).
  @discardableResult
  static func run<Mode: DashboardMode>(_ mode: Mode, runner: Runner, terminal: NcursesTerminal,
                                       recording: Recording? = nil) -> Mode {
    runner.start()
    let final: Mode
    if let recording {
      // A line that cannot be written (a full disk) ends the recording, not the session;
      // `finish` reports it below.
      let recorder = SessionRecorder(terminal, title: "regviz") { recording.write($0) }
      final = FrameLoop.run(mode, driver: runner, backend: recorder)
    } else {
      final = FrameLoop.run(mode, driver: runner, backend: terminal)
    }
    terminal.close()
    let recorded = recording?.finish() ?? true
    runner.stop(timeout: 0.25)
    if let signal = terminal.interruptingSignal { Foundation.exit(128 + signal) }
    if !recorded { Foundation.exit(1) }
    return final
  }
}
