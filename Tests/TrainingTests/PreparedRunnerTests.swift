import Foundation
import NeuralCore
import Testing
@testable import Training

/// `play` checks its flags by preparing the experiment, then hands that experiment to the
/// runner: the data is loaded and the weights drawn once, and the run starts from them.
@Suite struct PreparedRunnerTests {
  @Test func aRunnerTrainsTheExperimentItIsHanded() throws {
    var config = ExperimentConfig()
    config.hidden = [8]
    config.lanes = [try LaneConfig.parse("a = l2=0.01")]
    var prepared = try PreparedExperiment(config)
    // Weights the configuration would not draw: a runner that prepared again would start elsewhere.
    prepared.initial = Network(inputs: prepared.initial.inputCount, hidden: config.hidden,
                               classes: prepared.initial.classCount, activation: config.activation, seed: 99)
    let runner = Runner(prepared: prepared, paused: true)
    let snapshot = runner.snapshot()
    #expect(snapshot.epoch == 0)
    #expect(snapshot.lanes[0].network.layers == prepared.initial.layers)
    #expect(snapshot.prepared?.initial.layers == prepared.initial.layers)
    #expect(try PreparedExperiment(config).initial.layers != prepared.initial.layers)
  }
}

/// A headless command's ending signal reaches the watcher's thread, wherever it was delivered.
@Suite struct EndingSignalsTests {
  @Test func aWatchedSignalCallsTheHandlerOnItsThread() throws {
    let seen = Locked<Int32?>(nil)
    // SIGUSR2 stays watched for the rest of this test process (once per process), harmlessly.
    EndingSignals.watch([SIGUSR2]) { signal in seen.withLock { $0 = signal } }
    // Sent to the process, as `kill` or a terminal sends it: any thread may take it.
    kill(getpid(), SIGUSR2)
    let deadline = Date().addingTimeInterval(5)
    while seen.withLock({ $0 }) == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    #expect(seen.withLock { $0 } == SIGUSR2)
  }
}
