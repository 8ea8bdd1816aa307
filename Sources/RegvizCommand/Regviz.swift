import App
import ArgumentParser
import Foundation
import NeuralCore

/// `regviz`: watch L1 and L2 regularization happen, in a terminal.
public struct Regviz: ParsableCommand {
  public static let version = "0.1.0"

  public static let configuration = CommandConfiguration(
    commandName: "regviz",
    abstract: "Watch L1 and L2 regularization happen: the same network, trained side by side under none, L1, L2 and L1+L2.",
    discussion: """
      With no subcommand, regviz opens the guided lesson where you left off (regviz lesson); \
      once every lesson is finished, free play (regviz play).
      Data and lessons are looked up in: --data-dir, $REGVIZ_DATA_DIR, <bin>/../share/regviz, \
      <bin>/regviz-data, then the source tree it was built from.
      """,
    // The second line says which compiled SIMD code runs here (REGVIZ_IMPL forces one).
    version: version + "\nsimd: " + SIMDTarget.summary,
    subcommands: [LessonCommand.self, PlayCommand.self, RunCommand.self, SweepCommand.self, BenchCommand.self, ReplayCommand.self,
                  LessonsCommand.self, LensCommand.self],
    defaultSubcommand: LessonCommand.self)

  public init() {}
}

/// Entry point used by the `regviz` executable.
public enum RegvizMain {
  /// Bad input gets one line on stderr ("regviz: --lr: must be …") and a non-zero status,
  /// without the usage block ArgumentParser would print after it; `--help` and `--version` as usual.
  public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
    Invocation.record(argument0: CommandLine.arguments.first ?? "regviz")
    do {
      var command = try Regviz.parseAsRoot(arguments)
      try command.run()
      Regviz.exit()
    } catch {
      let code = Regviz.exitCode(for: error)
      if code == .success { Regviz.exit(withError: error) }
      let message = oneLine(Regviz.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)")
      FileHandle.standardError.write(Data("regviz: \(message)\n".utf8))
      Foundation.exit(code.rawValue)
    }
  }
}
