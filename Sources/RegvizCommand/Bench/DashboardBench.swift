import App
import Canvas
import Foundation
import Training

/// The dashboard's performance figures for `regviz bench` (meaningful in release builds only).
///
/// - frame: composing one full frame from a realistic snapshot (target ≤ 1 ms median);
/// - kept: training throughput with the UI drawing at 30 frames/s, as a fraction of the same
///   run without a UI (target ≥ 80%);
/// - latency: start to first frame (≤ 200 ms) and key press to the change on screen (≤ 50 ms).
enum DashboardBench {
  struct FrameTimes: Sendable {
    var medianMilliseconds: Double
    var p90Milliseconds: Double
    var frames: Int
  }

  struct Kept: Sendable {
    /// With-UI throughput over headless throughput (medians of alternating rounds).
    var fraction: Double
    var headlessEpochsPerSecond: Double
    var withUIEpochsPerSecond: Double
    var framesPerSecond: Double
  }

  struct Latency: Sendable {
    var firstFrameMilliseconds: Double
    var keyToScreenMilliseconds: Double
  }

  /// A snapshot of `config` trained for at least `epochs` epochs at full speed.
  static func trainedSnapshot(_ config: ExperimentConfig, epochs: Int) throws(ConfigError) -> ExperimentSnapshot {
    let runner = try Runner(config: config, speed: .max)
    runner.start()
    runner.wait(timeout: 120) { $0.epoch >= epochs }
    runner.stop()
    return runner.snapshot()
  }

  /// Composes `frames` frames of `width × height` from one snapshot trained `epochs` epochs, two
  /// ways in turn (a frame of each per round, so the machine's drift hits both alike):
  /// `compose` through `Chrome.compose` alone, `play` through free play as the frame loop
  /// draws it (observe, the keymap, compose with the dashboard's caches).
  static func frameComposeMilliseconds(
    config: ExperimentConfig = ExperimentConfig(), epochs: Int = 500, width: Int = 120, height: Int = 40,
    frames: Int = 400
  ) throws(ConfigError) -> (compose: FrameTimes, play: FrameTimes) {
    let snapshot = try trainedSnapshot(config, epochs: epochs)
    var state = AppState()
    state.observe(snapshot)
    var mode = PlayMode(state: AppState())
    var times: [Double] = [], playTimes: [Double] = []
    var checksum = 0
    for _ in 0..<frames {
      let start = FrameLoop.now()
      // Observe too: the loop does it every frame (the histogram range check is part of a frame).
      state.observe(snapshot, elapsed: 0)
      let grid = Chrome.compose(snapshot, state: state, width: width, height: height)
      times.append((FrameLoop.now() - start) * 1000)
      checksum &+= grid.cells.count

      let playStart = FrameLoop.now()
      _ = mode.observe(snapshot, elapsed: 0)
      checksum &+= mode.keymap.rows.isEmpty ? 1 : 0
      let played = mode.compose(snapshot, width: width, height: height)
      playTimes.append((FrameLoop.now() - playStart) * 1000)
      checksum &+= played.cells.count
    }
    precondition(checksum == 2 * frames * width * height)
    return (frameTimes(times), frameTimes(playTimes))
  }

  private static func frameTimes(_ milliseconds: [Double]) -> FrameTimes {
    let times = milliseconds.sorted()
    return FrameTimes(medianMilliseconds: times[times.count / 2],
                      p90Milliseconds: times[times.count * 9 / 10], frames: times.count)
  }

  /// Alternates `rounds` headless and with-UI runs of `seconds` each, all lanes at full speed.
  static func trainingKeptFraction(
    config: ExperimentConfig = ExperimentConfig(), seconds: Double = 2, rounds: Int = 3
  ) throws(ConfigError) -> Kept {
    var headless: [Double] = [], withUI: [Double] = [], fps: [Double] = []
    for _ in 0..<max(rounds, 1) {
      headless.append(try measure(config, seconds: seconds, ui: nil))
      let backend = RecordingBackend(width: 120, height: 40, keepsAllFrames: false, realTime: true)
      withUI.append(try measure(config, seconds: seconds, ui: backend))
      fps.append(Double(backend.frameCount) / seconds)
    }
    let h = median(headless), u = median(withUI)
    return Kept(fraction: h > 0 ? u / h : 0, headlessEpochsPerSecond: h, withUIEpochsPerSecond: u,
                framesPerSecond: median(fps))
  }

  /// Epochs per second of one run; with `ui`, the dashboard loop draws into it meanwhile.
  private static func measure(
    _ config: ExperimentConfig, seconds: Double, ui: RecordingBackend?
  ) throws(ConfigError) -> Double {
    let runner = try Runner(config: config, speed: .max)
    runner.start()
    defer { runner.stop() }
    runner.wait(timeout: 30) { $0.epoch >= 1 }
    Thread.sleep(forTimeInterval: 0.3)  // let the round size settle
    let e0 = runner.snapshot().epoch, t0 = FrameLoop.now()
    if let ui {
      FrameLoop.run(PlayMode(state: AppState()), driver: runner, backend: ui) { FrameLoop.now() - t0 >= seconds }
    } else {
      Thread.sleep(forTimeInterval: seconds)
    }
    let e1 = runner.snapshot().epoch, t1 = FrameLoop.now()
    return Double(e1 - e0) / (t1 - t0)
  }

  /// Start (runner creation) to the first frame presented, and key press to the first frame
  /// whose status line shows the new λ, with the lanes training at full speed: the median of
  /// `presses` presses, `]` and `[` in turn, 0.1–0.2 s apart (so they land at different points of
  /// the runner's round, which a command waits for).
  static func latency(config: ExperimentConfig = ExperimentConfig(), presses: Int = 9) throws(ConfigError) -> Latency {
    let start = FrameLoop.now()
    let runner = try Runner(config: config, speed: .max)
    runner.start()
    defer { runner.stop() }
    let backend = TimingBackend()
    var firstFrame = 0.0, pressed = 0.0, lastShown = 0.0
    var before = ""
    var delays: [Double] = []
    FrameLoop.run(PlayMode(state: AppState()), driver: runner, backend: backend) {
      let now = FrameLoop.now()
      if firstFrame == 0, backend.frames > 0 { firstFrame = now - start }
      if pressed > 0, let status = backend.status, lambdaShown(status) != before {
        delays.append(backend.statusTime - pressed)
        pressed = 0
        lastShown = now
      }
      let gap = 0.1 + 0.1 * Double(delays.count % 3) / 3
      if pressed == 0, now - start > 0.5, now - lastShown > gap, delays.count < presses {
        before = backend.status.map(lambdaShown) ?? ""
        pressed = now
        backend.pending = delays.count % 2 == 0 ? "]" : "["
      }
      return delays.count >= presses || now - start > 5 + Double(presses)
    }
    return Latency(firstFrameMilliseconds: firstFrame * 1000, keyToScreenMilliseconds: median(delays) * 1000)
  }

  /// The λ the status line shows: what follows `λ ` up to the next separator.
  private static func lambdaShown(_ status: String) -> String {
    guard let r = status.range(of: "λ ") else { return "" }
    return String(status[r.upperBound...].prefix { $0 != "│" && $0 != "|" })
  }

  /// Records when frames arrive and hands over one key on request.
  private final class TimingBackend: TerminalBackend {
    let theme = Theme.standard
    let size = (width: 120, height: 40)
    let interrupted = false
    var frames = 0
    var pending: Key?
    var status: String?
    var statusTime = 0.0

    func nextKey(timeout: Double) -> Key? {
      if let key = pending {
        pending = nil
        return key
      }
      Thread.sleep(forTimeInterval: timeout)
      return nil
    }

    func present(_ grid: Grid) {
      frames += 1
      status = grid.row(0)
      statusTime = FrameLoop.now()
    }
  }

  private static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s[s.count / 2]
  }
}

extension DashboardBench {
  /// A wide network drawn live: `hidden` layers (default 4096, 4096) on `sparse`, the lanes at
  /// full speed, the free-play frame (observe + compose) timed for `seconds`. Also the time from
  /// creating the runner to the first finished frame.
  static func wideNetwork(hidden: [Int] = [4096, 4096], seconds: Double = 3) throws(ConfigError)
    -> (firstFrameMilliseconds: Double, frames: FrameTimes) {
    var config = ExperimentConfig()
    config.hidden = hidden
    let start = FrameLoop.now()
    let runner = try Runner(config: config, speed: .max)
    runner.start()
    defer { runner.stop() }
    var mode = PlayMode(state: AppState())
    var times: [Double] = []
    var first = 0.0
    var checksum = 0
    while FrameLoop.now() - start < seconds || times.isEmpty {
      let t0 = FrameLoop.now()
      _ = mode.observe(runner.snapshot(), elapsed: 1.0 / 30)
      let grid = mode.compose(runner.snapshot(), width: 120, height: 40)
      let t1 = FrameLoop.now()
      if first == 0 { first = t1 - start }
      times.append((t1 - t0) * 1000)
      checksum &+= grid.cells.count
      Thread.sleep(forTimeInterval: max(0, 1.0 / 30 - (t1 - t0)))
    }
    precondition(checksum == times.count * 120 * 40)
    times.sort()
    return (first * 1000, FrameTimes(medianMilliseconds: times[times.count / 2],
                                     p90Milliseconds: times[times.count * 9 / 10], frames: times.count))
  }
}
