import NeuralCore
import Training

/// Key → (new state, runner commands): the whole of the dashboard's input handling, as a pure
/// function so every key can be tested without a terminal or a running trainer.
///
/// Keys act the same with or without an overlay open (λ can be changed while the Keras code is
/// shown, and the code follows); only scrolling keys and `esc` are taken by an open overlay.
public enum KeyMap {
  /// Applies `key` to `state`, reading the experiment's current settings from `snapshot`.
  public static func handle(
    _ key: Key, state: AppState, snapshot: ExperimentSnapshot
  ) -> (state: AppState, commands: [RunnerCommand]) {
    var s = state
    if let overlay = s.overlay, let scrolled = scroll(overlay, key) {
      s.overlay = scrolled
      return (s, [])
    }
    switch key {
    case .escape, .enter:
      s.overlay = nil
      return (s, [])
    case .tab:
      s.layer = nextLayer(s.layer, count: snapshot.config.hidden.count + 1, forward: true)
      return (s, [])
    case .backTab:
      s.layer = nextLayer(s.layer, count: snapshot.config.hidden.count + 1, forward: false)
      return (s, [])
    case .character(let c):
      return character(c, state: s, snapshot: snapshot)
    default:
      return (s, [])
    }
  }

  private static func character(
    _ c: Character, state: AppState, snapshot: ExperimentSnapshot
  ) -> (state: AppState, commands: [RunnerCommand]) {
    var s = state
    switch c {
    case "q", "Q":
      s.quit = true
      return (s, [])
    case " ":
      return (s, [.togglePause])
    case "n":
      return (s, [.stepEpoch])
    case "r":
      // The histograms' ranges belong to the run that grew them.
      s.histogramRanges = [:]
      s.note("reset: same initial weights, current settings")
      return (s, [.reset])
    case "[", "]":
      return lambda(up: c == "]", state: s, snapshot: snapshot)
    // `=` and `_` are `+` and `-` without shift on most layouts.
    case "-", "_", "+", "=":
      return learningRate(up: c == "+" || c == "=", state: s, snapshot: snapshot)
    case "u":
      let rules = L1Rule.allCases
      let next = rules[((rules.firstIndex(of: snapshot.config.l1Rule) ?? 0) + 1) % rules.count]
      s.note("L1 rule: \(next.rawValue) — \(describe(next))")
      return (s, [.setL1Rule(next)])
    // `,` and `.` are `<` and `>` without shift.
    case "<", ",", ">", ".":
      let up = c == ">" || c == "."
      s.autoPace = false
      guard let next = Ladder.step(snapshot.speed, up: up) else {
        s.note(up ? "already at full speed" : "already at the slowest pace")
        return (s, [])
      }
      return (s, [.setSpeed(next)])
    case "1"..."8":
      return toggleLane(Int(String(c))! - 1, state: s, count: snapshot.lanes.count)
    case "d":
      return nextDataset(state: s, snapshot: snapshot)
    case "p":
      s.lossView = s.lossView == .trainValidation ? .dataPenalty : .trainValidation
      return (s, [])
    case "k":
      s.overlay = isKeras(s.overlay) ? nil : .keras(scroll: 0)
      return (s, [])
    case "?", "h":
      s.overlay = isHelp(s.overlay) ? nil : .help(scroll: 0)
      return (s, [])
    default:
      return (s, [])
    }
  }

  // MARK: - Actions

  /// The largest λ of any lane: the rung the ladder steps from. Every lane is scaled by the same
  /// factor, so lanes keep their ratios (an L1+L2 lane at 0.005/0.005 stays half of L1's 0.01).
  static func referenceLambda(_ config: ExperimentConfig) -> Float {
    config.lanes.flatMap { lane -> [Float] in
      let regs = [lane.spec.all] + (lane.spec.perLayer.map { Array($0.values) } ?? [])
      return regs.flatMap { [$0.lambda1, $0.lambda2] }
    }.max() ?? 0
  }

  private static func lambda(
    up: Bool, state: AppState, snapshot: ExperimentSnapshot
  ) -> (state: AppState, commands: [RunnerCommand]) {
    var s = state
    let current = referenceLambda(snapshot.config)
    guard current > 0 else {
      s.note("no lane has a λ to change (every lane is 'none')")
      return (s, [])
    }
    guard let next = Ladder.step(current, up: up, on: Ladder.lambda) else {
      s.note(up ? "λ is at its maximum" : "λ is at its minimum")
      return (s, [])
    }
    return (s, [.scaleLambda(next / current)])
  }

  private static func learningRate(
    up: Bool, state: AppState, snapshot: ExperimentSnapshot
  ) -> (state: AppState, commands: [RunnerCommand]) {
    var s = state
    let current = snapshot.config.optimizer.learningRate
    guard let next = Ladder.step(current, up: up, on: Ladder.learningRate) else {
      s.note(up ? "the learning rate is at its maximum" : "the learning rate is at its minimum")
      return (s, [])
    }
    return (s, [.setLearningRate(next)])
  }

  private static func toggleLane(
    _ index: Int, state: AppState, count: Int
  ) -> (state: AppState, commands: [RunnerCommand]) {
    var s = state
    guard index < count else {
      s.note("there is no lane \(index + 1) (lanes 1–\(count))")
      return (s, [])
    }
    if s.hiddenLanes.contains(index) {
      s.hiddenLanes.remove(index)
    } else if s.visibleLanes(count: count).count > 1 {
      s.hiddenLanes.insert(index)
    } else {
      s.note("one lane stays visible")
    }
    return (s, [])
  }

  private static func nextDataset(
    state: AppState, snapshot: ExperimentSnapshot
  ) -> (state: AppState, commands: [RunnerCommand]) {
    var s = state
    let names = DatasetCatalog.builtIn
    var config = snapshot.config
    // A CSV given on the command line is not in the cycle; `d` leaves it for the first built-in.
    let index = names.firstIndex(of: config.dataset).map { ($0 + 1) % names.count } ?? 0
    config.dataset = names[index]
    config.labelColumn = .last
    s.histogramRanges = [:]
    s.note("data set: \(config.dataset) (training starts over)")
    return (s, [.reconfigure(config)])
  }

  // MARK: - Helpers

  /// all → 0 → 1 → … → count-1 → all (or backwards).
  static func nextLayer(_ layer: Int?, count: Int, forward: Bool) -> Int? {
    let order: [Int?] = [nil] + (0..<max(count, 0)).map { $0 }
    let i = order.firstIndex(of: layer) ?? 0
    return order[(i + (forward ? 1 : order.count - 1)) % order.count]
  }

  private static func scroll(_ overlay: Overlay, _ key: Key) -> Overlay? {
    let delta: Int
    switch key {
    case .up: delta = -1
    case .down: delta = 1
    case .pageUp: delta = -10
    case .pageDown: delta = 10
    case .home: delta = -1_000_000
    default: return nil
    }
    switch overlay {
    case .help(let offset): return .help(scroll: max(0, offset + delta))
    case .keras(let offset): return .keras(scroll: max(0, offset + delta))
    }
  }

  static func isKeras(_ overlay: Overlay?) -> Bool {
    if case .keras = overlay { return true }
    return false
  }

  static func isHelp(_ overlay: Overlay?) -> Bool {
    if case .help = overlay { return true }
    return false
  }

  static func describe(_ rule: L1Rule) -> String {
    switch rule {
    case .prox: return "soft-threshold, weights land on exactly 0"
    case .subgradient: return "Keras's λ·sign(w): weights jitter around 0"
    case .clip: return "Playground's: stop at 0 instead of crossing it"
    }
  }
}
