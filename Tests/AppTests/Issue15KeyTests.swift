import Canvas
import NeuralCore
import RegvizData
import Testing
import Training

@testable import App

/// `z` (standardization on ↔ off) and `f` (selection frequency over seeds) in free play.
@Suite struct Issue15KeyTests {
  func press(_ keys: [Key], snapshot: ExperimentSnapshot = Fixtures.snapshot())
    -> (commands: [RunnerCommand], state: AppState, backend: RecordingBackend) {
    let driver = RecordingDriver(snapshot)
    let backend = RecordingBackend(width: 120, height: 40, keys: keys)
    let final = runPlay(driver: driver, backend: backend, state: AppState())
    return (driver.commands, final, backend)
  }

  @Test func zTogglesStandardizationAndSaysTrainingStartsOver() {
    let r = press(["z"])
    guard case .reconfigure(let config)? = r.commands.first else { Issue.record("\(r.commands)"); return }
    #expect(config.standardize == false)
    #expect(r.state.notice == "standardization off: features in their own units (training starts over)")
  }

  @Test func fOpensTheSelectionViewAndFClosesIt() {
    let open = press(["f"])
    guard case .selection? = open.state.overlay else { Issue.record("\(String(describing: open.state.overlay))"); return }
    #expect(open.commands.isEmpty, "the dashboard's run is not touched")
    #expect(press(["f", "f"]).state.overlay == nil)
  }

  /// The window's text: a bar per lane and feature, the percentage after it, groups listed.
  @Test func selectionLinesShowABarPerLaneAndFeature() throws {
    var c = ExperimentConfig()
    c.dataset = .correlated(0.95)
    c.hidden = [4]
    c.lanes = ["none", "l1=0.1"].map { try! LaneConfig.parse($0) }
    let tally = try SelectionFrequency.measure(c, seeds: [1, 2], epochs: 30)
    let lines = SelectionOverlay.lines(.finished(tally), theme: Theme(colorMode: .monochrome, ascii: true), width: 60)
      .map { $0.map(\.text).joined() }
    #expect(lines[0] == "2 seeds done - 300 epochs each, this setup with run seeds")
    #expect(lines[1] == "1...2")
    #expect(lines.contains { $0.hasPrefix("correlated groups: A1 A2 A3") })
    let a1 = try #require(lines.first { $0.hasPrefix("A1*") })
    // none keeps every feature under every seed: a full bar and 100%.
    #expect(a1.hasPrefix("A1* ###################### 100% "), "\(a1)")
    #expect(lines.filter { $0.hasPrefix("n") }.count == 6)
    // The prose wraps between words inside the window: the threshold is whole (it was cut at 80
    // columns, "…a first-layer weight ≥").
    let prose = lines.prefix { !$0.isEmpty }.filter { !$0.hasPrefix("correlated") }
    #expect(prose.allSatisfy { $0.count <= 60 }, "\(prose)")
    #expect(prose.joined(separator: " ").contains("a first-layer weight >= 1e-3 (under the subgradient rule"))
    let waiting = SelectionOverlay.lines(nil, theme: .standard, width: 60).map { $0.map(\.text).joined() }
    #expect(waiting[0].hasPrefix("training the first of 20 seeds in the background"))
  }
}

@Suite struct StoppedLaneTitleTests {
  @Test func aStoppedLaneSaysWhereItStoppedWhileThereIsRoom() throws {
    var lane = Fixtures.snapshot().lanes[0]
    #expect(WeightsPanel.laneTitle(lane, width: 40, theme: .standard) == "none")
    lane.stoppedAt = 149
    lane.bestEpoch = 139
    #expect(WeightsPanel.laneTitle(lane, width: 40, theme: .standard) == "none · stopped 149, kept 139")
    #expect(WeightsPanel.laneTitle(lane, width: 15, theme: .standard) == "none · stopped")
    #expect(WeightsPanel.laneTitle(lane, width: 6, theme: .standard) == "none")
  }

  /// Issue 24: a stop= lane still training shows the live weights and names the epoch it would
  /// keep at the end (Keras's restore in on_train_end); a lane without stop= says nothing.
  @Test func aRunningStopLaneNamesItsBestEpoch() throws {
    var lane = Fixtures.snapshot().lanes[0]
    lane.bestEpoch = 139
    lane.epoch = 150
    #expect(WeightsPanel.laneTitle(lane, width: 40, theme: .standard) == "none")
    lane.lane = try Lane(LaneConfig.parse("stop=best-val:30"), layerCount: lane.lane.regularizers.count)
    #expect(WeightsPanel.laneTitle(lane, width: 40, theme: .standard) == "stop · best 139")
    lane.epoch = 139
    #expect(WeightsPanel.laneTitle(lane, width: 40, theme: .standard) == "stop")
  }
}
