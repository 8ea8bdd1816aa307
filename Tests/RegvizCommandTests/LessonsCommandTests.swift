import Foundation
import Lessons
import Testing

@testable import RegvizCommand

/// `regviz lessons` and `regviz lessons check`, run as the built binary: exit codes, the
/// `file:line:col: message` lines, and the one-line summary on stderr.
@Suite("regviz lessons")
struct LessonsCommandTests {
  /// Runs the built `regviz` (`CLI`, CommandSupport.swift) with a private state directory.
  static func run(_ arguments: [String], state: URL? = nil) throws -> CLI.Result {
    try #require(FileManager.default.isExecutableFile(atPath: CLI.binary), "build regviz first: \(CLI.binary)")
    let home = state ?? FileManager.default.temporaryDirectory
    return try CLI.run(arguments, environment: ["XDG_STATE_HOME": home.path])
  }

  static func temporaryDirectory() -> URL { CLI.temporaryDirectory() }

  static let header = "---\ntitle: T\nsummary: S\nminutes: 3\n---\n\n"

  @Test func aBrokenLessonExitsOneWithItsPosition() throws {
    let dir = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let bad = dir.appendingPathComponent("01-bad.md").path
    try (Self.header + "## Step\n\n```regviz\nlr: 0\n```\n").write(toFile: bad, atomically: true, encoding: .utf8)
    let good = dir.appendingPathComponent("02-good.md").path
    try (Self.header + "## Step\n\nText.\n").write(toFile: good, atomically: true, encoding: .utf8)

    let result = try Self.run(["lessons", "check", bad, good])
    #expect(result.status == 1)
    #expect(result.stdout == "\(bad):10:5: lr must be a number > 0, got '0'\n")
    #expect(result.stderr == "regviz: 1 problem in 1 of 2 files\n")
  }

  @Test func aSetupThatCannotRunIsAProblemToo() throws {
    let dir = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("01-layers.md").path
    try (Self.header + "## Step\n\n```regviz\nhidden: none\nlane: 1:l1=0.01;2:l2=0.01\n```\n")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Self.run(["lessons", "check", path])
    #expect(result.status == 1)
    #expect(result.stdout == "\(path):11:1: lane L1@1,L2@2: layer 2 does not exist (the network has 1 Dense layers)\n")
  }

  @Test func goodLessonsExitZero() throws {
    let dir = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("01-ok.md").path
    try (Self.header + "## Step\n\n```regviz\nlane: l1=0.02\nuntil: zeros(L1) > 0\nmax-epochs: 50\n```\n")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let plain = try Self.run(["lessons", "check", path])
    #expect(plain.status == 0)
    #expect(plain.stdout == "1 file checked, no problems\n")
    #expect(plain.stderr == "")
    let replayed = try Self.run(["lessons", "check", "--replay", path])
    #expect(replayed.status == 0)
    #expect(replayed.stdout.hasPrefix("\(path):7: Step: zeros(L1) > 0: reached at epoch "))
  }

  @Test func theShippedLessonsPass() throws {
    let result = try Self.run(["lessons", "check"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout == "9 files checked, no problems\n")
  }

  @Test func aMissingFileIsReported() throws {
    let result = try Self.run(["lessons", "check", "/nonexistent/01-x.md"])
    #expect(result.status == 1)
    #expect(result.stdout == "/nonexistent/01-x.md:1:1: cannot read lesson file\n")
  }

  @Test func lingerNeedsReplay() throws {
    let result = try Self.run(["lessons", "check", "--linger", "10"])
    #expect(result.status != 0)
    #expect(result.stderr == "regviz: --linger needs --replay\n")
  }

  @Test func theListMarksFinishedLessonsAndResetForgetsThem() throws {
    let state = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: state) }
    let store = ProgressStore(directory: state.appendingPathComponent("regviz"))
    try store.save(CourseProgress(finished: ["01-overfitting"], current: .init(lesson: "02-l1-lasso", step: 1)))

    let list = try Self.run(["lessons"], state: state)
    #expect(list.status == 0)
    let lines = list.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("✓  1. Overfitting (4 min) — ") == true, "\(lines)")
    #expect(lines.dropFirst().first?.hasPrefix("▸  2. ") == true, "\(lines)")
    #expect(lines.contains("1 of 9 finished. `regviz lesson N` opens lesson N; `regviz` resumes where you left off."))

    let reset = try Self.run(["lessons", "--reset"], state: state)
    #expect(reset.status == 0)
    #expect(!FileManager.default.fileExists(atPath: store.fileURL.path))
    let after = try Self.run(["lessons"], state: state)
    #expect(!after.stdout.contains("✓"))
  }

  @Test func aCorruptProgressFileIsReportedOnceAndSetAside() throws {
    let state = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: state) }
    let store = ProgressStore(directory: state.appendingPathComponent("regviz"))
    try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
    try "{not json".write(to: store.fileURL, atomically: true, encoding: .utf8)
    let first = try Self.run(["lessons"], state: state)
    #expect(first.status == 0)
    #expect(first.stderr.hasPrefix("regviz: warning: progress file "))
    #expect(FileManager.default.fileExists(atPath: store.corruptURL.path))
    let second = try Self.run(["lessons"], state: state)
    #expect(second.stderr == "")
  }

  @Test func listingShowsAProblemInsteadOfATitle() throws {
    let dir = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("01-broken.md").path
    try "no front matter\n".write(toFile: path, atomically: true, encoding: .utf8)
    let text = LessonsCommand.listing(paths: [path], progress: CourseProgress())
    #expect(text.hasPrefix("✗  1. \(path):1:1: "))
  }
}
