import Canvas
import NeuralCore
import Training

/// The model summary beside the charts: one row per Dense layer (Keras name and units, then each
/// lane's regularizer kind), then accuracies, data loss and penalty; lanes head their columns
/// with their marker, in their colour, like the legend.
///
/// It never cuts a row or a number. When the rows do not fit, it gives up whole rows in this
/// order: layer rows that say the same for every layer merge into one `all layers` row (nothing
/// is lost), then `data loss`, then `train acc`, then `penalty`, then layer rows from the last
/// up; the marker row and `val acc` always stay. Lanes that do not fit are left out from the
/// right. The marker row says what was left out: `+2 rows` in its first cell, `+3` (lanes) at its end.
struct ModelPanel {
  typealias Cell = TableWidget.Cell

  /// Row kinds, for the drop order.
  enum Row: Equatable {
    case markers, layer(Int), allLayers, trainAccuracy, validationAccuracy, dataLoss, penalty
  }

  let lanes: [(index: Int, lane: LaneSnapshot)]
  let snapshot: ExperimentSnapshot
  let theme: Theme
  /// A lesson's question waits (`AppState.answerPending`): which layer carries which penalty
  /// may be what it asks (lesson 4), so each layer's kind shows `?` until it is answered.
  var withheld = false

  /// The rows that fit `height`, in display order.
  func rows(height: Int) -> (rows: [Row], dropped: Int) {
    let layers = lanes.first?.lane.network.layers.count ?? 0
    let hasValidation = snapshot.validationCount > 0
    var rows: [Row] = [.markers] + (0..<layers).map(Row.layer) + [.trainAccuracy]
      + (hasValidation ? [.validationAccuracy] : []) + [.dataLoss, .penalty]
    if rows.count > height, layers > 1, sameKindInEveryLayer {
      rows.removeAll { if case .layer = $0 { true } else { false } }
      rows.insert(.allLayers, at: 1)
    }
    let merged = rows.count
    var order: [Row] = [.dataLoss, .trainAccuracy, .penalty] + (0..<layers).reversed().map(Row.layer)
    if !hasValidation { order.removeAll { $0 == .trainAccuracy } }
    for row in order where rows.count > max(height, 1) { rows.removeAll { $0 == row } }
    return (rows, merged - rows.count)
  }

  /// Every lane's regularizer kind is the same in all its layers.
  var sameKindInEveryLayer: Bool {
    !withheld && lanes.allSatisfy { _, lane in Set(kinds(lane)).count <= 1 }
  }

  private func kinds(_ lane: LaneSnapshot) -> [String] {
    lane.network.layers.indices.map { l in
      Self.kind(l < lane.regularizers.count ? lane.regularizers[l] : .none, decay: lane.lane.weightDecays.indices.contains(l) ? lane.lane.weightDecays[l] : 0)
    }
  }

  /// The table for a `width` × `height` area.
  func table(width: Int, height: Int) -> TableWidget {
    let (kept, dropped) = rows(height: height)
    // Lanes fit while label column + (gap + widest cell) per lane stays within the width.
    var shown = lanes
    func needed(_ ls: [(index: Int, lane: LaneSnapshot)]) -> Int {
      let cells = build(kept, lanes: ls, hidden: (rows: dropped, lanes: lanes.count - ls.count))
      return TableWidget(rows: cells, gap: 1).naturalWidth
    }
    while shown.count > 1, needed(shown) > width { shown.removeLast() }
    let cells = build(kept, lanes: shown, hidden: (rows: dropped, lanes: lanes.count - shown.count))
    return TableWidget(rows: cells, alignments: [.left] + shown.map { _ in .right }, gap: 1)
  }

  private func build(_ kept: [Row], lanes: [(index: Int, lane: LaneSnapshot)],
                     hidden: (rows: Int, lanes: Int)) -> [[Cell]] {
    let network = lanes.first?.lane.network
    let accuracy = { (a: Double?) in Quantity.percent(a) }
    return kept.map { row -> [Cell] in
      switch row {
      case .markers:
        let rowsNote = hidden.rows == 0 ? "" : "+\(hidden.rows) row" + (hidden.rows == 1 ? "" : "s")
        return [Cell(rowsNote, style: theme.dim)]
          + lanes.map { i, _ in Cell(String(theme.laneMarker(i)), style: theme.laneStyle(i)) }
          + (hidden.lanes == 0 ? [] : [Cell("+\(hidden.lanes)", style: theme.dim)])
      case .layer(let l):
        // Keras's layer names and units, as `model.summary()` lists them: "dense_1" is the
        // second Dense layer here as in Keras.
        let units = network.map { $0.layers[l].units } ?? 0
        return [Cell(theme.printable("\(Network.kerasLayerName(l)) \(units)"), style: theme.dim)]
          + lanes.map { i, lane in kindCell(lane.regularizers.indices.contains(l) ? lane.regularizers[l] : .none,
                                             decay: lane.lane.weightDecays.indices.contains(l) ? lane.lane.weightDecays[l] : 0, lane: i) }
      case .allLayers:
        return [Cell("all layers", style: theme.dim)]
          + lanes.map { i, lane in kindCell(lane.regularizers.first ?? .none, decay: lane.lane.weightDecays.first ?? 0, lane: i) }
      case .trainAccuracy:
        return numbers("train acc", lanes.map { accuracy($0.lane.latest?.accuracy) }, lanes: lanes)
      case .validationAccuracy:
        return numbers("val acc", lanes.map { accuracy($0.lane.latest?.valAccuracy) }, lanes: lanes)
      case .dataLoss:
        return numbers("data loss", Format.sharedRow(lanes.map { $0.lane.latest?.dataLoss }), lanes: lanes)
      case .penalty:
        return numbers("penalty", Format.sharedRow(lanes.map { $0.lane.latest?.penalty }), lanes: lanes)
      }
    }
  }

  private func kindCell(_ r: Regularizer, decay: Float, lane i: Int) -> Cell {
    if withheld { return Cell("?", style: theme.dim) }
    return Cell(theme.printable(Self.kind(r, decay: decay)), style: r.isNone && decay == 0 ? theme.dim : theme.laneStyle(i))
  }

  /// `Format.kind`, with `WD` for decoupled weight decay (alone or after the penalty: `L2+WD`).
  static func kind(_ r: Regularizer, decay: Float) -> String {
    guard decay > 0 else { return Format.kind(r) }
    return r.isNone ? "WD" : Format.kind(r) + "+WD"
  }

  private func numbers(_ label: String, _ texts: [String], lanes: [(index: Int, lane: LaneSnapshot)]) -> [Cell] {
    [Cell(label, style: theme.dim)] + zip(lanes, texts).map { lane, text in Cell(text, style: theme.laneStyle(lane.index)) }
  }
}
