import Canvas
import NeuralCore
import Training

/// The feature panel when the inputs form a picture (digits, a CSV with `--image`): each lane's
/// first-layer row norms as a W×H picture, a dropped pixel (its row all exactly 0) blank.
enum PixelPanel {
  /// The picture, or nil when the inputs are not an image (or the snapshot's features do not
  /// match its size, as while a new data set loads).
  static func picture(
    _ lanes: [(index: Int, lane: LaneSnapshot)], snapshot: ExperimentSnapshot, theme: Theme
  ) -> PixelPictureWidget? {
    guard let image = snapshot.image, image.pixels == snapshot.featureNames.count else { return nil }
    let rows = lanes.map { i, lane in
      let values = pixelValues(lane)
      return FeatureBarsWidget.Row(label: theme.printable(lane.name), style: theme.laneStyle(i), values: values,
                                   note: "\(values.filter { $0 == 0 }.count) dropped")
    }
    return PixelPictureWidget(width: image.width, height: image.height, rows: rows)
  }

  /// Per input, its first-layer row norm; exactly 0 only when every weight of the row is 0 (a
  /// norm that underflows to 0 over live weights still draws as ink).
  static func pixelValues(_ lane: LaneSnapshot) -> [Double] {
    let units = lane.network.layers.first?.units ?? 0
    return lane.stats.featureMagnitudes.indices.map { i in
      let dropped = i < lane.stats.featureZeros.count && lane.stats.featureZeros[i] == units
      return dropped ? 0 : max(Double(lane.stats.featureMagnitudes[i]), .leastNonzeroMagnitude)
    }
  }

  /// Longest first (see `BorderMesh.title`), for the picture drawn `lines` high: two pixel rows
  /// a line show only live or dropped.
  static func title(_ picture: PixelPictureWidget, lines: Int, theme: Theme) -> [String] {
    let size = "\(picture.width)×\(picture.height)"
    let ink = picture.rowsPerLine(lines: lines) == 2 ? "ink = live input" : "ink = ‖w‖ of its first-layer row"
    return [
      "first layer: pixels (\(size)) · \(ink) · blank = dropped (all weights exactly 0)",
      "pixels (\(size)) · \(ink) · blank = dropped (all exactly 0)",
      "pixels · \(ink) · blank = dropped",
      "pixels · blank = dropped", "pixels",
    ].map(theme.printable)
  }
}
