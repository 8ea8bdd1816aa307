import Canvas
import Foundation
import Testing
import Training

@testable import App

/// The loop itself: frames, resizes, the auto pace, and a real runner behind it.
@Suite struct DashboardLoopTests {
  @Test func resizeRedrawsAtTheNewSize() {
    let driver = RecordingDriver(Fixtures.snapshot())
    let backend = RecordingBackend(width: 120, height: 40, script: [
      .idle(frames: 1), .resize(width: 60, height: 15), .idle(frames: 1), .resize(width: 80, height: 24),
    ])
    runPlay(driver: driver, backend: backend)
    let sizes = backend.frames.map { "\($0.width)×\($0.height)" }
    #expect(sizes.first == "120×40" && sizes.contains("60×15") && sizes.last == "80×24")
    let small = backend.frames.first { $0.width == 60 }!
    #expect(contains(small, "enlarge the terminal to at least 80×24"))
  }

  @Test func aKeyIsAnsweredWithARedraw() {
    let driver = RecordingDriver(Fixtures.snapshot())
    let backend = RecordingBackend(width: 80, height: 24, script: [.key("?")])
    runPlay(driver: driver, backend: backend)
    #expect(backend.frames.count == 2, "one frame before the key, one right after it")
    #expect(contains(backend.frames[1], "keys · esc or ? closes"))
  }

  @Test func theLoopWaitsAboutAFrameBetweenFrames() {
    let backend = RecordingBackend(width: 80, height: 24, script: [.idle(frames: 10)])
    runPlay(driver: RecordingDriver(Fixtures.snapshot()), backend: backend)
    // 11 frames, each followed by a wait of at most 1/30 s less the time spent drawing it
    // (virtual time: the backend does not sleep); the 11th wait finds the script empty. (This
    // said 10 waits, which held only while a debug frame took 3 ms or more.)
    #expect(backend.frameCount == 11)
    #expect(backend.waited <= 11.0 / 30 + 1e-9)
  }

  @Test func autoPaceFollowsTheEpochOnce() {
    var state = AppState()
    state.autoPace = true
    var snapshot = Fixtures.snapshot(epochs: 45)
    guard case .setSpeed(.epochsPerSecond(8)) = AutoPace.command(state: &state, snapshot: snapshot) else {
      Issue.record("epoch 45 wants 8 ep/s"); return
    }
    #expect(AutoPace.command(state: &state, snapshot: snapshot) == nil, "asked once, not every frame")
    snapshot.speed = .epochsPerSecond(8)
    #expect(AutoPace.command(state: &state, snapshot: snapshot) == nil)
    #expect(AutoPace.speed(atEpoch: 0) == .epochsPerSecond(4))
    #expect(AutoPace.speed(atEpoch: 399) == .epochsPerSecond(32))
    #expect(AutoPace.speed(atEpoch: 5000) == .epochsPerSecond(64))
    state.autoPace = false
    #expect(AutoPace.command(state: &state, snapshot: Fixtures.snapshot(epochs: 500)) == nil)
  }

  @Test func noticesFadeAfterAFewSeconds() {
    var state = AppState()
    state.note("hello")
    let snapshot = Fixtures.snapshot()
    state.observe(snapshot, elapsed: 2)
    #expect(state.notice == "hello")
    state.observe(snapshot, elapsed: 1.5)
    #expect(state.notice == nil)
  }

  @Test func aResetForgetsTheRangeAndTheRangeOnlyGrows() {
    var state = AppState()
    state.observe(Fixtures.snapshot())
    let first = state.histogramRange
    #expect(first > 0)
    state.histogramRanges[-1] = first * 4
    state.observe(Fixtures.snapshot())
    #expect(state.histogramRange == first * 4, "never narrowed: shrinking weights must look narrower")
    state.observe(Fixtures.snapshot(epochs: 0))
    #expect(state.histogramRange == first, "a new run picks its own range")
  }

  /// The real thing behind the loop: `]` reaches the runner and shows on screen.
  @Test func withARealRunner() throws {
    var config = ExperimentConfig()
    config.hidden = [8]
    let runner = try Runner(config: config, speed: .max)
    runner.start()
    defer { runner.stop() }
    #expect(runner.wait(timeout: 10) { $0.epoch >= 5 })
    let backend = RecordingBackend(width: 100, height: 30, script: [.key("]"), .idle(frames: 20)], keepsAllFrames: false,
                                   realTime: true)
    var sawLambda = false
    runPlay(driver: runner, backend: backend) {
      sawLambda = sawLambda || (backend.lastFrame.map { $0.row(0).contains("λ 0.02") } ?? false)
      return sawLambda
    }
    #expect(sawLambda, "λ 0.02 on the status line after ]")
    let lanes = runner.snapshot().lanes
    #expect(lanes[1].lane.spec.all.lambda1 == 0.02)
  }
}
