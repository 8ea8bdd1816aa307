import Foundation

/// Writes user files (reports, exports, plots) so that a reader sees the old file or the whole
/// new one, never half of it: the text goes to a temporary file beside the target, which is
/// renamed over it at the end.
///
/// The target is checked before any work (`checkTarget`): absent, or a regular file that may be
/// written — through a symlink to its target, keeping an existing file's permissions. Devices,
/// fifos and directories are refused: writing "atomically" to `/dev/null` would replace the
/// device with a file. Temporary files are removed on every way out that code can see (errors,
/// `abandon`, and the signals `TemporaryFiles` cleans up after).
public enum AtomicFile {
  public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// The reason names the file's directory, not the file ("directory '/x' does not exist").
    public var aboutDirectory = false
    public init(path: String, reason: String, aboutDirectory: Bool = false) {
      self.path = path
      self.reason = reason
      self.aboutDirectory = aboutDirectory
    }
    public var description: String { "\(path): \(reason)" }

    /// The error as a flag's: `--out: directory '/x' does not exist`, `--out: '/dev/null' is a device…`.
    public func message(flag: String) -> String {
      aboutDirectory ? "\(flag): \(reason)" : "\(flag): '\(path)' \(reason)"
    }
  }

  /// The file that will really be written for `path`: symlinks followed to their target.
  /// Throws when that cannot be a regular file this process may replace.
  public static func checkTarget(_ path: String) throws(WriteError) -> String {
    guard !path.isEmpty else { throw WriteError(path: path, reason: "is an empty file name") }
    var target = path
    // Follow symlinks (a dangling one names the file to create).
    for _ in 0..<40 {
      guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: target) else { break }
      target = destination.hasPrefix("/") ? destination
        : (URL(fileURLWithPath: target).deletingLastPathComponent().path as NSString).appendingPathComponent(destination)
    }
    let name = URL(fileURLWithPath: target).lastPathComponent
    if name.utf8.count > 200 { throw WriteError(path: path, reason: "has a file name too long (\(name.utf8.count) bytes)") }
    var info = stat()
    if stat(target, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFDIR: throw WriteError(path: path, reason: "is a directory")
      case S_IFIFO: throw WriteError(path: path, reason: "is a fifo, not a regular file (use - for standard output)")
      case S_IFCHR, S_IFBLK: throw WriteError(path: path, reason: "is a device, not a regular file (use - for standard output)")
      default: throw WriteError(path: path, reason: "is not a regular file")
      }
      guard access(target, W_OK) == 0 else { throw WriteError(path: path, reason: "is not writable") }
    }
    let dir = URL(fileURLWithPath: target).deletingLastPathComponent().path
    var dirInfo = stat()
    guard stat(dir, &dirInfo) == 0, dirInfo.st_mode & S_IFMT == S_IFDIR else {
      throw WriteError(path: path, reason: "directory '\(dir)' does not exist", aboutDirectory: true)
    }
    guard access(dir, W_OK) == 0 else {
      throw WriteError(path: path, reason: "directory '\(dir)' is not writable", aboutDirectory: true)
    }
    return target
  }

  /// What `path` names on disk, to tell whether two flags name one file (`--out F --plot F`,
  /// or a symlink to F): the device and inode of the file a write would replace, or — a file
  /// still to be made — its directory's device and inode and its name. Nil when the target
  /// is refused anyway (`checkTarget`).
  public static func identity(_ path: String) -> String? {
    guard let target = try? checkTarget(path) else { return nil }
    var info = stat()
    if stat(target, &info) == 0 { return "\(info.st_dev):\(info.st_ino)" }
    let url = URL(fileURLWithPath: target)
    var dirInfo = stat()
    guard stat(url.deletingLastPathComponent().path, &dirInfo) == 0 else { return nil }
    return "\(dirInfo.st_dev):\(dirInfo.st_ino)/\(url.lastPathComponent)"
  }

  public static func write(_ text: String, to path: String) throws(WriteError) {
    let writer = try Writer(path: path)
    try writer.write(text)
    try writer.commit()
  }

  /// Streams text into a temporary file beside the target; `commit` renames it over the
  /// target, `abandon` (or deinit without a commit) removes it.
  public final class Writer {
    public let path: String
    private let target: String
    private let temp: String
    private var handle: UnsafeMutablePointer<FILE>?

    public init(path: String) throws(WriteError) {
      self.path = path
      target = try AtomicFile.checkTarget(path)
      let url = URL(fileURLWithPath: target)
      var template = Array(url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).regviz-XXXXXX").path.utf8CString)
      let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard fd >= 0 else { throw WriteError(path: path, reason: "cannot create a file beside it (\(String(cString: strerror(errno))))") }
      temp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      TemporaryFiles.shared.add(temp)
      // An existing file keeps its permissions; a new one gets the usual 0666 less the umask.
      var info = stat()
      let mode: mode_t
      if stat(target, &info) == 0 { mode = info.st_mode & 0o7777 } else {
        let mask = umask(0)
        umask(mask)
        mode = 0o666 & ~mask
      }
      fchmod(fd, mode)
      handle = fdopen(fd, "w")
    }

    public func write(_ text: String) throws(WriteError) {
      guard let handle else { throw WriteError(path: path, reason: "already closed") }
      let ok = text.utf8.withContiguousStorageIfAvailable { fwrite($0.baseAddress, 1, $0.count, handle) == $0.count }
        ?? Array(text.utf8).withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) == $0.count }
      guard ok else {
        let reason = String(cString: strerror(errno))
        abandon()
        throw WriteError(path: path, reason: "cannot write (\(reason))")
      }
    }

    public func commit() throws(WriteError) {
      guard let handle else { throw WriteError(path: path, reason: "already closed") }
      self.handle = nil
      let flushed = fflush(handle) == 0 && fsync(fileno(handle)) == 0
      let reason = String(cString: strerror(errno))
      let closed = fclose(handle) == 0
      guard flushed && closed else { remove(); throw WriteError(path: path, reason: "cannot write (\(reason))") }
      guard rename(temp, target) == 0 else {
        let reason = String(cString: strerror(errno))
        remove()
        throw WriteError(path: path, reason: "cannot replace it (\(reason))")
      }
      TemporaryFiles.shared.remove(temp)
    }

    /// Drops what was written; the target is left as it was.
    public func abandon() {
      if let handle { fclose(handle) }
      handle = nil
      remove()
    }

    private func remove() {
      unlink(temp)
      TemporaryFiles.shared.remove(temp)
    }

    deinit { if handle != nil { abandon() } }
  }
}
