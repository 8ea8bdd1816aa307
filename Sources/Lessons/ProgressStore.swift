import Foundation
import RegvizData

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes `progress.json` in a state directory. Losing progress is an annoyance, not
/// a reason to stop the app, so loading never fails: a bad file is moved aside with a warning.
public struct ProgressStore: Sendable {
  /// The directory holding `progress.json`.
  public var directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  public var fileURL: URL { directory.appendingPathComponent("progress.json") }
  /// Where an unreadable progress file is moved so the learner can inspect or restore it.
  public var corruptURL: URL { directory.appendingPathComponent("progress.json.corrupt") }

  /// `$XDG_STATE_HOME/regviz`, or `~/.local/state/regviz` when that is unset, empty or relative
  /// (the XDG spec says relative values are to be ignored).
  public static func defaultDirectory(environment: [String: String]) -> URL {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return URL(fileURLWithPath: state, isDirectory: true).appendingPathComponent("regviz", isDirectory: true)
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
      .map { URL(fileURLWithPath: $0, isDirectory: true) }
      ?? FileManager.default.homeDirectoryForCurrentUser
    return home.appendingPathComponent(".local/state/regviz", isDirectory: true)
  }

  /// The saved progress. A missing file is empty progress. A file that cannot be read or
  /// decoded is renamed to `progress.json.corrupt` and empty progress is returned with a
  /// one-line warning naming the file and the problem.
  public func load() -> (progress: CourseProgress, warning: String?) {
    let path = fileURL.path
    guard FileManager.default.fileExists(atPath: path) else { return (CourseProgress(), nil) }
    let problem: String
    do {
      guard let data = UserFiles.contents(path) else { throw CocoaError(.fileReadUnknown) }
      return (try JSONDecoder().decode(CourseProgress.self, from: data), nil)
    } catch let error as DecodingError {
      problem = Self.describe(error)
    } catch {
      problem = "cannot read it (\(error.localizedDescription))"
    }
    return (CourseProgress(), setAside(problem: problem))
  }

  /// Writes `progress` atomically (`AtomicFile`: a temporary file beside it, renamed over
  /// `progress.json`), so a crash mid-write never leaves a half-written file. Creates the
  /// directory if needed.
  public func save(_ progress: CourseProgress) throws {
    try UserFiles.makeDirectory(directory.path, parents: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(progress)
    try AtomicFile.write(String(decoding: data, as: UTF8.self), to: fileURL.path)
  }

  /// Forgets all progress. A missing file is not an error; anything at the path that is not a
  /// regular file (a directory, say) is left alone and reported — reset removes one file only.
  public func reset() throws {
    var info = stat()
    guard lstat(fileURL.path, &info) == 0 else { return }
    guard info.st_mode & S_IFMT == S_IFREG || info.st_mode & S_IFMT == S_IFLNK else {
      throw CocoaError(.fileWriteUnknown, userInfo: [
        NSLocalizedDescriptionKey: "\(fileURL.path) is not a regular file; remove it yourself if it is not needed",
      ])
    }
    guard unlink(fileURL.path) == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
  }

  private func setAside(problem: String) -> String {
    do {
      try UserFiles.move(fileURL.path, to: corruptURL.path)
      return "warning: progress file \(fileURL.path) \(problem); moved it to \(corruptURL.path) and started afresh"
    } catch {
      return "warning: progress file \(fileURL.path) \(problem), and it could not be moved aside (\(error.localizedDescription)); starting afresh"
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      return "is not valid JSON"
    case .dataCorrupted(let context), .keyNotFound(_, let context),
         .typeMismatch(_, let context), .valueNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return "is malformed (\(path.isEmpty ? "" : path + ": ")\(context.debugDescription))"
    @unknown default:
      return "is malformed"
    }
  }
}
