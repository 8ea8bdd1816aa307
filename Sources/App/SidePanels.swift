import Canvas
import NeuralCore
import Training

/// The first-layer feature view and the model summary.
enum SidePanels {
  /// Names the exact-zero glyph the bars really use (`·`, or `.` in ASCII mode).
  static func featuresTitle(informativeKnown: Bool, theme: Theme) -> String {
    let zero = String(theme.glyphs.exactZero)
    return theme.printable(informativeKnown
      ? "first layer: ‖w‖ per input feature · ★ informative · " : "first layer: ‖w‖ per input feature · ")
      + zero + " = all exactly 0"
  }

  /// |w| per input feature (the norm of the weights leaving it) for every visible lane, on one
  /// scale so L2's overall shrinkage shows; `·` marks a feature whose weights are all exactly 0.
  static func features(
    _ lanes: [(index: Int, lane: LaneSnapshot)], snapshot: ExperimentSnapshot, theme: Theme
  ) -> FeatureBarsWidget {
    let informative = Set(snapshot.informative ?? [])
    let features = snapshot.featureNames.enumerated().map { i, name in
      FeatureBarsWidget.Feature(name: theme.printable(name), informative: informative.contains(i))
    }
    let rows = lanes.map { i, lane in
      FeatureBarsWidget.Row(label: theme.printable(lane.name), style: theme.laneStyle(i),
                            values: lane.stats.featureMagnitudes.map(Double.init))
    }
    // A feature's bar is the norm of its first-layer row; a row whose weights are all below the
    // near-zero threshold has a norm below threshold·√units: "almost zero", drawn apart.
    let units = Double(lanes.first?.lane.network.layers.first?.units ?? 1)
    let nearZero = Double(snapshot.config.nearZeroThreshold) * units.squareRoot()
    return FeatureBarsWidget(features: features, rows: rows, scale: .shared, showsLegend: false, nearZero: nearZero)
  }

  static func modelTitle(_ snapshot: ExperimentSnapshot, theme: Theme) -> String {
    let c = snapshot.config
    let batch = c.batchSize.map { "batch \($0)" } ?? "full batch"
    return theme.printable("model · \(c.optimizer.name) · \(batch)")
  }

  /// One row per Dense layer (Keras name and units, then each lane's regularizer kind), then accuracies. Lanes
  /// head their columns with their marker, in their colour, like the legend.
  static func model(
    _ lanes: [(index: Int, lane: LaneSnapshot)], snapshot: ExperimentSnapshot, theme: Theme
  ) -> TableWidget {
    typealias Cell = TableWidget.Cell
    var rows: [[Cell]] = []
    rows.append([Cell("")] + lanes.map { i, _ in Cell(String(theme.laneMarker(i)), style: theme.laneStyle(i)) })
    let network = lanes.first?.lane.network
    // Keras's layer names and units, as `model.summary()` lists them (the status line has the
    // activation): "dense_1" is the second Dense layer here as in Keras.
    for (l, layer) in (network?.layers ?? []).enumerated() {
      let shape = theme.printable("\(Network.kerasLayerName(l)) \(layer.units)")
      rows.append([Cell(shape, style: theme.dim)] + lanes.map { i, lane in
        let r = l < lane.regularizers.count ? lane.regularizers[l] : .none
        return Cell(theme.printable(Format.kind(r)), style: r.isNone ? theme.dim : theme.laneStyle(i))
      })
    }
    rows.append([Cell("train acc", style: theme.dim)] + lanes.map { i, lane in
      Cell(Format.accuracy(lane.latest?.accuracy), style: theme.laneStyle(i))
    })
    if snapshot.validationCount > 0 {
      rows.append([Cell("val acc", style: theme.dim)] + lanes.map { i, lane in
        Cell(Format.accuracy(lane.latest?.valAccuracy), style: theme.laneStyle(i))
      })
    }
    // The two halves of the objective, so "L1 pays a penalty and gets zeros for it" has numbers.
    rows.append([Cell("data loss", style: theme.dim)] + lanes.map { i, lane in
      Cell(Format.short(lane.latest?.dataLoss), style: theme.laneStyle(i))
    })
    rows.append([Cell("penalty", style: theme.dim)] + lanes.map { i, lane in
      Cell(Format.short(lane.latest?.penalty), style: theme.laneStyle(i))
    })
    return TableWidget(rows: rows, alignments: [.left] + lanes.map { _ in .center }, gap: 1)
  }
}
