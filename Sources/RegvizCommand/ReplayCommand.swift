import ArgumentParser
import Foundation
import RegvizData

/// `regviz replay FILE.cast`: plays a recorded session (`--record`) back in the terminal, with
/// its timing — or any asciicast v2 file.
///
/// A cast is data from anywhere, so it is not trusted with the terminal: only what draws gets
/// through (`ReplayFilter`), the file is read line by line (a 300 MB cast took 1.56 GB read
/// whole), a pause between two events lasts at most `maxPause` seconds (an event at 1e300 s
/// slept for ever), and the end resets the colours, shows the cursor and leaves it below the
/// frame.
public struct ReplayCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Play back a session recorded with --record (an asciicast v2 file), with its timing.")

  @Argument(help: ArgumentHelp("The recording.", valueName: "file.cast"), completion: .file(extensions: ["cast"]))
  public var file: String

  @Option(help: "Playback speed: 2 plays twice as fast; 0 writes every frame at once.")
  public var speed: Double = 1

  public init() {}

  /// The longest pause between two events, in recorded seconds (asciinema's idle limit).
  static let maxPause = 5.0
  /// The longest line of a cast: one event is one frame, a few hundred KB at most.
  static let maxLine = 16 << 20

  public func validate() throws {
    guard speed.isFinite, speed >= 0 else { throw ValidationError("--speed: must be a number ≥ 0, got \(speed)") }
  }

  /// One output event of the file, checked.
  struct Frame: Equatable { var time: Double; var data: String }

  /// The size the cast was recorded at, from its header line, or an error naming line 1.
  static func header(_ line: Data, path: String) throws -> (width: Int, height: Int) {
    guard let header = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
          header["version"] as? Int == 2, let width = header["width"] as? Int, let height = header["height"] as? Int
    else { throw CLIError("\(path):1: not an asciicast v2 file (the first line must be its header)") }
    return (width, height)
  }

  /// One event line: an output frame, a resize (`r`, "WxH"), or nil for another kind.
  static func event(_ line: Data, number: Int, path: String) throws -> (time: Double, code: String, data: String) {
    guard let event = try? JSONSerialization.jsonObject(with: line) as? [Any], event.count == 3,
          let time = (event[0] as? NSNumber)?.doubleValue, let code = event[1] as? String, let data = event[2] as? String
    else { throw CLIError("\(path):\(number): not an asciicast event ([time, code, data])") }
    guard time.isFinite, time >= 0 else { throw CLIError("\(path):\(number): the time \(time) is not a finite number ≥ 0") }
    return (time, code, data)
  }

  /// The output events of an asciicast v2 text, or an error naming the line (for tests).
  static func frames(_ text: String, path: String) throws -> [Frame] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { !$0.element.isEmpty }[...]
    guard let first = lines.popFirst() else { throw CLIError("\(path):1: not an asciicast v2 file (the first line must be its header)") }
    _ = try header(Data(first.element.utf8), path: path)
    return try lines.compactMap { index, line in
      let e = try event(Data(line.utf8), number: index + 1, path: path)
      return e.code == "o" ? Frame(time: e.time, data: e.data) : nil
    }
  }

  /// The terminal's size when standard output is one.
  static func terminalSize() -> (width: Int, height: Int)? {
    guard isatty(1) == 1 else { return nil }
    var size = winsize()
    let status = withUnsafeMutablePointer(to: &size) { ioctl(1, UInt(TIOCGWINSZ), $0) }
    guard status == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
  }

  public func run() throws {
    guard let input = FileHandle(forReadingAtPath: file) else { throw CLIError("\(file): cannot read the file") }
    defer { try? input.close() }
    var lines = LineReader(input, limit: Self.maxLine)
    var number = 0
    func next() throws -> Data? {
      do { return try lines.next(counting: &number) } catch {
        throw CLIError("\(file):\(number): \(error)")
      }
    }
    guard let first = try next() else { throw CLIError("\(file):1: not an asciicast v2 file (the first line must be its header)") }
    var size = try Self.header(first, path: file)
    if let screen = Self.terminalSize(), screen.width < size.width || screen.height < size.height {
      throw CLIError("\(file): recorded at \(size.width)×\(size.height), this terminal is \(screen.width)×\(screen.height); enlarge it to replay")
    }
    var filter = ReplayFilter()
    var drawn = false
    // Ends as the frames leave the terminal, also after an error: colours reset, cursor shown,
    // below the frame.
    defer { if drawn { try? Destination.print("\u{1B}[0m\u{1B}[?25h\u{1B}[\(size.height);1H\r\n") } }
    let start = Date()
    var clock = 0.0, last = 0.0
    while let line = try next() {
      let event = try Self.event(line, number: number, path: file)
      clock += min(max(event.time - last, 0), Self.maxPause)
      last = max(last, event.time)
      switch event.code {
      case "r":
        let parts = event.data.split(separator: "x").compactMap { Int($0) }
        if parts.count == 2 { size = (parts[0], parts[1]) }
      case "o":
        if speed > 0 {
          let wait = clock / speed - Date().timeIntervalSince(start)
          if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        }
        let text = filter.filter(event.data)
        if !text.isEmpty { drawn = true; try Destination.print(text) }
      default: break
      }
    }
    if !drawn { try Destination.print("\u{1B}[0m\n") }
  }
}

/// The lines of a file read in blocks, never more than `limit` bytes of one line held; empty
/// lines skipped. Each byte is looked at once: a line's start moves through the buffer, which
/// is compacted only when a block is read.
struct LineReader {
  struct TooLong: Error, CustomStringConvertible {
    var limit: Int
    var description: String { "a line longer than \(limit >> 20) MB: not an asciicast event" }
  }

  private let handle: FileHandle
  private let limit: Int
  private var buffer: [UInt8] = []
  /// Where the current line starts in `buffer`, and how far it has been searched for a newline.
  private var start = 0
  private var scanned = 0
  private var atEnd = false
  private var lineNumber = 0

  init(_ handle: FileHandle, limit: Int) {
    self.handle = handle
    self.limit = limit
  }

  /// The next non-empty line and its 1-based number in `number`, or nil at the end.
  mutating func next(counting number: inout Int) throws -> Data? {
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        let line = buffer[start..<newline]
        start = newline + 1
        scanned = start
        lineNumber += 1
        number = lineNumber
        if line.count > limit { throw TooLong(limit: limit) }
        if line.isEmpty { continue }
        return Data(line)
      }
      scanned = buffer.count
      if buffer.count - start > limit { number = lineNumber + 1; throw TooLong(limit: limit) }
      if atEnd {
        guard start < buffer.count else { return nil }
        lineNumber += 1
        number = lineNumber
        defer { start = buffer.count; scanned = start }
        return Data(buffer[start...])
      }
      let block = (try? handle.read(upToCount: 1 << 16)) ?? nil
      if let block, !block.isEmpty {
        buffer.removeFirst(start)
        scanned -= start
        start = 0
        buffer.append(contentsOf: block)
      } else {
        atEnd = true
      }
    }
  }
}
