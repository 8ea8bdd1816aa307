import NeuralCore
import RegvizData
import Testing
@testable import Training

/// `--scale-feature`: a change of units before the split.
@Suite struct FeatureScaleTests {
  @Test func parsesNameOrNumberAndRejectsNonsense() throws {
    #expect(try FeatureScale.parse("A1:1000") == FeatureScale(feature: "A1", factor: 1000))
    #expect(try FeatureScale.parse("3:0.001").description == "3:0.001")
    for bad in ["A1", "A1:", ":5", "A1:0", "A1:x", "A1:inf", "A1:2:3"] {
      #expect(throws: ConfigError.self, "\(bad)") { try FeatureScale.parse(bad) }
    }
    let data = CorrelatedDataset.make(correlation: 0.9, seed: 1)
    #expect(try FeatureScale(feature: "B2", factor: 2).column(in: data) == 4)
    #expect(try FeatureScale(feature: "2", factor: 2).column(in: data) == 1)
    // The message names the flag, as the other one-line errors of a setup do.
    let error = #expect(throws: ConfigError.self) { try FeatureScale(feature: "Z9", factor: 2).column(in: data) }
    #expect(error?.message.hasPrefix("--scale-feature: 'Z9' is not a feature of") == true)
  }

  static func config(scale: String?, standardize: Bool) -> ExperimentConfig {
    var c = ExperimentConfig()
    c.dataset = .correlated(0.95)
    c.hidden = [8]
    c.lanes = [LaneConfig(spec: LaneSpec(all: .l1(0.02)))]
    c.standardize = standardize
    c.featureScale = try! scale.map(FeatureScale.parse)
    return c
  }

  /// Standardized, a change of units is undone before training (to float rounding); raw, the
  /// network sees a different problem.
  @Test func standardizationUndoesAChangeOfUnits() throws {
    let plain = try PreparedExperiment(Self.config(scale: nil, standardize: true)).data.train.features
    let scaled = try PreparedExperiment(Self.config(scale: "A1:1000", standardize: true)).data.train.features
    #expect(zip(plain, scaled).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($0)) })
    let raw = try PreparedExperiment(Self.config(scale: "A1:1000", standardize: false)).data.train
    let rawPlain = try PreparedExperiment(Self.config(scale: nil, standardize: false)).data.train
    let d = raw.featureCount
    #expect((0..<raw.count).allSatisfy { raw.features[$0 * d] == rawPlain.features[$0 * d] * 1000 })
    #expect((0..<raw.count).allSatisfy { raw.features[$0 * d + 1] == rawPlain.features[$0 * d + 1] })
    #expect(Self.config(scale: "A1:1000", standardize: false).commandLine(epochs: 5)
      .contains("--dataset correlated:0.95 --hidden 8 --lane l1=0.02"))
    #expect(Self.config(scale: "A1:1000", standardize: false).commandLine(epochs: 5)
      .contains("--scale-feature A1:1000 --no-standardize"))
  }

  @Test func anUnknownFeatureIsAConfigError() {
    #expect(throws: ConfigError.self) { try PreparedExperiment(Self.config(scale: "x99:2", standardize: true)) }
  }

  @Test func correlatedParsesFromText() {
    #expect(DataSource("correlated") == .correlated(0.9))
    #expect(DataSource("correlated:0.95") == .correlated(0.95))
    #expect(DataSource("correlated:0.95")?.description == "correlated:0.95")
    for bad in ["correlated:1", "correlated:-0.1", "correlated:x", "correlated:"] { #expect(DataSource(bad) == nil, "\(bad)") }
  }
}
