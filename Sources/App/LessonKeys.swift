import Lessons
import Training

/// Lesson mode's keys: its own (next, back, answer, hint, scrolling) first; the dashboard's
/// view keys as in free play; the keys that would change the lesson's experiment answered
/// with a one-line pointer to free play instead, so the experiment stays the one the text
/// describes.
public enum LessonKeys {
  /// The help overlay and the key line in lesson mode.
  public static let bindings: [KeyBinding] = [
    KeyBinding("→ enter", "next page, once the condition holds and you have answered", short: "next"),
    KeyBinding("←", "previous page, with its experiment", short: "back"),
    KeyBinding("a–d", "answer the question; training waits for your prediction", short: "answer"),
    KeyBinding("h", "show / hide the hint", short: "hint"),
    KeyBinding("↑ ↓", "scroll the lesson text (PgUp PgDn, Home End)"),
  ] + KeyMap.bindings.filter { viewKeys.contains($0.keys) }.map { b in
    // Reset starts this page's experiment over, not free play's current settings.
    b.keys == "r" ? KeyBinding("r", "reset: same initial weights, this page's settings", short: "reset") : b
  } + [
    KeyBinding("[ ] - + u d", "λ, lr, L1 rule, data: the lesson's; try them in regviz play"),
    KeyBinding("?", "this help", short: "help"),
    KeyBinding("esc", "close the help or the Keras code"),
    KeyBinding("q", "quit; regviz with no arguments comes back here", short: "quit"),
  ]

  /// Free play's keys that only change the view or the pace, which work the same in lessons.
  static let viewKeys: Set<String> = ["space", "n", "r", "< >", "1–8", "tab", "p", "k"]

  /// The bindings for the key line and help on the current page: `a–d` only while a question
  /// waits for its answer, `h` only where the page has a hint.
  public static func bindings(for session: LessonSession) -> [KeyBinding] {
    bindings.filter { b in
      switch b.keys {
      case "a–d": return session.awaitsAnswer
      case "h": return session.phase == .step && session.step.hint != nil
      default: return true
      }
    }
  }

  /// Applies `key`: the new UI state, the session, and what the loop must do.
  public static func handle(
    _ key: Key, state: AppState, session: inout LessonSession, snapshot: ExperimentSnapshot
  ) -> (state: AppState, effects: LessonSession.Effects) {
    var s = state
    // An open overlay keeps its scrolling keys, and esc or enter close it, as in free play.
    if s.overlay != nil {
      switch key {
      case .up, .down, .pageUp, .pageDown, .home, .escape, .enter:
        return dashboard(key, state: s, snapshot: snapshot)
      default: break
      }
    }
    switch key {
    case .right, .enter:
      let effects = session.next(state: &s)
      return (s, effects)
    case .left:
      let effects = session.back(state: &s)
      return (s, effects)
    case .up, .down, .pageUp, .pageDown, .home, .end:
      session.scroll = scrolled(session.scroll, by: key)
      return (s, LessonSession.Effects())
    case .character(let c):
      return character(c, state: s, session: &session, snapshot: snapshot)
    default:
      return dashboard(key, state: s, snapshot: snapshot)
    }
  }

  private static func character(
    _ c: Character, state: AppState, session: inout LessonSession, snapshot: ExperimentSnapshot
  ) -> (state: AppState, effects: LessonSession.Effects) {
    var s = state
    let lower = Character(c.lowercased())
    let hasQuestion = session.phase == .step && session.step.question != nil
    switch lower {
    // `d` is also free play's data-set key: on a page with a question it answers instead.
    case "a", "b", "c", "d":
      guard lower != "d" || hasQuestion else { s.note(fixed("the data set")); break }
      let effects = session.answer(String(lower), state: &s)
      return (s, effects)
    case "h":
      session.toggleHint(state: &s)
    case " ", "n":
      guard session.awaitsAnswer else { return dashboard(.character(c), state: s, snapshot: snapshot) }
      s.note("predict first: answer \(session.labels(session.step.question!)) and training resumes")
    case "[", "]":
      s.note(fixed("λ"))
    case "-", "_", "+", "=":
      s.note(fixed("the learning rate"))
    case "u":
      s.note(fixed("the L1 rule"))
    default:
      return dashboard(.character(c), state: s, snapshot: snapshot)
    }
    return (s, LessonSession.Effects())
  }

  /// A view key, handled as on the free-play dashboard.
  private static func dashboard(
    _ key: Key, state: AppState, snapshot: ExperimentSnapshot
  ) -> (state: AppState, effects: LessonSession.Effects) {
    let (s, commands) = KeyMap.handle(key, state: state, snapshot: snapshot)
    return (s, LessonSession.Effects(commands: commands))
  }

  static func fixed(_ what: String) -> String {
    "\(what) is set by the lesson here — try it in free play: regviz play"
  }

  /// The lesson text's offset after a scrolling key (clamped to the text by the loop).
  static func scrolled(_ offset: Int, by key: Key) -> Int {
    let current = min(offset, LessonSession.end)
    switch key {
    case .up: return max(0, current - 1)
    case .down: return min(current + 1, LessonSession.end)
    case .pageUp: return max(0, current - 10)
    case .pageDown: return min(current + 10, LessonSession.end)
    case .home: return 0
    case .end: return LessonSession.end
    default: return current
    }
  }
}
