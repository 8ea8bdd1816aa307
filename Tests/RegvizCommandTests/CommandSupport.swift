import Foundation
import Synchronization

/// Runs the built `regviz` binary (never builds it) and captures its output.
enum CLI {
  struct Result { var status: Int32; var stdout: String; var stderr: String }

  /// The repository root, from this file's path.
  static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `regviz` beside the running test bundle (same build configuration), else .build/debug.
  static let binary: String = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    let beside = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("regviz").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return repo.appendingPathComponent(".build/debug/regviz").path
  }()

  static func run(_ arguments: [String], environment: [String: String] = [:], cwd: URL? = nil) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "interactive=no"
    for (k, v) in environment { env[k] = v }
    p.environment = env
    if let cwd { p.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    // Read both pipes to the end before waiting, so a large report cannot fill a pipe and stall.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                  stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Runs a bash `script` (written to a temporary file) with the regviz binary as `$1`, the
  /// end-to-end tests' way of driving tmux; returns its status and combined output.
  static func runScript(_ script: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-e2e-\(UUID().uuidString).sh")
    try script.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = [url.path, binary]
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// A fresh directory for one test, removed when the test process exits (tests ran the
  /// binary into hundreds of these and left them all behind).
  static func temporaryDirectory() -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-test-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    madeDirectories.withLock { made in
      if made.isEmpty { atexit { madeDirectories.withLock { $0.forEach { try? FileManager.default.removeItem(at: $0) } } } }
      made.append(dir)
    }
    return dir
  }
}

/// The directories `CLI.temporaryDirectory` made.
private let madeDirectories = Mutex<[URL]>([])
