import Lessons
import Canvas
import NeuralCore
import RegvizData
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
    let final = runPlay(driver: driver, backend: backend, state: state)
    return (driver.commands, final, backend)
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

  /// The keys ask the runner for a step; where that lands is the runner's business (it steps
  /// from its own λ, see `RunnerTests.quickPressesWalkTheLadderWithoutDrift`).
  @Test func bracketsStepLambda() {
    #expect(press(["]"]).commands == [.stepLambda(up: true)])
    #expect(press(["["]).commands == [.stepLambda(up: false)])
    #expect(press(["]", "]", "]"]).commands == Array(repeating: .stepLambda(up: true), count: 3),
            "three presses, three steps, whatever the snapshot says")
  }

  @Test func theRunnersAnswerAtTheLadderEndsIsShown() {
    let r = press(["]"], snapshot: Fixtures.snapshot(message: "λ is at its maximum"))
    #expect(r.backend.frames.last.map { contains($0, "λ is at its maximum") } == true)
  }

  @Test func minusAndPlusStepTheLearningRate() {
    for (key, up) in [("-", false), ("_", false), ("+", true), ("=", true)] {
      #expect(press([Key(Character(key))]).commands == [.stepLearningRate(up: up)], "\(key)")
    }
  }

  @Test func uCyclesTheL1RuleAndTheChangeIsAnnounced() {
    #expect(press(["u"]).commands == [.nextL1Rule])
    var state = AppState()
    var config = Fixtures.config()
    state.observe(Fixtures.snapshot(config: config))
    #expect(state.notice == nil)
    config.l1Rule = .subgradient
    state.observe(Fixtures.snapshot(config: config))
    #expect(state.notice?.hasPrefix("L1 rule: subgradient — Keras's") == true)
  }

  @Test func angleBracketsChangeTheSpeedAndEndAutoPace() {
    var state = AppState()
    state.autoPace = true
    for (key, up) in [(">", true), (".", true), ("<", false), (",", false)] {
      let r = press([Key(Character(key))], state: state)
      #expect(r.commands.last == .stepSpeed(up: up), "\(key)")
      #expect(!r.state.autoPace, "the learner now owns the pace")
    }
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
    #expect(config.dataset == .iris)
    #expect(config.hidden == [10, 10] && config.lanes.map(\.name) == ["none", "keras"], "Iris is the Keras tutorial's model")
    #expect(config.optimizer == Fixtures.config().optimizer && config.seed == Fixtures.config().seed, "the rest stays")
    var iris = Fixtures.config()
    iris.dataset = .iris
    guard case .reconfigure(let back) = press(["d"], snapshot: Fixtures.snapshot(config: iris)).commands.first,
      back.dataset == .correlated(CorrelatedDataset.defaultCorrelation), back.hidden == ExperimentConfig().hidden,
      back.lanes == ExperimentConfig().lanes
    else { Issue.record("iris → correlated, default layers and lanes"); return }
  }

  /// `d` goes through every built-in data set and says which one is now loaded; correlated at
  /// any ρ is correlated's turn, and digits (64 pixels) comes back round to sparse.
  @Test func dCyclesThroughEveryBuiltInDataSet() {
    let order: [(from: DataSource, to: DataSource)] = [
      (.sparse, .iris), (.iris, .correlated(CorrelatedDataset.defaultCorrelation)),
      (.correlated(0.5), .digits), (.digits, .sparse),
    ]
    for (from, to) in order {
      var config = Fixtures.config()
      config.dataset = from
      let r = press(["d"], snapshot: Fixtures.snapshot(config: config))
      guard case .reconfigure(let next) = r.commands.first else { Issue.record("\(from): \(r.commands)"); continue }
      #expect(next.dataset == to, "\(from) → \(next.dataset)")
      #expect(r.state.notice == "data set: \(to) (training starts over)", "\(String(describing: r.state.notice))")
    }
    // Off iris the default layers and lanes return, not the Keras tutorial's.
    var iris = Fixtures.config()
    iris.dataset = .iris
    guard case .reconfigure(let correlated) = press(["d"], snapshot: Fixtures.snapshot(config: iris)).commands.first else {
      Issue.record("iris: no reconfigure"); return
    }
    #expect(correlated.hidden == ExperimentConfig().hidden && correlated.lanes == ExperimentConfig().lanes)
    #expect(DataSource.builtIn.map(\.name) == ["sparse", "iris", "correlated", "digits"])
  }

  /// A picture layout given for one data set (`--image`) is not carried to the next.
  @Test func dLeavesTheImageLayoutBehind() {
    var digits = Fixtures.config()
    digits.dataset = .digits
    digits.image = ImageShape(width: 8, height: 8)
    guard case .reconfigure(let next) = press(["d"], snapshot: Fixtures.snapshot(config: digits)).commands.first else {
      Issue.record("d did not reconfigure"); return
    }
    #expect(next.dataset == .sparse && next.image == nil)
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

  /// At 80×24 the windows' titles are whole, the closing key above all (it read "esc o…").
  @Test func windowTitlesSayHowToCloseAt80Columns() {
    for (key, closes) in [("k", "esc or k closes"), ("f", "esc or f closes"), ("?", "esc or ? closes")] {
      let r = press([.character(Character(key))], width: 80, height: 24)
      let frame = r.backend.frames.last.map { $0.text() } ?? ""
      #expect(frame.contains(closes), "\(key):\n\(frame)")
    }
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
    #expect(r.commands == [.stepLambda(up: true)])
  }

  @Test func qQuitsAtOnce() {
    let r = press(["q", " ", "n"])
    #expect(r.state.quit)
    #expect(r.commands.isEmpty, "nothing after q is handled")
    #expect(press(["Q"]).state.quit)
  }

  @Test func unknownKeysDoNothing() {
    let r = press(["x", .backspace])
    #expect(r.commands.isEmpty && r.state.overlay == nil && r.state.notice == nil)
  }

  @Test func everyKeyInTheTableIsHandled() {
    // Every key of every free-play row reaches its row's action (no row shadows another), and
    // that action changes something: the UI state or a command — in each context the keymap
    // knows (a window open, the λ path showing, the lens showing).
    var states: [AppState] = [AppState()]
    for view in [DashboardView.path, .lens] {
      var s = AppState()
      s.view = view
      states.append(s)
    }
    var open = AppState()
    open.overlay = .help(scroll: 5)
    states.append(open)
    for before in states {
      let mode = PlayMode(state: before)
      let keymap = mode.keymap
      // An open window's unlisted rows take the scrolling keys first, on purpose.
      let caught = Set(keymap.rows.filter { !$0.listed }.flatMap(\.triggers).map(\.key))
      for row in keymap.rows {
        for trigger in row.triggers where !(row.listed && caught.contains(trigger.key)) {
          #expect(keymap.action(for: trigger.key) == trigger.action, "\(row.label): \(trigger.key)")
          var start = before
          if trigger.action == .closeOverlay, start.overlay == nil { start.overlay = .keras(scroll: 0) }
          var mode = PlayMode(state: start)
          let commands = mode.perform(trigger.action, snapshot: Fixtures.snapshot())
          #expect(mode.state != start || !commands.isEmpty, "\(row.label): \(trigger.key) did nothing")
        }
      }
    }
  }
}
