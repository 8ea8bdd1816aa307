import Lessons
import Training

extension AppState {
  /// Updates what the UI keeps across frames from a new snapshot: forgets ranges and selections
  /// that no longer apply after a reset or a new configuration, widens the histogram range
  /// when weights outgrow it, and counts the notice down by `elapsed` seconds. Called once per
  /// frame, before drawing.
  public mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double = 1.0 / 30) {
    let laneCount = snapshot.lanes.count
    scrub.record(snapshot)
    if snapshot.running || snapshot.epoch < lastEpoch { viewing = nil }
    // On the λ path, ← → move its cursor, and its notices say so.
    if let viewing, view != .path { note("viewing epoch \(scrub.entries[viewing].epoch) of \(snapshot.epoch) · ← → PgUp PgDn Home End · space resumes") }
    if snapshot.epoch < lastEpoch {
      histogramRanges = [:]
      lambdaLowered = false
    }
    let lambda = Lane.referenceLambda(snapshot.lanes.map(\.lane))
    if let shown = shownLambda, lambda < shown { lambdaLowered = true }
    shownLambda = lambda
    lastEpoch = snapshot.epoch
    hiddenLanes = hiddenLanes.filter { $0 < laneCount }
    if hiddenLanes.count >= laneCount { hiddenLanes = [] }
    let layers = snapshot.lanes.first?.network.layers.count ?? 0
    if let l = layer, l >= layers { layer = nil }

    let key = layer ?? -1
    let kernels = visibleLanes(count: laneCount).map { i in
      let layers = snapshot.lanes[i].network.layers
      return layer.map { [layers[$0].kernel] } ?? layers.map(\.kernel)
    }
    histogramRanges[key] = HistogramRange.update(histogramRanges[key], lanes: kernels)

    // The runner owns the rule; a change it made (the `u` key) is announced once it shows.
    let rule = snapshot.config.l1Rule
    if let shown = shownL1Rule, shown != rule {
      note("L1 rule: \(rule.rawValue) — \(Self.describe(rule))")
    }
    shownL1Rule = rule

    if notice != nil {
      noticeRemaining -= elapsed
      if noticeRemaining <= 0 { notice = nil }
    }
  }

  /// The histogram range for the current layer selection (1 before the first `observe`).
  public var histogramRange: Float { histogramRanges[layer ?? -1] ?? 1 }
}
