import Canvas
import Foundation
import Lessons
import NeuralCore
import Testing
import Training

@testable import App

/// The lesson loop with its surroundings: the progress store (saved, restored, corrupt,
/// unwritable) and a real runner behind it.
@Suite("Lesson loop and progress")
struct LessonLoopTests {
  typealias F = LessonFixtures

  static func temporaryStore() -> ProgressStore {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-lesson-\(UUID().uuidString)")
    return ProgressStore(directory: dir)
  }

  @Test func everyStepChangeIsSavedAndRestored() throws {
    let store = Self.temporaryStore()
    defer { try? FileManager.default.removeItem(at: store.directory) }
    let session = F.session()
    let driver = RecordingDriver(F.snapshot(session, epochs: 150))
    let backend = RecordingBackend(width: 120, height: 40, keys: ["b", .right])
    let (_, after) = runLesson(session: session, driver: driver, backend: backend, store: store)
    #expect(after.stepIndex == 1)
    #expect(F.names(driver.commands) == ["pause", "resume", "resume"])

    let (saved, warning) = store.load()
    #expect(warning == nil)
    #expect(saved.current == CourseProgress.Position(lesson: "01-first", step: 1))
    let resumed = try #require(LessonCourse.resume(F.course, progress: saved))
    #expect(resumed.lesson == 0 && resumed.step == 1)
    let again = F.session(lesson: resumed.lesson, step: resumed.step, progress: saved)
    #expect(again.stepIndex == 1 && again.progress == saved)
  }

  @Test func finishingALessonIsSaved() {
    let store = Self.temporaryStore()
    defer { try? FileManager.default.removeItem(at: store.directory) }
    let session = F.session(step: 3)
    let backend = RecordingBackend(width: 80, height: 24, keys: [.right])
    runLesson(session: session, driver: RecordingDriver(F.snapshot(session, epochs: 5)),
                        backend: backend, store: store)
    let saved = store.load().progress
    #expect(saved.finished == ["01-first"] && saved.current == nil)
    #expect(contains(backend.lastFrame!, "lesson 1/2 · finished"))
    #expect(LessonCourse.resume(F.course, progress: saved)! == (1, 0), "next time: the next lesson")
  }

  @Test func aCorruptProgressFileIsReportedOnceSetAsideAndReplaced() throws {
    let store = Self.temporaryStore()
    defer { try? FileManager.default.removeItem(at: store.directory) }
    try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
    try Data("{\"version\":1,\"finished\":[".utf8).write(to: store.fileURL)

    let (progress, warning) = store.load()
    let message = try #require(warning)
    #expect(message.contains("is not valid JSON"))
    #expect(FileManager.default.fileExists(atPath: store.corruptURL.path), "set aside, not deleted")
    #expect(progress == CourseProgress())

    var state = AppState()
    state.note(message, for: 10)
    let session = F.session(progress: progress)
    let backend = RecordingBackend(width: 120, height: 40, script: [.idle(frames: 2)])
    runLesson(session: session, driver: RecordingDriver(F.snapshot(session, epochs: 0)),
                        backend: backend, state: state, store: store)
    #expect(backend.frames[0].row(39).contains("warning: progress file"), "on the status line")
    #expect(contains(backend.frames[0], "lesson 1/2 · step 1/4"), "and the lesson goes on")

    // The lesson saved a good file in its place; loading it again says nothing.
    let (reloaded, second) = store.load()
    #expect(second == nil)
    #expect(reloaded.current == CourseProgress.Position(lesson: "01-first", step: 0))
  }

  @Test func aProgressFileThatCannotBeWrittenIsReportedOnce() throws {
    // A regular file where the state directory should be: every save fails.
    let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-blocker-\(UUID().uuidString)")
    try Data().write(to: blocker)
    defer { try? FileManager.default.removeItem(at: blocker) }
    let store = ProgressStore(directory: blocker.appendingPathComponent("regviz"))
    let session = F.session(step: 1)
    let backend = RecordingBackend(width: 120, height: 40, keys: [.right, .left, .right])
    let (state, after) = runLesson(session: session, driver: RecordingDriver(F.snapshot(session, epochs: 300)),
                                             backend: backend, store: store)
    #expect(after.stepIndex == 2, "the lesson went on")
    let notices = backend.frames.map { $0.row(39) }.filter { $0.contains("could not save your progress") }
    #expect(!notices.isEmpty)
    #expect(state.notice?.hasPrefix("could not save") == true, "one notice, kept up, not replaced by each failure")
  }

  @Test func aRealRunnerFollowsTheLesson() throws {
    let session = F.session(speed: .max)
    let runner = try Runner(config: session.experiment.config, speed: session.experiment.speed,
                            paused: session.awaitsAnswer)
    runner.start()
    defer { runner.stop() }
    #expect(!runner.wait(timeout: 0.2) { $0.epoch > 0 }, "paused for the prediction")
    let (_, answered) = runLesson(
      session: session, driver: runner, backend: RecordingBackend(width: 120, height: 40, keys: ["b"]))
    #expect(runner.wait(timeout: 30) { $0.epoch >= 100 }, "answering resumed training")
    // One frame latches `epoch >= 100`, then → moves on and the run keeps going.
    let backend = RecordingBackend(width: 120, height: 40, script: [.idle(frames: 1), .key(.right), .idle(frames: 1)])
    let (_, moved) = runLesson(session: answered, driver: runner, backend: backend)
    #expect(moved.stepIndex == 1)
    #expect(contains(backend.lastFrame!, "lesson 1/2 · step 2/4"))
    let epoch = runner.snapshot().epoch
    #expect(runner.wait(timeout: 30) { $0.epoch > epoch }, "no setup on step 2: the same run goes on")
    #expect(runner.snapshot().config == session.experiment.config)
  }
}
