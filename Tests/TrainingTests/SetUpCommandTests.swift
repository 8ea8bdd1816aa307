import Foundation
import NeuralCore
import RegvizData
import Testing
@testable import Training

/// A lesson page's experiment arrives in one command, with its pace and paused or running: a
/// page whose question waits must show its run at epoch 0 until the answer.
@Suite struct SetUpCommandTests {
  static let page = RunnerTests.config(lanes: ["none", "l2=0.01"])

  @Test func aPausedSetUpTrainsNoEpoch() throws {
    let state = ControlState(prepared: try PreparedExperiment(RunnerTests.config(lanes: ["l1=0.01"])),
                             speed: .max, running: true, locator: ResourceLocator())
    _ = state.runRoundIfDue()
    #expect(state.front >= 1, "the page before trains")
    state.apply(.setUp(Self.page, speed: .epochsPerSecond(20), paused: true))
    #expect(state.runRoundIfDue() > 0, "paused: no round is due")
    let snapshot = state.makeSnapshot()
    #expect(snapshot.config.lanes == Self.page.lanes && snapshot.epoch == 0 && !snapshot.running)
    #expect(snapshot.speed == .epochsPerSecond(20))
  }

  @Test func aRunningSetUpTrainsAtItsPace() throws {
    let state = ControlState(prepared: try PreparedExperiment(RunnerTests.config(lanes: ["l1=0.01"])),
                             speed: .epochsPerSecond(1), running: false, locator: ResourceLocator())
    state.apply(.setUp(Self.page, speed: .max, paused: false))
    #expect(state.runRoundIfDue() == 0)
    #expect(state.front >= 1 && state.makeSnapshot().running && state.speed == .max)
  }

  /// The live runner, training at full speed when the page's setup arrives: whichever round
  /// the command lands between, the new run stays at epoch 0.
  @Test func aRunnerTakingAPausedSetUpMidRunStaysAtEpochZero() throws {
    let runner = try Runner(config: RunnerTests.config(lanes: ["l1=0.01"]), speed: .max)
    runner.start()
    defer { runner.stop() }
    #expect(runner.wait(timeout: 10) { $0.epoch >= 3 })
    runner.send(.setUp(Self.page, speed: .max, paused: true))
    #expect(runner.wait(timeout: 10) { $0.config.lanes == Self.page.lanes })
    Thread.sleep(forTimeInterval: 0.1)
    let s = runner.snapshot()
    #expect(s.config.lanes == Self.page.lanes && s.epoch == 0 && !s.running, "epoch \(s.epoch)")
  }
}
