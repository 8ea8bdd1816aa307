import Foundation
import NeuralCore
import RegvizData
import Testing
@testable import Training

/// The digits data set (issue 27): shipped, found, laid out as 8×8 pixels, standardized without
/// NaN on its constant border, and learnable by a 64-32-10 network.
@Suite struct DigitsTests {
  @Test func shipsAsEightByEightPixelsWithTenClasses() throws {
    let digits = try DataSource.digits.load(seed: 0)
    #expect(digits.count == 1797 && digits.featureCount == 64)
    #expect(digits.classNames == (0...9).map(String.init))
    #expect(digits.image == ImageShape(width: 8, height: 8))
    #expect(digits.featureNames.first == "r1c1" && digits.featureNames[9] == "r2c2" && digits.featureNames.last == "r8c8")
    #expect(digits.features.min() == 0 && digits.features.max() == 16)
    #expect(digits.labels.filter { $0 == 8 }.count == 174)
    #expect(DataSource("digits") == .digits && DataSource.digits.description == "digits")
  }

  /// Lesson 11's explanation: a few edge pixels are blank in every digit, more in nearly all.
  @Test func edgePixelsAreBlankInEveryOrNearlyEveryDigit() throws {
    let digits = try DataSource.digits.load(seed: 0)
    let inked = (0..<64).map { i in (0..<digits.count).filter { digits.features[$0 * 64 + i] != 0 }.count }
    #expect((0..<64).filter { inked[$0] == 0 }.map { digits.featureNames[$0] } == ["r1c1", "r5c1", "r5c8"])
    let nearlyBlank = (0..<64).filter { inked[$0] > 0 && inked[$0] * 100 < digits.count }
    #expect(nearlyBlank.count >= 5 && nearlyBlank.allSatisfy { $0 % 8 == 0 || $0 % 8 == 7 || $0 / 8 == 0 || $0 / 8 == 7 },
            "edge pixels inked in under 1% of the digits: \(nearlyBlank.map { digits.featureNames[$0] })")
  }

  @Test func constantBorderPixelsStandardizeToZeroNotNaN() throws {
    let split = DataSplit(try DataSource.digits.load(seed: 0), validationFraction: 0.3, seed: 1)
    let d = split.train.featureCount
    let constant = (0..<d).filter { i in
      let column = (0..<split.train.count).map { split.train.features[$0 * d + i] }
      return column.allSatisfy { $0 == column[0] }
    }
    #expect(constant.contains(0), "the top-left corner pixel is blank in every training digit")
    for i in constant {
      #expect(split.scale?[i] == 1, "a constant pixel keeps scale 1")
      let zeroed = (0..<split.train.count).allSatisfy { split.train.features[$0 * d + i] == 0 }
      #expect(zeroed, "pixel \(i) is 0 after standardizing")
    }
    let validation = try #require(split.validation)
    let finite = split.train.features.allSatisfy { $0.isFinite } && validation.features.allSatisfy { $0.isFinite }
    #expect(finite, "no NaN from a zero-variance pixel")
    #expect(split.train.image == ImageShape(width: 8, height: 8), "the split keeps the layout")
  }

  /// 64-32-10, Adam 0.01, full batch, 30 epochs: 0.952 validation accuracy on seed 1.
  @Test func trainsToNinetyPercentValidationAccuracy() throws {
    var config = ExperimentConfig()
    config.dataset = .digits
    config.hidden = [32]
    config.lanes = [LaneConfig(spec: LaneSpec())]
    config.optimizer = .adam(learningRate: 0.01)
    let prepared = try PreparedExperiment(config)
    #expect(prepared.initial.shapeDescription == "64-32-10")
    let run = HeadlessRun.run(prepared, epochs: 30) { _ in false }
    let accuracy = try #require(run.lanes[0].latest?.valAccuracy)
    #expect(accuracy >= 0.9, "validation accuracy \(accuracy)")
  }

  @Test func imageLaysACSVOutAsPixelsWhenTheSizesAgree() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-image-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("tiny.csv").path
    let rows = (0..<12).map { n in (0..<6).map { String(($0 + n) % 5) }.joined(separator: ",") + ",\(n % 2)" }
    try rows.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    var config = ExperimentConfig()
    config.dataset = .csv(path: path)
    config.image = try ExperimentValues.image("3x2")
    #expect(try PreparedExperiment(config).data.train.image == ImageShape(width: 3, height: 2))
    config.image = try ExperimentValues.image("4×2")
    #expect(throws: ConfigError("--image 4x2: 4×2 is 8 pixels, but the data has 6 features")) {
      try PreparedExperiment(config)
    }
    config.image = nil
    #expect(try PreparedExperiment(config).data.train.image == nil)
  }

  @Test func imageValuesSayWhatIsAccepted() throws {
    for bad in ["8", "8x", "x8", "0x8", "8x-1", "axb", "8x8x8", ""] {
      #expect(throws: ExperimentValues.Problem("must be WIDTHxHEIGHT in pixels such as 8x8, got '\(bad)'")) {
        try ExperimentValues.image(bad)
      }
    }
    #expect(try ExperimentValues.image("28X28") == ImageShape(width: 28, height: 28))
  }
}
