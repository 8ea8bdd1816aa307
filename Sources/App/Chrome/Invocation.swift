import Foundation

/// How the learner started RegViz, so text that names a command gives one that works from
/// where they are: `regviz play` when it is on PATH, `swift run -c release regviz play` after
/// `swift run` in a checkout, or the path they typed.
public enum Invocation {
  /// Set once at start, before any thread (`RegvizMain`); read by the screens' text.
  nonisolated(unsafe) public private(set) static var command = "regviz"

  /// Works out `command` from the program's first argument and the working directory.
  public static func record(argument0: String, workingDirectory: String = FileManager.default.currentDirectoryPath) {
    command = form(argument0: argument0, workingDirectory: workingDirectory)
  }

  static func form(argument0: String, workingDirectory: String) -> String {
    guard argument0.contains("/") else { return "regviz" }  // found on PATH
    // A path the learner typed (`.build/release/regviz`) is relative, and works again from
    // here as typed; `swift run` starts the binary by its absolute path.
    guard argument0.hasPrefix("/") else { return argument0 }
    let path = URL(fileURLWithPath: argument0, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
      .standardizedFileURL.path
    let root = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
    // `swift run` from this checkout: the README's command works from here.
    if path.hasPrefix(root + "/.build/"), FileManager.default.fileExists(atPath: root + "/Package.swift") {
      return path.contains("/release/") ? "swift run -c release regviz" : "swift run regviz"
    }
    return argument0
  }

  /// `regviz play` in the learner's form.
  public static func named(_ subcommand: String) -> String { "\(command) \(subcommand)" }
}
