import Foundation

/// Writes user files (exports, progress, plots) so that a reader sees the old file or the
/// whole new one, never half of it: write a temporary file beside it, then rename over.
public enum AtomicFile {
  public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot write (\(reason))" }
  }

  public static func write(_ text: String, to path: String) throws(WriteError) {
    try write(Data(text.utf8), to: path)
  }

  public static func write(_ data: Data, to path: String) throws(WriteError) {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent()
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
      throw WriteError(path: path, reason: "directory \(dir.path) does not exist")
    }
    let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
    guard FileManager.default.createFile(atPath: temp.path, contents: data) else {
      throw WriteError(path: path, reason: "cannot create a file in \(dir.path)")
    }
    if rename(temp.path, url.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temp)
      throw WriteError(path: path, reason: reason)
    }
  }
}
