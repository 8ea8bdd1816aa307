import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The temporary files this process has open for atomic writes, so a signal that ends the
/// process can remove them first (`removeAll`). A `kill -9` cannot be caught; its leftovers are
/// named `.NAME.regviz-XXXXXX`, beside the file they were for.
public final class TemporaryFiles: Sendable {
  public static let shared = TemporaryFiles()
  // NSLock (a pthread mutex), not Synchronization.Mutex: ThreadSanitizer sees through it.
  private let lock = NSLock()
  nonisolated(unsafe) private var paths: Set<String> = []

  func add(_ path: String) { lock.withLock { _ = paths.insert(path) } }
  func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }

  /// Unlinks every temporary file still open (from a signal handler's queue).
  public func removeAll() {
    let open = lock.withLock { () -> Set<String> in defer { paths.removeAll() }; return paths }
    for path in open { unlink(path) }
  }
}

/// Standard output with every write checked: a full disk (`> /dev/full`) or a closed stdout
/// is an error, never a silent exit 0.
public enum StandardOutput {
  public enum Failure: Error, CustomStringConvertible {
    /// The reader went away (`regviz run | head`): not worth a message.
    case brokenPipe
    case failed(String)

    public var description: String {
      switch self {
      case .brokenPipe: return "standard output: the reader closed the pipe"
      case .failed(let reason): return "standard output: cannot write (\(reason))"
      }
    }
  }

  /// Writes `text` and flushes it, or throws.
  public static func write(_ text: String) throws(Failure) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBufferPointer { rawWrite(1, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { throw .brokenPipe }
        throw .failed(String(cString: strerror(errno)))
      }
      offset += n
    }
  }
}

/// write(2), out of the way of `StandardOutput.write`.
private func rawWrite(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
