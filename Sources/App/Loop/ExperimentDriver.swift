import Training

/// What the dashboard needs from a training run: the latest snapshot, and a way to send it
/// commands. Neither may block for long — the UI calls both from its frame loop.
///
/// `Runner` is the real one; tests drive the dashboard with a recording stand-in so they can
/// see which commands a key produced.
public protocol ExperimentDriver: AnyObject, Sendable {
  func snapshot() -> ExperimentSnapshot
  func send(_ command: RunnerCommand)
}

extension Runner: ExperimentDriver {}
