import LessonRuns
import App
import Foundation
import Lessons
import NeuralCore
import Testing
import Training

@testable import Training

/// The numbers lesson conditions read, checked against hand computation on a tiny network.
@Suite("Lesson metrics")
struct LessonMetricsTests {
  /// 3 inputs → 2 → 2. First kernel rows (one per input feature): f0 = [0, 3], f1 = [0, 0],
  /// f2 = [4, 0]; second kernel [0, 1, -2, 0.0005]. Ten weights: 5 exactly 0, 6 below 0.001.
  static let network = Network(layers: [
    Layer(inputs: 3, units: 2, activation: .relu, kernel: [0, 3, 0, 0, 4, 0], bias: [0.5, 0]),
    Layer(inputs: 2, units: 2, activation: .linear, kernel: [0, 1, -2, 0.0005], bias: [0, 0]),
  ])

  static let record = EpochRecord(
    epoch: 4, dataLoss: 0.5, penalty: 0.25, valLoss: 0.7, accuracy: 0.9, valAccuracy: 0.8,
    zeros: 5, nearZeros: 6, weights: 10, l1Norm: 10.0005, l2Norm: 30.00000025.squareRoot())

  static func metrics(informative: [Int]? = [0], latest: EpochRecord? = record) -> LessonMetrics {
    let lane = LessonMetrics.LaneState(
      latest: latest, stats: WeightStats(network: network, nearZeroThreshold: 1e-3), firstLayerUnits: 2)
    return LessonMetrics(epoch: 4, lanes: ["L1": lane], informative: informative)
  }

  @Test func everyMetricMatchesHandComputation() throws {
    let m = Self.metrics()
    #expect(m.epoch == 4)
    #expect(m.value(.zeros, lane: "L1") == 0.5)
    #expect(m.value(.nearZeros, lane: "L1") == 0.6)
    #expect(m.value(.acc, lane: "L1") == 0.9)
    #expect(m.value(.valAcc, lane: "L1") == 0.8)
    #expect(m.value(.loss, lane: "L1") == 0.75)
    #expect(m.value(.valLoss, lane: "L1") == 0.7)
    #expect(m.value(.dataLoss, lane: "L1") == 0.5)
    #expect(m.value(.penalty, lane: "L1") == 0.25)
    let l1 = try #require(m.value(.l1Norm, lane: "L1"))
    #expect(abs(l1 - 10.0005) < 1e-6)
    let l2 = try #require(m.value(.l2Norm, lane: "L1"))
    #expect(abs(l2 - 30.00000025.squareRoot()) < 1e-6)
    // Noise features f1 and f2: rows [0, 0] and [4, 0] hold 3 zeros out of 4 weights.
    #expect(m.value(.noiseZeros, lane: "L1") == 0.75)
    // Informative row norm 3; noise row norms 0 and 4, mean 2.
    #expect(m.value(.featureRatio, lane: "L1") == 1.5)
  }

  @Test func unavailableValuesAreNil() {
    #expect(Self.metrics().value(.zeros, lane: "L2") == nil)
    #expect(Self.metrics(latest: nil).value(.zeros, lane: "L1") == nil)
    #expect(Self.metrics(latest: nil).value(.acc, lane: "L1") == nil)
    var noValidation = Self.record
    noValidation.valLoss = nil
    noValidation.valAccuracy = nil
    #expect(Self.metrics(latest: noValidation).value(.valAcc, lane: "L1") == nil)
    #expect(Self.metrics(latest: noValidation).value(.valLoss, lane: "L1") == nil)
    // No known informative features (a CSV), none marked, or no noise left: nothing to compare.
    for informative in [nil, [], [0, 1, 2]] as [[Int]?] {
      #expect(Self.metrics(informative: informative).value(.noiseZeros, lane: "L1") == nil)
      #expect(Self.metrics(informative: informative).value(.featureRatio, lane: "L1") == nil)
    }
  }

  @Test func allNoiseRowsZeroGivesAnInfiniteRatio() {
    var net = Self.network
    net.layers[0].kernel = [1, 2, 0, 0, 0, 0]
    let lane = LessonMetrics.LaneState(latest: Self.record, stats: WeightStats(network: net), firstLayerUnits: 2)
    let m = LessonMetrics(epoch: 1, lanes: ["x": lane], informative: [0])
    #expect(m.value(.featureRatio, lane: "x") == .infinity)
    #expect(m.value(.noiseZeros, lane: "x") == 1)
  }

  @Test func conditionsReadTheseValues() throws {
    let text = lessonSource("""
      ## S

      ```regviz
      lane: l1=0.01
      until: zeros(L1) >= 50% and noise_zeros(L1) > 0.7 and feature_ratio(L1) == 1.5 and epoch >= 4
      ```
      """)
    let lesson = try LessonParser.parse(text, file: "t.md", validator: .regviz)
    let until = try #require(lesson.steps[0].until)
    #expect(until.isSatisfied(by: Self.metrics()))
    #expect(!until.isSatisfied(by: Self.metrics(informative: nil)))
  }

  /// group_kept, group_balance and scaled_kept against the first-layer rows they read, the same
  /// from a snapshot (with its prepared experiment) and from trainers.
  @Test func groupMetrics() throws {
    var config = ExperimentConfig()
    config.dataset = .correlated(0.95)
    config.hidden = [8]
    config.featureScale = FeatureScale(feature: "A3", factor: 0.01)
    config.lanes = [LaneConfig(spec: LaneSpec()), LaneConfig(spec: LaneSpec(all: .l1(0.1)))]
    let prepared = try PreparedExperiment(config)
    var trainers = prepared.lanes.map { LaneTrainer(lane: $0, prepared: prepared) }
    for _ in 0..<60 { for i in trainers.indices { trainers[i].trainEpoch(prepared) } }
    let fromTrainers = LessonMetrics(trainers: trainers, prepared: prepared)
    var snapshot = ExperimentSnapshot(
      lanes: trainers.map { $0.snapshot() }, running: false, speed: .max, stepsPerSecond: 0, config: config,
      featureNames: prepared.data.train.featureNames, informative: prepared.data.train.informative,
      trainCount: prepared.data.train.count, validationCount: prepared.data.validation?.count ?? 0, message: nil)
    snapshot.prepared = prepared
    let fromSnapshot = LessonMetrics(snapshot: snapshot)
    for (l, lane) in ["none", "L1"].enumerated() {
      let rows = trainers[l].stats.featureMagnitudes
      let groups = [[0, 1, 2], [3, 4], [5, 6, 7]]
      let kept = Double(groups.joined().filter { rows[$0] >= 1e-3 }.count) / 8
      let balance = groups.map { g -> Double in
        let n = g.map { Double(rows[$0]) }
        return n.max()! > 0 ? n.min()! / n.max()! : 0
      }.reduce(0, +) / 3
      for m in [fromTrainers, fromSnapshot] {
        #expect(m.value(.groupKept, lane: lane) == kept)
        #expect(abs(m.value(.groupBalance, lane: lane)! - balance) < 1e-12)
        #expect(m.value(.scaledKept, lane: lane) == (rows[2] >= 1e-3 ? 1 : 0))
      }
    }
    // Unregularized, every member is kept; strong L1 keeps fewer and shares less.
    #expect(fromTrainers.value(.groupKept, lane: "none") == 1)
    #expect(fromTrainers.value(.groupBalance, lane: "L1")! < fromTrainers.value(.groupBalance, lane: "none")!)
  }

  /// dropped_border and dropped_inner on digits: the shares of the 28 ring pixels and the 36
  /// inside whose first-layer row is all 0, the same from a snapshot and from trainers; nil for
  /// data that is no picture.
  @Test func pixelMetrics() throws {
    var config = ExperimentConfig()
    config.dataset = .digits
    config.hidden = [8]
    config.lanes = [LaneConfig(spec: LaneSpec()), LaneConfig(name: "G", spec: try LaneSpec.parse("1:group=0.05"))]
    config.optimizer = .adam(learningRate: 0.01)
    let prepared = try PreparedExperiment(config)
    var trainers = prepared.lanes.map { LaneTrainer(lane: $0, prepared: prepared) }
    for _ in 0..<40 { for i in trainers.indices { trainers[i].trainEpoch(prepared) } }
    let fromTrainers = LessonMetrics(trainers: trainers, prepared: prepared)
    var snapshot = ExperimentSnapshot(
      lanes: trainers.map { $0.snapshot() }, running: false, speed: .max, stepsPerSecond: 0, config: config,
      featureNames: prepared.data.train.featureNames, informative: nil,
      trainCount: prepared.data.train.count, validationCount: prepared.data.validation?.count ?? 0, message: nil)
    snapshot.image = prepared.data.train.image
    let fromSnapshot = LessonMetrics(snapshot: snapshot)
    let ring = (0..<64).filter { [0, 7].contains($0 / 8) || [0, 7].contains($0 % 8) }
    #expect(ring.count == 28)
    for (l, lane) in ["none", "G"].enumerated() {
      let dropped = Set(trainers[l].learner.network.droppedInputs)
      let border = Double(ring.filter(dropped.contains).count) / 28
      let inner = Double(dropped.subtracting(ring).count) / 36
      for m in [fromTrainers, fromSnapshot] {
        #expect(m.value(.droppedBorder, lane: lane) == border)
        #expect(m.value(.droppedInner, lane: lane) == inner)
      }
    }
    #expect(fromTrainers.value(.droppedBorder, lane: "none") == 0)
    #expect(fromTrainers.value(.droppedBorder, lane: "G")! > fromTrainers.value(.droppedInner, lane: "G")!,
            "the group term drops the border first")
    #expect(Self.metrics().value(.droppedBorder, lane: "L1") == nil, "no picture, no border")
  }

  /// The dashboard's snapshot and the replay's trainers give the same values for the same run.
  @Test func snapshotAndTrainersAgree() throws {
    var config = ExperimentConfig()
    config.hidden = [8]
    config.lanes = [LaneConfig(spec: LaneSpec()), LaneConfig(spec: LaneSpec(all: .l1(0.02)))]
    let prepared = try PreparedExperiment(config)
    var trainers = prepared.lanes.map { LaneTrainer(lane: $0, prepared: prepared) }
    for _ in 0..<30 { for i in trainers.indices { trainers[i].trainEpoch(prepared) } }
    let fromTrainers = LessonMetrics(trainers: trainers, prepared: prepared)
    let snapshot = ExperimentSnapshot(
      lanes: trainers.map { $0.snapshot() }, running: false, speed: .max, stepsPerSecond: 0, config: config,
      featureNames: prepared.data.train.featureNames, informative: prepared.data.train.informative,
      trainCount: prepared.data.train.count, validationCount: prepared.data.validation?.count ?? 0, message: nil)
    let fromSnapshot = LessonMetrics(snapshot: snapshot)
    #expect(fromTrainers.epoch == 30 && fromSnapshot.epoch == 30)
    // The group metrics need correlated groups (and a rescaled feature): `groupMetrics` below;
    // the pixel metrics a picture: `pixelMetrics`.
    for metric in Metric.allCases where ![.groupKept, .groupBalance, .scaledKept, .droppedBorder, .droppedInner].contains(metric) {
      for lane in ["none", "L1"] {
        #expect(fromTrainers.value(metric, lane: lane) == fromSnapshot.value(metric, lane: lane), "\(metric)(\(lane))")
        // lens_zero reads the two-weight lens, which neither has here.
        if metric != .lensZero { #expect(fromTrainers.value(metric, lane: lane) != nil, "\(metric)(\(lane))") }
      }
    }
    #expect(try #require(fromTrainers.value(.zeros, lane: "L1")) > 0)
    #expect(fromTrainers.value(.zeros, lane: "none") == 0)
  }
}
