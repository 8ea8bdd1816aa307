import LessonRuns
import Canvas
import Lessons
import NeuralCore
import Training

/// The dashboard as free play and lessons share it: what the viewer chose (`AppState`), the
/// state of the views that keep some (the lens, the λ path's background job, the histogram
/// cache, the selection job), the frame it draws and the actions every mode treats alike.
/// A mode owns one and adds only what is its own (pages and missions; the data-set keys).
struct Dashboard {
  var state: AppState
  let histograms = HistogramCache()
  /// The two-weight lens, when it shows (`v`, `view: lens`).
  var lens = LensView()
  /// The λ path view's background job.
  var pathRunner = PathRunner()
  /// The selection-frequency run behind `f`, for the setup it was started on.
  var selection: SelectionJob?

  init(state: AppState) { self.state = state }

  /// One frame: the viewer's state follows the snapshot, each view does its frame's work.
  mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double) {
    state.observe(snapshot, elapsed: elapsed)
    for view in Views.all { view.observe(&self, snapshot: snapshot, elapsed: elapsed) }
    followSelection(snapshot)
    if case .selection(let scroll, _)? = state.overlay, let selection {
      state.overlay = .selection(scroll: scroll, job: selection.latest())
    }
  }

  /// The `f` job works only for its window and the live setup: closed, it is cancelled; the
  /// setup changed under it (a new data set, λ), it starts over on the new one. A finished
  /// tally costs nothing and stays for the next `f`.
  mutating func followSelection(_ snapshot: ExperimentSnapshot) {
    guard let job = selection, !job.isFinished else { return }
    guard case .selection? = state.overlay else {
      job.cancel()
      selection = nil
      return
    }
    if job.config != SelectionJob.setup(snapshot.config) { startSelection(snapshot) }
  }

  /// Starts the `f` job for the live setup unless one for it is there already.
  mutating func startSelection(_ snapshot: ExperimentSnapshot) {
    let config = SelectionJob.setup(snapshot.config)
    guard selection?.config != config || selection?.isCancelled == true else { return }
    selection?.cancel()
    let job = SelectionJob(config: config, seeds: SelectionFrequency.seedList(from: 1, count: SelectionOverlay.seeds),
                           epochs: SelectionOverlay.epochs)
    job.start()
    selection = job
  }

  /// The frame: the view that shows inside the chrome, drawn from the recorded epoch while
  /// scrubbing back.
  func compose(_ snapshot: ExperimentSnapshot, keymap: Keymap, width: Int, height: Int, side: SidePane? = nil,
               highlight: Lessons.Panel? = nil) -> Grid {
    let shown = state.viewing.flatMap { state.scrub.snapshot(at: $0, live: snapshot) } ?? snapshot
    return Chrome.compose(shown, state: state, keymap: keymap, width: width, height: height, side: side,
                          highlight: highlight, histograms: histograms, lens: lens)
  }

  /// Acts on `action` as every mode does and returns the runner's commands; nil for an action
  /// the mode decides (pages, answers, settings keys). A key `lock` holds is refused first.
  mutating func perform(_ action: Action, snapshot: ExperimentSnapshot, lock: KeyLock?) -> [RunnerCommand]? {
    if let refusal = lock?.refusal(action) {
      state.note(refusal)
      return []
    }
    if let commands = Views.entry(state.view).perform(action, &self, snapshot: snapshot) { return commands }
    switch action {
    case .quit:
      state.quit = true
    case .togglePause:
      return [.togglePause]
    case .stepEpoch:
      return [.stepEpoch]
    case .reset:
      // The histograms' ranges belong to the run that grew them; an unfinished path restarts.
      state.histogramRanges = [:]
      state.note("reset: same initial weights, current settings")
      pathRunner.reset()
      return [.reset]
    case .speed(let up):
      state.autoPace = false
      return [.stepSpeed(up: up)]
    case .toggleLane(let index):
      toggleLane(index, count: snapshot.lanes.count)
    case .layer(let forward):
      // The matrix view draws one layer at a time and shows "all layers" as the first: there
      // `tab` skips that state, so every press shows another matrix.
      state.layer = Self.nextLayer(state.layer, count: snapshot.lanes.first?.network.layers.count ?? 0, forward: forward,
                                   allLayers: state.view != .matrix)
    case .switchLossView:
      state.lossView = state.lossView == .trainValidation ? .dataPenalty : .trainValidation
    case .switchHistogramScale:
      state.histogramScale = state.histogramScale == .linear ? .log : .linear
    case .nextView:
      state.view = Views.next(after: state.view)
    case .togglePathView:
      state.view = state.view == .path ? .histograms : .path
    case .nextTugWeight:
      state.tugPick += 1
      if state.view != .tug { state.note("t picks the weight of the tug of war (v shows it)") }
    case .toggleKeras:
      if case .keras = state.overlay { state.overlay = nil } else { state.overlay = .keras(scroll: 0) }
    case .toggleHelp:
      if case .help = state.overlay { state.overlay = nil } else { state.overlay = .help(scroll: 0) }
    case .closeOverlay:
      state.overlay = nil
    case .scrollOverlay(let scroll):
      state.overlay = state.overlay.map { Self.scrolled($0, scroll) }
    case .togglePin:
      if state.pinned != nil {
        state.pinned = nil
        state.note("unpinned: the charts show the live run only")
      } else {
        let pin = PinnedRun(snapshot, lanes: state.visibleLanes(count: snapshot.lanes.count))
        state.pinned = pin
        state.note("pinned (\(pin.label)): after r, u or any restart the charts show it dimmed; g unpins")
      }
    case .scrub(let move):
      scrub(move, snapshot: snapshot)
    default:
      return nil
    }
    return []
  }

  /// An open window scrolled; each clamps to its own text when drawn, this only bounds the number.
  private static func scrolled(_ overlay: Overlay, _ scroll: Scroll) -> Overlay {
    let end = 1_000_000
    switch overlay {
    case .help(let offset): return .help(scroll: scroll.apply(to: offset, end: end))
    case .keras(let offset): return .keras(scroll: scroll.apply(to: offset, end: end))
    case .selection(let offset, let job): return .selection(scroll: scroll.apply(to: offset, end: end), job: job)
    }
  }

  private mutating func toggleLane(_ index: Int, count: Int) {
    guard index < count else {
      state.note("there is no lane \(index + 1) (lanes 1–\(count))")
      return
    }
    if state.hiddenLanes.contains(index) {
      state.hiddenLanes.remove(index)
    } else if state.visibleLanes(count: count).count > 1 {
      state.hiddenLanes.insert(index)
    } else {
      state.note("one lane stays visible")
    }
  }

  /// all → 0 → 1 → … → count-1 → all (or backwards); without `allLayers`, 0 → 1 → … → count-1
  /// → 0, with all (nil) read as 0.
  static func nextLayer(_ layer: Int?, count: Int, forward: Bool, allLayers: Bool = true) -> Int? {
    let order: [Int?] = (allLayers ? [nil] : []) + (0..<max(count, 0)).map { $0 }
    guard !order.isEmpty else { return nil }
    let i = order.firstIndex(of: layer ?? (allLayers ? nil : 0)) ?? 0
    return order[(i + (forward ? 1 : order.count - 1)) % order.count]
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
}

extension AppState {
  /// One line on what an L1 rule does, for the notice when it changes.
  static func describe(_ rule: L1Rule) -> String {
    switch rule {
    case .prox: return "soft-threshold, weights land on exactly 0"
    case .subgradient: return "Keras's λ·sign(w): weights jitter around 0"
    case .clip: return "Playground's: stop at 0 instead of crossing it"
    }
  }

  /// A notice that stays up for `seconds` instead of the usual few: a warning the learner
  /// must not miss (progress set aside, progress not saved).
  public mutating func note(_ text: String, for seconds: Double) {
    note(text)
    noticeRemaining = seconds
  }
}
