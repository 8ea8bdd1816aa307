import Dispatch
import Foundation
import NeuralCore
import RegvizData
import Testing
@testable import Training

/// A command ends the round in progress at once, with every lane at the same epoch.
@Suite struct RoundCutTests {
  @Test func aCutRefusesEpochsPastTheLatestBegun() {
    let cut = RoundCut()
    cut.open(front: 10)
    #expect(cut.claim(11) && cut.claim(12), "no cut: every epoch may begin")
    #expect(!cut.isCut)
    cut.cut()
    #expect(cut.isCut)
    #expect(cut.claim(11) && cut.claim(12), "a lane behind may still reach the latest epoch begun")
    #expect(!cut.claim(13), "none begins past it")
    cut.cut()
    #expect(!cut.claim(13), "a second cut moves nothing")
    cut.open(front: 12)
    #expect(!cut.isCut && cut.claim(13), "the next round forgets the cut")
  }

  @Test func aRoundCutShortLeavesEveryLaneAtOneEpoch() throws {
    var config = RunnerTests.config(lanes: ["none", "l1=0.01", "l2=0.01", "l1=0.01,l2=0.01"])
    config.hidden = [4]
    let state = ControlState(prepared: try PreparedExperiment(config), speed: .max, running: true,
                             locator: ResourceLocator())
    // A round far longer than the test may take: only the cut can end it in time.
    state.epochsPerRound = 1_000_000
    let front = state.front
    state.roundCut.open(front: front)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      _ = state.runRoundIfDue()
      done.signal()
    }
    // Let the lanes begin a few epochs (a tiny net: thousands a second, but a loaded machine or
    // a sanitized build may start the round late), then cut.
    let deadline = Date().addingTimeInterval(60)
    while state.roundCut.latestBegun < front + 3, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    state.roundCut.cut()
    #expect(done.wait(timeout: .now() + 60) == .success, "the round ended after the cut")
    let epochs = state.lanes.map(\.trainer.epoch)
    #expect(Set(epochs).count == 1, "every lane stopped at the same epoch: \(epochs)")
    #expect(epochs[0] > 0 && epochs[0] < 1_000_000)
    #expect(state.epochsPerRound == 1_000_000, "a cut round does not resize the next")
  }
}
