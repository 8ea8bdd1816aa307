import ArgumentParser
import NcursesBackend
import RegvizData

/// How the terminal front draws: shared by `play` and `lesson`.
public struct DisplayOptions: ParsableArguments, Sendable {
  @Flag(name: .customLong("no-color"), help: "Monochrome: lanes differ by glyph and attribute only (also when NO_COLOR is set).")
  public var noColor = false

  @Flag(help: "ASCII glyphs only (automatic when the locale is not UTF-8).")
  public var ascii = false

  @Option(help: ArgumentHelp("Record what the screen shows to this asciicast v2 file (asciinema plays it; regviz replay too).",
                              valueName: "file.cast"))
  public var record: String?

  public init() {}

  /// The recording's file, checked and opened before the screen is touched (nil: no recording).
  func openRecording() throws -> Recording? {
    try Recording.open(record)
  }

  var terminal: NcursesTerminal.Options { NcursesTerminal.Options(noColor: noColor, ascii: ascii) }
}
