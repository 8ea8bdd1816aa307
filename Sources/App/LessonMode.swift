import Canvas
import Lessons
import NeuralCore
import Training

/// A guided lesson: the lesson pane beside the panels, the step's panel highlighted, keys
/// going to the `LessonSession`. The dashboard's view keys work as in free play; the keys that
/// would change the lesson's experiment answer with a pointer to free play instead, so the
/// experiment stays the one the text describes.
///
/// Progress is written to `store` whenever the session says so (every step change, every
/// finished lesson). Saving must never end a lesson: a failure is reported once, on the
/// status line, and the lesson goes on.
public struct LessonMode: DashboardMode {
  public static let kind = ModeKind.lesson
  public private(set) var state: AppState
  public private(set) var session: LessonSession
  /// Writes the progress (the store's `save`); nil keeps it in memory only.
  let save: ((CourseProgress) throws -> Void)?
  private var saveFailed = false
  private let histograms = HistogramCache()
  /// Whether the first frame has arrived at the starting step (paused for its question).
  private var begun = false
  /// The step whose view settings (`histogram:`) were last applied, so they apply on arrival
  /// and the learner's `l` key rules after that.
  private var viewedStep: (lesson: Int, step: Int)?
  /// The two-weight lens of a `view: lens` step; `[ ]` move its λ there.
  public private(set) var lens = LensView()
  /// The λ path view's background job (`view: path`, `c`).
  var pathRunner = PathRunner()

  /// `state` may carry a notice to show first (a progress file set aside).
  public init(session: LessonSession, state: AppState, store: ProgressStore? = nil) {
    self.init(session: session, state: state, save: store.map { store in { try store.save($0) } })
  }

  init(session: LessonSession, state: AppState, save: ((CourseProgress) throws -> Void)?) {
    self.state = state
    // The lesson sets the pace; the free-play schedule would fight it.
    self.state.autoPace = false
    // ← → and enter turn pages; the path only shows.
    self.state.path.picks = false
    self.session = session
    self.save = save
  }

  /// The rows the key line and the help show on this page: `a–d` only while a question waits
  /// for its answer, `h` only where the page has a hint.
  public var offered: [Binding] {
    let rows = Bindings.rows(for: .lesson).filter { row in
      if row.does({ if case .answer = $0 { true } else { false } }) { return session.awaitsAnswer }
      if row.does({ $0 == .toggleHint }) { return session.phase == .step && session.step.hint != nil }
      return true
    }
    guard session.phase == .step, let mission = session.mission else { return rows }
    return MissionKeys.rows(replacingIn: rows, allowed: mission.allowed)
  }

  public mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double) -> [RunnerCommand] {
    var commands: [RunnerCommand] = []
    if !begun {
      begun = true
      commands = apply(session.begin())
    }
    state.observe(snapshot, elapsed: elapsed)
    if viewedStep.map({ $0 != (session.lessonIndex, session.stepIndex) }) ?? true {
      viewedStep = (session.lessonIndex, session.stepIndex)
      if session.phase == .step, let view = session.step.histogram {
        state.histogramScale = view == .log ? .log : .linear
      }
      if session.phase == .step { arrive(at: session.step) }
    }
    if state.view == .lens, let landed = lens.advance(elapsed) { state.note(landed, for: 6) }
    pathRunner.update(&state, snapshot: snapshot)
    if session.observe(snapshot, elapsed: elapsed, lens: state.view == .lens ? lens.scene : nil) {
      state.note("✓ mission accomplished — → for the next page", for: 6)
      commands += apply(LessonSession.Effects(saveProgress: true))
    }
    return commands
  }

  public mutating func compose(_ snapshot: ExperimentSnapshot, width: Int, height: Int) -> Grid {
    let pane = LessonPane(session, snapshot: snapshot, theme: state.theme, width: width, height: height)
    session.clampScroll(maximum: pane.maxScroll)
    return ScreenComposer.compose(snapshot, state: state, bindings: offered, width: width, height: height,
                                  side: pane.side, highlight: session.highlight, histograms: histograms, lens: lens)
  }

  public mutating func perform(_ action: Action, snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    switch action {
    // An open overlay takes the scrolling keys and closes on esc or enter, as in free play.
    case .next where state.overlay != nil:
      state.overlay = nil
      return []
    case .scroll where state.overlay != nil, .closeOverlay:
      return state.performCommon(action, snapshot: snapshot) ?? []
    case .next: return apply(session.next(state: &state))
    case .back: return apply(session.back(state: &state))
    case .scroll(let scroll):
      session.scroll = scroll.apply(to: session.scroll, end: LessonSession.end)
      return []
    case .answer(let label):
      // `d` is also free play's data-set key: on a page without a question it says so.
      guard label != "d" || (session.phase == .step && session.step.question != nil) else {
        state.note(Self.fixed("the data set"))
        return []
      }
      return apply(session.answer(String(label), state: &state))
    case .toggleHint:
      session.toggleHint(state: &state)
      return []
    case .togglePause where session.pausedForAnswer, .stepEpoch where session.pausedForAnswer:
      state.note("predict first: answer \(session.labels(session.step.question!)) and training resumes")
      return []
    case .lambda where state.view == .lens:
      if let notice = lens.perform(action) { state.note(notice) }
    case .lambda, .learningRate, .nextL1Rule:
      if session.phase == .step, session.mission != nil { return session.tryMissionKey(action, snapshot: snapshot, state: &state) }
      state.note(Self.fixed(MissionKeys.word(MissionKeys.key(of: action)!)))
    case .nextDataset: state.note(Self.fixed("the data set"))
    case .reset:
      pathRunner.reset()
      return state.performCommon(action, snapshot: snapshot) ?? []
    default:
      return state.performCommon(action, snapshot: snapshot) ?? []
    }
    return []
  }

  /// A step's `view:` and `lens-…:` directives, applied on arrival; the learner's `v` rules
  /// after that.
  private mutating func arrive(at step: Step) {
    if let view = step.view {
      state.view = DashboardView(rawValue: view.rawValue) ?? .histograms
    } else if step.highlight != nil {
      // The panels a step points at live in the histograms view.
      state.view = .histograms
    }
    if step.view == .lens || step.lens != nil {
      lens = LensView(LensSettings(step.lens))
    }
  }

  /// Saves the progress when the session asks, and hands the commands on.
  private mutating func apply(_ effects: LessonSession.Effects) -> [RunnerCommand] {
    if effects.saveProgress, let save {
      do { try save(session.progress) } catch {
        if !saveFailed {
          state.note("could not save your progress (\(error.localizedDescription)); the lesson goes on", for: 8)
        }
        saveFailed = true
      }
    }
    return effects.commands
  }

  static func fixed(_ what: String) -> String {
    "\(what) is set by the lesson here — try it in free play: \(Invocation.named("play"))"
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
