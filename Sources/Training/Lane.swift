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
    do { try config.spec.check(layerCount: layerCount) } catch { throw ConfigError(error.message) }
    self.init(name: config.name, spec: config.spec, layerCount: layerCount)
  }

  private init(name: String, spec: LaneSpec, layerCount: Int) {
    self.name = name
    self.spec = spec
    let layers = spec.terms.resolved(layerCount: layerCount)
    regularizers = layers.map(\.regularizer)
    weightDecays = layers.map(\.weightDecay)
  }

  /// The unresolved form, as a configuration lists it.
  public var config: LaneConfig { LaneConfig(name: name, spec: spec) }

  /// The lane's λ: its largest penalty strength (`LaneTerms.largestPenalty`; wd does not count).
  public var largestLambda: Float { spec.terms.largestPenalty }

  /// This lane with every strength multiplied by `rung / reference`, formed in Double from the
  /// strengths as configured: the term that equals `reference` lands exactly on `rung`, and
  /// repeated steps never compound rounding. (λ keys: ratios between lanes and terms are kept.)
  public func rescaled(to rung: Float, from reference: Float) -> Lane {
    var spec = spec
    spec.terms = spec.terms.scaled(to: rung, from: reference)
    return Lane(name: name, spec: spec, layerCount: regularizers.count)
  }
}

/// The λ keys' arithmetic, one function for the runner (`ControlState`: `[ ]`, a mission's
/// `lambda(NAME)`, enter on the λ path) and for a mission's replay without a screen.
extension Lane {
  /// The largest λ of any of `lanes`: where the λ keys' ladder starts.
  public static func referenceLambda(_ lanes: [Lane]) -> Float { lanes.map(\.largestLambda).max() ?? 0 }

  /// `lanes` with λ on `rung`. Every lane (`only` nil): the largest λ of any lane goes to the
  /// rung, every term of every lane keeping its ratio to it — pass the lanes as configured, so
  /// steps never compound. One lane (`only`): that lane's own largest λ goes to the rung, the
  /// other lanes stay. Unchanged when there is no λ to move.
  public static func rescaled(_ lanes: [Lane], to rung: Float, only: Int? = nil) -> [Lane] {
    guard let only else {
      let reference = referenceLambda(lanes)
      return reference > 0 ? lanes.map { $0.rescaled(to: rung, from: reference) } : lanes
    }
    var lanes = lanes
    guard lanes.indices.contains(only), lanes[only].largestLambda > 0 else { return lanes }
    lanes[only] = lanes[only].rescaled(to: rung, from: lanes[only].largestLambda)
    return lanes
  }

  /// The rung for every lane (`rescaled(_:to:)`) that puts lane `index`'s λ at `value`; nil
  /// when that lane has no λ.
  public static func rung(putting index: Int, at value: Float, in lanes: [Lane]) -> Float? {
    let reference = referenceLambda(lanes), base = lanes[index].largestLambda
    guard reference > 0, base > 0 else { return nil }
    return base == reference ? value : Float(Double(value) * Double(reference) / Double(base))
  }
}
