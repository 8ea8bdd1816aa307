import Lessons
import Testing
import Training

@testable import App

/// A teacher's preset in free play: the keys it allows act, the others (and the data set)
/// do nothing and say so, and the key line lists them as locked.
@Suite struct PresetLocksTests {
  static let locks = KeyLock.preset(name: "L1, λ only", allowance: KeyAllowance(keys: [.lambda]))

  @Test func allowedKeysActLockedKeysSaySo() {
    var mode = PlayMode(state: AppState(), lock: Self.locks)
    let snap = Fixtures.snapshot(epochs: 3)
    #expect(mode.perform(.lambda(up: true), snapshot: snap) == [.stepLambda(up: true)])
    #expect(mode.perform(.learningRate(up: true), snapshot: snap).isEmpty)
    #expect(mode.state.notice == "the learning rate is locked by the preset 'L1, λ only' — it allows λ")
    #expect(mode.perform(.nextL1Rule, snapshot: snap).isEmpty)
    #expect(mode.state.notice == "the L1 rule is locked by the preset 'L1, λ only' — it allows λ")
    #expect(mode.perform(.nextDataset, snapshot: snap).isEmpty)
    #expect(mode.state.notice == "the data set is fixed by the preset 'L1, λ only'")
    // Free play without a preset: every key is the learner's.
    var free = PlayMode(state: AppState())
    #expect(free.perform(.learningRate(up: true), snapshot: snap) == [.stepLearningRate(up: true)])
  }

  @Test func theKeyLineSaysWhichKeysAreLocked() {
    let rows = Keymap(KeyContext(mode: .play, lock: Self.locks)).rows
    #expect(rows.contains { $0.label == "[ ]" && $0.short == "λ" })
    let locked = rows.filter { $0.short == "locked" }
    #expect(locked.map(\.label) == ["- + u d z"])
    #expect(Set(locked[0].triggers.map(\.action)) == [.learningRate(up: true), .learningRate(up: false), .nextL1Rule, .nextDataset,
                                                       .toggleStandardize])
  }

  @Test func aPresetMayMoveOneLanesLambda() {
    let locks = KeyLock.preset(name: "p", allowance: KeyAllowance(keys: [.lambda], lambdaLane: "L1"))
    var mode = PlayMode(state: AppState(), lock: locks)
    let snap = Fixtures.snapshot(epochs: 3)
    let index = snap.lanes.firstIndex { $0.name == "L1" }!
    #expect(mode.perform(.lambda(up: false), snapshot: snap) == [.stepLaneLambda(lane: index, up: false)])
  }
}
