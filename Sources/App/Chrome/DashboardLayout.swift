import Canvas

/// Where every panel goes for a terminal of a given size. Plain arithmetic, no drawing.
///
/// Three bands share their borders: weights on top, the charts in the middle, the feature view
/// at the bottom; a status line above and the key line below. At 80×24 every band gets its
/// minimum (the weights 8 rows inside, the charts 5, the features one row per lane); extra
/// height goes 40/60 to the histograms and the charts. The model summary goes next to the
/// features when they leave room for it (few features), else into the charts band when the
/// terminal is wide enough for four charts-sized panels, else it is left out — its content is
/// also in the status line (architecture) and the lane titles (λ). An optional side pane (a
/// lesson) takes the right edge first.
struct DashboardLayout {
  static let minimumWidth = 80
  static let minimumHeight = 24
  /// The model panel's frame width: its table is 32 columns at four lanes.
  static let modelWidth = 34
  /// Columns the dashboard keeps beside a side pane; the pane gets the rest, up to its width.
  static let columnsBesidePane = 50

  var status: Rect
  var keys: Rect
  var weights: Rect
  var loss: Rect
  /// Left out (norm first) only where a lesson forces the model panel into a narrow charts band.
  var zeros: Rect?
  var norm: Rect?
  var features: Rect
  var model: Rect?
  var side: Rect?
  /// The bottom border of the dashboard, where the legend sits.
  var legend: Rect

  /// - Parameters:
  ///   - laneRows: lanes the feature view lists (visible lanes).
  ///   - featuresWidth: the columns the feature view needs to show every feature.
  ///   - paneWidth: the side pane's preferred width, if there is one.
  ///   - forceModel: the model panel must be shown (a lesson highlights it).
  ///   - modelRows: the model panel's rows when whole; beside the features, the bottom band
  ///     grows to hold them where the charts keep their minimum.
  init(width: Int, height: Int, laneRows: Int, featuresWidth: Int, paneWidth: Int? = nil,
       forceModel: Bool = false, modelRows: Int = 0) {
    status = Rect(x: 0, y: 0, width: width, height: 1)
    keys = Rect(x: 0, y: height - 1, width: width, height: 1)
    let (body, side) = DashboardLayout.split(width: width, height: height, paneWidth: paneWidth)
    self.side = side
    let inside = body.height - 4
    let modelBesideFeatures = featuresWidth + DashboardLayout.modelWidth - 1 <= body.width
    let bottomWanted = max(1 + max(1, laneRows), modelBesideFeatures ? modelRows : 0)
    let bottomInner = min(bottomWanted, max(2, inside - 13))
    let extra = max(0, inside - bottomInner - 13)
    let weightsInner = 8 + extra * 2 / 5
    let chartsInner = inside - bottomInner - weightsInner
    let bands = DashboardLayout.shared(body, sizes: [weightsInner, chartsInner, bottomInner], vertical: true)
    weights = bands[0]
    legend = Rect(x: body.x + 2, y: bands[2].maxY - 1, width: body.width - 4, height: 1)

    let modelInCharts = !modelBesideFeatures && (body.width >= 110 || forceModel)
    if modelBesideFeatures {
      let bottom = DashboardLayout.shared(bands[2], sizes: [body.width - DashboardLayout.modelWidth - 1,
                                                             DashboardLayout.modelWidth - 2], vertical: false)
      features = bottom[0]
      model = bottom[1]
    } else {
      features = bands[2]
    }
    // n frames side by side have n + 1 borders between and around them. Each small chart
    // needs 14 columns inside to say anything; a forced model panel in a narrow band takes
    // the norm chart's place first, then the zeros chart's.
    let room = body.width - 1 - (modelInCharts ? DashboardLayout.modelWidth - 1 : 0)
    var chartCount = 3
    while modelInCharts, chartCount > 1, (room - chartCount) * 3 / 10 < 14 { chartCount -= 1 }
    let chartInner = room - chartCount
    // The loss chart carries two curves per lane and the epoch caption: it gets 40%.
    let other = chartCount == 1 ? 0 : chartInner * 3 / 10
    var sizes = [chartInner - (chartCount - 1) * other] + Array(repeating: other, count: chartCount - 1)
    if modelInCharts { sizes.append(DashboardLayout.modelWidth - 2) }
    let charts = DashboardLayout.shared(bands[1], sizes: sizes, vertical: false)
    loss = charts[0]
    zeros = chartCount >= 2 ? charts[1] : nil
    norm = chartCount >= 3 ? charts[2] : nil
    if modelInCharts { model = charts[chartCount] }
  }

  /// The area between the status and key lines, less the side pane's frame at the right edge
  /// (when there is one): the pane gets `paneWidth` columns where the dashboard keeps
  /// `columnsBesidePane`, else what is left. Every view, and the lesson pane's own scrolling,
  /// place the pane with this one function.
  static func split(width: Int, height: Int, paneWidth: Int?) -> (body: Rect, side: Rect?) {
    let body = Rect(x: 0, y: 1, width: width, height: height - 2)
    guard let paneWidth else { return (body, nil) }
    let sideWidth = min(paneWidth, width - columnsBesidePane)
    guard sideWidth > 0 else { return (body, nil) }
    let split = body.splitHorizontally(at: width - sideWidth)
    // Overlap by one column so the two frames share a border.
    return (split.left, Rect(x: split.right.x - 1, y: body.y, width: split.right.width + 1, height: body.height))
  }

  /// Frames that share their borders: `sizes` are the insides, one border between neighbours.
  static func shared(_ rect: Rect, sizes: [Int], vertical: Bool) -> [Rect] {
    var position = vertical ? rect.y : rect.x
    return sizes.map { size in
      defer { position += size + 1 }
      return vertical
        ? Rect(x: rect.x, y: position, width: rect.width, height: size + 2)
        : Rect(x: position, y: rect.y, width: size + 2, height: rect.height)
    }
  }
}
