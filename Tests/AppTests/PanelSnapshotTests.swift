import Canvas
import Testing
import Training

@testable import App

/// Each panel of the dashboard drawn alone, so a change shows up in the panel it belongs to.
@Suite struct PanelSnapshotTests {
  let snapshot = Fixtures.snapshot()
  var lanes: [(index: Int, lane: LaneSnapshot)] { snapshot.lanes.enumerated().map { ($0.offset, $0.element) } }

  func draw(width: Int, height: Int, theme: Theme = .standard, _ body: (Rect, inout Painter) -> Void) -> Grid {
    var grid = Grid(width: width, height: height)
    let bounds = grid.bounds
    grid.paint { body(bounds, &$0) }
    return grid
  }

  @Test func weightsAllLayers() {
    let grid = draw(width: 100, height: 12) { rect, p in
      WeightsPanel(lanes: lanes, layer: nil, range: 1).draw(in: rect, painter: &p, theme: .standard)
    }
    assertSnapshot(grid, named: "panel-weights")
    #expect(grid.row(10).contains("=0") && grid.row(11).contains("≈0"))
  }

  @Test func weightsOneLayerShortRows() {
    let grid = draw(width: 78, height: 6) { rect, p in
      WeightsPanel(lanes: lanes, layer: 2, range: 1).draw(in: rect, painter: &p, theme: .standard)
    }
    assertSnapshot(grid, named: "panel-weights-layer3-short")
  }

  @Test func lossBothViews() {
    for view in [LossView.trainValidation, .dataPenalty] {
      let grid = draw(width: 40, height: 10) { rect, p in
        Charts.loss(lanes, view: view, epoch: 300, theme: .standard).draw(in: rect, painter: &p, theme: .standard)
      }
      assertSnapshot(grid, named: view == .trainValidation ? "panel-loss-train-val" : "panel-loss-data-penalty")
      #expect(grid.row(9).hasSuffix("epoch 300"))
    }
  }

  @Test func zerosAndNorm() {
    let zeros = draw(width: 30, height: 8) { rect, p in
      Charts.zeros(lanes, theme: .standard).draw(in: rect, painter: &p, theme: .standard)
    }
    assertSnapshot(zeros, named: "panel-zeros")
    #expect(zeros.row(0).hasPrefix("100%"))
    let norm = draw(width: 30, height: 8) { rect, p in
      Charts.norm(lanes, theme: .standard).draw(in: rect, painter: &p, theme: .standard)
    }
    assertSnapshot(norm, named: "panel-norm")
    #expect(norm.row(6).hasPrefix("  0┤"), "the norm axis starts at 0")
  }

  @Test func features() {
    let grid = draw(width: 118, height: 5) { rect, p in
      SidePanels.features(lanes, snapshot: snapshot, theme: .standard).draw(in: rect, painter: &p, theme: .standard)
    }
    assertSnapshot(grid, named: "panel-features")
    #expect(grid.row(2).contains("·"), "L1 cuts noise features to exactly zero")
  }

  @Test func model() {
    let grid = draw(width: 32, height: 8) { rect, p in
      ModelPanel(lanes: lanes, snapshot: snapshot, theme: .standard).table(width: rect.width, height: rect.height)
        .draw(in: rect, painter: &p, theme: .standard)
    }
    assertSnapshot(grid, named: "panel-model")
    // Keras's names: the first Dense layer is `dense`, the output layer `dense_2`.
    #expect(grid.row(1).contains("dense 16") && grid.row(1).contains("L1L2"))
    #expect(grid.row(3).contains("dense_2 3"))
  }

  @Test func statusAndKeysAtBothWidths() {
    var state = AppState()
    state.autoPace = true
    for width in [120, 80] {
      let grid = draw(width: width, height: 2) { rect, p in
        StatusBar.drawStatus(snapshot, state: state, in: rect.line(0), painter: &p)
        StatusBar.drawKeys(snapshot, state: state, bindings: Keymap(KeyContext(mode: .play)).rows, in: rect.line(1), painter: &p)
      }
      assertSnapshot(grid, named: "panel-status-\(width)")
      #expect(grid.row(0).contains("epoch 300") && grid.row(0).contains("λ 0.01"))
      #expect(grid.row(1).contains("[ ] λ") && grid.row(1).hasSuffix("? help  q quit"))
    }
  }

  @Test func statusDropsLeastImportantFirst() {
    let state = AppState()
    let grid = draw(width: 80, height: 1) { rect, p in
      StatusBar.drawStatus(snapshot, state: state, in: rect, painter: &p)
    }
    let row = grid.row(0)
    // The name and the network's shape stay; the activation and the rule go first.
    for kept in ["RegViz", "sparse", "20→16→16→3", "epoch 300", "▶ 4 ep/s", "λ 0.01", "lr 0.1", "? help"] {
      #expect(row.contains(kept), "\(kept) in \(row)")
    }
    #expect(!row.contains("relu") && !row.contains("L1 rule"))
  }

  @Test func aLoadingDataSetShowsOnTheStatusLine() {
    var loading = snapshot
    loading.loading = (name: "big.csv", fraction: 0.453)
    let grid = draw(width: 80, height: 1) { rect, p in
      StatusBar.drawStatus(loading, state: AppState(), in: rect, painter: &p)
    }
    #expect(grid.row(0).contains("loading big.csv 45%"), "\(grid.row(0))")
  }

  @Test func theHeaderShowsEachLanesLambdaWhenTheyDiffer() {
    var config = Fixtures.config()
    config.lanes = [LaneConfig(spec: LaneSpec()), LaneConfig(name: "a", spec: LaneSpec(all: .l1(0.01))),
                    LaneConfig(name: "b", spec: LaneSpec(all: .l1(0.05))), LaneConfig(name: "c", spec: LaneSpec(all: .l2(0.02)))]
    let grid = draw(width: 120, height: 1) { rect, p in
      StatusBar.drawStatus(Fixtures.snapshot(config: config), state: AppState(), in: rect, painter: &p)
    }
    #expect(grid.row(0).contains("λ 0.01 0.05 0.02"), "\(grid.row(0))")
  }

  @Test func aDeadLaneAfterLoweringLambdaSuggestsReset() {
    var dead = snapshot
    dead.lanes[1].stats.layerZeros = dead.lanes[1].stats.layerWeights
    var state = AppState()
    state.lambdaLowered = true
    let grid = draw(width: 120, height: 1) { rect, p in
      StatusBar.drawStatus(dead, state: state, in: rect, painter: &p)
    }
    #expect(grid.row(0).contains("L1 is dead: r restarts it"), "\(grid.row(0))")
    let fine = draw(width: 120, height: 1) { rect, p in
      StatusBar.drawStatus(dead, state: AppState(), in: rect, painter: &p)
    }
    #expect(!fine.row(0).contains("is dead"), "only after λ was lowered")
  }

  @Test func everyFeatureAndEveryStarFitsEvenBesideALesson() {
    var zeroRows: Set<Int> = []
    for width in [47, 60, 120] {
      let widget = SidePanels.features(snapshot.lanes.enumerated().map { ($0.offset, $0.element) }, snapshot: snapshot,
                                       theme: .standard)
      let grid = draw(width: width, height: 6) { rect, p in widget.draw(in: rect, painter: &p, theme: .standard) }
      let header = grid.row(0)
      #expect(header.filter { $0 == "★" }.count == 4, "\(width): \(header)")
      zeroRows.insert(grid.row(2).filter { $0 == "·" }.count)
    }
    #expect(zeroRows.count == 1 && zeroRows.first! >= 12, "L1's zeroed rows all shown at every width: \(zeroRows)")
  }

  @Test func noticeTakesTheKeyLine() {
    var state = AppState()
    state.note("λ is at its maximum")
    let grid = draw(width: 80, height: 1) { rect, p in
      StatusBar.drawKeys(snapshot, state: state, bindings: Keymap(KeyContext(mode: .play)).rows, in: rect, painter: &p)
    }
    #expect(grid.row(0) == " λ is at its maximum")
  }
}
