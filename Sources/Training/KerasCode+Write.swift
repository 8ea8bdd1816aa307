import Foundation
import RegvizData

extension KerasCode {
  /// Writes `files` into `dir` (made if missing; its parent must exist), each atomically, and
  /// returns their paths, `train.py` first. Fails with a one-line reason.
  public func write(to dir: String) throws(ConfigError) -> [String] {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
      guard isDir.boolValue else { throw ConfigError("'\(dir)' is a file, not a directory") }
    } else {
      do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false) } catch {
        throw ConfigError("cannot create directory '\(dir)' (does its parent exist?)")
      }
    }
    var written: [String] = []
    for file in files {
      let path = (dir as NSString).appendingPathComponent(file.name)
      do { try AtomicFile.write(file.text, to: path) } catch { throw ConfigError(error.description) }
      written.append(path)
    }
    return written
  }
}
