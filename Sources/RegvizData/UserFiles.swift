import Foundation

/// The rest of what the program does to the learner's files, beside `AtomicFile`'s writes:
/// reading one whole and making the directory a write goes into. Code outside RegvizData
/// reaches the file system through these two.
public enum UserFiles {
  /// Why a directory could not be made.
  public enum DirectoryError: Error, CustomStringConvertible {
    /// Something other than a directory is at the path.
    case notADirectory(String)
    /// mkdir failed (a missing parent without `parents`, no permission…).
    case cannotCreate(String, reason: String)

    public var description: String {
      switch self {
      case .notADirectory(let path): return "'\(path)' is a file, not a directory"
      case .cannotCreate(let path, let reason): return "cannot create directory '\(path)' (\(reason))"
      }
    }
  }

  /// The bytes of `path`, or nil when it cannot be read (missing, a directory, no permission).
  public static func contents(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
  }

  /// Makes directory `path` unless it is one already; `parents` makes missing parents too
  /// (`mkdir -p`), otherwise the parent must exist.
  public static func makeDirectory(_ path: String, parents: Bool) throws(DirectoryError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw .notADirectory(path) }
      return
    }
    do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: parents) } catch {
      throw .cannotCreate(path, reason: error.localizedDescription)
    }
  }

  /// Moves `path` to `destination`, replacing what is there (setting a bad file aside).
  public static func move(_ path: String, to destination: String) throws {
    _ = try? FileManager.default.removeItem(atPath: destination)
    try FileManager.default.moveItem(atPath: path, toPath: destination)
  }
}
