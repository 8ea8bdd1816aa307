import Canvas
import Foundation

/// Records what the terminal shows as an asciicast v2 file — the format asciinema plays and
/// embeds in web pages — so a teacher can put a real run on a slide. It wraps the real backend:
/// every frame presented is also written, as the bytes that draw it, with its time.
///
/// Each line (a header, then one JSON array a frame) goes to `output` as the session goes.
public final class SessionRecorder<Backend: TerminalBackend>: TerminalBackend {
  private let backend: Backend
  private let output: (String) -> Void
  private let start = Date()
  private var previous: Grid?
  private let encoder = JSONEncoder()

  /// Starts the recording, handing each line of the file to `output`, for a `backend` of its
  /// current size.
  public init(_ backend: Backend, title: String, output: @escaping (String) -> Void) {
    self.backend = backend
    self.output = output
    encoder.outputFormatting = [.withoutEscapingSlashes]
    let size = backend.size
    write(CastHeader(width: size.width, height: size.height, timestamp: Int(start.timeIntervalSince1970), title: title))
  }

  public var size: (width: Int, height: Int) { backend.size }
  public var theme: Theme { backend.theme }
  public var interrupted: Bool { backend.interrupted }
  public func nextKey(timeout: Double) -> Key? { backend.nextKey(timeout: timeout) }

  public func present(_ grid: Grid) {
    backend.present(grid)
    let time = (Date().timeIntervalSince(start) * 1000).rounded() / 1000
    // A new size is announced as asciinema's resize event before the frame drawn at it.
    if let previous, previous.width != grid.width || previous.height != grid.height {
      write(CastEvent(time: time, code: "r", data: "\(grid.width)x\(grid.height)"))
    }
    let bytes = AnsiFrame.render(grid, previous: previous)
    previous = grid
    if bytes != "\u{1B}[0m" { write(CastEvent(time: time, code: "o", data: bytes)) }
  }

  private func write(_ value: some Encodable) {
    guard let data = try? encoder.encode(value) else { return }
    output(String(decoding: data, as: UTF8.self) + "\n")
  }
}

/// asciicast v2's first line.
private struct CastHeader: Encodable {
  var version = 2, width: Int, height: Int, timestamp: Int, title: String
  var env = ["TERM": "xterm-256color"]
}

/// `[time, "o", data]`: asciicast's event line.
private struct CastEvent: Encodable {
  var time: Double, code: String, data: String

  func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode(time)
    try c.encode(code)
    try c.encode(data)
  }
}
