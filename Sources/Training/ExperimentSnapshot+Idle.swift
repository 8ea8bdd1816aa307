/// A snapshot of no experiment: for a mode of the frame loop that trains nothing (the
/// two-weight lens), so it can share the loop, the key table and the status line.
extension ExperimentSnapshot {
  public static func idle(_ config: ExperimentConfig = ExperimentConfig()) -> ExperimentSnapshot {
    ExperimentSnapshot(lanes: [], running: false, speed: .epochsPerSecond(1), stepsPerSecond: 0, config: config,
                       featureNames: [], informative: nil, trainCount: 0, validationCount: 0, message: nil)
  }
}
