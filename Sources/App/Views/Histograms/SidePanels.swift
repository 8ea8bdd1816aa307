import Canvas
import NeuralCore
import Training

/// The first-layer feature view and the model summary.
enum SidePanels {
  /// Names the exact-zero glyph the bars really use (`·`, or `.` in ASCII mode).
  /// Longest first (see `BorderMesh.title`).
  static func featuresTitle(informativeKnown: Bool, theme: Theme) -> [String] {
    let zero = String(theme.glyphs.exactZero)
    let star = informativeKnown ? " · ★ informative" : ""
    return [
      "first layer: ‖w‖ per input feature\(star) · ", "‖w‖ per input feature\(star) · ", "‖w‖ per feature\(star) · ",
    ].map { theme.printable($0) + zero + " = all exactly 0" } + [theme.printable("‖w‖ per feature")]
  }

  /// |w| per input feature (the norm of the weights leaving it) for every visible lane, on one
  /// scale so L2's overall shrinkage shows; `·` marks a feature whose weights are all exactly 0,
  /// and each lane's row ends in how many such inputs it dropped (`2 dropped`: whole rows, told
  /// apart from zero weights, issue 27).
  static func features(
    _ lanes: [(index: Int, lane: LaneSnapshot)], snapshot: ExperimentSnapshot, theme: Theme
  ) -> FeatureBarsWidget {
    let informative = Set(snapshot.informative ?? [])
    let features = snapshot.featureNames.enumerated().map { i, name in
      FeatureBarsWidget.Feature(name: theme.printable(name), informative: informative.contains(i))
    }
    let rows = lanes.map { i, lane in
      FeatureBarsWidget.Row(label: theme.printable(lane.name), style: theme.laneStyle(i),
                            values: lane.stats.featureMagnitudes.map(Double.init),
                            note: "\(lane.network.droppedInputs.count) dropped")
    }
    // A feature's bar is the norm of its first-layer row; a row whose weights are all below the
    // near-zero threshold has a norm below threshold·√units: "almost zero", drawn apart.
    let units = Double(lanes.first?.lane.network.layers.first?.units ?? 1)
    let nearZero = Double(snapshot.config.nearZeroThreshold) * units.squareRoot()
    return FeatureBarsWidget(features: features, rows: rows, scale: .shared, showsLegend: false, nearZero: nearZero)
  }

  /// Longest first (see `BorderMesh.title`).
  static func modelTitle(_ snapshot: ExperimentSnapshot, theme: Theme) -> [String] {
    let c = snapshot.config
    let batch = c.batchSize.map { "batch \($0)" } ?? "full batch"
    return ["model · \(c.optimizer.name) · \(batch)", "model · \(c.optimizer.name)", "model"].map(theme.printable)
  }
}
