import Foundation
import Testing

@testable import Lessons

@Suite("Progress store")
struct ProgressStoreTests {
  @Test func missingFileIsEmptyProgress() throws {
    let store = ProgressStore(directory: try makeTemporaryDirectory().appendingPathComponent("not-yet"))
    let (progress, warning) = store.load()
    #expect(progress == CourseProgress())
    #expect(warning == nil)
  }

  @Test func roundTripCreatesTheDirectory() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let store = ProgressStore(directory: root.appendingPathComponent("state/regviz"))
    var progress = CourseProgress(finished: ["01-overfitting"], current: .init(lesson: "02-l1-lasso", step: 3))
    try store.save(progress)
    #expect(store.load().progress == progress)
    #expect(store.load().warning == nil)

    progress.markFinished("02-l1-lasso")
    progress.markFinished("02-l1-lasso")
    try store.save(progress)
    let reloaded = store.load().progress
    #expect(reloaded.finished == ["01-overfitting", "02-l1-lasso"])
    #expect(reloaded.current == nil)
    #expect(reloaded.isFinished("01-overfitting"))
  }

  @Test func fileFormat() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let store = ProgressStore(directory: root)
    try store.save(CourseProgress(finished: ["01-overfitting"], current: .init(lesson: "02-l1-lasso", step: 3)))
    let text = try String(contentsOf: store.fileURL, encoding: .utf8)
    #expect(text == #"{"current":{"lesson":"02-l1-lasso","step":3},"finished":["01-overfitting"],"version":1}"#)

    try #"{"version":1,"finished":["01-overfitting"],"current":{"lesson":"02-l1-lasso","step":3}}"#
      .write(to: store.fileURL, atomically: false, encoding: .utf8)
    #expect(store.load().progress == CourseProgress(finished: ["01-overfitting"], current: .init(lesson: "02-l1-lasso", step: 3)))
  }

  @Test(arguments: [
    ("{not json", "is not valid JSON"),
    (#"{"version":2,"finished":[]}"#, "unsupported version 2"),
    (#"{"version":1}"#, "finished"),
    (#"{"version":1,"finished":[],"current":{"lesson":"x","step":-1}}"#, "negative step -1"),
  ])
  func corruptFileIsSetAsideWithAWarning(content: String, problem: String) throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let store = ProgressStore(directory: root)
    try content.write(to: store.fileURL, atomically: false, encoding: .utf8)

    let (progress, warning) = store.load()
    #expect(progress == CourseProgress())
    let line = try #require(warning)
    #expect(!line.contains("\n"))
    #expect(line.contains(store.fileURL.path))
    #expect(line.contains(problem), "\(line)")
    #expect(line.contains("progress.json.corrupt"))
    #expect(!FileManager.default.fileExists(atPath: store.fileURL.path))
    #expect(try String(contentsOf: store.corruptURL, encoding: .utf8) == content)
    // The next load starts cleanly.
    #expect(store.load().warning == nil)
  }

  @Test func unreadableFileIsSetAside() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let store = ProgressStore(directory: root)
    // A directory where the file should be cannot be read as data.
    try FileManager.default.createDirectory(at: store.fileURL, withIntermediateDirectories: false)
    let (progress, warning) = store.load()
    #expect(progress == CourseProgress())
    #expect(warning?.contains("cannot read it") == true)
    #expect(FileManager.default.fileExists(atPath: store.corruptURL.path))
  }

  @Test func saveLeavesNoTemporaryFiles() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let store = ProgressStore(directory: root)
    for step in 0..<5 {
      try store.save(CourseProgress(current: .init(lesson: "01-overfitting", step: step)))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["progress.json"])
    #expect(store.load().progress.current?.step == 4)
  }

  @Test func failedSaveLeavesNoTemporaryFiles() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let store = ProgressStore(directory: root)
    // A non-empty directory in the way makes the final rename fail.
    try FileManager.default.createDirectory(at: store.fileURL.appendingPathComponent("x"), withIntermediateDirectories: true)
    #expect(throws: (any Error).self) { try store.save(CourseProgress()) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["progress.json"])
  }

  @Test func reset() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let store = ProgressStore(directory: root)
    try store.reset()
    try store.save(CourseProgress(finished: ["01-overfitting"]))
    try store.reset()
    #expect(!FileManager.default.fileExists(atPath: store.fileURL.path))
    #expect(store.load().progress == CourseProgress())
  }

  @Test func defaultDirectory() {
    #expect(ProgressStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"]).path == "/x/state/regviz")
    #expect(ProgressStore.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.local/state/regviz")
    #expect(ProgressStore.defaultDirectory(environment: ["XDG_STATE_HOME": "", "HOME": "/home/u"]).path == "/home/u/.local/state/regviz")
    #expect(ProgressStore.defaultDirectory(environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/u"]).path == "/home/u/.local/state/regviz")
  }
}
