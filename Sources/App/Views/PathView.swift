import Lessons
import Canvas
import Foundation
import NeuralCore
import Training

/// The λ path view (`c`): glmnet's two plots for the live setup, one above the other on one
/// log λ axis. Above, each input's first-layer row norm ‖W₁[i,:]‖₂ (a coefficient path per
/// feature, ★ inputs bright and listed beside), with the number of non-zero weights along the
/// top; below, the K-fold CV loss (held-out cross-entropy) with its ±1 standard-error band.
/// Dotted lines mark λ_min and λ_1se, ▲ the lane's λ now ("you are here"), │ the cursor.
///
///     λ path · L1 (l1) · 5-fold CV, 300 epochs a run
///     ◆ λ_min 0.0215  ◇ λ_1se 0.0215  ▲ you 0.01  │ cursor 0.01
///     ≠0  624      609      575      247     51     16     0
///     1.8┤⠉⠑⠒⠢⢄⡀    ┊              │ ★x14 1.34
///       0┤      ⠉⠒⠤⣀┊⣀⣀⣀⣀⣀⣀⣀        │ ★x18 1.24
///     1.1┤          ┊     ⣀⠤⠒⠉      │ …
///     0.3┤⠒⠒⠤⠤⣀⣀⣀⣀⣀⠤┊⠒⠉
///        └──────────◆──▲─────────
///        1e-4     1e-3    0.01    0.1     1
///     cursor λ 0.01: CV loss 0.292 ± 0.041 · 247 of 680 weights ≠ 0 · val acc 0.91
struct PathView {
  var path: PathViewState
  var snapshot: ExperimentSnapshot
  /// A lesson's question waits (`AppState.answerPending`): λ_min and λ_1se are its answer, so
  /// their marks and numbers wait too.
  var withheld = false

  /// Below this many columns the feature list beside the charts is left out.
  static let listFrom = 70
  static let listWidth = 16

  func draw(in rect: Rect, painter p: inout Painter, theme: Theme) {
    let lane = path.lane.flatMap { snapshot.lanes.indices.contains($0) ? snapshot.lanes[$0] : nil }
    let inside = p.panel(rect, title: title(lane: lane, width: rect.width - 4, theme: theme), theme: theme)
    guard let setup = path.setup, lane != nil, let laneIndex = path.lane else {
      let why = path.lane == nil ? "no lane has a λ to sweep: the path needs an L1, L2 or L1+L2 lane"
                                 : "waiting for the experiment to start"
      p.put(Painter.truncate(theme.printable(why), to: inside.width - 1, ellipsis: theme.glyphs.ellipsis), x: inside.x + 1,
            y: inside.y, style: theme.dim)
      return
    }
    guard inside.height >= 8, inside.width >= 30 else { return }
    let grid = setup.lambdas
    let points = Self.points(path.job, count: grid.count)
    let final: CrossValidation.Path? = if case .finished(let f)? = path.job, !withheld { f } else { nil }
    let cursor = PathPanel.cursor(path, snapshot: snapshot)
    let here = PathPanel.currentLambda(snapshot, lane: laneIndex)

    // Rows: status, top axis, the two charts (the lower with its x axis), λ ticks, readout.
    let list = inside.width >= Self.listFrom
    let chartsWidth = inside.width - (list ? Self.listWidth + 1 : 0)
    let chartRows = inside.height - 4
    let upperRows = (chartRows - 1) / 2
    // The upper chart's x axis row is the lower chart's first row: one axis for both, below.
    let upper = Rect(x: inside.x, y: inside.y + 2, width: chartsWidth, height: upperRows + 1)
    let lower = Rect(x: inside.x, y: upper.maxY - 1, width: chartsWidth, height: chartRows - upperRows)

    let epochs = Array(grid.indices)
    var norms = (0..<snapshot.featureNames.count).map { i in
      ChartSeries(values: points.map { $0.map { Double($0.featureNorms[i]) } ?? .nan }, style: featureStyle(i, theme: theme),
                  marker: featureMarker(i, theme: theme), epochs: epochs)
    }
    // Noise first, so the ★ lines are drawn over them.
    let starred = Set(snapshot.informative ?? [])
    norms = norms.indices.filter { !starred.contains($0) }.map { norms[$0] } + norms.indices.filter(starred.contains).map { norms[$0] }
    let top = points.compactMap { $0?.featureNorms.max() }.max().map(Double.init) ?? 1
    var coefficients = BrailleChart(series: norms, yRange: Checked.span(0, top))
    coefficients.epochSpan = 0...max(grid.count - 1, 1)
    let mean = points.map { $0?.cvMean ?? .nan }
    let se = points.map { $0.map { $0.cvStandardError.isFinite ? $0.cvStandardError : 0 } ?? .nan }
    var loss = BrailleChart(series: [ChartSeries(values: mean, style: theme.title, marker: "*", epochs: epochs)])
    loss.bands = [ChartBand(low: zip(mean, se).map { $0 - $1 }, high: zip(mean, se).map { $0 + $1 }, style: theme.dim,
                            epochs: epochs)]
    loss.epochSpan = coefficients.epochSpan
    // One label column for both charts, so grid point j sits in the same column in each.
    let labels = max(coefficients.plotRect(in: upper, theme: theme).x - upper.x, loss.plotRect(in: lower, theme: theme).x - lower.x) - 1
    coefficients.minimumLabelWidth = labels
    loss.minimumLabelWidth = labels
    let plot = loss.plotRect(in: lower, theme: theme)
    let column = { (fraction: Double) -> Int in plot.x + Checked.int(Checked.clamp(fraction, 0, 1) * Double(2 * plot.width - 1)) / 2 }
    let fraction = { (j: Int) -> Double in grid.count > 1 ? Double(j) / Double(grid.count - 1) : 0 }
    // On a grid point (after a pick) exactly its column, whatever log's rounding says.
    let hereFraction = here.map { h in
      grid.firstIndex { abs($0 - h) <= 1e-6 * h }.map(fraction) ?? Self.logFraction(h, grid: grid)
    }
    let glyphs = Marks(theme)
    loss.marks = (final?.minIndex.map { [ChartMark(fraction: fraction($0), glyph: glyphs.min, style: theme.ok)] } ?? [])
      + (final?.oneSEIndex.flatMap { $0 == final?.minIndex ? nil : $0 }.map { [ChartMark(fraction: fraction($0), glyph: glyphs.oneSE, style: theme.ok)] } ?? [])
      + (hereFraction.map { [ChartMark(fraction: $0, glyph: glyphs.here, style: theme.laneStyle(laneIndex))] } ?? [])
    // The caption right of the marks, long where it clears them.
    let clear = plot.maxX - 2 - (loss.marks.map { column($0.fraction) }.max() ?? plot.x)
    loss.caption = [list ? "log λ" : "CV loss ± 1 s.e. · log λ", "log λ"].map(theme.printable).first { $0.count <= clear }

    drawStatus(setup: setup, final: final, here: here, cursor: grid[cursor], at: inside.y, in: inside, painter: &p, theme: theme)
    drawTopAxis(points, columnOf: { column(fraction($0)) }, labelWidth: labels, y: inside.y + 1, left: inside.x,
                right: plot.maxX, painter: &p, theme: theme)
    coefficients.draw(in: upper, painter: &p, theme: theme)
    loss.draw(in: lower, painter: &p, theme: theme)
    // Vertical lines through both plots, in the cells the lines left empty.
    let rows = Array(Checked.range(upper.y, upper.y + upperRows)) + Array(Checked.range(lower.y, plot.maxY))
    func rule(_ x: Int, _ glyph: Character, _ style: Style) {
      for y in rows where p.grid[x, y].character == " " { p.set(glyph, x: x, y: y, style: style) }
    }
    // The cursor first: where the lines meet, it is the one seen.
    rule(column(fraction(cursor)), glyphs.cursor, theme.title)
    if let hereFraction { rule(column(hereFraction), glyphs.dashed, theme.laneStyle(laneIndex)) }
    for j in [final?.minIndex, final?.oneSEIndex].compactMap({ $0 }) { rule(column(fraction(j)), glyphs.dotted, theme.ok) }
    labelStarred(points, chart: coefficients, plot: coefficients.plotRect(in: upper, theme: theme), painter: &p, theme: theme)
    drawTicks(grid, columnOf: { column(fraction($0)) }, y: lower.maxY, left: plot.x, right: plot.maxX, painter: &p, theme: theme)
    drawReadout(points[cursor], lambda: grid[cursor], y: inside.maxY - 1, in: inside, painter: &p, theme: theme)
    if list {
      let x = inside.maxX - Self.listWidth
      drawList(points[cursor], lambda: grid[cursor],
               in: Rect(x: x, y: upper.y, width: Self.listWidth, height: lower.y - upper.y), painter: &p, theme: theme)
      p.put(theme.printable("CV loss"), x: x, y: lower.y + 1, style: theme.title)
      p.put(theme.printable("± 1 s.e. band"), x: x, y: lower.y + 2, style: theme.dim)
    }
  }

  /// `★name` at the left end of each informative input's line (where the norms are largest),
  /// unless another label took that row.
  private func labelStarred(_ points: [CrossValidation.Point?], chart: BrailleChart, plot: Rect, painter p: inout Painter,
                            theme: Theme) {
    guard let first = points.first ?? nil, let range = chart.resolvedRange(), range.high > range.low, plot.height > 1 else { return }
    var used: Set<Int> = []
    for i in snapshot.informative ?? [] where i < first.featureNorms.count {
      let t = (range.high - Double(first.featureNorms[i])) / (range.high - range.low)
      let y = plot.y + Checked.int(Checked.clamp(t, 0, 1) * Double(plot.height - 1))
      guard !used.contains(y) else { continue }
      used.insert(y)
      let name = theme.printable("★" + snapshot.featureNames[i])
      p.put(String(name.prefix(atMost: plot.width - 1)), x: plot.x + 1, y: y, style: featureStyle(i, theme: theme))
    }
  }

  /// The points computed so far, by grid index.
  static func points(_ job: PathJob.State?, count: Int) -> [CrossValidation.Point?] {
    switch job {
    case .running(_, _, let points)?: return points.count == count ? points : Array(repeating: nil, count: count)
    case .finished(let path)?: return path.points.count == count ? path.points.map { $0 } : Array(repeating: nil, count: count)
    case .failed?, nil: return Array(repeating: nil, count: count)
    }
  }

  /// Where `lambda` lies on the grid's log axis: 0 at the first λ, 1 at the last (clamped).
  static func logFraction(_ lambda: Float, grid: [Float]) -> Double {
    guard let first = grid.first, let last = grid.last, last > first, lambda > 0 else { return 0 }
    return min(max(log(Double(lambda) / Double(first)) / log(Double(last) / Double(first)), 0), 1)
  }

  /// A row norm in at most eight columns: `1.34`, `0`, `1.0e+27` (η 1000), `nan` (a feature
  /// scaled by 1e30) — never glibc's `-nan`, never a 27-digit number (issue 25).
  static func norm(_ x: Float) -> String {
    if x == 0 { return "0" }
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return String(format: abs(x) < 1e4 ? "%.2f" : "%.1e", Double(x))
  }

  /// The glyphs of the marks, in Unicode or ASCII.
  struct Marks {
    var min: Character, oneSE: Character, here: Character, dotted: Character, dashed: Character, cursor: Character
    init(_ theme: Theme) {
      (min, oneSE, here, dotted, dashed, cursor) = theme.ascii ? ("m", "s", "^", ":", ".", "|") : ("◆", "◇", "▲", "┊", "┆", "│")
    }
  }

  /// The title, whole where it fits, then shorter.
  func title(lane: LaneSnapshot?, width: Int, theme: Theme) -> String {
    let kind = path.setup.map { " (\($0.template.label))" } ?? ""
    let runs = path.setup.map { "\($0.folds)-fold CV, \($0.epochs) epochs a run" } ?? ""
    let name = lane?.name ?? ""
    let forms = ((path.picks ? ["λ path · \(name)\(kind) · \(runs) · ← → cursor, enter sets λ"] : []) + ["λ path · \(name)\(kind) · \(runs)",
                 "λ path · \(name) · \(runs)", "λ path · \(name)", "λ path"]).map(theme.printable)
    return forms.first { $0.count <= width } ?? forms[forms.count - 1]
  }

  /// While computing: how far; then the marks' legend with their λ.
  private func drawStatus(setup: PathJob.Setup, final: CrossValidation.Path?, here: Float?, cursor: Float, at y: Int,
                          in inside: Rect, painter p: inout Painter, theme: Theme) {
    let g = Marks(theme)
    var forms: [String]
    var style = theme.text
    switch path.job {
    case .running(let done, let total, let points)?:
      let finished = points.compactMap { $0 }.count
      forms = ["computing \(finished)/\(points.count) λ… (\(done) of \(total) runs, in the background at low priority)",
               "computing \(finished)/\(points.count) λ… (\(done)/\(total) runs)", "computing \(finished)/\(points.count) λ…"]
      style = theme.warning
    case .failed(let message)?:
      forms = ["could not compute the path: \(message)"]
      style = theme.warning
    case .finished? where withheld, nil where withheld:
      let you = here.map(Format.strength) ?? "–"
      forms = ["\(g.min) λ_min and \(g.oneSE) λ_1se show once you answer  \(g.here) you \(you)  \(g.cursor) cursor \(Format.strength(cursor))",
               "λ_min, λ_1se: once you answer  \(g.here) you \(you)", "λ_min, λ_1se: after answering"]
    case .finished?, nil:
      let min = final?.lambdaMin.map(Format.strength) ?? "–"
      let oneSE = final?.lambdaOneSE.map(Format.strength) ?? "–"
      let you = here.map(Format.strength) ?? "–"
      let c = Format.strength(cursor)
      forms = ["\(g.min) λ_min \(min) (lowest CV loss)  \(g.oneSE) λ_1se \(oneSE) (sparsest within 1 s.e.)  \(g.here) you \(you)  \(g.cursor) cursor \(c)",
               "\(g.min) λ_min \(min)  \(g.oneSE) λ_1se \(oneSE)  \(g.here) you \(you)  \(g.cursor) cursor \(c)",
               "\(g.min) min \(min) \(g.oneSE) 1se \(oneSE) \(g.here) you \(you) \(g.cursor) \(c)"]
    }
    let line = forms.map(theme.printable).first { $0.count <= inside.width - 1 } ?? theme.printable(forms[forms.count - 1])
    p.put(Painter.truncate(line, to: inside.width - 1, ellipsis: theme.glyphs.ellipsis), x: inside.x + 1, y: y, style: style)
  }

  /// The number of non-zero weights along the top, at each grid point whose label fits whole.
  private func drawTopAxis(_ points: [CrossValidation.Point?], columnOf: (Int) -> Int, labelWidth: Int, y: Int,
                           left: Int, right: Int, painter p: inout Painter, theme: Theme) {
    let name = theme.ascii ? "nz" : "≠0"
    if labelWidth >= name.count { p.put(name, x: left + labelWidth - name.count, y: y, style: theme.dim) }
    var free = left + labelWidth + 1
    for (j, point) in points.enumerated() {
      guard let point else { continue }
      let text = String(point.nonZero)
      // Centred on its column; pushed right up to the column itself where the one before ends.
      let x = max(columnOf(j) - text.count / 2, free)
      guard x <= columnOf(j), x + text.count <= right else { continue }
      p.put(text, x: x, y: y, style: theme.dim)
      free = x + text.count + 1
    }
  }

  /// λ at the grid's decades (else every few points) under the x axis, each whole or not at all.
  private func drawTicks(_ grid: [Float], columnOf: (Int) -> Int, y: Int, left: Int, right: Int,
                         painter p: inout Painter, theme: Theme) {
    let decades = grid.indices.filter { abs(log10(Double(grid[$0])).remainder(dividingBy: 1)) < 1e-4 }
    var free = left
    for j in decades.count >= 2 ? decades : Array(grid.indices) {
      let text = Self.tick(grid[j])
      let x = min(max(columnOf(j) - text.count / 2, left), right - text.count)
      guard x >= free else { continue }
      p.put(text, x: x, y: y, style: theme.axis)
      free = x + text.count + 1
    }
  }

  /// `1e-4`, `1e-3`, then `0.01`, `0.1`, `1`: the decades as a learner types them.
  static func tick(_ lambda: Float) -> String {
    let e = log10(Double(lambda))
    if abs(e - e.rounded()) < 1e-4, e.rounded() <= -3 { return "1e\(Checked.int(e))" }
    return Format.strength(lambda)
  }

  /// The cursor's point in words.
  private func drawReadout(_ point: CrossValidation.Point?, lambda: Float, y: Int, in inside: Rect,
                           painter p: inout Painter, theme: Theme) {
    let l = Format.strength(lambda)
    let forms: [String]
    if let point {
      let loss = point.cvMean.isFinite ? String(format: "%.3f ± %.3f", point.cvMean, point.cvStandardError) : "diverged"
      let acc = Quantity.percent(point.valAccuracy)
      forms = ["cursor λ \(l): CV loss \(loss) · \(point.nonZero) of \(point.weights) weights ≠ 0 · val acc \(acc)"
                 + (path.picks ? " · enter sets it" : ""),
               "cursor λ \(l): CV loss \(loss) · \(point.nonZero) of \(point.weights) ≠ 0 · val acc \(acc)",
               "λ \(l): CV \(loss) · \(point.nonZero) ≠ 0 · acc \(acc)", "λ \(l): CV \(loss)"]
    } else {
      forms = ["cursor λ \(l): not computed yet", "λ \(l): computing…"]
    }
    let line = forms.map(theme.printable).first { $0.count <= inside.width - 1 } ?? theme.printable(forms[forms.count - 1])
    p.put(Painter.truncate(line, to: inside.width - 1, ellipsis: theme.glyphs.ellipsis), x: inside.x + 1, y: y, style: theme.text)
  }

  /// Beside the charts: the row norms at the cursor, ★ inputs first, then how many of the
  /// others still live.
  private func drawList(_ point: CrossValidation.Point?, lambda: Float, in rect: Rect, painter p: inout Painter, theme: Theme) {
    let names = snapshot.featureNames
    let starred = snapshot.informative ?? []
    var y = rect.y
    let l = Format.strength(lambda)
    let head = ["‖W₁ row‖ at \(l)", "‖row‖ at \(l)", "‖W₁ row‖ at λ"].map(theme.printable).first { $0.count <= rect.width }
    p.put(head ?? "", x: rect.x, y: y, style: theme.dim)
    y += 1
    guard let point, point.featureNorms.count == names.count else { return }
    // Known informative inputs, else the largest rows.
    let shown = starred.isEmpty ? Array(names.indices.sorted { point.featureNorms[$0] > point.featureNorms[$1] }) : starred
    for i in shown where y < rect.maxY - (starred.isEmpty ? 0 : 1) {
      let mark = starred.contains(i) ? (theme.ascii ? "*" : "★") : " "
      let value = String(Self.norm(point.featureNorms[i]).prefix(atMost: rect.width - 2))
      let name = String(theme.printable(names[i]).prefix(atMost: rect.width - value.count - 3))
      p.put(mark + name, x: rect.x, y: y, style: featureStyle(i, theme: theme))
      p.putRightAligned(value, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), y: y, style: theme.text)
      y += 1
    }
    if !starred.isEmpty, y < rect.maxY {
      let noise = names.indices.filter { !starred.contains($0) }
      let alive = noise.filter { point.featureNorms[$0] > 0 }.count
      p.put(Painter.truncate(theme.printable("noise \(alive)/\(noise.count) ≠ 0"), to: rect.width, ellipsis: theme.glyphs.ellipsis),
            x: rect.x, y: y, style: theme.dim)
    }
  }

  /// ★ inputs in colours of their own (the lane palette read from the far end, as the
  /// trajectories view does); the other inputs dim.
  func featureStyle(_ i: Int, theme: Theme) -> Style {
    guard let informative = snapshot.informative else { return theme.laneStyle(7 - i) }
    guard let k = informative.firstIndex(of: i) else { return theme.dim }
    return theme.laneStyle(7 - k)
  }

  func featureMarker(_ i: Int, theme: Theme) -> Character {
    guard let informative = snapshot.informative else { return theme.laneMarker(7 - i) }
    guard let k = informative.firstIndex(of: i) else { return "." }
    return theme.laneMarker(7 - k)
  }
}

extension PathView: MainView {
  static let name = DashboardView.path
  static let title = "λ path"

  static func draw(_ c: ViewContext, in body: Rect, painter p: inout Painter) {
    drawBesidePane(c, in: body, painter: &p) { rect, p in
      PathView(path: c.state.path, snapshot: c.snapshot, withheld: c.state.answerPending).draw(in: rect, painter: &p, theme: c.theme)
    }
  }

  /// Free play: ← → PgUp PgDn Home End move the cursor along the λ grid, enter sets λ there
  /// (a lesson's path only shows: its ← → turn pages).
  static func rows(_ c: KeyContext) -> [Binding] {
    guard c.pathPicks, !c.overlay else { return [] }
    return [
      Binding("← →", [(.left, .pathCursor(.back)), (.right, .pathCursor(.forward)), (.pageUp, .pathCursor(.pageBack)),
                      (.pageDown, .pathCursor(.pageForward)), (.home, .pathCursor(.first)), (.end, .pathCursor(.last))],
              "λ path: the cursor one λ back / on (PgUp PgDn: three, Home End: the ends)", short: "cursor", keep: 3),
      Binding("enter", [(.enter, .pickPathLambda)], "λ path: every lane's λ to the cursor's (ratios kept, as [ ])",
              short: "set λ", keep: 3),
    ]
  }

  /// The background job follows the view: started when it opens, stopped when it closes.
  static func observe(_ d: inout Dashboard, snapshot: ExperimentSnapshot, elapsed: Double) {
    d.pathRunner.update(&d.state, snapshot: snapshot)
  }

  static func perform(_ action: Action, _ d: inout Dashboard, snapshot: ExperimentSnapshot) -> [RunnerCommand]? {
    switch action {
    case .pathCursor(let move):
      PathPanel.move(move, state: &d.state, snapshot: snapshot)
      return []
    case .pickPathLambda: return PathPanel.pick(state: &d.state, snapshot: snapshot)
    default: return nil
    }
  }
}
