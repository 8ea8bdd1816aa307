import Canvas
import Training

/// The `f` window: per input feature, one bar per lane — the share of seeds under which that
/// lane kept the feature (the network still reads it: `SelectionFrequency.readInputs`). Inside a correlated group, L1's pick
/// changes with the seed; L2 keeps every member.
enum SelectionOverlay {
  static let seeds = 20
  static let epochs = 300

  static func lines(_ job: SelectionJob.State?, theme: Theme, width: Int) -> [[StyledRun]] {
    let tally: SelectionFrequency?
    var status: String
    switch job {
    case nil, .running(nil)?:
      tally = nil
      status = "training the first of \(seeds) seeds in the background…"
    case .running(let t?)?:
      tally = t
      status = "\(t.done) of \(t.seeds.count) seeds done, the rest train in the background"
    case .finished(let t)?:
      tally = t
      status = "\(t.done) seeds done"
    case .failed(let message)?:
      return [[StyledRun(theme.printable("could not run: " + message), style: theme.warning)]]
    }
    let list = tally.map(\.seeds) ?? SelectionFrequency.seedList(from: 1, count: seeds)
    status += " · \(epochs) epochs each, this setup with run seeds \(list.first ?? 1)…\(list.last ?? 1)"
    func prose(_ text: String) -> [[StyledRun]] {
      wrapped(theme.printable(text), width: width).map { [StyledRun($0, style: theme.dim)] }
    }
    var out = prose(status)
    guard let t = tally, !t.featureNames.isEmpty else { return out }
    out += prose("a bar: how often the lane still read the feature: a first-layer weight ≥ 1e-3 "
      + "(under the subgradient rule ≥ one L1 step, lr·λ) on a path to the output")
    if let groups = t.groups, !groups.isEmpty {
      out += prose("correlated groups: " + groups.map { $0.map { t.featureNames[$0] }.joined(separator: " ") }
        .joined(separator: " · "))
    }
    out.append([])
    let nameWidth = min(10, (t.featureNames.map(\.count).max() ?? 4) + 1)
    let lanes = t.laneNames.count
    // Each lane: a bar and " 100%" after it.
    let cell = max(6, (width - nameWidth - 1) / max(lanes, 1))
    let bar = max(1, cell - 6)
    var header = [StyledRun(String(repeating: " ", count: nameWidth + 1), style: theme.text)]
    for (l, name) in t.laneNames.enumerated() {
      header.append(StyledRun(pad(theme.printable(name), cell), style: theme.laneStyle(l).adding(.bold)))
    }
    out.append(header)
    let marks = Set(t.informative ?? [])
    let (full, empty): (Character, Character) = theme.ascii ? ("#", ".") : ("█", "░")
    for (i, feature) in t.featureNames.enumerated() {
      let label = String(feature.prefix(atMost: nameWidth - 1)) + (marks.contains(i) ? (theme.ascii ? "*" : "★") : "")
      var row = [StyledRun(pad(label, nameWidth + 1), style: marks.contains(i) ? theme.title : theme.text)]
      for l in 0..<lanes {
        let f = t.frequency(lane: l, feature: i)
        let filled = Checked.int(Checked.clamp(f, 0, 1) * Double(bar))
        row.append(StyledRun(String(repeating: full, count: filled), style: theme.laneStyle(l)))
        row.append(StyledRun(String(repeating: empty, count: bar - filled), style: theme.dim))
        row.append(StyledRun(pad(" " + percent(f), cell - bar), style: theme.text))
      }
      out.append(row)
      if let groups = t.groups, groups.contains(where: { $0.last == i }) { out.append([]) }
    }
    return out
  }

  static func percent(_ f: Double) -> String { Quantity.percent(f) }

  /// `text` in lines of at most `width` columns, broken between words (a word longer than a
  /// line is cut into pieces), so the window's prose is whole at 80 columns.
  static func wrapped(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      var word = Substring(word)
      if !line.isEmpty, line.count + 1 + word.count <= width {
        line += " " + word
        continue
      }
      if !line.isEmpty { lines.append(line) }
      while word.count > width {
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      line = String(word)
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  static func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? String(s.prefix(atMost: width)) : s + String(repeating: " ", count: max(0, width - s.count))
  }
}
