import Canvas
import NeuralCore
import Testing
import Training

@testable import App

/// Every key of the issue, pressed through the recording backend and the real dashboard loop:
/// the commands the runner receives, the state the loop ends with, and what the frame shows.
@Suite struct KeyTests {
  /// Presses `keys` (then the script ends, like Ctrl-C) and returns what happened.
  func press(
    _ keys: [Key], snapshot: ExperimentSnapshot = Fixtures.snapshot(), state: AppState = AppState(),
    width: Int = 120, height: Int = 40
  ) -> (commands: [RunnerCommand], state: AppState, backend: RecordingBackend) {
    let driver = RecordingDriver(snapshot)
    let backend = RecordingBackend(width: width, height: height, keys: keys)
    let final = Dashboard.run(driver: driver, backend: backend, state: state)
    return (driver.commands, final, backend)
  }

  func scale(_ commands: [RunnerCommand]) -> Float? {
    guard commands.count == 1, case .scaleLambda(let f) = commands[0] else { return nil }
    return f
  }

  @Test func spaceTogglesPause() {
    let r = press([" "])
    guard case .togglePause = r.commands.first else { Issue.record("\(r.commands)"); return }
  }

  @Test func nStepsOneEpoch() {
    guard case .stepEpoch = press(["n"]).commands.first else { Issue.record("no stepEpoch"); return }
  }

  @Test func rResetsAndForgetsTheHistogramRange() {
    var state = AppState()
    state.histogramRanges = [-1: 3]
    let r = press(["r"], state: state)
    guard case .reset = r.commands.first else { Issue.record("\(r.commands)"); return }
    #expect(r.state.histogramRanges[-1] != 3, "a fresh range is chosen after the reset")
  }

  @Test func bracketsStepLambdaAlongTheLadder() {
    // 0.01 → 0.02 → 0.05 and 0.01 → 0.005: each press a factor that lands on the next rung.
    #expect(scale(press(["]"]).commands).map { abs($0 - 2) < 1e-5 } == true)
    #expect(scale(press(["["]).commands).map { abs($0 - 0.5) < 1e-5 } == true)
    var config = Fixtures.config()
    config.lanes = [LaneConfig(spec: LaneSpec(all: .l1(0.02)))]
    #expect(scale(press(["]"], snapshot: Fixtures.snapshot(config: config)).commands).map { abs($0 - 2.5) < 1e-5 } == true)
  }

  @Test func lambdaStopsAtTheEndsOfTheLadder() {
    var config = Fixtures.config()
    config.lanes = [LaneConfig(spec: LaneSpec(all: .l1(1)))]
    let r = press(["]"], snapshot: Fixtures.snapshot(config: config))
    #expect(r.commands.isEmpty)
    #expect(r.state.notice == "λ is at its maximum")
    #expect(r.backend.frames.last.map { contains($0, "λ is at its maximum") } == true)
    config.lanes = [LaneConfig(spec: LaneSpec())]
    let none = press(["]"], snapshot: Fixtures.snapshot(config: config))
    #expect(none.commands.isEmpty && none.state.notice?.contains("every lane is 'none'") == true)
  }

  @Test func minusAndPlusStepTheLearningRate() {
    for (key, expected) in [("-", Float(0.05)), ("_", 0.05), ("+", 0.2), ("=", 0.2)] {
      let r = press([Key(Character(key))])
      guard case .setLearningRate(let lr) = r.commands.first else { Issue.record("\(key): \(r.commands)"); continue }
      #expect(abs(lr - expected) < 1e-6, "\(key)")
    }
  }

  @Test func uCyclesTheL1Rule() {
    var config = Fixtures.config()
    for (from, to) in [(L1Rule.prox, L1Rule.subgradient), (.subgradient, .clip), (.clip, .prox)] {
      config.l1Rule = from
      let r = press(["u"], snapshot: Fixtures.snapshot(config: config))
      guard case .setL1Rule(let rule) = r.commands.first else { Issue.record("\(r.commands)"); continue }
      #expect(rule == to)
      #expect(r.state.notice?.hasPrefix("L1 rule: \(to.rawValue)") == true)
    }
  }

  @Test func angleBracketsChangeTheSpeedAndEndAutoPace() {
    var state = AppState()
    state.autoPace = true
    for (key, expected) in [(">", Speed.epochsPerSecond(8)), (".", .epochsPerSecond(8)),
                            ("<", .epochsPerSecond(2)), (",", .epochsPerSecond(2))] {
      let r = press([Key(Character(key))], state: state)
      guard case .setSpeed(let speed) = r.commands.last else { Issue.record("\(key): \(r.commands)"); continue }
      #expect(speed == expected, "\(key)")
      #expect(!r.state.autoPace, "the learner now owns the pace")
    }
    var fast = Fixtures.snapshot()
    fast.speed = .epochsPerSecond(256)
    guard case .setSpeed(.max) = press([">"], snapshot: fast).commands.first else { Issue.record("256 → max"); return }
    fast.speed = .max
    #expect(press([">"], snapshot: fast).state.notice == "already at full speed")
  }

  @Test func digitsHideAndShowLanes() {
    var r = press(["2"])
    #expect(r.state.hiddenLanes == [1])
    #expect(r.backend.frames.last.map { contains($0, "L1 (2: show)") && !contains($0, "L1 λ 0.01") } == true)
    r = press(["2", "2"])
    #expect(r.state.hiddenLanes.isEmpty)
    r = press(["1", "2", "3", "4"])
    #expect(r.state.hiddenLanes == [0, 1, 2], "the last visible lane stays")
    #expect(r.state.notice == "one lane stays visible")
    for digit in ["5", "6", "7", "8"] {
      let missing = press([Key(Character(digit))])
      #expect(missing.state.hiddenLanes.isEmpty && missing.state.notice == "there is no lane \(digit) (lanes 1–4)")
    }
  }

  @Test func eightLanesAllToggle() {
    var config = Fixtures.config()
    config.lanes = (1...8).map { LaneConfig(name: "l1-\($0)", spec: LaneSpec(all: .l1(Float($0) / 1000))) }
    let r = press((1...7).map { Key(Character(String($0))) }, snapshot: Fixtures.snapshot(config: config))
    #expect(r.state.hiddenLanes == Set(0..<7))
  }

  @Test func tabCyclesLayersBothWays() {
    #expect(press([.tab]).state.layer == 0)
    #expect(press([.tab, .tab, .tab]).state.layer == 2)
    #expect(press([.tab, .tab, .tab, .tab]).state.layer == nil)
    #expect(press([.backTab]).state.layer == 2)
    let frame = press([.tab]).backend.frames.last!
    #expect(contains(frame, "weights · layer 1 of 3 (20→16)"))
  }

  @Test func dMovesToTheNextDataSet() {
    let r = press(["d"])
    guard case .reconfigure(let config) = r.commands.first else { Issue.record("\(r.commands)"); return }
    #expect(config.dataset == "iris")
    #expect(config.lanes == Fixtures.config().lanes, "lanes, λ and the rest stay")
    var iris = Fixtures.config()
    iris.dataset = "iris"
    guard case .reconfigure(let back) = press(["d"], snapshot: Fixtures.snapshot(config: Fixtures.config())).commands.first,
      back.dataset == "iris"
    else { Issue.record("sparse → iris"); return }
  }

  @Test func pSwitchesTheLossView() {
    let r = press(["p"])
    #expect(r.state.lossView == .dataPenalty)
    #expect(r.backend.frames.last.map { contains($0, "loss · data, penalty dim") } == true)
    #expect(press(["p", "p"]).state.lossView == .trainValidation)
  }

  @Test func kShowsKerasCodeAndScrolls() {
    let r = press(["k", .down, .down, .pageDown])
    #expect(r.state.overlay == .keras(scroll: 12))
    #expect(r.backend.frames[1].text().contains("Keras code for this setup"))
    #expect(press(["k", .pageDown, .up, .home]).state.overlay == .keras(scroll: 0))
    #expect(press(["k", "k"]).state.overlay == nil)
    #expect(press(["k", .escape]).state.overlay == nil)
  }

  @Test func questionMarkShowsHelp() {
    let r = press(["?"])
    #expect(r.state.overlay == .help(scroll: 0))
    #expect(r.backend.frames.last.map { contains($0, "keys · esc or ? closes") } == true)
    #expect(press(["?", "?"]).state.overlay == nil)
    #expect(press(["?", .escape]).state.overlay == nil)
    #expect(press(["h"]).state.overlay == .help(scroll: 0))
  }

  @Test func keysStillActUnderAnOverlay() {
    let r = press(["k", "]"])
    #expect(r.state.overlay == .keras(scroll: 0))
    #expect(scale(r.commands) != nil)
  }

  @Test func qQuitsAtOnce() {
    let r = press(["q", " ", "n"])
    #expect(r.state.quit)
    #expect(r.commands.isEmpty, "nothing after q is handled")
    #expect(press(["Q"]).state.quit)
  }

  @Test func unknownKeysDoNothing() {
    let r = press(["z", .left, .right, .backspace, .end])
    #expect(r.commands.isEmpty && r.state.overlay == nil && r.state.notice == nil)
  }

  @Test func everyBindingInTheHelpIsHandled() {
    // The help table and the key map must not drift apart: each listed key changes something.
    let keys: [String: [Key]] = [
      "space": [" "], "n": ["n"], "r": ["r"], "[ ]": ["[", "]"], "- +": ["-", "+"], "u": ["u"],
      "< >": ["<", ">"], "1–8": ["1"], "tab": [.tab], "d": ["d"], "p": ["p"], "k": ["k"],
      "?": ["?"], "esc": ["?", .escape], "q": ["q"],
    ]
    for binding in KeyMap.bindings {
      guard let sequence = keys[binding.keys] else { Issue.record("no test for \(binding.keys)"); continue }
      let before = AppState()
      for key in sequence {
        let (after, commands) = KeyMap.handle(key, state: before, snapshot: Fixtures.snapshot())
        if key == .escape { continue }
        #expect(after != before || !commands.isEmpty, "\(binding.keys): \(key) did nothing")
      }
    }
  }
}
