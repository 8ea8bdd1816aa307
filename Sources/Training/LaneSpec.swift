import NeuralCore

/// A lane's regularization setup, written as on the command line and in lesson files:
///
///     none | l1=0.01 | l2=0.01 | l1=0.005,l2=0.005     every Dense kernel alike
///     1:l1=0.01;2:l2=0.01                                per layer (Dense layers count from 1,
///                                                         the output layer last; unnamed: none)
///     l1=0.02,rule=subgradient                           with its own L1 update rule
///     wd=0.001 | l2=0.01,wd=0.001 | 2:wd=0.001           decoupled weight decay (Keras's
///                                                         optimizer weight_decay, AdamW)
///     stop=best-val | l2=0.01,stop=best-val:30           early stopping at the best validation
///                                                         loss (patience in epochs, default 20)
///
/// The strengths are `terms` (`LaneTerms`: the lane's λ, rescaling, names and text); the kinds
/// of term are `TermKind.table`. A lane's own `rule=` lets two L1 rules train side by side
/// (lesson 6 puts Keras's subgradient beside prox); lanes without one follow the experiment's
/// rule and the `u` key.
public struct LaneSpec: Sendable, Hashable, CustomStringConvertible {
  /// The strength terms (l1, l2, wd, …), every layer alike or per layer.
  public var terms: LaneTerms
  /// This lane's L1 update rule; nil follows the experiment's.
  public var l1Rule: L1Rule?
  /// Early stopping (`stop=best-val:PATIENCE`): the patience in epochs, or nil for none.
  public var stopPatience: Int?

  public init(terms: LaneTerms = LaneTerms(), l1Rule: L1Rule? = nil, stopPatience: Int? = nil) {
    self.terms = terms
    self.l1Rule = l1Rule
    self.stopPatience = stopPatience
  }

  /// From regularizers, as code writes lanes: `all` on every layer, or `perLayer` (1-based);
  /// `weightDecay` on every layer, or on `decayedLayers` of the per-layer form.
  public init(all: Regularizer = .none, perLayer: [Int: Regularizer]? = nil, l1Rule: L1Rule? = nil,
              weightDecay: Float = 0, decayedLayers: Set<Int>? = nil, stopPatience: Int? = nil) {
    let terms: LaneTerms
    if let perLayer {
      let layers = Set(perLayer.keys).union(decayedLayers ?? [])
      terms = LaneTerms(reading: Dictionary(uniqueKeysWithValues: layers.map { l in
        (l, LayerTerms(regularizer: perLayer[l] ?? .none, weightDecay: decayedLayers?.contains(l) ?? true ? weightDecay : 0))
      }), layers: layers.sorted())
    } else {
      terms = LaneTerms(reading: [nil: LayerTerms(regularizer: all, weightDecay: weightDecay)], layers: nil)
    }
    self.init(terms: terms, l1Rule: l1Rule, stopPatience: stopPatience)
  }

  /// Patience of `stop=best-val` without one.
  public static let defaultPatience = 20

  // MARK: - Views of `terms` as regularizers

  /// The every-layer form's kernel regularizer (none in the per-layer form).
  public var all: Regularizer { terms.layers == nil ? terms.layerTerms(nil).regularizer : .none }
  /// The per-layer form's regularizer of each layer it names; nil in the every-layer form.
  public var perLayer: [Int: Regularizer]? {
    terms.layers.map { Dictionary(uniqueKeysWithValues: $0.map { ($0, terms.layerTerms($0).regularizer) }) }
  }
  /// The lane's weight decay (0: none): one value per lane, as Keras's optimizer has one.
  public var weightDecay: Float { terms.terms.first { $0.kind == .wd }?.strength ?? 0 }
  /// The layers the decay applies to in the per-layer form; nil: every layer (or no decay).
  public var decayedLayers: Set<Int>? {
    guard terms.layers != nil, weightDecay > 0 else { return nil }
    return Set(terms.terms.filter { $0.kind == .wd }.compactMap(\.layer))
  }

  /// One regularizer per Dense layer, or a message when the spec names a layer the network lacks.
  public func regularizers(layerCount: Int) throws(ParseError) -> [Regularizer] {
    try check(layerCount: layerCount)
    return terms.resolved(layerCount: layerCount).map(\.regularizer)
  }

  /// One weight decay per Dense layer (0 where none), output layer last.
  public func weightDecays(layerCount: Int) -> [Float] { terms.resolved(layerCount: layerCount).map(\.weightDecay) }

  /// Fails when the spec names a layer beyond the network's `layerCount` Dense layers.
  public func check(layerCount: Int) throws(ParseError) {
    if let bad = terms.deepestLayer, bad > layerCount {
      throw ParseError(message: "lane '\(description)': layer \(bad) does not exist (the network has \(layerCount) Dense layers)")
    }
  }

  /// Every strength passed through `f`.
  public func mapStrengths(_ f: (Float) -> Float) -> LaneSpec {
    LaneSpec(terms: terms.mapStrengths(f), l1Rule: l1Rule, stopPatience: stopPatience)
  }

  // MARK: - Text

  /// The spec in its canonical text form.
  public var description: String { text { formatStrength($0.strength) } }

  /// The canonical text with each strength written by `strength` (the sweep's label puts `λ`).
  public func text(strength: (LaneTerm) -> String) -> String {
    let stop = stopPatience.map { "stop=best-val" + ($0 == Self.defaultPatience ? "" : ":\($0)") }
    let body = terms.text(strength: strength)
    guard terms.layers == nil else { return ([body] + (stop.map { [$0] } ?? [])).joined(separator: ";") }
    var text = body + (l1Rule.map { ",rule=\($0.rawValue)" } ?? "")
    if let stop { text = text.hasPrefix("none") ? stop + text.dropFirst(4) : text + "," + stop }
    return text
  }

  /// The lane's short name: none, L1, L2, L1+L2, L2+WD, or per layer e.g. L1@1,L2@2; `+stop`
  /// (or `stop` alone) with early stopping.
  public var defaultName: String {
    let name = terms.title
    guard stopPatience != nil else { return name }
    return name == "none" ? "stop" : name + "+stop"
  }
}
