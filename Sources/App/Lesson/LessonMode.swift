import LessonRuns
import Canvas
import Lessons
import NeuralCore
import Training

/// A guided lesson: the lesson pane beside the dashboard, the step's panel highlighted, keys
/// going to the `LessonSession`. The dashboard's view keys work as in free play; the keys that
/// would change the lesson's experiment are the lesson's (`KeyLock`), except those a mission
/// page allows, so the experiment stays the one the text describes.
///
/// Progress is written to `store` whenever the session says so (every step change, every
/// finished lesson). Saving must never end a lesson: a failure is reported once, on the
/// status line, and the lesson goes on.
public struct LessonMode: DashboardMode {
  private var dashboard: Dashboard
  /// The lesson's, or free play's while it has the screen (`f`).
  public var state: AppState { freePlay?.state ?? dashboard.state }
  public private(set) var session: LessonSession
  /// Writes the progress (the store's `save`); nil keeps it in memory only.
  let save: ((CourseProgress) throws -> Void)?
  private var saveFailed = false
  /// Whether the first frame has arrived at the starting step (paused for its question).
  private var begun = false
  /// The step whose view settings were last applied, so they apply on arrival and the
  /// learner's keys rule after that; and the lesson they belong to, so a new lesson starts from
  /// a clean view.
  private var viewedStep: (lesson: Int, step: Int)?
  /// The page's text, laid out once per step, answer, width and theme.
  let textCache = LessonTextCache()
  /// The page the last frame showed (lesson, step, 1 on a step): a frame of another page is an
  /// arrival, which opens it full-screen if the pane is too small. Kept here rather than in
  /// `observe`, since a key can turn the page and compose before the next snapshot comes.
  private var composedPage: [Int]?
  /// The last frame's text was longer than its pane (↑ ↓ go on the key line).
  private var textScrolls = false
  /// Free play opened from this page (`f`): it has the screen and the keys until its `q`.
  public private(set) var freePlay: PlayMode?
  /// The notice of a mission reached on this page: stale once the page turns.
  static let accomplished = "✓ mission accomplished — → for the next page"

  /// `state` may carry a notice to show first (a progress file set aside).
  public init(session: LessonSession, state: AppState, store: ProgressStore? = nil) {
    self.init(session: session, state: state, save: store.map { store in { try store.save($0) } })
  }

  init(session: LessonSession, state: AppState, save: ((CourseProgress) throws -> Void)?) {
    dashboard = Dashboard(state: state)
    // The lesson sets the pace; the free-play schedule would fight it.
    dashboard.state.autoPace = false
    // ← → and enter turn pages; the path only shows.
    dashboard.state.path.picks = false
    self.session = session
    self.save = save
  }

  /// The lens of a `view: lens` step.
  public var lens: LensView { dashboard.lens }
  var pathRunner: PathRunner {
    get { dashboard.pathRunner }
    set { dashboard.pathRunner = newValue }
  }

  /// Who holds the settings on this page: the lesson, or a mission that opens some of them.
  var lock: KeyLock {
    guard session.phase == .step, let mission = session.mission else { return KeyLock(holder: .lesson) }
    return KeyLock(holder: .mission, open: mission.allowed, lambdaLane: mission.mission.lambdaLane)
  }

  public var keymap: Keymap {
    if let freePlay { return freePlay.keymap }
    let onStep = session.phase == .step
    let answers = session.awaitsAnswer ? session.step.question.map { q in q.choices.compactMap(\.label.first) } : nil
    var context = KeyContext(mode: .lesson, view: state.view, overlay: state.overlay != nil, answers: answers,
                             question: onStep && session.step.question != nil, hint: onStep && session.step.hint != nil,
                             lock: lock)
    context.pathPicks = state.path.picks  // false: a lesson's λ path only shows
    context.reading = onStep && session.reading
    context.readable = onStep
    context.scrolls = textScrolls
    return Keymap(context)
  }

  /// The rows the key line and the help show on this page.
  public var offered: [Binding] { keymap.listed }

  public mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double) -> [RunnerCommand] {
    // Free play's run is not this page's: the page's condition and mission do not see it.
    if freePlay != nil { return freePlay!.observe(snapshot, elapsed: elapsed) }
    var commands: [RunnerCommand] = []
    if !begun {
      begun = true
      commands = apply(session.begin())
    }
    dashboard.state.answerPending = session.awaitsAnswer
    dashboard.observe(snapshot, elapsed: elapsed)
    if viewedStep.map({ $0 != (session.lessonIndex, session.stepIndex) }) ?? true {
      if viewedStep.map({ $0.lesson != session.lessonIndex }) ?? false { dashboard.state.startLesson() }
      viewedStep = (session.lessonIndex, session.stepIndex)
      if session.phase == .step { arrive(at: session.step) }
    }
    let shown = session.mission.map { [$0.hintsShown, $0.solutionShown ? 1 : 0] }
    defer {
      // A mission hint that just appeared is scrolled into view.
      if let shown, let now = session.mission.map({ [$0.hintsShown, $0.solutionShown ? 1 : 0] }),
         now != shown, now[0] >= shown[0] { session.focus = .missionHint }
    }
    if session.observe(snapshot, elapsed: elapsed, lens: state.view == .lens ? lens.scene : nil) {
      dashboard.state.note(Self.accomplished, for: 6)
      commands += apply(LessonSession.Effects(saveProgress: true))
    }
    return commands
  }

  public mutating func compose(_ snapshot: ExperimentSnapshot, width: Int, height: Int) -> Grid {
    if freePlay != nil { return freePlay!.compose(snapshot, width: width, height: height) }
    let page = [session.lessonIndex, session.stepIndex, session.phase == .step ? 1 : 0]
    // Decided on the first frame of the page's own experiment: until the runner has taken the
    // new setup, the snapshot's lanes (and so the numbers' rows) are the previous page's.
    if composedPage != page, session.awaiting == nil {
      composedPage = page
      // Where the panes leave no room for the first paragraph, the page opens full-screen.
      if session.phase == .step, !session.reading, width >= DashboardLayout.minimumWidth,
         !LessonPane(session, snapshot: snapshot, theme: state.theme, width: width, height: height, cache: textCache)
           .showsFirstParagraph {
        session.reading = true
      }
    }
    dashboard.state.answerPending = session.awaitsAnswer
    let pane = LessonPane(session, snapshot: snapshot, theme: state.theme, width: width, height: height, cache: textCache)
    session.scroll = pane.scroll
    session.focus = nil
    textScrolls = pane.maxScroll > 0
    return dashboard.compose(snapshot, keymap: keymap, width: width, height: height, side: pane.side,
                             highlight: session.highlight)
  }

  public mutating func perform(_ action: Action, snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    if freePlay != nil {
      let commands = freePlay!.perform(action, snapshot: snapshot)
      guard freePlay!.state.quit else { return commands }
      freePlay = nil
      dashboard.state.note("back on the lesson page: its setup starts again", for: 4)
      return apply(session.returnFromFreePlay(epoch: snapshot.epoch))
    }
    let page = [session.lessonIndex, session.stepIndex, session.phase == .step ? 1 : 0]
    defer {
      // A notice about the page just left (its mission reached) is stale on the next one.
      if page != [session.lessonIndex, session.stepIndex, session.phase == .step ? 1 : 0],
         dashboard.state.notice == Self.accomplished { dashboard.state.notice = nil }
    }
    switch action {
    case .togglePause where session.pausedForAnswer, .stepEpoch where session.pausedForAnswer:
      dashboard.state.note("predict first: answer \(session.labels(session.step.question!)) and training resumes")
      return []
    default: break
    }
    if let commands = dashboard.perform(action, snapshot: snapshot, lock: lock) { return commands }
    switch action {
    case .next: return apply(session.next(state: &dashboard.state))
    case .back: return apply(session.back(state: &dashboard.state))
    case .scroll(let scroll):
      session.scroll = scroll.apply(to: session.scroll, end: LessonSession.end)
      return []
    case .answer(let label): return apply(session.answer(String(label), state: &dashboard.state))
    case .toggleHint:
      session.toggleHint(state: &dashboard.state)
      return []
    case .toggleReading:
      guard session.phase == .step else { return [] }
      session.reading.toggle()
      return []
    case .tryInFreePlay:
      guard session.phase == .step else { return [] }
      var play = PlayMode(state: AppState(theme: state.theme))
      play.fromLesson = true
      play.startFromLesson(view: state.view, lens: lens)
      freePlay = play
      return session.freePlayEffects().commands
    case .lambda, .learningRate, .nextL1Rule:
      // Only a mission's open keys get here (the lock refused the rest): each is an attempt.
      return session.tryMissionKey(action, snapshot: snapshot, lock: lock, state: &dashboard.state)
    default: return []
    }
  }

  /// A step's `view:`, `histogram:` and `lens-…:` directives, applied on arrival; the
  /// learner's keys rule after that.
  private mutating func arrive(at step: Step) {
    if let view = step.view {
      dashboard.state.view = view
    } else if step.highlight != nil {
      // The panels a step points at live in the histograms view.
      dashboard.state.view = .histograms
    }
    if let scale = step.histogram { dashboard.state.histogramScale = scale == .log ? .log : .linear }
    if step.view == .lens || step.lens != nil {
      dashboard.lens = LensView(LensSettings(step.lens))
    }
  }

  /// Saves the progress when the session asks, and hands the commands on.
  private mutating func apply(_ effects: LessonSession.Effects) -> [RunnerCommand] {
    if effects.saveProgress, let save {
      do { try save(session.progress) } catch {
        if !saveFailed {
          dashboard.state.note("could not save your progress (\(error.localizedDescription)); the lesson goes on", for: 8)
        }
        saveFailed = true
      }
    }
    return effects.commands
  }
}

extension LessonSession {
  /// A mission's open λ, lr or rule key: sent to the runner as an attempt, unless the mission
  /// is already accomplished.
  mutating func tryMissionKey(_ action: Action, snapshot: ExperimentSnapshot, lock: KeyLock,
                              state: inout AppState) -> [RunnerCommand] {
    guard mission != nil, let command = KeyLock.command(action, lock: lock, snapshot: snapshot) else { return [] }
    if mission!.reached {
      state.note("mission already accomplished — → for the next page")
      return []
    }
    mission!.attempt()
    return [command]
  }
}
