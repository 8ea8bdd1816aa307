import Foundation
import LessonRuns
import Canvas
import NeuralCore

/// The lens's drawing, from a `LensView`: the (w1, w2) plane with data-loss contours, each
/// lane's constraint shape through its optimum, its λ path and its trajectory so far, and a
/// readout of the numbers beside it.
enum LensPicture {
  /// Lane colours and markers follow the dashboard's lanes (none, L1, L2, L1+L2). `withheld`
  /// (a lesson's question waits): only the contours, ŵ and the start — no shapes, optima, λ
  /// paths or trajectories, which show where the weights land.
  static func plane(_ lens: LensView, theme: Theme, withheld: Bool = false) -> PlaneWidget {
    let scene = lens.scene
    let e = scene.extent
    let visible = withheld ? [] : scene.lanes.filter { !lens.hiddenLanes.contains($0.lane.rawValue) }
    var curves: [PlaneCurve] = []
    // Background contours: equal steps of data loss above the minimum, out to the corners.
    let minimum = scene.problem.dataLoss(scene.leastSquares)
    let corners = [[e.minX, e.minY], [e.minX, e.maxY], [e.maxX, e.minY], [e.maxX, e.maxY]]
    let far = corners.map(scene.problem.dataLoss).max()! - minimum
    for k in 1...3 {
      let level = minimum + far * Double(k * k) / 16
      curves.append(PlaneCurve(points: scene.problem.contour(level: level), style: theme.dim, dotted: true))
    }
    for lane in visible where lane.lane != .none {
      let style = theme.laneStyle(lane.lane.rawValue)
      // The contour that touches the shape, and the shape itself, through the optimum.
      curves.append(PlaneCurve(points: scene.problem.contour(level: lane.contourLevel), style: theme.dim, dotted: true))
      curves.append(PlaneCurve(points: scene.shape(lane.lane), style: style, asciiMarker: ":", dotted: true))
      curves.append(PlaneCurve(points: lane.path.points.map { ($0[0], $0[1]) }, style: style, asciiMarker: "."))
    }
    var marks: [PlaneMark] = []
    for lane in visible {
      let style = theme.laneStyle(lane.lane.rawValue)
      let points = lane.trajectory.points
      let shown = points.prefix(atMost: lens.step + 1)
      curves.append(PlaneCurve(points: shown.map { ($0[0], $0[1]) }, style: style, asciiMarker: "'"))
      for (weight, landing) in lane.trajectory.landings.enumerated() {
        if let landing, landing <= lens.step {
          let p = points[landing]
          marks.append(PlaneMark(x: p[0], y: p[1], glyph: theme.ascii ? "0" : "⊙", style: style.adding(.bold)))
          _ = weight
        }
      }
      if lane.lane != .none {
        marks.append(PlaneMark(x: lane.optimum[0], y: lane.optimum[1], glyph: theme.ascii ? "x" : "×", style: style))
      }
      if let head = shown.last {
        marks.append(PlaneMark(x: head[0], y: head[1], glyph: theme.laneMarker(lane.lane.rawValue), style: style))
      }
    }
    marks.append(PlaneMark(x: scene.leastSquares[0], y: scene.leastSquares[1], glyph: theme.ascii ? "#" : "✚",
                           style: theme.title))
    marks.append(PlaneMark(x: lens.settings.start[0], y: lens.settings.start[1], glyph: theme.ascii ? "s" : "○",
                           style: theme.text))
    return PlaneWidget(minX: e.minX, maxX: e.maxX, minY: e.minY, maxY: e.maxY, curves: curves, marks: marks)
  }

  /// The numbers: settings, ŵ, the L1 path's corners, and per lane its optimum and where its
  /// trajectory is — each line whole in `width` columns, so both coordinates always read.
  /// A line too wide first drops to 2 decimals, then puts its pair on a line of its own (its
  /// tail, "1 exact 0", stays with the pair or moves up beside the label), then the tail on
  /// another.
  /// Taller than `height`, the lines that matter least go first: the blank line, the step
  /// count, the λ at which all weights are 0 — never a lane's numbers. `withheld` (a lesson's
  /// question waits): settings and ŵ only.
  static func readout(_ lens: LensView, theme: Theme, width: Int = .max, height: Int = .max,
                      withheld: Bool = false) -> [[StyledRun]] {
    let scene = lens.scene, s = lens.settings
    let n = { (x: Double) in LensView.number(x) }
    let fits = { (text: String) in theme.printable(text).count <= width }
    /// `label (w1, w2) tail`, one or two lines.
    func labelled(_ label: String, _ w: [Double], tail: String = "", style: Style, indent: String = "  ") -> [[StyledRun]] {
      let pairs = [3, 2].map { d in "(\(LensView.number(w[0], decimals: d)), \(LensView.number(w[1], decimals: d)))" }
      if let pair = pairs.first(where: { fits(label + " " + $0 + tail) }) { return [[StyledRun(label + " " + pair + tail, style: style)]] }
      if let pair = pairs.first(where: { fits(indent + $0 + tail) }) {
        return [[StyledRun(label, style: style)], [StyledRun(indent + pair + tail, style: style)]]
      }
      // Too narrow for the pair and its tail together: the tail ("1 exact 0") goes beside the
      // label, above the pair, or failing that on a line of its own.
      if !tail.isEmpty, fits(label + tail), let pair = pairs.first(where: { fits(indent + $0) }) {
        return [[StyledRun(label + tail, style: style)], [StyledRun(indent + pair, style: style)]]
      }
      let tailLines = tail.isEmpty ? [] : [[StyledRun(indent + tail.trimmingCharacters(in: .whitespaces), style: style)]]
      if let pair = pairs.first(where: { fits(label + " " + $0) }) { return [[StyledRun(label + " " + pair, style: style)]] + tailLines }
      let pair = pairs.first { fits(indent + $0) } ?? pairs[1]
      return [[StyledRun(label, style: style)], [StyledRun(indent + pair, style: style)]] + tailLines
    }
    /// A line of text, wrapped between words when too wide (the next lines indented).
    func text(_ line: String, style: Style) -> [[StyledRun]] {
      guard !fits(line), width > 4 else { return [[StyledRun(line, style: style)]] }
      var lines: [String] = [], current = ""
      for word in line.split(separator: " ") {
        if !current.trimmingCharacters(in: .whitespaces).isEmpty, !fits(current + " " + word) {
          lines.append(current)
          current = "  "
        }
        current += (current.trimmingCharacters(in: .whitespaces).isEmpty ? "" : " ") + word
      }
      return (lines + [current]).map { [StyledRun($0, style: style)] }
    }
    // λ, the correlation and the scale, as many to a line as fit.
    var lines: [[StyledRun]] = []
    for piece in ["λ \(n(s.lambda))", "corr \(n(s.correlation))", "scale x2 \(n(s.scale))"] {
      let style = piece.hasPrefix("λ") ? theme.title : theme.text
      if let last = lines.indices.last, fits(lines[last].map(\.text).joined() + "  " + piece) {
        lines[last].append(StyledRun("  " + piece, style: style))
      } else {
        lines.append([StyledRun(piece, style: style)])
      }
    }
    let ls = fits("✚ least squares ŵ (0.000, 0.000)") ? "✚ least squares ŵ" : "✚ ŵ"
    lines += labelled(ls, scene.leastSquares, style: theme.text)
    if withheld {
      lines += text("paths, optima and corners show once you answer", style: theme.dim)
      return lines.map { $0.map { StyledRun(theme.printable($0.text), style: $0.style) } }
    }
    if let first = scene.firstZero {
      lines += text("L1 path: w\(first.weight + 1) = 0 from λ \(n(first.lambda))", style: theme.text)
    }
    let allZero = "all 0 from λ \(n(scene.allZero))"
    let allZeroLines = text((fits("        " + allZero) ? "        " : "L1 path: ") + allZero, style: theme.text)
    let stepLine = [StyledRun("step \(min(lens.step, maxSteps(scene)))" + (lens.paused ? " (paused)" : ""), style: theme.dim)]
    var laneLines: [[StyledRun]] = []
    for lane in scene.lanes {
      let hidden = lens.hiddenLanes.contains(lane.lane.rawValue)
      let style = hidden ? theme.dim : theme.laneStyle(lane.lane.rawValue)
      let marker = String(theme.laneMarker(lane.lane.rawValue))
      let name = "\(marker) \(lane.lane.name)".padding(toLength: 8, withPad: " ", startingAt: 0)
      if hidden {
        laneLines.append([StyledRun(name + "(\(lane.lane.rawValue + 1): show)", style: style)])
        continue
      }
      laneLines += labelled(name + "×", lane.optimum, style: style)
      let points = lane.trajectory.points
      let here = points[min(points.count - 1, lens.step)]
      // What the trajectory has reached so far, not the optimum's zeros (its line shows them).
      let landed = here.filter { $0 == 0 }.count
      laneLines += labelled("   now", here, tail: landed > 0 ? "  \(landed) exact 0" : "", style: theme.dim, indent: "    ")
    }
    let room = height - lines.count - laneLines.count
    if room >= allZeroLines.count { lines += allZeroLines }
    if room >= allZeroLines.count + 1 { lines.append(stepLine) }
    if room >= allZeroLines.count + 2 { lines.append([]) }
    lines += laneLines
    lines.append([])
    lines.append([StyledRun("○ start ● now × optimum ⊙ on 0", style: theme.dim)])
    lines.append([StyledRun("dotted: contours, shapes", style: theme.dim)])
    lines.append([StyledRun("solid: λ path, trajectory", style: theme.dim)])
    return lines.map { $0.map { StyledRun(theme.printable($0.text), style: $0.style) } }
  }

  static func maxSteps(_ scene: LensScene) -> Int {
    scene.lanes.map { $0.trajectory.points.count - 1 }.max() ?? 0
  }
}
