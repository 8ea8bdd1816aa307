import NeuralCore

/// What the dashboard (or a lesson) asks of a running experiment. All apply between steps;
/// only `reset` and `reconfigure` start the lanes over.
///
/// Commands that change a setting say where to go, not by how much: the runner applies them
/// to its own current state, so two quick presses are two steps even when the screen that
/// sent them had not seen the first yet.
public enum RunnerCommand: Sendable, Hashable {
  case pause
  case resume
  case togglePause
  /// Train exactly one more epoch, then stay paused.
  case stepEpoch
  /// Start over from the same initial weights (same seed), keeping the current settings.
  case reset
  /// Every lane's λ one rung up or down the 1-2-5 ladder: the largest λ of any lane moves to
  /// the next rung and the others keep their ratios to it (the `[` / `]` keys).
  case stepLambda(up: Bool)
  /// One lane's λ one rung up or down, its terms keeping their ratios (a mission's
  /// `keys: lambda(NAME)`); the other lanes stay.
  case stepLaneLambda(lane: Int, up: Bool)
  /// Every lane's λ at once, ratios kept as `stepLambda` keeps them, so that lane `lane`'s
  /// largest λ lands on `value` (the path view's enter: the lane its path was computed for).
  case setLambda(Float, lane: Int)
  /// The learning rate one rung up or down the 1-2-5 ladder (the `-` / `+` keys).
  case stepLearningRate(up: Bool)
  case setL1Rule(L1Rule)
  /// The next L1 rule after the current one: prox → subgradient → clip → prox (the `u` key).
  case nextL1Rule
  case setSpeed(Speed)
  /// One rung faster or slower on `Ladder.speeds` (the `<` / `>` keys).
  case stepSpeed(up: Bool)
  /// A new architecture, data set, seed or lane list: the lanes start over.
  case reconfigure(ExperimentConfig)
  /// A new experiment with its pace, running or paused, in one command (a lesson page). One
  /// command because the runner may take queued commands between any two of them and train a
  /// round: "reconfigure, then pause" let a page whose question waits show epoch 1–2.
  case setUp(ExperimentConfig, speed: Speed, paused: Bool)
}
