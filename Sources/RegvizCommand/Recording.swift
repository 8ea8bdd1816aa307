import Foundation
import RegvizData

/// A `--record` file being written. The session goes on when a line cannot be written (a full
/// disk: a recording is not worth ending a lesson over), but the first failure is kept and
/// `finish` reports it — one line, exit status 1 — instead of the recording vanishing under
/// an exit status of 0. Nothing is left behind: the temporary file goes with the failure.
final class Recording {
  let writer: AtomicFile.Writer
  private var failure: AtomicFile.WriteError?

  init(_ writer: AtomicFile.Writer) { self.writer = writer }

  /// `--record`'s value checked and its temporary file made. `-` is refused: the dashboard
  /// draws on standard output, so it cannot also record there.
  static func open(_ path: String?) throws -> Recording? {
    guard let path else { return nil }
    if path == "-" {
      throw CLIError("--record: '-' (standard output) is where the dashboard draws; name a file, e.g. --record session.cast")
    }
    do { return Recording(try AtomicFile.Writer(path: path)) } catch { throw CLIError(error.message(flag: "--record")) }
  }

  /// One line of the cast; after a failure the rest are dropped.
  func write(_ line: String) {
    guard failure == nil else { return }
    do { try writer.write(line) } catch { failure = error }
  }

  /// Drops the recording (the screen could not open): its temporary file is removed now, since
  /// the caller exits without unwinding.
  func abandon() { writer.abandon() }

  /// Renames the recording into place, or says on standard error why it is lost and returns
  /// false.
  @discardableResult
  func finish() -> Bool {
    if failure == nil {
      do { try writer.commit() } catch { failure = error }
    } else {
      writer.abandon()
    }
    guard let failure else { return true }
    FileHandle.standardError.write(Data("regviz: \(failure.message(flag: "--record")); the recording is lost\n".utf8))
    return false
  }
}
