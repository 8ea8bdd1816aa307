import NeuralCore

/// A lane resolved against its network: its name, its spec, and the kernel regularizer of every
/// Dense layer. Made once, where a configuration meets a network (`PreparedExperiment`); the
/// trainers, the model summary, the Keras code and the screen all read this one value.
public struct Lane: Sendable, Hashable {
  public let name: String
  /// As written (per layer or all alike); `regularizers` is what it means for this network.
  public let spec: LaneSpec
  /// One per Dense layer, output layer last: (layers).
  public let regularizers: [Regularizer]
  /// Decoupled weight decay of every Dense layer's kernel (0: none): (layers).
  public let weightDecays: [Float]

  /// Resolves `config` for a network of `layerCount` Dense layers; fails when the spec names a
  /// layer the network lacks.
  public init(_ config: LaneConfig, layerCount: Int) throws(ConfigError) {
    do { regularizers = try config.spec.regularizers(layerCount: layerCount) } catch { throw ConfigError(error.message) }
    name = config.name
    spec = config.spec
    weightDecays = config.spec.weightDecays(layerCount: layerCount)
  }

  private init(name: String, spec: LaneSpec, regularizers: [Regularizer], weightDecays: [Float]) {
    self.name = name
    self.spec = spec
    self.regularizers = regularizers
    self.weightDecays = weightDecays
  }

  /// The unresolved form, as a configuration lists it.
  public var config: LaneConfig { LaneConfig(name: name, spec: spec) }

  /// The largest strength of any term: the rung the λ keys step from.
  public var largestLambda: Float { max(regularizers.map { max($0.lambda1, $0.lambda2) }.max() ?? 0, weightDecays.max() ?? 0) }

  /// This lane with every strength multiplied by `rung / reference`, formed in Double from the
  /// strengths as configured: the term that equals `reference` lands exactly on `rung`, and
  /// repeated steps never compound rounding. (λ keys: ratios between lanes and terms are kept.)
  public func rescaled(to rung: Float, from reference: Float) -> Lane {
    func scale(_ x: Float) -> Float { x == reference ? rung : Float(Double(x) * Double(rung) / Double(reference)) }
    return Lane(name: name, spec: spec.mapStrengths(scale), regularizers: regularizers.map {
      Regularizer(lambda1: scale($0.lambda1), lambda2: scale($0.lambda2))
    }, weightDecays: weightDecays.map(scale))
  }
}
