import LessonRuns
import Canvas
import Lessons
import NeuralCore
import Testing
import Training

@testable import App

/// Lesson 7 drives the lens from the lesson: `view:` opens it, `[ ]` move its λ, and
/// `lens_zero(L1)` is read from it; lesson 2's matrix step counts pruned units.
@Suite struct LessonViewTests {
  static let lesson7 = LessonFixtures.shipped.firstIndex { $0.id.hasPrefix("07-") }!

  @Test func theLensStepOpensTheLensAndBracketsMoveItsLambda() {
    let session = try! LessonSession(lessons: LessonFixtures.shipped, lessonIndex: Self.lesson7, step: 1,
                                     progress: CourseProgress())
    #expect(session.step.view == .lens && session.step.lens?.lambda == 0.2)
    let driver = RecordingDriver(LessonFixtures.snapshot(session, epochs: 10))
    // One frame to arrive, then `]` nine times: 0.2 → 1.1, past λ = 2·|ŵ2| ≈ 1.07.
    let backend = RecordingBackend(width: 120, height: 40, keys: [Key](repeating: "]", count: 9))
    let mode = FrameLoop.run(LessonMode(session: session, state: AppState()), driver: driver, backend: backend)
    #expect(mode.state.view == .lens)
    #expect(abs(mode.lens.settings.lambda - 1.1) < 1e-9)
    #expect(mode.lens.scene.zeros(.l1) == 1)
    #expect(mode.session.reached.contains(1), "lens_zero(L1) >= 1 holds once w2 is exactly 0")
    #expect(contains(backend.lastFrame!, "the lens"))
    #expect(driver.commands.allSatisfy { if case .stepLambda = $0 { false } else { true } },
            "the network's λ stays the lesson's")
  }

  @Test func metricsCountPrunedUnitsAndDroppedInputs() {
    let snapshot = Fixtures.snapshot()
    let metrics = LessonMetrics(snapshot: snapshot)
    let l1 = snapshot.lanes[1]
    #expect(metrics.value(.droppedInputs, lane: l1.name) == Double(l1.network.droppedInputs.count))
    #expect(metrics.value(.prunedUnits, lane: l1.name) == Double(l1.network.prunedUnits.count))
    #expect(metrics.value(.droppedInputs, lane: snapshot.lanes[0].name) == 0)
    #expect(metrics.value(.lensZero, lane: "L1") == nil, "no lens on screen")
    var withLens = metrics
    withLens.lens = LensScene(LensSettings(lambda: 2))
    #expect(withLens.value(.lensZero, lane: "L1") == 1 && withLens.value(.lensZero, lane: "L2") == 0)
  }

  @Test func aStepWithAHighlightGoesBackToTheHistograms() {
    let lesson2 = LessonFixtures.shipped.firstIndex { $0.id.hasPrefix("02-") }!
    let steps = LessonFixtures.shipped[lesson2].steps
    let matrix = steps.firstIndex { $0.view == .matrix }!
    #expect(steps[matrix].until.map { "\($0)" }?.contains("pruned_units(L1)") == true)
    let session = try! LessonSession(lessons: LessonFixtures.shipped, lessonIndex: lesson2, step: matrix,
                                     progress: CourseProgress())
    let driver = RecordingDriver(LessonFixtures.snapshot(session, epochs: 300))
    let backend = RecordingBackend(width: 120, height: 40, keys: [])
    let mode = FrameLoop.run(LessonMode(session: session, state: AppState()), driver: driver, backend: backend)
    #expect(mode.state.view == .matrix)
    #expect(contains(backend.lastFrame!, "weight matrix"))
  }
}

/// What a learner chose in one lesson (view, histogram scale, loss chart, hidden lanes) does
/// not carry into the next: each lesson starts from a clean view unless its steps say otherwise.
@Suite struct LessonCleanStartTests {
  typealias F = LessonFixtures

  @Test func theNextLessonStartsFromACleanView() throws {
    let lesson = try #require(F.shipped.firstIndex { $0.id == "06-exact-zeros-and-decay" })
    let last = F.shipped[lesson].steps.count - 1
    let session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: last)
    var mode = LessonMode(session: session, state: AppState(), save: nil)
    let snapshot = F.snapshot(mode.session, epochs: 10)
    _ = mode.observe(snapshot, elapsed: 0.1)
    for action in [Action.nextView, .switchHistogramScale, .switchLossView, .toggleLane(0), .layer(forward: true)] {
      _ = mode.perform(action, snapshot: snapshot)
    }
    #expect(mode.state.view == .matrix && mode.state.histogramScale == .log && mode.state.lossView == .dataPenalty)
    // In the matrix view `tab` goes from its first layer to the second (issue 23).
    #expect(mode.state.hiddenLanes == [0] && mode.state.layer == 1)
    // The last page of lesson 6 waits for nothing; → shows the lesson's end, → again the next lesson.
    for _ in 0..<2 where mode.session.lessonIndex == lesson {
      _ = mode.perform(.next, snapshot: snapshot)
      _ = mode.observe(F.snapshot(mode.session, epochs: 0), elapsed: 0.1)
    }
    #expect(mode.session.lessonIndex == lesson + 1)
    _ = mode.observe(F.snapshot(mode.session, epochs: 0), elapsed: 0.1)
    let first = mode.session.step
    #expect(mode.state.view == first.view ?? .histograms)
    #expect(mode.state.histogramScale == (first.histogram == .log ? .log : .linear))
    #expect(mode.state.lossView == .trainValidation && mode.state.hiddenLanes.isEmpty && mode.state.layer == nil)
  }
}
