/// One row of the key table: the keys, what each does, and how the help overlay and the key
/// line describe them.
public struct Binding: Hashable, Sendable {
  /// A key and the action it asks for.
  public struct Trigger: Hashable, Sendable {
    public var key: Key
    public var action: Action
  }

  public var triggers: [Trigger]
  /// How the keys are written, e.g. `[ ]`.
  public var label: String
  /// What they do, in full (help overlay).
  public var help: String
  /// What they do in a word or two (key line); nil keeps the row off the key line.
  public var short: String?
  /// On a narrow key line, labels go lowest rank first (`? help` explains every key); rows
  /// at `alwaysLabelled` keep theirs.
  public var keepRank: Int
  static let alwaysLabelled = 100
  /// The modes that offer the row.
  public var modes: Set<ModeKind>

  init(_ label: String, _ triggers: [(Key, Action)], _ help: String, short: String? = nil, keep: Int = alwaysLabelled,
       modes: Set<ModeKind> = [.play, .lesson]) {
    self.triggers = triggers.map { Trigger(key: $0.0, action: $0.1) }
    self.label = label
    self.help = help
    self.short = short
    keepRank = keep
    self.modes = modes
  }

  /// The action `key` asks for in this row, if it is one of its keys.
  func action(for key: Key) -> Action? { triggers.first { $0.key == key }?.action }

  /// Whether the row's action is one of `actions` (to filter rows by what they do).
  func does(_ match: (Action) -> Bool) -> Bool { triggers.contains { match($0.action) } }
}

/// The key table: every key of every mode, in the order the help overlay lists them. Key
/// handling, the help, the key line, lesson-mode filtering and the key tests all read it.
public enum Bindings {
  public static let all: [Binding] = [
    // Lesson mode's own keys first: they are what a learner needs most there.
    Binding("→ enter", [(.right, .next), (.enter, .next)],
            "next page, once the condition holds and you have answered", short: "next", modes: [.lesson]),
    Binding("←", [(.left, .back)], "previous page, with its experiment", short: "back", modes: [.lesson]),
    Binding("a–d", "abcd".flatMap { c in [(Key.character(c), Action.answer(c)),
                                          (Key.character(Character(c.uppercased())), Action.answer(c))] },
            "answer the question; training waits for your prediction", short: "answer", modes: [.lesson]),
    Binding("h", [("h", .toggleHint)], "show / hide the hint", short: "hint", modes: [.lesson]),
    Binding("↑ ↓", scrolling, "scroll the lesson text (PgUp PgDn, Home End)", modes: [.lesson]),

    Binding("space", [(" ", .togglePause)], "pause / resume training", short: "pause", keep: 10),
    Binding("n", [("n", .stepEpoch)], "train exactly one epoch, then stay paused", short: "step", keep: 0),
    Binding("r", [("r", .reset)], "reset: same initial weights, current settings", short: "reset", keep: 1,
            modes: [.play]),
    Binding("r", [("r", .reset)], "reset: same initial weights, this page's settings", short: "reset", keep: 1,
            modes: [.lesson]),
    Binding("[ ]", [("[", .lambda(up: false)), ("]", .lambda(up: true))],
            "λ down / up, every lane: … 0.005 0.01 0.02 0.05 … (ratios kept)", short: "λ", keep: 11, modes: [.play]),
    // `_` and `=` are `-` and `+` without shift on most layouts.
    Binding("- +", [("-", .learningRate(up: false)), ("_", .learningRate(up: false)),
                    ("+", .learningRate(up: true)), ("=", .learningRate(up: true))],
            "learning rate down / up along the same 1-2-5 ladder", short: "lr", keep: 9, modes: [.play]),
    Binding("u", [("u", .nextL1Rule)], "L1 rule: prox (exact 0) → subgradient (Keras) → clip (Playground)",
            short: "rule", keep: 2, modes: [.play]),
    // `,` and `.` are `<` and `>` without shift.
    Binding("< >", [("<", .speed(up: false)), (",", .speed(up: false)), (">", .speed(up: true)), (".", .speed(up: true))],
            "slower / faster: 0.5 1 2 4 … 256 epochs/s, then max", short: "speed", keep: 8),
    Binding("1–8", (1...8).map { (Key.character(Character(String($0))), Action.toggleLane($0 - 1)) },
            "show / hide that lane (it keeps training)", short: "lanes", keep: 3),
    Binding("tab", [(.tab, .layer(forward: true)), (.backTab, .layer(forward: false))],
            "histogram layer: all → 1 → 2 → … (shift-tab goes back)", short: "layer", keep: 4),
    Binding("d", [("d", .nextDataset)], "next data set: sparse → iris (training starts over)", short: "data", keep: 5,
            modes: [.play]),
    Binding("z", [("z", .toggleStandardize)], "standardize the features (z-scores) on / off (training starts over)",
            modes: [.play]),
    Binding("l", [("l", .switchHistogramScale)], "histograms: w ↔ log10|w| (exact zeros apart, at the left)",
            short: "log", keep: 4),
    Binding("v", [("v", .nextView)], "view: histograms → weight matrix → weight trajectories → tug of war → two-weight lens ([ ] its λ) → λ path", short: "view", keep: 2),
    Binding("c", [("c", .togglePathView)],
            "λ path: 5-fold cross-validation over 13 λ, trained in the background; c goes back",
            modes: [.lesson]),
    Binding("c", [("c", .togglePathView)],
            "λ path: 5-fold CV over 13 λ, in the background; ← → its cursor, enter sets λ", modes: [.play]),
    Binding("t", [("t", .nextTugWeight)], "tug of war: follow another weight (noise inputs first)"),
    Binding("p", [("p", .switchLossView)], "loss chart: train vs validation ↔ data loss vs penalty", short: "loss", keep: 6),
    Binding("k", [("k", .toggleKeras)], "Keras code for the current setup (↑ ↓ to scroll)", short: "Keras", keep: 7),
    Binding("g", [("g", .togglePin)],
            "pin this run: after r (say with another rule) its curves stay, dimmed; g unpins",
            modes: [.play]),
    Binding("f", [("f", .toggleSelection)],
            "how often each lane keeps each feature over 20 seeds (trained in the background)", modes: [.play]),
    Binding("w", [("w", .writeKeras)], "write that Keras code, its data and weights to ./regviz-keras/", modes: [.play]),
    // PgUp PgDn Home scroll an open overlay, else they scrub too (`PlayMode.scrubMove`).
    Binding("← →", [(.left, .scrub(.back)), (.right, .scrub(.forward)), (.end, .scrub(.last))],
            "paused: back / on one recorded epoch (PgUp PgDn: 10, Home: first, End: live)",
            modes: [.play]),
    // In a lesson these keys would change the experiment the text describes: the lesson mode
    // answers them with a pointer to free play (`d` answers a question where there is one).
    Binding("[ ] - + u d", [("[", .lambda(up: false)), ("]", .lambda(up: true)), ("-", .learningRate(up: false)),
                            ("_", .learningRate(up: false)), ("+", .learningRate(up: true)),
                            ("=", .learningRate(up: true)), ("u", .nextL1Rule), ("d", .nextDataset)],
            "λ, lr, L1 rule, data: the lesson's; try them in free play (regviz play)", modes: [.lesson]),
    Binding("?", [("?", .toggleHelp)], "this help", short: "help", modes: [.lesson]),
    Binding("?", [("?", .toggleHelp), ("h", .toggleHelp)], "this help", short: "help", modes: [.play]),
    Binding("enter", [(.enter, .pickPathLambda)],
            "λ path: every lane's λ to the cursor's (ratios kept, as [ ]); closes a window", modes: [.play]),
    Binding("esc", [(.escape, .closeOverlay)] + overlayScrolling, "close the help or the Keras code", modes: [.play]),
    Binding("esc", [(.escape, .closeOverlay)], "close the help or the Keras code", modes: [.lesson]),
    Binding("q", [("q", .quit), ("Q", .quit)], "quit (Ctrl-C works too)", short: "quit", modes: [.play]),
    Binding("q", [("q", .quit), ("Q", .quit)], "quit; regviz with no arguments comes back here", short: "quit",
            modes: [.lesson]),
    // The two-weight lens (`regviz lens`).
    Binding("[ ]", [("[", .lambda(up: false)), ("]", .lambda(up: true))],
            "λ down / up by 0.1, every lane (L1: λ·Σ|w|, L2: λ·Σw², L1+L2 both)", short: "λ", modes: [.lens]),
    Binding("c C", [("c", .lensCorrelation(up: false)), ("C", .lensCorrelation(up: true))],
            "correlation of the two features down / up by 0.1: the ellipses tilt", short: "corr", keep: 5, modes: [.lens]),
    Binding("s S", [("s", .lensScale(up: false)), ("S", .lensScale(up: true))],
            "scale of feature 2 down / up (×√2): the ellipses stretch", short: "scale", keep: 4, modes: [.lens]),
    Binding("1–4", (1...4).map { (Key.character(Character(String($0))), Action.toggleLane($0 - 1)) },
            "lane on / off: none, L1, L2, L1+L2", short: "lanes", keep: 3, modes: [.lens]),
    Binding("r", [("r", .reset)], "restart the trajectories from the start point", short: "restart", keep: 2,
            modes: [.lens]),
    Binding("space", [(" ", .togglePause)], "pause / resume the trajectories", short: "pause", keep: 1, modes: [.lens]),
    Binding("?", [("?", .toggleHelp), ("h", .toggleHelp)], "this help", short: "help", modes: [.lens]),
    Binding("esc", [(.escape, .closeOverlay), (.enter, .closeOverlay)] + overlayScrolling, "close the help",
            modes: [.lens]),
    Binding("q", [("q", .quit), ("Q", .quit)], "quit (Ctrl-C works too)", short: "quit", modes: [.lens]),
  ]

  /// ↑ ↓ PgUp PgDn Home End.
  private static var scrolling: [(Key, Action)] {
    [(.up, .scroll(.lineUp)), (.down, .scroll(.lineDown)), (.pageUp, .scroll(.pageUp)),
     (.pageDown, .scroll(.pageDown)), (.home, .scroll(.top)), (.end, .scroll(.bottom))]
  }

  /// Free play scrolls only overlays, which have no "end".
  private static var overlayScrolling: [(Key, Action)] { scrolling.filter { $0.0 != .end } }

  /// The rows `mode` offers, in table order.
  public static func rows(for mode: ModeKind) -> [Binding] { all.filter { $0.modes.contains(mode) } }

  /// The action `key` asks for in `mode`: the first row of the mode's table that lists it.
  public static func action(for key: Key, in mode: ModeKind) -> Action? {
    for row in all where row.modes.contains(mode) {
      if let action = row.action(for: key) { return action }
    }
    return nil
  }
}
