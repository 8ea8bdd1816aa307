/// One line of the help overlay and, shortened, of the key line at the bottom of the screen.
public struct KeyBinding: Hashable, Sendable {
  /// How the keys are written, e.g. `"[ ]"`.
  public var keys: String
  /// What they do, in full (help overlay).
  public var action: String
  /// What they do in one or two words (key line); nil keeps the binding off the key line.
  public var short: String?

  public init(_ keys: String, _ action: String, short: String? = nil) {
    self.keys = keys
    self.action = action
    self.short = short
  }
}

extension KeyMap {
  /// Every key the dashboard understands, in the order the help overlay lists them. The key
  /// line and the help are both drawn from this table so they cannot disagree with each other;
  /// `KeyMapTests` presses every key listed here.
  public static let bindings: [KeyBinding] = [
    KeyBinding("space", "pause / resume training", short: "pause"),
    KeyBinding("n", "train exactly one epoch, then stay paused", short: "step"),
    KeyBinding("r", "reset: same initial weights, current settings", short: "reset"),
    KeyBinding("[ ]", "λ down / up, every lane: … 0.005 0.01 0.02 0.05 … (ratios kept)", short: "λ"),
    KeyBinding("- +", "learning rate down / up along the same 1-2-5 ladder", short: "lr"),
    KeyBinding("u", "L1 rule: prox (exact 0) → subgradient (Keras) → clip (Playground)", short: "rule"),
    KeyBinding("< >", "slower / faster: 0.5 1 2 4 … 256 epochs/s, then max", short: "speed"),
    KeyBinding("1–8", "show / hide that lane (it keeps training)", short: "lanes"),
    KeyBinding("tab", "histogram layer: all → 1 → 2 → … (shift-tab goes back)", short: "layer"),
    KeyBinding("d", "next data set: sparse → iris (training starts over)", short: "data"),
    KeyBinding("p", "loss chart: train vs validation ↔ data loss vs penalty", short: "loss"),
    KeyBinding("k", "Keras code for the current setup (↑ ↓ to scroll)", short: "Keras"),
    KeyBinding("?", "this help", short: "help"),
    KeyBinding("esc", "close the help or the Keras code"),
    KeyBinding("q", "quit (Ctrl-C works too)", short: "quit"),
  ]
}
