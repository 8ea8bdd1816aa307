import Foundation
import RegvizData
import Training

/// Where a headless command's text goes: standard output (no flag, or `-`) or a file written
/// atomically. Every write is checked; the target is checked before any work is done.
enum Destination {
  case standard
  case file(AtomicFile.Writer)

  /// Checks `path` (given with `flag`) and, for a file, opens its temporary file beside it.
  static func open(_ path: String?, flag: String) throws -> Destination {
    guard let path, path != "-" else { return .standard }
    do { return .file(try AtomicFile.Writer(path: path)) } catch { throw CLIError(error.message(flag: flag)) }
  }

  /// Refuses two output flags naming one file (also through a symlink or another spelling):
  /// the later write would replace the earlier and one output would be lost without a word.
  /// Standard output (`-`) may be shared.
  static func checkDistinct(_ targets: [(flag: String, path: String?)]) throws {
    var seen: [(flag: String, path: String, identity: String)] = []
    for case let (flag, path?) in targets where path != "-" {
      guard let identity = AtomicFile.identity(path) else { continue }
      if let earlier = seen.first(where: { $0.identity == identity }) {
        let same = earlier.path == path ? "'\(path)'" : "'\(earlier.path)' and '\(path)'"
        throw CLIError("\(earlier.flag) and \(flag) name the same file (\(same)): give each its own file")
      }
      seen.append((flag, path, identity))
    }
  }

  func write(_ text: String) throws {
    switch self {
    case .standard: try Destination.print(text)
    case .file(let writer):
      do { try writer.write(text) } catch { throw CLIError("\(error)") }
    }
  }

  /// Puts a file in place (standard output is already written).
  func finish() throws {
    if case .file(let writer) = self {
      do { try writer.commit() } catch { throw CLIError("\(error)") }
    }
  }

  /// Writes to standard output, checked. A reader that went away (`| head`) ends the program
  /// quietly with SIGPIPE's usual status; any other failure is a one-line error.
  static func print(_ text: String) throws {
    do { try StandardOutput.write(text) } catch {
      switch error {
      case .brokenPipe:
        TemporaryFiles.shared.removeAll()
        Foundation.exit(128 + SIGPIPE)
      case .failed: throw CLIError(error.description)
      }
    }
  }
}

/// The signals that end a headless command: temporary files go first, then the process, with
/// 128 + the signal's number. SIGPIPE is ignored, so a closed reader shows up as a write error
/// (`Destination.print`) instead of killing the process mid-file. The handler and the thread
/// that does the cleaning are Training's (`EndingSignals`): no Dispatch signal sources.
enum HeadlessSignals {
  static let ending: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM]

  static func install() {
    signal(SIGPIPE, SIG_IGN)
    EndingSignals.watch(ending) { signal in
      TemporaryFiles.shared.removeAll()
      _exit(128 + signal)
    }
  }
}
