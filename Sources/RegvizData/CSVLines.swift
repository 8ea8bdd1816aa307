#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines of a CSV file as byte ranges, read in fixed-size chunks so that memory stays one
/// buffer (1 MiB, or the longest line) whatever the file's size.
enum CSVLines {
  /// Called with each line (without its `\n`) and its 1-based number.
  typealias Body = (UnsafeBufferPointer<UInt8>, Int) throws(DataError) -> Void

  /// What a file is, checked before reading so that a directory, a device or a fifo gets a
  /// one-line answer instead of an error from deep inside a read (or a read that never ends).
  struct Opened {
    var descriptor: Int32
    /// Bytes, from `fstat`.
    var size: Int
  }

  static func openChecked(_ path: String) throws(DataError) -> Opened {
    // O_NONBLOCK: opening a fifo for reading would otherwise wait for a writer before fstat
    // could tell us it is one. Regular files ignore the flag.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      throw DataError(path: path, "cannot read the file (\(code == ENOENT ? "no such file" : String(cString: strerror(code))))")
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let code = errno
      close(fd)
      throw DataError(path: path, "cannot read the file (\(String(cString: strerror(code))))")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: close(fd); throw DataError(path: path, "is a directory, not a CSV file")
    default: close(fd); throw DataError(path: path, "is not a regular file (a device, fifo or socket); give a CSV file")
    }
    return Opened(descriptor: fd, size: Int(info.st_size))
  }

  /// Reads `path` chunk by chunk and hands every line to `body`; `progress` gets the fraction
  /// of the file read so far (0…1) after each chunk.
  static func forEachLine(inFile path: String, chunk: Int = 1 << 20, progress: (@Sendable (Double) -> Void)?,
                          size: (Int) -> Void = { _ in }, body: Body) throws(DataError) {
    let file = try openChecked(path)
    size(file.size)
    defer { close(file.descriptor) }
    var capacity = chunk
    var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var filled = 0        // bytes in the buffer; [0, filled) is an unfinished line plus new bytes
    var total = 0
    var nextLine = 1
    var first = true
    while true {
      if filled == capacity {
        // One line longer than the buffer: grow it (the only way memory grows here).
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        bigger.update(from: buffer, count: filled)
        buffer.deallocate()
        buffer = bigger
        capacity *= 2
      }
      let n = read(file.descriptor, buffer + filled, capacity - filled)
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw DataError(path: path, "cannot read the file (\(String(cString: strerror(errno))))")
      }
      if n == 0 { break }
      var start = 0
      if first && filled + n >= 3 {
        first = false
        if buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }  // UTF-8 byte-order mark
      }
      filled += n
      total += n
      let used = try forEachLine(in: UnsafeBufferPointer(start: buffer + start, count: filled - start),
                           firstLine: nextLine, final: false, body: body)
      nextLine += used.lines
      let consumed = start + used.bytes
      if consumed > 0 {
        buffer.update(from: buffer + consumed, count: filled - consumed)
        filled -= consumed
      }
      progress?(file.size > 0 ? min(Double(total) / Double(file.size), 1) : 1)
    }
    if filled > 0 {
      _ = try forEachLine(in: UnsafeBufferPointer(start: buffer, count: filled), firstLine: nextLine, final: true, body: body)
    }
  }

  /// Hands each `\n`-terminated line in `bytes` to `body` (and the unterminated rest too when
  /// `final`); returns how many lines and bytes were used.
  @inline(__always)
  static func forEachLine(in bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, final: Bool,
                    body: Body) throws(DataError) -> (lines: Int, bytes: Int) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return (0, 0) }
    var start = 0
    var line = firstLine
    while start < bytes.count {
      guard let hit = memchr(base + start, 0x0A, bytes.count - start) else { break }
      let end = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
      try body(UnsafeBufferPointer(start: base + start, count: end - start), line)
      line += 1
      start = end + 1
    }
    if final && start < bytes.count {
      try body(UnsafeBufferPointer(start: base + start, count: bytes.count - start), line)
      line += 1
      start = bytes.count
    }
    return (line - firstLine, start)
  }
}
