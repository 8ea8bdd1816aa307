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
  static func open(_ options: NcursesTerminal.Options, failure: (String) -> String) -> NcursesTerminal {
    do { return try NcursesTerminal.open(options) } catch {
      FileHandle.standardError.write(Data((failure(error.description) + "\n").utf8))
      Foundation.exit(2)
    }
  }

  /// Trains with `runner` and shows `mode` on `terminal` until the learner quits. The terminal
  /// is closed first, so the prompt comes back at once, then the trainer stops (it finishes its
  /// round, a few milliseconds).
  @discardableResult
  static func run<Mode: DashboardMode>(_ mode: Mode, runner: Runner, terminal: NcursesTerminal,
                                       recording: AtomicFile.Writer? = nil) -> Mode {
    runner.start()
    let final: Mode
    if let recording {
      // Lines that cannot be written (a full disk) are dropped; the session goes on.
      let recorder = SessionRecorder(terminal, title: "regviz") { try? recording.write($0) }
      final = FrameLoop.run(mode, driver: runner, backend: recorder)
    } else {
      final = FrameLoop.run(mode, driver: runner, backend: terminal)
    }
    terminal.close()
    if let recording {
      do { try recording.commit() } catch {
        FileHandle.standardError.write(Data("regviz: --record: \(error)\n".utf8))
      }
    }
    runner.stop(timeout: 0.25)
    if let signal = terminal.interruptingSignal { Foundation.exit(128 + signal) }
    return final
  }
}
