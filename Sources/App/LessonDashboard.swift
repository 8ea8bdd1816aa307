import Canvas
import Foundation
import Lessons
import Training

/// Lesson mode's main loop: the free-play dashboard's loop (same pacing, see `Dashboard`) with
/// the lesson pane beside the panels, the step's panel highlighted, and keys going through
/// `LessonKeys` and the `LessonSession`.
///
/// Progress is written to `store` whenever the session says so (every step change, every
/// finished lesson). Saving must never end a lesson: a failure is reported once, on the
/// status line, and the lesson goes on.
public enum LessonDashboard {
  /// Runs until `q`, an interrupt from the backend, or `shouldStop`. Returns the final state
  /// and session. `state` may carry a notice to show first (a progress file set aside).
  @discardableResult
  public static func run(
    session initial: LessonSession, driver: some ExperimentDriver, backend: some TerminalBackend,
    state initialState: AppState? = nil, store: ProgressStore? = nil,
    frameRate: Double = Dashboard.frameRate, shouldStop: () -> Bool = { false }
  ) -> (state: AppState, session: LessonSession) {
    var state = initialState ?? AppState(theme: backend.theme)
    // The lesson sets the pace; the free-play schedule would fight it.
    state.autoPace = false
    state.bindings = LessonKeys.bindings
    var session = initial
    var saveFailed = false
    func apply(_ effects: LessonSession.Effects) {
      for command in effects.commands { driver.send(command) }
      guard effects.saveProgress, let store else { return }
      do { try store.save(session.progress) } catch {
        if !saveFailed { state.note("could not save your progress (\(error.localizedDescription)); the lesson goes on", for: 8) }
        saveFailed = true
      }
    }
    apply(session.begin())

    let interval = 1 / max(frameRate, 1)
    var eagerUntil = 0.0
    var lastFrame = Dashboard.now()
    var due = lastFrame
    while !state.quit, !backend.interrupted, !shouldStop() {
      let snapshot = driver.snapshot()
      let start = Dashboard.now()
      state.observe(snapshot, elapsed: start - lastFrame)
      session.observe(snapshot)
      state.bindings = LessonKeys.bindings(for: session)
      lastFrame = start
      let size = backend.size
      let pane = LessonPane(session, snapshot: snapshot, theme: state.theme, width: size.width, height: size.height)
      session.clampScroll(maximum: pane.maxScroll)
      backend.present(ScreenComposer.compose(snapshot, state: state, width: size.width, height: size.height,
                                             side: pane.side, highlight: session.highlight))

      let step = start < eagerUntil ? Dashboard.eagerInterval : interval
      due = max(due + step, start)
      if due > start + step { due = start + step }
      guard let key = backend.nextKey(timeout: max(0, due - Dashboard.now())) else { continue }
      if key == .resize { continue }
      let (next, effects) = LessonKeys.handle(key, state: state, session: &session, snapshot: snapshot)
      state = next
      apply(effects)
      if !effects.commands.isEmpty { eagerUntil = Dashboard.now() + Dashboard.eagerDuration }
    }
    return (state, session)
  }
}

extension AppState {
  /// A notice that stays up for `seconds` instead of the usual few: a warning the learner
  /// must not miss (progress set aside, progress not saved).
  public mutating func note(_ text: String, for seconds: Double) {
    note(text)
    noticeRemaining = seconds
  }
}
