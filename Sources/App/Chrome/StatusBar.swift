import Canvas
import Training

/// The top line (what is running, and how) and the bottom line (the keys, or a message).
enum StatusBar {
  /// One item of the top line, in its forms from longest to shortest.
  private struct Segment {
    var forms: [String]
    var style: Style
    /// Per form: higher survives longer when the line is too narrow. The line gives up the
    /// lowest first: a segment goes to its next form, or away after its last.
    var priorities: [Int]
    var form = 0
    /// Its place on the line.
    var order = 0

    init(_ forms: [String], style: Style, priorities: [Int]) {
      self.forms = forms
      self.style = style
      self.priorities = priorities
    }

    init(text: String, style: Style, priority: Int) {
      self.init([text], style: style, priorities: [priority])
    }

    var text: String { forms[form] }
    var priority: Int { priorities[form] }
  }

  /// ` RegViz │ sparse, 20 features (4 informative) │ 20→16→16→3 relu │ epoch 312 │ ▶ 4 ep/s …`
  static func drawStatus(
    _ snapshot: ExperimentSnapshot, state: AppState, in rect: Rect, painter p: inout Painter
  ) {
    let theme = state.theme
    let c = snapshot.config
    let features = snapshot.featureNames.count
    let classes = snapshot.lanes.first?.network.classCount ?? 0
    let pace = Format.speed(snapshot.speed) + (state.autoPace ? " (auto)" : "")
    // One λ when the lanes share it, else each lane's (none lanes left out): "λ 0.01 0.05 0.02".
    let lambdas = snapshot.lanes.map(\.lane.largestLambda).filter { $0 > 0 }
    let lambda = Set(lambdas).count <= 1 ? (lambdas.first.map(Format.strength) ?? "–")
      : lambdas.map(Format.strength).joined(separator: " ")
    // The name and the shape stay longest after the epoch and the pace (a lesson at 80×24
    // keeps them); details go first: the activation, the rule's label, the paused pace.
    let architecture = Format.architecture(c, inputs: features, classes: classes)
    var segments = [
      Segment(text: "RegViz", style: theme.title, priority: 20),
      Segment(text: c.dataset.description + (c.featureScale.map { " " + $0.label } ?? ""), style: theme.text, priority: 8),
      Segment([architecture, String(architecture.prefix { $0 != " " })], style: theme.dim, priorities: [4, 8]),
      Segment(text: "epoch \(snapshot.epoch)", style: theme.title, priority: 10),
      snapshot.running ? Segment(["▶ \(pace)", "▶ " + Format.speed(snapshot.speed)], style: theme.ok, priorities: [3, 9])
                       : Segment(["⏸ paused (\(pace))", "⏸ paused"], style: theme.warning, priorities: [3, 9]),
    ]
    // A lane that is all exact zeros (or diverged) after λ was lowered will not come back by
    // itself — no gradient reaches a dead network. Say what does.
    if state.lambdaLowered, let dead = snapshot.lanes.first(where: { $0.divergedAt != nil || ($0.stats.zeroFraction == 1) }) {
      segments.insert(Segment(text: "\(dead.name) is dead: r restarts it", style: theme.warning, priority: 11), at: 1)
    }
    // Standardization off (`z`, --no-standardize): the weights' scale follows the units.
    if !c.standardize {
      segments.insert(Segment(text: "raw units", style: theme.warning, priority: 8), at: 2)
    }
    // A data set loading for the next experiment: the panels still show the one before.
    if let loading = snapshot.loading {
      segments.insert(Segment(text: "loading \(loading.name) \(Checked.int(loading.fraction * 100))%",
                              style: theme.warning, priority: 11), at: 1)
    }
    // Steps per second mean nothing while paused.
    // Steps per lane, as the pace is per lane (two full-batch lanes at 15 ep/s: 15 steps/s per
    // lane, where the sum over lanes once read `15 ep/s │ 30 steps/s`).
    if snapshot.running {
      let lanes = max(1, snapshot.lanes.count)
      let steps = "\(Format.count(snapshot.stepsPerSecond / Double(lanes))) steps/s"
      segments.append(lanes > 1 ? Segment([steps + " per lane", steps + " a lane"], style: theme.dim, priorities: [0, 0])
                                : Segment(text: steps, style: theme.dim, priority: 0))
    }
    segments += [
      Segment(text: "λ " + lambda, style: theme.text, priority: 7),
      Segment(text: "lr " + Format.strength(c.optimizer.learningRate), style: theme.text, priority: 6),
    ]
    // Only what every lane shares: lanes under different L1 rules name theirs in their titles.
    if Format.laneRules(snapshot) == nil {
      segments.append(Segment(["L1 rule " + c.l1Rule.rawValue, c.l1Rule.rawValue], style: theme.text, priorities: [2, 5]))
    }
    let help = theme.printable("? help")
    let separator = theme.ascii ? " | " : " │ "
    func width(_ s: [Segment]) -> Int {
      s.reduce(0) { $0 + theme.printable($1.text).count } + max(0, s.count - 1) * separator.count + 2
    }
    func fits(_ s: [Segment]) -> Bool { width(s) + help.count + 2 <= rect.width }
    for i in segments.indices { segments[i].order = i }
    // Segments given up, to bring back where a later shortening left room.
    var removed: [Segment] = []
    while segments.count > 1, !fits(segments) {
      let lowest = segments.indices.min { segments[$0].priority < segments[$1].priority }!
      if segments[lowest].form + 1 < segments[lowest].forms.count {
        segments[lowest].form += 1
      } else {
        removed.append(segments.remove(at: lowest))
      }
    }
    // The line gives up a segment before it shortens a stronger one: λ could go while the
    // architecture's short form later left room for it. Each comes back (highest priority
    // first, in its shortest form, in its place) when the line still fits with it.
    for var segment in removed.sorted(by: { $0.priorities.last! > $1.priorities.last! }) {
      segment.form = segment.forms.count - 1
      let candidate = (segments + [segment]).sorted { $0.order < $1.order }
      if fits(candidate) { segments = candidate }
    }
    var x = rect.x + 1
    for (i, segment) in segments.enumerated() {
      if i > 0 { x = p.put(separator, x: x, y: rect.y, style: theme.border) }
      x = p.put(theme.printable(segment.text), x: x, y: rect.y, style: segment.style)
    }
    p.putRightAligned(help + " ", in: rect, y: rect.y, style: theme.dim)
  }

  /// The keys, shortened to fit; a notice or the runner's last error takes the line over
  /// while it lasts (a failed `d`, for instance, must not go unexplained).
  static func drawKeys(
    _ snapshot: ExperimentSnapshot, state: AppState, bindings: [Binding], in rect: Rect, painter p: inout Painter
  ) {
    let theme = state.theme
    if let message = snapshot.message ?? state.notice {
      let style = snapshot.message != nil ? theme.warning : theme.ok
      let text = Painter.truncate(theme.printable(message), to: rect.width - 2, ellipsis: theme.glyphs.ellipsis)
      p.put(text, x: rect.x + 1, y: rect.y, style: style)
      return
    }
    // Widths counted once: `width()` runs for every label the line may drop.
    var items = bindings.compactMap { b in
      b.short.map { short in
        let keys = theme.printable(b.label), label = theme.printable(short)
        return (keys: keys, label: label, keep: b.keepRank, keysWidth: keys.count, labelWidth: label.count)
      }
    }
    func width() -> Int {
      items.reduce(0) { $0 + $1.keysWidth + ($1.label.isEmpty ? 0 : 1 + $1.labelWidth) }
        + max(0, items.count - 1) * 2 + 1
    }
    // Too narrow: labels go first, lowest `keepRank` first (`? help` explains every key), then
    // whole keys; space, λ, help and quit keep theirs longest.
    for i in items.indices.sorted(by: { items[$0].keep < items[$1].keep })
    where items[i].keep < Binding.alwaysLabelled && width() > rect.width {
      items[i].label = ""
    }
    // Still too wide: whole keys go, lowest `keepRank` first (the rightmost of equals), never
    // help and quit at the end; so a key a mission gives keeps its label while a label-less
    // view key can go instead.
    while items.count > 5, width() > rect.width {
      let candidates = items.indices.dropLast(2)
      guard let lowest = candidates.map({ items[$0].keep }).min(),
            let drop = candidates.last(where: { items[$0].keep == lowest }) else { break }
      items.remove(at: drop)
    }
    var x = rect.x + 1
    for (i, item) in items.enumerated() {
      if i > 0 { x += 2 }
      x = p.put(item.keys, x: x, y: rect.y, style: theme.title)
      if !item.label.isEmpty { x = p.put(" " + item.label, x: x, y: rect.y, style: theme.dim) }
    }
  }
}
