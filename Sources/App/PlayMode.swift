import Canvas
import RegvizData
import Training

/// Free play: every key works, and λ, the learning rate, the L1 rule and the data set are the
/// learner's to change.
public struct PlayMode: DashboardMode {
  public static let kind = ModeKind.play
  public private(set) var state: AppState
  private let histograms = HistogramCache()
  /// A teacher's preset: its locked keys (`regviz play --preset`); nil leaves every key free.
  public let locks: PresetLocks?
  /// The selection-frequency run behind `f`, for the setup it was started on.
  private var selection: SelectionJob?
  /// The two-weight lens, the last view of `v`'s cycle; `[ ]` move its λ while it shows.
  public private(set) var lens = LensView()
  /// The λ path view's background job.
  var pathRunner = PathRunner()

  /// `pathFolds` and `pathEpochs` size the λ path's cross-validation (`--path-folds`,
  /// `--path-epochs`): shorter runs for a large network or data set.
  public init(state: AppState, locks: PresetLocks? = nil, pathFolds: Int = PathPanel.folds,
              pathEpochs: Int = PathPanel.epochs) {
    self.state = state
    self.locks = locks
    pathRunner.folds = pathFolds
    pathRunner.epochs = pathEpochs
  }

  public mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double) -> [RunnerCommand] {
    state.observe(snapshot, elapsed: elapsed)
    pathRunner.update(&state, snapshot: snapshot)
    if state.view == .lens, let landed = lens.advance(elapsed) { state.note(landed, for: 6) }
    if case .selection(let scroll, _)? = state.overlay, let selection {
      state.overlay = .selection(scroll: scroll, job: selection.latest())
    }
    return AutoPace.command(state: &state, snapshot: snapshot).map { [$0] } ?? []
  }

  public mutating func compose(_ snapshot: ExperimentSnapshot, width: Int, height: Int) -> Grid {
    // Scrub-back: every panel draws the recorded epoch.
    let shown = state.viewing.flatMap { state.scrub.snapshot(at: $0, live: snapshot) } ?? snapshot
    return ScreenComposer.compose(shown, state: state, bindings: locks?.rows(Bindings.rows(for: .play)) ?? Bindings.rows(for: .play),
                           width: width, height: height,
                           histograms: histograms, lens: lens)
  }

  public mutating func perform(_ action: Action, snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    // PgUp PgDn Home scroll an open overlay; without one they look back in time.
    if state.overlay == nil, case .scroll(let scroll) = action, let move = Self.scrubMove(scroll) {
      return perform(.scrub(move), snapshot: snapshot)
    }
    // On the λ path, ← → PgUp PgDn Home End move its cursor instead.
    if case .scrub(let move) = action, state.view == .path, state.overlay == nil {
      PathPanel.move(move, state: &state, snapshot: snapshot)
      return []
    }
    if case .scrub(let move) = action { scrub(move, snapshot: snapshot); return [] }
    if action == .pickPathLambda {
      if state.overlay != nil { state.overlay = nil; return [] }
      guard state.view == .path else { return [] }
      if let refusal = locks?.refusal(.lambda(up: true)) { state.note(refusal); return [] }
      if let locks, locks.allowance.lambdaLane != nil {
        state.note("the preset '\(locks.name)' moves one lane's λ: use [ ]")
        return []
      }
      return PathPanel.pick(state: &state, snapshot: snapshot)
    }
    if action == .reset { pathRunner.reset() }
    if let commands = state.performCommon(action, snapshot: snapshot) { return commands }
    if let refusal = locks?.refusal(action) {
      state.note(refusal)
      return []
    }
    switch action {
    case .lambda where state.view == .lens:
      if let notice = lens.perform(action) { state.note(notice) }
      return []
    case .lambda(let up): return [locks?.lambdaCommand(up: up, snapshot: snapshot) ?? .stepLambda(up: up)]
    case .learningRate(let up): return [.stepLearningRate(up: up)]
    case .nextL1Rule: return [.nextL1Rule]
    case .nextDataset: return nextDataset(snapshot)
    case .toggleSelection:
      if case .selection? = state.overlay { state.overlay = nil; return [] }
      openSelection(snapshot)
      return []
    case .toggleStandardize:
      var config = snapshot.config
      config.standardize.toggle()
      state.histogramRanges = [:]
      state.note(config.standardize ? "standardization on: every feature as z-scores (training starts over)"
                                    : "standardization off: features in their own units (training starts over)")
      return [.reconfigure(config)]
    case .writeKeras:
      guard let code = KerasCode(snapshot: snapshot) else {
        state.note("nothing to write yet: the experiment is still starting")
        return []
      }
      do { state.note("wrote \(try code.write(to: "regviz-keras")[0]): run it with python3") } catch {
        state.note("Keras code not written: \(error.message)")
      }
      return []
    default: return []
    }
  }

  static func scrubMove(_ scroll: Scroll) -> ScrubMove? {
    switch scroll {
    case .pageUp: return .pageBack
    case .pageDown: return .pageForward
    case .top: return .first
    case .bottom: return .last
    case .lineUp, .lineDown: return nil
    }
  }

  /// Moves the view through the recorded epochs; only while paused (training on would move
  /// the live end away under the learner's eyes).
  private mutating func scrub(_ move: ScrubMove, snapshot: ExperimentSnapshot) {
    guard !snapshot.running else {
      state.note("pause first (space) to look back through the epochs")
      return
    }
    state.viewing = state.scrub.index(after: move, from: state.viewing)
    if let v = state.viewing {
      state.note("viewing epoch \(state.scrub.entries[v].epoch) of \(snapshot.epoch) · ← → PgUp PgDn Home End · space resumes")
    } else {
      state.note("live: epoch \(snapshot.epoch)")
    }
  }

  /// Opens the selection overlay; (re)starts the background run when the setup changed since.
  private mutating func openSelection(_ snapshot: ExperimentSnapshot) {
    var config = snapshot.config
    config.seed = 1
    if selection?.config != config {
      selection?.cancel()
      let job = SelectionJob(config: config, seeds: SelectionFrequency.seedList(from: 1, count: SelectionOverlay.seeds),
                             epochs: SelectionOverlay.epochs)
      job.start()
      selection = job
    }
    state.overlay = .selection(scroll: 0, job: selection?.latest())
  }

  /// sparse → iris → sparse; a CSV given on the command line is not in the cycle, and `d`
  /// leaves it for the first built-in data set. Iris comes as the Keras tutorial's model
  /// (`--setup keras-iris`), what a learner from that tutorial expects to see; back on sparse
  /// the default layers and lanes return.
  private mutating func nextDataset(_ snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    let sources = DataSource.builtIn
    var config = snapshot.config
    let index = sources.firstIndex(of: config.dataset).map { ($0 + 1) % sources.count } ?? 0
    if sources[index] == .iris {
      config = NamedSetup.kerasIris.applied(to: config)
    } else {
      let defaults = ExperimentConfig()
      if config.dataset == .iris { (config.hidden, config.lanes) = (defaults.hidden, defaults.lanes) }
    }
    config.dataset = sources[index]
    state.histogramRanges = [:]
    state.note("data set: \(config.dataset) (training starts over)")
    return [.reconfigure(config)]
  }
}
