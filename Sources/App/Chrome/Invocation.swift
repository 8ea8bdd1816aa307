import Foundation

/// How the learner started RegViz, so text that names a command gives one that works from
/// where they are: `regviz play` when it is on PATH, `swift run -c release regviz play` after
/// `swift run` in a checkout, or the path they typed (`.build/release/regviz play`).
public enum Invocation {
  /// Set once at start, before any thread (`RegvizMain`); read by the screens' text.
  nonisolated(unsafe) public private(set) static var command = "regviz"

  /// Works out `command` from the program's first argument and the working directory.
  public static func record(argument0: String, workingDirectory: String = FileManager.default.currentDirectoryPath) {
    command = form(argument0: argument0, workingDirectory: workingDirectory)
  }

  static func form(argument0: String, workingDirectory: String) -> String {
    guard argument0.contains("/") else { return "regviz" }  // found on PATH
    let path = URL(fileURLWithPath: argument0, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
      .standardizedFileURL.path
    let root = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
    // `swift run` execs the binary as `.build/<triple>/<configuration>/regviz` (seen with
    // Swift 6.3: `.build/x86_64-unknown-linux-gnu/debug/regviz`); a learner types the
    // `.build/release/regviz` link, or another path, which works again as typed.
    guard path.hasPrefix(root + "/.build/"), FileManager.default.fileExists(atPath: root + "/Package.swift") else {
      return argument0
    }
    let inside = path.dropFirst(root.count + "/.build/".count).split(separator: "/")
    guard inside.count == 3, inside[0].contains("-") else { return argument0 }
    return inside[1] == "release" ? "swift run -c release regviz" : "swift run regviz"
  }

  /// `regviz play` in the learner's form.
  public static func named(_ subcommand: String) -> String { "\(command) \(subcommand)" }
}
