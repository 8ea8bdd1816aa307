import NeuralCore
import Training

extension AppState {
  /// Applies an action that works the same in every mode — the view, the pace, the overlays —
  /// and returns the runner commands it needs; nil for an action the mode must decide.
  mutating func performCommon(_ action: Action, snapshot: ExperimentSnapshot) -> [RunnerCommand]? {
    if let overlay, let taken = overlayAction(action, overlay) {
      self.overlay = taken
      return []
    }
    switch action {
    case .quit:
      quit = true
    case .togglePause:
      return [.togglePause]
    case .stepEpoch:
      return [.stepEpoch]
    case .reset:
      // The histograms' ranges belong to the run that grew them.
      histogramRanges = [:]
      note("reset: same initial weights, current settings")
      return [.reset]
    case .speed(let up):
      autoPace = false
      return [.stepSpeed(up: up)]
    case .toggleLane(let index):
      toggleLane(index, count: snapshot.lanes.count)
    case .layer(let forward):
      layer = Self.nextLayer(layer, count: snapshot.lanes.first?.network.layers.count ?? 0, forward: forward)
    case .switchLossView:
      lossView = lossView == .trainValidation ? .dataPenalty : .trainValidation
    case .switchHistogramScale:
      histogramScale = histogramScale == .linear ? .log : .linear
    case .nextView:
      view = view.next
    case .togglePathView:
      view = view == .path ? .histograms : .path
    case .nextTugWeight:
      tugPick += 1
      if view != .tug { note("t picks the weight of the tug of war (v shows it)") }
    case .toggleKeras:
      if case .keras = overlay { overlay = nil } else { overlay = .keras(scroll: 0) }
    case .toggleHelp:
      if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
    case .closeOverlay:
      overlay = nil
    case .togglePin:
      if pinned != nil {
        pinned = nil
        note("unpinned: the charts show the live run only")
      } else {
        let pin = PinnedRun(snapshot, lanes: visibleLanes(count: snapshot.lanes.count))
        pinned = pin
        note("pinned (\(pin.label)): after r, u or any restart the charts show it dimmed; g unpins")
      }
    default:
      return nil
    }
    return []
  }

  /// What an open overlay makes of `action`: scrolling keys scroll it, esc closes it; nil for
  /// an action that passes through (λ can change while the Keras code is shown, and it follows).
  private func overlayAction(_ action: Action, _ overlay: Overlay) -> Overlay?? {
    switch action {
    case .scroll(let scroll) where scroll != .bottom:
      switch overlay {
      case .help(let offset): return .help(scroll: scroll.apply(to: offset, end: Self.overlayEnd))
      case .keras(let offset): return .keras(scroll: scroll.apply(to: offset, end: Self.overlayEnd))
      case .selection(let offset, let job): return .selection(scroll: scroll.apply(to: offset, end: Self.overlayEnd), job: job)
      }
    case .closeOverlay:
      return .some(nil)
    default:
      return nil
    }
  }

  /// Overlays clamp their own scrolling to their text; this only bounds the number.
  static let overlayEnd = 1_000_000

  private mutating func toggleLane(_ index: Int, count: Int) {
    guard index < count else {
      note("there is no lane \(index + 1) (lanes 1–\(count))")
      return
    }
    if hiddenLanes.contains(index) {
      hiddenLanes.remove(index)
    } else if visibleLanes(count: count).count > 1 {
      hiddenLanes.insert(index)
    } else {
      note("one lane stays visible")
    }
  }

  /// all → 0 → 1 → … → count-1 → all (or backwards).
  static func nextLayer(_ layer: Int?, count: Int, forward: Bool) -> Int? {
    let order: [Int?] = [nil] + (0..<max(count, 0)).map { $0 }
    let i = order.firstIndex(of: layer) ?? 0
    return order[(i + (forward ? 1 : order.count - 1)) % order.count]
  }

  /// One line on what an L1 rule does, for the notice when it changes.
  static func describe(_ rule: L1Rule) -> String {
    switch rule {
    case .prox: return "soft-threshold, weights land on exactly 0"
    case .subgradient: return "Keras's λ·sign(w): weights jitter around 0"
    case .clip: return "Playground's: stop at 0 instead of crossing it"
    }
  }
}
