import Canvas
import Foundation
import Training

/// The dashboard's main loop: about 30 frames a second, each drawn from the runner's latest
/// snapshot, with keys handled as they arrive.
///
/// The loop only reads snapshots (an O(1) copy under a lock) and queues commands, so it never
/// waits for the trainer, and the trainer never waits for it. A key is answered with a redraw at
/// once; after a command the loop polls faster for a moment, so the change the runner applies
/// shows within a few milliseconds rather than a whole frame later.
public enum Dashboard {
  /// Frames per second when nothing happens.
  public static let frameRate = 30.0
  /// Poll interval right after a command was sent, and for how long.
  static let eagerInterval = 0.005
  static let eagerDuration = 0.1

  /// Runs until `q`, or until the backend is interrupted (Ctrl-C, SIGTERM) or `shouldStop`
  /// returns true. Returns the final UI state.
  @discardableResult
  public static func run(
    driver: some ExperimentDriver, backend: some TerminalBackend, state initial: AppState? = nil,
    frameRate: Double = Dashboard.frameRate, shouldStop: () -> Bool = { false }
  ) -> AppState {
    var state = initial ?? AppState(theme: backend.theme)
    let interval = 1 / max(frameRate, 1)
    var eagerUntil = 0.0
    var lastFrame = now()
    // Frames are due on a fixed schedule rather than "an interval after the last one": with the
    // trainer keeping both cores busy the UI thread often wakes late, and relative waits would
    // add every delay up (28 frames/s instead of 30).
    var due = lastFrame
    while !state.quit, !backend.interrupted, !shouldStop() {
      let snapshot = driver.snapshot()
      let start = now()
      state.observe(snapshot, elapsed: start - lastFrame)
      lastFrame = start
      if let command = AutoPace.command(state: &state, snapshot: snapshot) { driver.send(command) }
      let size = backend.size
      backend.present(ScreenComposer.compose(snapshot, state: state, width: size.width, height: size.height))

      let step = start < eagerUntil ? eagerInterval : interval
      due = max(due + step, start)
      if due > start + step { due = start + step }
      guard let key = backend.nextKey(timeout: max(0, due - now())) else { continue }
      // A resize needs nothing but the redraw at the top of the loop, with the new size.
      if key == .resize { continue }
      let (next, commands) = KeyMap.handle(key, state: state, snapshot: snapshot)
      state = next
      for command in commands { driver.send(command) }
      if !commands.isEmpty { eagerUntil = now() + eagerDuration }
    }
    return state
  }

  /// Seconds on the monotonic clock.
  static func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}
