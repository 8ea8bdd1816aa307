import Canvas
import Foundation
import Lessons
import NeuralCore
import Testing

@testable import App
@testable import Training

/// Issue 25: a run that diverged (η 100, 1000, a feature scaled by 1e30) hands the views NaN,
/// ±inf and numbers near Float's limit. Every view and panel draws them, at every size, in
/// play and in a lesson, without trapping and without a number running over its frame.
@Suite struct ExtremeNumberTests {
  static let extremes: [Float] = [.nan, .infinity, -.infinity, 0, 1e-45, 3e38]

  /// The fixture snapshot with `v` in every number it carries: weights, biases, the
  /// statistics, every history point, the traces, the pace, the learning rate.
  static func snapshot(_ v: Float, base: ExperimentSnapshot = Fixtures.snapshot(exportable: true)) -> ExperimentSnapshot {
    var s = base
    let d = Double(v)
    s.stepsPerSecond = d
    s.config.optimizer.learningRate = v
    for i in s.lanes.indices {
      for l in s.lanes[i].network.layers.indices {
        s.lanes[i].network.layers[l].kernel = s.lanes[i].network.layers[l].kernel.map { _ in v }
        s.lanes[i].network.layers[l].bias = s.lanes[i].network.layers[l].bias.map { _ in v }
      }
      var stats = s.lanes[i].stats
      stats.featureMagnitudes = stats.featureMagnitudes.map { _ in v }
      stats.layerAbsSums = stats.layerAbsSums.map { _ in d }
      stats.layerSquareSums = stats.layerSquareSums.map { _ in d }
      (stats.l1Norm, stats.l2Norm, stats.penalty) = (d, d, d)
      s.lanes[i].stats = stats
      var history = History()
      var trace = WeightTrace(network: s.lanes[i].network, informative: s.informative)
      for e in 1...40 {
        let r = EpochRecord(epoch: e, dataLoss: d, penalty: d, valLoss: d, accuracy: d, valAccuracy: d, zeros: 0,
                            nearZeros: 0, weights: stats.weights, l1Norm: d, l2Norm: d)
        history.append(r)
        trace.record(s.lanes[i].network, epoch: e)
      }
      s.lanes[i].history = history
      s.lanes[i].latest = history.count > 0 ? EpochRecord(epoch: 40, dataLoss: d, penalty: d, valLoss: d, accuracy: d,
                                                           valAccuracy: d, zeros: 0, nearZeros: 0, weights: stats.weights,
                                                           l1Norm: d, l2Norm: d) : nil
      s.lanes[i].trace = trace
    }
    return s
  }

  /// A finished λ path with `v` in every number of every point.
  static func path(_ v: Float, features: Int) -> CrossValidation.Path {
    let d = Double(v)
    let points = PathPanel.lambdas.map { lambda in
      CrossValidation.Point(lambda: lambda, foldLosses: [d, d], cvMean: d, cvStandardError: d,
                            featureNorms: Array(repeating: v, count: features), nonZero: 3, weights: 680,
                            zeroFraction: d, l2Norm: d, accuracy: d, valAccuracy: d, diverged: !v.isFinite)
    }
    let chosen = CrossValidation.choose(points)
    return CrossValidation.Path(folds: 5, points: points, minIndex: chosen.min, oneSEIndex: chosen.oneSE)
  }

  /// The view's frame: the status line on top, the key line below, and each body row between
  /// the outer frame's two edges — a number that ran over would have taken an edge.
  static func expectIntact(_ grid: Grid, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = grid.text()
    #expect(grid.row(0).hasPrefix(" RegViz"), "\(what): status line\n\(text)", sourceLocation: sourceLocation)
    #expect(!grid.row(grid.height - 1).trimmingCharacters(in: .whitespaces).isEmpty, "\(what): key line\n\(text)",
            sourceLocation: sourceLocation)
    let left: Set<Character> = ["┌", "│", "├", "└"], right: Set<Character> = ["┐", "│", "┤", "┘"]
    for y in 1..<grid.height - 1 {
      let row = Array(grid.row(y))
      guard let first = row.first, let last = row.last else { continue }
      #expect(left.contains(first) && right.contains(last), "\(what): row \(y) lost its frame\n\(text)",
              sourceLocation: sourceLocation)
    }
    #expect(!text.contains("-nan"), "\(what): glibc's -nan\n\(text)", sourceLocation: sourceLocation)
  }

  static let sizes = [(80, 24), (120, 40), (200, 60)]

  @Test(arguments: DashboardView.allCases)
  func everyViewDrawsEveryExtremeAtEverySize(view: DashboardView) {
    let base = Fixtures.snapshot(exportable: true)
    for v in Self.extremes {
      let snapshot = Self.snapshot(v, base: base)
      for (width, height) in Self.sizes {
        for scale in [HistogramScale.linear, .log] {
          for layer in [nil, 0] as [Int?] {
            var state = AppState()
            state.view = view
            state.histogramScale = scale
            state.layer = layer
            state.path = PathViewTests.state(snapshot, job: .finished(Self.path(v, features: snapshot.featureNames.count)),
                                             cursor: 2).path
            state.observe(snapshot)
            let grid = Chrome.compose(snapshot, state: state, width: width, height: height, histograms: HistogramCache())
            Self.expectIntact(grid, "\(view) v=\(v) \(width)×\(height) \(scale) layer \(String(describing: layer))")
          }
        }
      }
    }
  }

  /// The windows drawn over the dashboard (help, the Keras code, the selection tally) over a
  /// diverged run: the Keras code prints the learning rate and every lane's λ, the tally every
  /// feature's mean row norm, all of them `v`.
  @Test func everyOverlayDrawsEveryExtremeAtEverySize() {
    let base = Fixtures.snapshot(exportable: true)
    for v in Self.extremes {
      let snapshot = Self.snapshot(v, base: base)
      var tally = SelectionFrequency(config: snapshot.config, seeds: [1, 2, 3])
      let lanes = snapshot.lanes.count, features = snapshot.featureNames.count
      tally.featureNames = snapshot.featureNames
      tally.kept = Array(repeating: Array(repeating: 2, count: features), count: lanes)
      tally.magnitudeSum = Array(repeating: Array(repeating: Double(v), count: features), count: lanes)
      tally.done = 3
      let overlays: [Overlay] = [.help(scroll: 0), .keras(scroll: 0), .keras(scroll: 1_000_000),
                                 .selection(scroll: 0, job: .running(tally)), .selection(scroll: 0, job: .finished(tally)),
                                 .selection(scroll: 1_000_000, job: .finished(tally))]
      for overlay in overlays {
        for (width, height) in Self.sizes {
          var state = AppState()
          state.observe(snapshot)
          let under = Chrome.compose(snapshot, state: state, width: width, height: height, histograms: HistogramCache())
          state.overlay = overlay
          let grid = Chrome.compose(snapshot, state: state, width: width, height: height, histograms: HistogramCache())
          #expect(grid.text() != under.text(), "\(overlay) v=\(v) \(width)×\(height): the window is not drawn")
          Self.expectIntact(grid, "\(overlay) v=\(v) \(width)×\(height)")
        }
      }
    }
  }

  /// Issue 25, case 1: the tug of war after η 100 (weights and pulls NaN and infinite) drew
  /// `Int(NaN)`.
  @Test func tugOfWarAfterLearningRate100() {
    for v in [Float.nan, .infinity, 3e38, 1e30, -1e20, 1e10] {
      var snapshot = Self.snapshot(v)
      snapshot.config.optimizer.learningRate = 100
      let grid = ViewSnapshotTests.frame(.tug, width: 120, height: 40, snapshot: snapshot)
      #expect(contains(grid, "tug of war · weight"))
      Self.expectIntact(grid, "tug v=\(v)")
    }
  }

  /// Issue 25, case 2: a row norm of 1e27 printed with 27 digits cut the feature list's names
  /// to a negative length.
  @Test func pathListWithHugeRowNorms() {
    let snapshot = Fixtures.snapshot(exportable: true)
    let state = PathViewTests.state(snapshot, job: .finished(Self.path(1e27, features: snapshot.featureNames.count)), cursor: 3)
    let grid = Chrome.compose(snapshot, state: state, width: 120, height: 40)
    #expect(contains(grid, "1.0e+27"), "\(grid.text())")
    Self.expectIntact(grid, "path 1e27")
  }

  /// Issue 25, case 3: a feature scaled by 1e30 without standardizing left every row norm NaN:
  /// `0...max(NaN, 1e-6)`.
  @Test func pathWithNaNRowNorms() {
    let snapshot = Fixtures.snapshot(exportable: true)
    let state = PathViewTests.state(snapshot, job: .finished(Self.path(.nan, features: snapshot.featureNames.count)), cursor: 3)
    let grid = Chrome.compose(snapshot, state: state, width: 120, height: 40)
    #expect(contains(grid, "λ path"))
    Self.expectIntact(grid, "path NaN")
  }

  /// A lesson page beside each view (η 100 and `view: tug` is case 1 in a lesson).
  @Test func aLessonFrameDrawsEveryExtreme() throws {
    let lesson = try LessonParser.parse(lessonSource("""
      ## Diverge

      A learning rate of 100.

      ```regviz
      lr: 100
      view: tug
      ```
      """), file: "/t/l.md", validator: .regviz)
    for view in DashboardView.allCases {
      for v in Self.extremes {
        let session = try LessonSession(lessons: [lesson], lessonIndex: 0, step: 0)
        var state = AppState()
        state.view = view
        var mode = LessonMode(session: session, state: state)
        let snapshot = Self.snapshot(v, base: Fixtures.snapshot(config: session.experiment.config, exportable: true))
        _ = mode.observe(snapshot, elapsed: 0)
        for (width, height) in Self.sizes {
          let grid = mode.compose(snapshot, width: width, height: height)
          #expect(grid.text().contains("Diverge"), "\(view) v=\(v) \(width)×\(height)\n\(grid.text())")
          #expect(!grid.text().contains("-nan"))
        }
      }
    }
  }
}
