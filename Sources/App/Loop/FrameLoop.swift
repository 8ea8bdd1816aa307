import Canvas
import Foundation
import Training

/// A way of using the dashboard — free play, a lesson or the lens — as the frame loop sees it:
/// take in a snapshot, offer keys, draw a frame, act on an action. The keys a frame offers are
/// its `keymap`: the same rows draw the key line and the help and dispatch the key.
public protocol DashboardMode {
  /// What the viewer chose (lanes, layer, overlays) and the notices.
  var state: AppState { get }
  /// The keys on offer now, built from where the learner is.
  var keymap: Keymap { get }
  /// Called once per frame with the latest snapshot and the seconds since the last frame;
  /// returns commands that are due (the automatic pace, say).
  mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double) -> [RunnerCommand]
  /// The frame for a `width × height` terminal.
  mutating func compose(_ snapshot: ExperimentSnapshot, width: Int, height: Int) -> Grid
  /// Acts on `action` (already mapped from a key through `keymap`); returns the commands.
  mutating func perform(_ action: Action, snapshot: ExperimentSnapshot) -> [RunnerCommand]
}

/// The one frame loop: about 30 frames a second, each drawn from the runner's latest
/// snapshot, with keys turned into actions as they arrive.
///
/// The loop only reads snapshots (an O(1) copy under a lock) and queues commands, so it never
/// waits for the trainer, and the trainer never waits for it. A key is answered with a redraw
/// at once; after a command the loop polls faster for a moment, so the change the runner
/// applies shows within a few milliseconds rather than a whole frame later.
public enum FrameLoop {
  /// Frames per second when nothing happens.
  public static let frameRate = 30.0
  /// Poll interval right after a command was sent, and for how long.
  static let eagerInterval = 0.005
  static let eagerDuration = 0.1

  /// Runs `mode` until `q`, until the backend is interrupted (Ctrl-C, SIGTERM) or until
  /// `shouldStop` returns true. Returns the mode as it ended.
  @discardableResult
  public static func run<Mode: DashboardMode>(
    _ initial: Mode, driver: some ExperimentDriver, backend: some TerminalBackend,
    frameRate: Double = FrameLoop.frameRate, shouldStop: () -> Bool = { false }
  ) -> Mode {
    var mode = initial
    let interval = 1 / max(frameRate, 1)
    var eagerUntil = 0.0
    var lastFrame = now()
    // Frames are due on a fixed schedule rather than "an interval after the last one": with the
    // trainer keeping both cores busy the UI thread often wakes late, and relative waits would
    // add every delay up (28 frames/s instead of 30).
    var due = lastFrame
    while !mode.state.quit, !backend.interrupted, !shouldStop() {
      let snapshot = driver.snapshot()
      let start = now()
      for command in mode.observe(snapshot, elapsed: start - lastFrame) { driver.send(command) }
      lastFrame = start
      let size = backend.size
      backend.present(mode.compose(snapshot, width: size.width, height: size.height))

      let step = start < eagerUntil ? eagerInterval : interval
      due = max(due + step, start)
      if due > start + step { due = start + step }
      guard let key = backend.nextKey(timeout: max(0, due - now())) else { continue }
      // A resize needs nothing but the redraw at the top of the loop, with the new size.
      guard key != .resize, let action = mode.keymap.action(for: key) else { continue }
      let commands = mode.perform(action, snapshot: snapshot)
      for command in commands { driver.send(command) }
      if !commands.isEmpty { eagerUntil = now() + eagerDuration }
    }
    return mode
  }

  /// Seconds on the monotonic clock.
  public static func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}
