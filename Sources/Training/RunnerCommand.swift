import NeuralCore

/// What the dashboard (or a lesson) asks of a running experiment. All apply between steps;
/// only `reset` and `reconfigure` start the lanes over.
public enum RunnerCommand: Sendable {
  case pause
  case resume
  case togglePause
  /// Train exactly one more epoch, then stay paused.
  case stepEpoch
  /// Start over from the same initial weights (same seed), keeping the current settings.
  case reset
  /// Multiply every lane's λ by this factor (the `[` / `]` keys: a log scale).
  case scaleLambda(Float)
  case setLearningRate(Float)
  case scaleLearningRate(Float)
  case setL1Rule(L1Rule)
  case setSpeed(Speed)
  /// A new lane starts from the shared initial weights and catches up with the others.
  case addLane(LaneConfig)
  case dropLane(String)
  /// A new architecture, data set, seed or lane list: the lanes start over.
  case reconfigure(ExperimentConfig)
}
