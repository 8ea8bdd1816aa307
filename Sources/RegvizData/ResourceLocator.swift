import Foundation
import NeuralCore

/// Finds RegViz's shipped files (`assets/`, `lessons/`) from any working directory.
///
/// An explicit directory (a command-line flag) is the only place searched: a learner who names
/// one means it, and a silent fall-back would check or load other files than theirs.
/// Otherwise, first hit wins (DECISIONS.md, "How assets are found"):
/// 1. `$REGVIZ_DATA_DIR`;
/// 2. next to the executable: `<bin>/../share/regviz` (the `make install` layout), then `<bin>/regviz-data`;
/// 3. the source tree this binary was built from (found from this file's compile-time path).
public struct ResourceLocator: Sendable {
  public var explicit: String?
  public var environment: [String: String]
  public var executable: String?

  public init(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
              executable: String? = ResourceLocator.currentExecutable()) {
    self.explicit = explicit
    self.environment = environment
    self.executable = executable
  }

  /// The directories searched, in order.
  public var searchDirectories: [String] {
    if let explicit { return [explicit] }
    var dirs: [String] = []
    if let env = environment["REGVIZ_DATA_DIR"], !env.isEmpty { dirs.append(env) }
    if let executable {
      let bin = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
      dirs.append(bin.deletingLastPathComponent().appendingPathComponent("share/regviz").path)
      dirs.append(bin.appendingPathComponent("regviz-data").path)
    }
    dirs.append(ResourceLocator.sourceTree)
    return dirs
  }

  /// Why the explicit directory cannot be used (it is missing, or not a directory), or nil.
  public var explicitProblem: String? {
    guard let explicit else { return nil }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: explicit, isDirectory: &isDirectory) else { return "'\(explicit)' does not exist" }
    return isDirectory.boolValue ? nil : "'\(explicit)' is not a directory"
  }

  /// The first existing `relative` path (e.g. "assets/iris.csv") under the search directories.
  public func find(_ relative: String) -> String? {
    for dir in searchDirectories {
      let candidate = (dir as NSString).appendingPathComponent(relative)
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The repository root at build time: Sources/RegvizData/ResourceLocator.swift → ../../..
  public static let sourceTree: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  public static func currentExecutable() -> String? {
    #if os(Linux)
    return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    #else
    return CommandLine.arguments.first
    #endif
  }
}
