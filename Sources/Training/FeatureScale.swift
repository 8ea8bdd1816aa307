import NeuralCore
import RegvizData

/// A change of units for one feature: every value of it multiplied by `factor` before the data
/// is split and standardized (`--scale-feature A1:1000`, metres → millimetres). Standardized,
/// the network sees the same data; unstandardized, a penalty on the weights no longer treats
/// the features alike.
public struct FeatureScale: Sendable, Hashable, CustomStringConvertible {
  /// A feature name, or its 1-based column number among the features.
  public var feature: String
  public var factor: Float

  public init(feature: String, factor: Float) {
    self.feature = feature
    self.factor = factor
  }

  /// `FEATURE:FACTOR`, e.g. `A1:1000` or `3:0.001`, read as the flag and a lesson's
  /// `scale-feature:` read it (`ExperimentValues.scaleFeature`); `none` is no scale to make.
  public static func parse(_ text: String) throws(ConfigError) -> FeatureScale {
    let parsed: (feature: String, factor: Float)?
    do throws(ExperimentValues.Problem) { parsed = try ExperimentValues.scaleFeature(text) } catch {
      throw ConfigError("scale-feature \(error.message)")
    }
    guard let parsed else { throw ConfigError("scale-feature 'none' is no scale to apply") }
    return FeatureScale(feature: parsed.feature, factor: parsed.factor)
  }

  /// The column this names in `data`, or a message listing the features.
  public func column(in data: Dataset) throws(ConfigError) -> Int {
    if let i = data.featureNames.firstIndex(of: feature) { return i }
    if let n = Int(feature), n >= 1, n <= data.featureCount { return n - 1 }
    let names = data.featureNames.prefix(12).joined(separator: ", ") + (data.featureCount > 12 ? ", …" : "")
    throw ConfigError("--scale-feature: '\(feature)' is not a feature of \(data.name) (\(names), or 1…\(data.featureCount))")
  }

  /// `data` with that feature's values multiplied by the factor.
  public func applied(to data: Dataset) throws(ConfigError) -> Dataset {
    let i = try column(in: data)
    var scaled = data
    let d = data.featureCount
    for n in 0..<data.count { scaled.features[n * d + i] *= factor }
    return scaled
  }

  /// `A1:1000`.
  public var description: String { "\(feature):\(formatStrength(factor))" }
  /// `A1×1000`, for the screen.
  public var label: String { "\(feature)×\(formatStrength(factor))" }
}
