import ArgumentParser
import Foundation
import RegvizData

/// `regviz replay FILE.cast`: plays a recorded session (`--record`) back in the terminal, with
/// its timing — or any asciicast v2 file.
public struct ReplayCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Play back a session recorded with --record (an asciicast v2 file), with its timing.")

  @Argument(help: ArgumentHelp("The recording.", valueName: "file.cast"), completion: .file(extensions: ["cast"]))
  public var file: String

  @Option(help: "Playback speed: 2 plays twice as fast; 0 writes every frame at once.")
  public var speed: Double = 1

  public init() {}

  public func validate() throws {
    guard speed.isFinite, speed >= 0 else { throw ValidationError("--speed: must be a number ≥ 0, got \(speed)") }
  }

  /// One output event of the file, checked.
  struct Frame: Equatable { var time: Double; var data: String }

  /// The output events of an asciicast v2 text, or an error naming the line.
  static func frames(_ text: String, path: String) throws -> [Frame] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { !$0.element.isEmpty }
    guard let first = lines.first,
          let header = try? JSONSerialization.jsonObject(with: Data(first.element.utf8)) as? [String: Any],
          header["version"] as? Int == 2, header["width"] is Int, header["height"] is Int
    else { throw CLIError("\(path):1: not an asciicast v2 file (the first line must be its header)") }
    var frames: [Frame] = []
    for (index, line) in lines.dropFirst() {
      guard let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], event.count == 3,
            let time = (event[0] as? NSNumber)?.doubleValue, let code = event[1] as? String, let data = event[2] as? String
      else { throw CLIError("\(path):\(index + 1): not an asciicast event ([time, code, data])") }
      if code == "o" { frames.append(Frame(time: time, data: data)) }
    }
    return frames
  }

  public func run() throws {
    guard let data = UserFiles.contents(file), let text = String(data: data, encoding: .utf8) else {
      throw CLIError("\(file): cannot read the file")
    }
    let frames = try Self.frames(text, path: file)
    let start = Date()
    for frame in frames {
      if speed > 0 {
        let wait = frame.time / speed - Date().timeIntervalSince(start)
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
      }
      try Destination.print(frame.data)
    }
    try Destination.print("\u{1B}[0m\n")
  }
}
