/// One line of a chart: its samples (oldest first), its colour, and its marker.
public struct ChartSeries: Hashable, Sendable {
  /// Non-finite values (a diverged loss) are left out, breaking the line there.
  public var values: [Double]
  public var style: Style
  /// Plots the samples in ASCII mode, where braille is not available.
  public var marker: Character
  /// The epoch of each sample (same count as `values`, rising); used only when the chart has an
  /// `epochSpan`, where nil means the samples are epochs 0, 1, 2, …
  public var epochs: [Int]?

  public init(values: [Double], style: Style, marker: Character = "*", epochs: [Int]? = nil) {
    self.values = values
    self.style = style
    self.marker = marker
    self.epochs = epochs
  }

  /// The samples placed on `count` evenly spaced columns over `span`: column c shows epoch
  /// lo + c·(hi − lo)/(count − 1), linear between the two samples around it, NaN (not drawn)
  /// outside the series' own epochs — so epoch k of every series lands in the same column.
  func onAxis(_ span: ClosedRange<Int>, count: Int) -> [Double] {
    let epochs = self.epochs ?? Array(values.indices)
    guard count > 0 else { return [] }
    guard let first = epochs.first, let last = epochs.last, epochs.count == values.count else {
      return Array(repeating: .nan, count: count)
    }
    let width = Double(span.upperBound - span.lowerBound)
    var j = 0
    return (0..<count).map { c in
      let e = Double(span.lowerBound) + (count > 1 ? Double(c) * width / Double(count - 1) : 0)
      guard e >= Double(first) - 1e-9, e <= Double(last) + 1e-9 else { return .nan }
      while j + 1 < epochs.count, Double(epochs[j + 1]) <= e { j += 1 }
      guard j + 1 < epochs.count, Double(epochs[j]) < e else { return values[j] }
      let t = (e - Double(epochs[j])) / Double(epochs[j + 1] - epochs[j])
      return values[j] + t * (values[j + 1] - values[j])
    }
  }
}

/// A multi-series line chart drawn with braille dots (2 samples per cell horizontally, 4 levels
/// vertically), with y labels at the top and bottom and an x axis carrying a caption.
///
/// ```
/// 1.1┤⠑⢄
///    │  ⠑⠢⣀
/// 0.2┤     ⠉⠒⠤⠤⠤
///    └──── epoch 312
/// ```
/// The whole history always fits: when a series has more samples than dot columns it is thinned
/// to evenly spaced samples (first and last kept), which compresses the x axis as epochs pass.
/// In ASCII mode each column holds one sample, drawn with the series marker.
/// A point on a chart's x axis, as a fraction of the plotted span (0 = first sample, 1 = last).
public struct ChartMark: Hashable, Sendable {
  public var fraction: Double
  public var glyph: Character
  public var style: Style

  public init(fraction: Double, glyph: Character, style: Style) {
    self.fraction = fraction
    self.glyph = glyph
    self.style = style
  }
}

/// A filled area between two lines drawn under a chart's series (the CV loss's ±1 standard
/// error): `low` and `high` are sampled like a series (same count, same `epochs`).
public struct ChartBand: Hashable, Sendable {
  public var low: ChartSeries
  public var high: ChartSeries

  public init(low: [Double], high: [Double], style: Style, epochs: [Int]? = nil) {
    self.low = ChartSeries(values: low, style: style, marker: ":", epochs: epochs)
    self.high = ChartSeries(values: high, style: style, marker: ":", epochs: epochs)
  }
}

public struct BrailleChart: Widget {
  public var series: [ChartSeries]
  /// Areas filled under the series, first drawn first.
  public var bands: [ChartBand] = []
  /// The y labels' column is at least this wide: charts stacked one above the other with the
  /// same value share their x positions.
  public var minimumLabelWidth = 0
  /// Fixed y range; nil scales to the finite values of all series, padded 5%.
  public var yRange: ClosedRange<Double>?
  /// Right-aligned on the x axis, e.g. `"epoch 312"`.
  public var caption: String?
  /// Values are fractions shown as percentages on the labels (0.7 → `70%`).
  public var percent: Bool
  /// Points marked on the x axis (an early-stopped lane's stop), drawn after the caption.
  public var marks: [ChartMark] = []
  /// One epoch axis for every series (a pinned run beside a live one): nil plots each series by
  /// its index (a sample per dot column, a long one thinned to the width); a span places the
  /// samples by their `epochs` on it.
  public var epochSpan: ClosedRange<Int>? = nil
  /// A column to look at (scrub-back's epoch), as a fraction of the plotted span like `marks`:
  /// a dotted line up the plot behind the curves, and `↑` on the x axis.
  public var cursor: Double? = nil

  public init(
    series: [ChartSeries], yRange: ClosedRange<Double>? = nil, caption: String? = nil,
    percent: Bool = false
  ) {
    self.series = series
    self.yRange = yRange
    self.caption = caption
    self.percent = percent
  }

  /// The y range actually plotted (nil when there is nothing finite to show).
  ///
  /// Padding keeps extremes off the frame; it never crosses zero, so a non-negative metric is not
  /// labelled with a meaningless negative bottom. A flat series gets a range around its value.
  public func resolvedRange() -> (low: Double, high: Double)? {
    if let yRange, yRange.lowerBound.isFinite, yRange.upperBound.isFinite {
      return widened(yRange.lowerBound, yRange.upperBound)
    }
    let finite = (series + bands.flatMap { [$0.low, $0.high] }).flatMap(\.values).filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return nil }
    guard high > low else { return widened(low, high) }
    let pad = (high - low) * 0.05
    return (low >= 0 ? max(0, low - pad) : low - pad, high <= 0 ? min(0, high + pad) : high + pad)
  }

  private func widened(_ low: Double, _ high: Double) -> (low: Double, high: Double) {
    guard high <= low else { return (low, high) }
    if low == 0 { return (0, 1) }
    let pad = abs(low) * 0.1
    return (low - pad, high + pad)
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      let range = resolvedRange()
      let (top, bottom) = labels(range, theme: theme)
      let hasXAxis = rect.height >= 3
      let plot = plotRect(in: rect, theme: theme)
      guard plot.width >= 1, plot.height >= 1 else { return }

      let labels = Rect(x: rect.x, y: rect.y, width: plot.x - 1 - rect.x, height: plot.height)
      drawAxes(plot: plot, labels: labels, top: top, bottom: bottom, hasXAxis: hasXAxis,
               theme: theme, painter: &p)
      if let cursor, cursor.isFinite {
        let x = plot.x + Self.column(cursor, width: plot.width)
        let line: Character = theme.glyphs.usesBraille ? "┊" : ":"
        for row in plot.y..<plot.maxY { p.set(line, x: x, y: row, style: theme.dim) }
        if hasXAxis { p.set(theme.glyphs.arrowUp, x: x, y: plot.maxY, style: theme.title) }
      }
      guard let range else { return }
      if theme.glyphs.usesBraille {
        drawBraille(plot: plot, range: range, painter: &p)
        // Without colour, braille lines differ by attributes only, which the eye loses where
        // they cross: each line carries its lane's marker at its end, as in the legend.
        if theme.colorMode == .monochrome { drawEndMarkers(plot: plot, range: range, painter: &p) }
      } else {
        drawMarkers(plot: plot, range: range, painter: &p)
      }
    }
  }

  /// The y axis's top and bottom labels.
  private func labels(_ range: (low: Double, high: Double)?, theme: Theme) -> (top: String, bottom: String) {
    let missing = String(theme.glyphs.missing)
    return (range.map { CompactNumber.format($0.high, percent: percent) } ?? missing,
            range.map { CompactNumber.format($0.low, percent: percent) } ?? missing)
  }

  /// The cells the lines are drawn in, for `rect` (right of the y labels, above the x axis):
  /// to place marks over a chart.
  public func plotRect(in rect: Rect, theme: Theme) -> Rect {
    let (top, bottom) = labels(resolvedRange(), theme: theme)
    let plotRows = rect.height - (rect.height >= 3 ? 1 : 0)
    // At least as wide as the common labels (`7.9`, `100%`), so the plot does not jump
    // sideways when the top label shortens from `7.9` to `8` (unless the chart is tiny).
    let steady = rect.width >= 16 ? (percent ? 4 : 3) : 0
    let labelWidth = max(top.count, plotRows > 1 ? bottom.count : 0, steady, minimumLabelWidth)
    let axisX = rect.x + labelWidth
    return Rect(x: axisX + 1, y: rect.y, width: rect.maxX - axisX - 1, height: plotRows)
  }

  private func drawAxes(
    plot: Rect, labels: Rect, top: String, bottom: String, hasXAxis: Bool, theme: Theme,
    painter p: inout Painter
  ) {
    let box = theme.glyphs.box
    let axisX = plot.x - 1
    p.verticalRule(x: axisX, y: plot.y, height: plot.height, style: theme.axis, glyphs: box)
    p.set(box.teeLeft, x: axisX, y: plot.y, style: theme.axis)
    p.putRightAligned(top, in: labels, y: plot.y, style: theme.axis)
    if plot.height > 1 {
      p.set(box.teeLeft, x: axisX, y: plot.maxY - 1, style: theme.axis)
      p.putRightAligned(bottom, in: labels, y: plot.maxY - 1, style: theme.axis)
    }
    guard hasXAxis else { return }
    p.set(box.bottomLeft, x: axisX, y: plot.maxY, style: theme.axis)
    p.horizontalRule(x: plot.x, y: plot.maxY, width: plot.width, style: theme.axis, glyphs: box)
    if let caption, !caption.isEmpty, plot.width >= caption.count + 2 {
      // Where it covers neither the cursor nor a mark (with a space either side), else left
      // out: an axis label cut by a stop mark (`┴poch 341`) misreads.
      let blocked = Set((marks.map(\.fraction) + [cursor].compactMap { $0 }).filter(\.isFinite)
        .map { plot.x + Self.column($0, width: plot.width) })
      // The right end, else the left end, else anywhere between.
      let right = plot.maxX - caption.count, left = plot.x + 1
      let starts = [right, left] + Array(stride(from: right - 1, through: left + 1, by: -1))
      if let x = starts.first(where: { x in !(x - 1...x + caption.count).contains(where: blocked.contains) }) {
        let lead = x > left ? " " : "", trail = x + caption.count < plot.maxX ? " " : ""
        p.put(lead + caption + trail, x: x - lead.count, y: plot.maxY, style: theme.dim)
      }
    }
    for mark in marks where mark.fraction.isFinite {
      p.set(mark.glyph, x: plot.x + Self.column(mark.fraction, width: plot.width), y: plot.maxY, style: mark.style)
    }
  }

  /// The cell column of a fraction of the plotted span.
  static func column(_ fraction: Double, width: Int) -> Int {
    Checked.int(Checked.clamp(fraction, 0, 1) * Double(width - 1))
  }

  /// Dot row (0 = top) of `value` on a scale with `rows` levels; values outside a fixed range
  /// are pinned to the edge so an outlier stays visible.
  static func level(_ value: Double, range: (low: Double, high: Double), rows: Int) -> Int {
    let t = (range.high - value) / (range.high - range.low)
    // A range that overflowed (|values| near Double's limit) leaves t NaN or infinite.
    guard t.isFinite else { return value > range.low ? 0 : rows - 1 }
    return min(rows - 1, max(0, Checked.int(Checked.clamp(t, 0, 1) * Double(rows - 1))))
  }

  private func drawBraille(plot: Rect, range: (low: Double, high: Double), painter p: inout Painter) {
    var raster = BrailleRaster(columns: plot.width, rows: plot.height)
    for band in bands {
      let (low, high) = (samples(band.low, count: raster.dotWidth), samples(band.high, count: raster.dotWidth))
      for (x, (a, b)) in zip(low, high).enumerated() where a.isFinite && b.isFinite {
        raster.setColumn(x: x, from: BrailleChart.level(a, range: range, rows: raster.dotHeight),
                         to: BrailleChart.level(b, range: range, rows: raster.dotHeight), style: band.low.style)
      }
    }
    for line in series {
      let samples = self.samples(line, count: raster.dotWidth)
      var previous: Int?
      for (x, value) in samples.enumerated() {
        guard value.isFinite else { previous = nil; continue }
        let y = BrailleChart.level(value, range: range, rows: raster.dotHeight)
        if let a = previous {
          let spans = joinSpans(from: a, to: y)
          raster.setColumn(x: x - 1, from: spans.first.0, to: spans.first.1, style: line.style)
          raster.setColumn(x: x, from: spans.second.0, to: spans.second.1, style: line.style)
        } else {
          raster.set(x: x, y: y, style: line.style)
        }
        previous = y
      }
    }
    for row in 0..<plot.height {
      for column in 0..<plot.width {
        if let (character, style) = raster.character(column: column, row: row) {
          p.set(character, x: plot.x + column, y: plot.y + row, style: style)
        }
      }
    }
  }

  /// `count` samples of `line` for as many columns: on the shared epoch axis, or stretched.
  private func samples(_ line: ChartSeries, count: Int) -> [Double] {
    if let epochSpan { return line.onAxis(epochSpan, count: count) }
    return Resample.evenlySpaced(line.values, count: count)
  }

  /// Each series' marker on the cell of its last finite sample (later series on top).
  private func drawEndMarkers(plot: Rect, range: (low: Double, high: Double), painter p: inout Painter) {
    for line in series {
      let values = epochSpan == nil ? line.values : samples(line, count: plot.width)
      guard let last = values.lastIndex(where: \.isFinite) else { continue }
      let x = values.count > 1 ? last * (plot.width - 1) / (values.count - 1) : 0
      let y = BrailleChart.level(values[last], range: range, rows: plot.height)
      p.set(line.marker, x: plot.x + x, y: plot.y + y, style: line.style)
    }
  }

  /// ASCII fallback: one sample per column, the marker at its row and `|` bridging jumps.
  private func drawMarkers(plot: Rect, range: (low: Double, high: Double), painter p: inout Painter) {
    for band in bands {
      let (low, high) = (samples(band.low, count: plot.width), samples(band.high, count: plot.width))
      for (x, (a, b)) in zip(low, high).enumerated() where a.isFinite && b.isFinite {
        let (ya, yb) = (BrailleChart.level(a, range: range, rows: plot.height), BrailleChart.level(b, range: range, rows: plot.height))
        for row in min(ya, yb)...max(ya, yb) { p.set(band.low.marker, x: plot.x + x, y: plot.y + row, style: band.low.style) }
      }
    }
    for line in series {
      let samples = self.samples(line, count: plot.width)
      var previous: Int?
      for (x, value) in samples.enumerated() {
        guard value.isFinite else { previous = nil; continue }
        let y = BrailleChart.level(value, range: range, rows: plot.height)
        if let a = previous, abs(y - a) > 1 {
          let spans = joinSpans(from: a, to: y)
          // Bridge cells exclude the sample rows themselves, which carry the markers.
          for row in min(spans.first.0, spans.first.1)...max(spans.first.0, spans.first.1) where row != a {
            p.set("|", x: plot.x + x - 1, y: plot.y + row, style: line.style)
          }
          for row in min(spans.second.0, spans.second.1)...max(spans.second.0, spans.second.1) where row != y {
            p.set("|", x: plot.x + x, y: plot.y + row, style: line.style)
          }
        }
        p.set(line.marker, x: plot.x + x, y: plot.y + y, style: line.style)
        previous = y
      }
    }
  }
}
