import Foundation
import RegvizData

extension KerasCode {
  /// Writes `files` into `dir` (made if missing; its parent must exist), each atomically, and
  /// returns their paths, `train.py` first. Fails with a one-line reason.
  public func write(to dir: String) throws(ConfigError) -> [String] {
    do { try UserFiles.makeDirectory(dir, parents: false) } catch {
      switch error {
      case .notADirectory: throw ConfigError(error.description)
      case .cannotCreate: throw ConfigError("cannot create directory '\(dir)' (does its parent exist?)")
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
