import ArgumentParser
import NcursesBackend

/// How the terminal front draws: shared by `play` and `lesson`.
public struct DisplayOptions: ParsableArguments, Sendable {
  @Flag(name: .customLong("no-color"), help: "Monochrome: lanes differ by glyph and attribute only (also when NO_COLOR is set).")
  public var noColor = false

  @Flag(help: "ASCII glyphs only (automatic when the locale is not UTF-8).")
  public var ascii = false

  public init() {}

  var terminal: NcursesTerminal.Options { NcursesTerminal.Options(noColor: noColor, ascii: ascii) }
}
