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

  /// The most a lesson or preset file may hold: the longest shipped lesson is ≈12 KB; a file
  /// of 20 MB took 17 s and 530 MB to parse.
  public static let lessonLimit = 1 << 20

  /// Why a file with a size limit was not read.
  public enum LimitedReadError: Error, CustomStringConvertible {
    case cannotRead
    case tooLarge(size: Int, limit: Int)

    public var description: String {
      switch self {
      case .cannotRead: return "cannot read the file"
      case .tooLarge(let size, let limit):
        return "the file is \(UserFiles.megabytes(size)), more than the \(UserFiles.megabytes(limit)) a file of this kind may hold"
      }
    }
  }

  /// The bytes of `path` if it holds at most `limit` bytes, told before anything is read
  /// (a regular file's size from stat; anything else is read up to `limit` + 1 bytes).
  public static func contents(_ path: String, limit: Int) throws(LimitedReadError) -> Data {
    var info = stat()
    if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > limit {
      throw .tooLarge(size: Int(info.st_size), limit: limit)
    }
    guard let handle = FileHandle(forReadingAtPath: path) else { throw .cannotRead }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: limit + 1) else { return Data() }
    if data.count > limit { throw .tooLarge(size: data.count, limit: limit) }
    return data
  }

  static func megabytes(_ bytes: Int) -> String {
    bytes < 1 << 20 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
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
