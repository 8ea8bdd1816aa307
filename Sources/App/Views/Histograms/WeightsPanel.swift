import Canvas
import NeuralCore
import Training

/// One column per visible lane: the weight histogram on the shared range, then the exact-zero
/// and near-zero gauges. The lesson of the whole program sits here: L1's column collapses onto
/// the zero bin (drawn bold) while L2's bell only narrows.
struct WeightsPanel {
  var lanes: [(index: Int, lane: LaneSnapshot)]
  /// nil = all layers, else a 0-based layer index.
  var layer: Int?
  /// Half-width of the x range, the same for every lane.
  var range: Float
  /// w on a symmetric range, or log10|w|.
  var scale: HistogramScale = .linear
  /// Counts kept from the last frame (nil: count every frame).
  var cache: HistogramCache? = nil
  /// Each lane's L1 rule when the lanes differ in it (`Format.laneRules`), by lane index.
  var rules: [L1Rule?]? = nil

  /// Panel title: what is shown, and what the two gauges count.
  /// Longest first (see `BorderMesh.title`).
  static func title(layer: Int?, network: Network?, threshold: Float, scale: HistogramScale = .linear,
                    theme: Theme) -> [String] {
    var what = scale == .log ? "log10|w| · all layers" : "weights · all layers"
    if let layer, let network, layer < network.layers.count {
      let l = network.layers[layer]
      what = (scale == .log ? "log10|w|" : "weights") + " · layer \(layer + 1) of \(network.layers.count) (\(l.inputs)→\(l.units))"
    }
    let near = String(format: "%g", Double(threshold))
    return [
      "\(what) · =0 exactly zero · ≈0 |w| < \(near) · tab: layer",
      "\(what) · =0 exactly zero · ≈0 |w| < \(near)",
      "\(what) · ≈0 |w| < \(near)",
      what,
    ].map(theme.printable)
  }

  /// `L1+L2 λ 0.01/0.005`, shortened until it fits: equal strengths once, then without `λ`,
  /// then the name alone. With `rule` (the lanes differ in it) ` · subgradient` follows each
  /// form that has room for it.
  static func laneTitle(_ lane: LaneSnapshot, width: Int, theme: Theme, rule: L1Rule? = nil) -> String {
    let full = Format.lambdaLabel(lane.lane)
    let merged = Format.lambdaLabel(lane.lane, mergeEqual: true)
    var candidates = [full, merged, String(merged.dropFirst(2)), ""].map {
      theme.printable($0.isEmpty ? lane.name : lane.name + " " + $0)
    }
    if let rule { candidates = candidates.map { $0 + theme.printable(" · ") + rule.rawValue } + candidates }
    // An early-stopped lane says which epoch's weights it holds, while there is room.
    if let stop = lane.stoppedAt {
      let kept = theme.printable(" · stopped \(stop), kept \(lane.bestEpoch ?? stop)")
      candidates = candidates.map { $0 + kept } + [theme.printable(lane.name + " · stopped")] + candidates
    } else if lane.lane.spec.stopPatience != nil, let best = lane.bestEpoch, best < lane.epoch {
      // Still training: the weights shown are the live ones, but the lane would end (as Keras's
      // restore_best_weights does at the end of fit) with the best epoch's.
      candidates = candidates.map { $0 + theme.printable(" · best \(best)") } + candidates
    }
    return candidates.first { $0.count <= width } ?? candidates[candidates.count - 1]
  }

  func draw(in rect: Rect, painter p: inout Painter, theme: Theme) {
    guard !lanes.isEmpty, !rect.isEmpty else { return }
    let columns = rect.columns(weights: lanes.map { _ in 1 }, gap: 2)
    for ((index, lane), column) in zip(lanes, columns) {
      drawLane(lane, index: index, in: column, painter: &p, theme: theme)
    }
  }

  private func drawLane(
    _ lane: LaneSnapshot, index: Int, in column: Rect, painter p: inout Painter, theme: Theme
  ) {
    let style = theme.laneStyle(index)
    let gaugeRows = column.height >= 7 ? 2 : 1
    let (plot, gauges) = column.splitVertically(at: column.height - gaugeRows)
    let layerIndex = layer.flatMap { $0 < lane.network.layers.count ? $0 : nil }
    let rule = rules.flatMap { $0.indices.contains(index) ? $0[index] : nil }
    let title = WeightsPanel.laneTitle(lane, width: plot.width, theme: theme, rule: rule)
    switch scale {
    case .linear:
      let bins = HistogramWidget.binCount(width: plot.width)
      let counts = cache?.counts(lane: index, lane, layer: layerIndex, scale: scale, bins: bins, range: range)
        ?? HistogramCache.count(lane, layer: layerIndex, scale: scale, bins: bins, range: range)
      HistogramWidget(bins: counts.bins, zeroCount: counts.zeros, range: range, title: title, style: style)
        .draw(in: plot, painter: &p, theme: theme)
    case .log:
      let bins = LogHistogramWidget.binCount(width: plot.width)
      let counts = cache?.counts(lane: index, lane, layer: layerIndex, scale: scale, bins: bins, range: range)
        ?? HistogramCache.count(lane, layer: layerIndex, scale: scale, bins: bins, range: range)
      LogHistogramWidget(bins: counts.bins, zeroCount: counts.zeros, lowDecade: LogHistogram.lowestDecade,
                         highDecade: LogHistogram.highestDecade, title: title, style: style)
        .draw(in: plot, painter: &p, theme: theme)
    }

    if let epoch = lane.divergedAt {
      // The weights are NaN or infinite: no bar would be true. Say what happened instead.
      p.clear(plot.inset(top: 1))
      p.clear(gauges)
      let lines = plot.width >= 20 ? ["diverged at epoch \(epoch)", "(loss not finite)", "r starts over"]
        : ["diverged", "at epoch \(epoch)", "(loss not finite)", "r starts over"]
      for (row, text) in lines.prefix(atMost: plot.height - 1).enumerated() {
        p.put(Painter.truncate(text, to: plot.width, ellipsis: theme.glyphs.ellipsis),
              x: plot.x, y: plot.y + 1 + row, style: theme.warning)
      }
      return
    }
    let stats = lane.stats
    let weights = layerIndex.map { stats.layerWeights[$0] } ?? stats.weights
    let zeros = layerIndex.map { stats.layerZeros[$0] } ?? stats.zeros
    let near = layerIndex.map { stats.layerNearZeros[$0] } ?? stats.nearZeros
    let total = Double(max(weights, 1))
    GaugeWidget(label: "=0", fraction: Double(zeros) / total, style: style)
      .draw(in: gauges.line(0), painter: &p, theme: theme)
    if gaugeRows > 1 {
      GaugeWidget(label: theme.printable("≈0"), fraction: Double(near) / total, style: style.adding(.dim))
        .draw(in: gauges.line(1), painter: &p, theme: theme)
    }
  }
}
