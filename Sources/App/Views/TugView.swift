import Lessons
import Canvas
import NeuralCore
import Training

/// The tug-of-war view: one first-layer weight of every visible lane, the forces on it this
/// step drawn to one scale (data gradient, L1's constant pull, L2's fading pull, and — when a
/// shown lane has the group term — the group's pull, which fades only as the weight's whole row
/// shrinks), the
/// soft-threshold `S_τ(z)` with this step's pre-update value z marked, and what each L1 rule
/// makes of it.
struct TugView {
  var snapshot: ExperimentSnapshot
  var lanes: [(Int, LaneSnapshot)]
  /// Which candidate weight (`t` steps through them).
  var pick: Int

  /// First-layer weights in the order `t` visits them: noise inputs first, largest initial
  /// |w| first — the default is the largest weight of a noise feature.
  static func candidates(_ initial: Network, informative: [Int]?) -> [Int] {
    guard let k = initial.layers.first else { return [] }
    let noise = { (i: Int) in !(informative?.contains(i / k.units) ?? false) }
    return k.kernel.indices.sorted { a, b in
      noise(a) != noise(b) ? noise(a) : abs(k.kernel[a]) > abs(k.kernel[b])
    }
  }

  func draw(in rect: Rect, painter p: inout Painter, theme: Theme) {
    guard let prepared = snapshot.prepared, let first = prepared.initial.layers.first else {
      p.panel(rect, title: "tug of war", theme: theme)
      p.put("waiting for the experiment to start", x: rect.x + 2, y: rect.y + 1, style: theme.dim)
      return
    }
    let order = Self.candidates(prepared.initial, informative: snapshot.informative)
    let index = order[pick % order.count]
    let (input, unit) = (index / first.units, index % first.units)
    let name = input < snapshot.featureNames.count ? snapshot.featureNames[input] : "x\(input + 1)"
    let kind = snapshot.informative.map { $0.contains(input) ? "informative" : "noise" } ?? "input"
    let rate = snapshot.config.optimizer.learningRate
    let weight = "\(name)→u\(unit + 1) (\(kind))"
    let eta = "η \(Format.strength(rate))"
    let inside = rect.inset(by: 1)
    let plotWidth = min(inside.width / 3, 2 * inside.height + 2)
    let (left, right) = (Rect(x: inside.x + 1, y: inside.y, width: inside.width - plotWidth - 2, height: inside.height),
                         Rect(x: inside.maxX - plotWidth, y: inside.y, width: plotWidth, height: inside.height))
    // The lanes whose forces fit; the others are left out of the forces and the curve alike,
    // and the title says how many.
    let group = lanes.contains { ($0.1.regularizers.first?.lambdaGroup ?? 0) > 0 }
    let shown = Array(lanes.prefix(Self.lanesThatFit(height: left.height, group: group)))
    let hidden = lanes.count - shown.count
    let notShown = hidden == 0 ? "" : " · +\(hidden) lane\(hidden == 1 ? "" : "s") not shown (1–8 hide)"
    let titles = [
      "tug of war · weight \(weight), layer 1 · t: another weight · \(eta)\(notShown)",
      "tug of war · \(weight) · t: another · \(eta)\(notShown)",
      "tug of war · \(weight)\(notShown)",
      "tug · \(weight)" + (hidden == 0 ? "" : " · +\(hidden) not shown"),
      "\(name)→u\(unit + 1)" + (hidden == 0 ? "" : " +\(hidden) not shown"),
    ].map(theme.printable)
    p.panel(rect, titles: titles, theme: theme)
    let tugs = shown.map { (index: $0.0, lane: $0.1, tug: Self.tug($0.1, weight: index, prepared: prepared, rate: rate)) }
    drawForces(tugs, group: group, in: left, painter: &p, theme: theme)
    drawThreshold(tugs, in: right, painter: &p, theme: theme)
  }

  /// Lanes whose forces (a name line, three force lines, the rules' line, a gap; with `group`
  /// a fourth force line and the row's line too) fit in `height` rows.
  static func lanesThatFit(height: Int, group: Bool = false) -> Int {
    let rows = group ? 8 : 6
    return height > rows - 1 ? 1 + (height - rows) / rows : 0
  }

  /// The lane's forces on weight `index`: its full-batch data gradient at the current weights.
  static func tug(_ lane: LaneSnapshot, weight index: Int, prepared: PreparedExperiment, rate: Float) -> TugOfWar {
    var learner = prepared.learner(for: lane.lane)
    learner.network = lane.network
    let train = prepared.data.train
    let g = learner.dataGradients(data: train, indices: Array(0..<train.count)[...])[0].kernel[index]
    let r = lane.regularizers.first ?? .none
    let kernel = lane.network.layers[0].kernel, units = lane.network.layers[0].units
    let row = (index / units) * units
    let norm = Float(Regularizer.rowNormSum(Array(kernel[row..<row + units]), units: units))
    return TugOfWar(w: kernel[index], dataGradient: g, lambda1: r.lambda1, lambda2: r.lambda2,
                    rate: rate, lambdaGroup: r.lambdaGroup, rowNorm: norm)
  }

  private func drawForces(_ tugs: [(index: Int, lane: LaneSnapshot, tug: TugOfWar)], group: Bool, in rect: Rect,
                          painter p: inout Painter, theme: Theme) {
    // A diverged run (η 100) has NaN and infinite pulls: the scale is the finite ones', and a
    // non-finite pull is drawn off the scale, its whole half.
    let scale = tugs.flatMap { [abs($0.tug.dataPull), abs($0.tug.l1Pull), abs($0.tug.l2Pull), abs($0.tug.groupPull)] }
      .filter(\.isFinite).max() ?? 0
    let labelWidth = 6
    let half = max(1, (rect.width - labelWidth - 14) / 2)
    let centre = rect.x + labelWidth + half
    var y = rect.y
    for (index, lane, tug) in tugs where y + (group ? 7 : 5) < rect.maxY {
      let style = theme.laneStyle(index)
      p.put(theme.printable("\(theme.laneMarker(index)) \(lane.name)   w = \(Self.number(tug.w))"), x: rect.x, y: y, style: style)
      y += 1
      let forces = [("data", tug.dataPull), ("L1", tug.l1Pull), ("L2", tug.l2Pull)] + (group ? [("group", tug.groupPull)] : [])
      for (label, force) in forces {
        p.put(label, x: rect.x + 1, y: y, style: theme.dim)
        p.set(theme.ascii ? "|" : "│", x: centre, y: y, style: theme.axis)
        let length = !force.isFinite ? (force.isNaN ? 0 : half)
          : scale > 0 ? min(half, Checked.int(Float(half) * abs(force) / scale)) : 0
        if length > 0 {
          let step = force > 0 ? 1 : -1
          for k in 1...length { p.set(theme.ascii ? "-" : "━", x: centre + step * k, y: y, style: style) }
          p.set(force > 0 ? (theme.ascii ? ">" : "▶") : (theme.ascii ? "<" : "◀"), x: centre + step * length, y: y, style: style)
        }
        p.put(Self.number(force), x: centre + half + 2, y: y, style: theme.dim)
        y += 1
      }
      // What each L1 rule makes of the weight this step (the lane's own rule first).
      if tug.lambda1 > 0 {
        // Whole where it fits, else with short rule names ("sub" for subgradient), cut last.
        let forms = [(" → ", "  ", false), ("→", " ", true)].map { arrow, gap, short in
          [L1Rule.prox, .subgradient, .clip].map { r -> String in
            let v = tug.after(r)
            let note = v == 0 ? (r == .clip ? " dead" : " =0") : ""
            let name = short && r == .subgradient ? "sub" : r.rawValue
            return "\(name)\(arrow)\(Self.number(v))\(note)"
          }.joined(separator: gap)
        }.map(theme.printable)
        let line = forms.first { $0.count <= rect.width - 1 } ?? forms[forms.count - 1]
        p.put(Painter.truncate(line, to: rect.width - 1, ellipsis: theme.glyphs.ellipsis), x: rect.x + 1,
              y: y, style: theme.text)
      } else {
        p.put(theme.printable("no L1: w → z = \(Self.number(tug.z))"), x: rect.x + 1, y: y, style: theme.dim)
      }
      if group {
        y += 1
        p.put(Painter.truncate(theme.printable(Self.rowLine(tug, width: rect.width - 1)), to: rect.width - 1,
                               ellipsis: theme.glyphs.ellipsis),
              x: rect.x + 1, y: y, style: tug.lambdaGroup > 0 ? theme.text : theme.dim)
      }
      y += 2
    }
  }

  /// What the group line's force is: the row's pull, shared by its weights in proportion, and
  /// the row's norm against prox's threshold η·λg (the whole row lands on 0 at or below it).
  /// Whole where it fits in `width`, else shorter, the last form cut.
  static func rowLine(_ tug: TugOfWar, width: Int) -> String {
    guard tug.lambdaGroup > 0 else { return "no group term" }
    let (norm, tau) = (number(tug.rowNorm), number(tug.groupTau))
    let forms = [
      "group = −λg·w/‖row‖, a pull on the whole row: ‖row‖ \(norm), prox zeroes it at ≤ η·λg \(tau)",
      "group −λg·w/‖row‖ pulls the row: ‖row‖ \(norm), 0 at ≤ η·λg \(tau)",
      "‖row‖ \(norm) · row → 0 at ≤ η·λg \(tau)",
    ]
    return Painter.fitting(forms, to: width)
  }

  /// `S_τ(z)` for the largest τ shown, the identity dotted, each lane's z marked on it.
  private func drawThreshold(_ tugs: [(index: Int, lane: LaneSnapshot, tug: TugOfWar)], in rect: Rect,
                             painter p: inout Painter, theme: Theme) {
    guard rect.width >= 10, rect.height >= 5 else { return }
    let tau = Double(tugs.map(\.tug.tau).filter(\.isFinite).max() ?? 0)
    // Wide enough to show the dead zone [−τ, τ] at a readable size; a z further out is
    // pinned to the edge, on the side it lies.
    let farthest = (tugs.map { Double(abs($0.tug.z)) }.filter(\.isFinite).max() ?? 0) * 1.3
    let wanted = tau > 0 ? max(4 * tau, min(farthest, 8 * tau)) : max(farthest, 1e-6)
    let reach = wanted.isFinite && wanted < 1e300 ? wanted : 1
    let pin = { (v: Double) in min(max(v, -reach), reach) }
    let zs = (0...80).map { -reach + 2 * reach * Double($0) / 80 }
    let curve = PlaneCurve(points: zs.map { ($0, softThreshold($0, tau)) }, style: theme.title)
    let identity = PlaneCurve(points: [(-reach, -reach), (reach, reach)], style: theme.dim, dotted: true)
    let marks = tugs.map { t in
      PlaneMark(x: pin(Double(t.tug.z)), y: pin(softThreshold(Double(t.tug.z), Double(t.tug.tau))), glyph: theme.laneMarker(t.index),
                style: theme.laneStyle(t.index))
    }
    p.put(Painter.truncate(theme.printable("S_τ(z), τ = η·λ1 = \(Self.number(Float(tau)))"), to: rect.width,
                           ellipsis: theme.glyphs.ellipsis), x: rect.x, y: rect.y, style: theme.text)
    p.put(Painter.truncate(theme.printable(Self.marksFooter(width: rect.width)), to: rect.width,
                           ellipsis: theme.glyphs.ellipsis), x: rect.x, y: rect.maxY - 1, style: theme.dim)
    PlaneWidget(minX: -reach, maxX: reach, minY: -reach, maxY: reach, curves: [identity, curve], marks: marks,
                xLabel: "z", yLabel: "w'")
      .draw(in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 2), painter: &p, theme: theme)
  }

  /// The plot's footer, the longest form whole in `width` columns (the full one was cut to
  /// "marks: this step's z (at …" at 80 and 120 columns).
  static func marksFooter(width: Int) -> String {
    let forms = ["marks: this step's z (at the edge: further out)", "marks: this step's z (edge: further out)",
                 "marks: this step's z", "marks: z"]
    return Painter.fitting(forms, to: width)
  }

  /// Four significant digits, `0` for an exact zero; `nan`, `inf`, `-inf` for a diverged run
  /// (never glibc's `-nan`), and large values in exponent form so they keep to their column.
  static func number(_ x: Float) -> String {
    if x == 0 { return "0" }
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return String(format: abs(x) >= 0.001 && abs(x) < 1e5 ? "%.4f" : "%.2e", Double(x))
  }
}

extension TugView: MainView {
  static let name = DashboardView.tug
  static let title = "tug of war"

  static func draw(_ c: ViewContext, in body: Rect, painter p: inout Painter) {
    drawBesidePane(c, in: body, painter: &p) { rect, p in
      TugView(snapshot: c.snapshot, lanes: c.visible.map { ($0.index, $0.lane) }, pick: c.state.tugPick)
        .draw(in: rect, painter: &p, theme: c.theme)
    }
  }
}
