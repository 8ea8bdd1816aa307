import NeuralCore

/// What one Dense layer's kernel gets from a lane: a kernel regularizer (a loss term, Keras's
/// `kernel_regularizer`) and a decoupled weight decay (a term of the update step, Keras's
/// optimizer `weight_decay`).
public struct LayerTerms: Sendable, Hashable {
  public var regularizer: Regularizer
  public var weightDecay: Float

  public init(regularizer: Regularizer = .none, weightDecay: Float = 0) {
    self.regularizer = regularizer
    self.weightDecay = weightDecay
  }
}

/// A kind of lane term. `TermKind.table` is the one place a kind is defined: its keyword in a
/// spec, its name in lane titles, whether it is a penalty, and where its strength lands in a
/// layer's terms. Adding a kind (as issue 27's `group=λ`) is one row there, plus the math
/// behind the slot it writes.
public struct TermKind: Sendable, Hashable, CustomStringConvertible {
  /// The spec's keyword: `l1` in `l1=0.01`.
  public let keyword: String
  /// The name in a lane's short name: `L1` in `L1+L2`, `WD` in `L2+WD`.
  public let title: String
  /// A penalty is a loss term with Keras's λ (no ½): its strength is what the λ keys, the λ
  /// path, `sweep` and the status line call λ. A term that is not one (wd) is rescaled with
  /// the penalties, keeping its ratio, but is never "the largest λ".
  public let isPenalty: Bool
  /// Why the term takes one value for a whole lane, when it does (wd: an optimizer has one
  /// `weight_decay`); nil: each layer may have its own.
  public let oneValuePerLane: String?
  /// Where the strength goes in each layer the term applies to.
  public let slot: WritableKeyPath<LayerTerms, Float> & Sendable
  /// What `--lane`'s help says the term is, after `keyword=λ`.
  public let help: String

  public static let table: [TermKind] = [
    TermKind(keyword: "l1", title: "L1", isPenalty: true, oneValuePerLane: nil, slot: \.regularizer.lambda1,
             help: "the L1 penalty λ·Σ|w|"),
    TermKind(keyword: "l2", title: "L2", isPenalty: true, oneValuePerLane: nil, slot: \.regularizer.lambda2,
             help: "the L2 penalty λ·Σw² (Keras's, no ½)"),
    // The group lasso: λ·Σᵢ‖W[i,:]‖₂ over a kernel's rows; with l1= it is the sparse group lasso.
    TermKind(keyword: "group", title: "Group", isPenalty: true, oneValuePerLane: nil, slot: \.regularizer.lambdaGroup,
             help: "the group lasso λ·Σᵢ‖W[i,:]‖₂ (a group: a kernel row, every weight leaving one input or unit; with l1=λ, the sparse group lasso)"),
    TermKind(keyword: "wd", title: "WD", isPenalty: false, oneValuePerLane: "an optimizer has one weight_decay",
             slot: \.weightDecay,
             help: "decoupled weight decay w ← w − lr·λ·w (Keras's optimizer weight_decay, AdamW)"),
  ]

  public static func named(_ keyword: String) -> TermKind? { table.first { $0.keyword == keyword } }
  public static var l1: TermKind { named("l1")! }
  public static var l2: TermKind { named("l2")! }
  public static var group: TermKind { named("group")! }
  public static var wd: TermKind { named("wd")! }

  /// Position in `table`: the order terms are written and named in.
  var order: Int { Self.table.firstIndex(of: self) ?? Self.table.count }

  public var description: String { keyword }
  public static func == (a: TermKind, b: TermKind) -> Bool { a.keyword == b.keyword }
  public func hash(into h: inout Hasher) { h.combine(keyword) }
}

/// One term of a lane: `l2=0.01` (every Dense layer) or the `wd=0.003` of `3:wd=0.003`.
public struct LaneTerm: Sendable, Hashable {
  public var kind: TermKind
  /// The Dense layer it applies to (1-based, output layer last); nil: every Dense layer.
  public var layer: Int?
  /// λ in Keras's convention (no ½) for a penalty; wd for weight decay. Finite, > 0.
  public var strength: Float

  public init(_ kind: TermKind, _ strength: Float, layer: Int? = nil) {
    self.kind = kind
    self.layer = layer
    self.strength = strength
  }
}

/// A lane's terms: the one value that knows its largest λ, how to rescale to another, how to
/// resolve per layer and how to write and name itself. Written in one of two forms:
/// every layer alike (`l1=0.01,l2=0.02,wd=0.001`) or per layer (`1:l1=0.01;3:wd=0.001`).
public struct LaneTerms: Sendable, Hashable, CustomStringConvertible {
  /// In canonical order (by layer, then `TermKind.table`'s order); no zero strengths.
  public private(set) var terms: [LaneTerm]
  /// The layers the per-layer form names, increasing (`3:none` names 3 without a term); nil
  /// in the every-layer form.
  public private(set) var layers: [Int]?

  /// `terms` in the every-layer form when `layers` is nil and no term names a layer, else in
  /// the per-layer form naming `layers` and every term's layer.
  public init(_ terms: [LaneTerm] = [], layers: [Int]? = nil) {
    let named = Set(terms.compactMap(\.layer))
    precondition(named.isEmpty || !terms.contains { $0.layer == nil }, "a per-layer spec has no every-layer term")
    self.layers = layers == nil && named.isEmpty ? nil : Array(named.union(layers ?? [])).sorted()
    self.terms = terms.filter { $0.strength != 0 }.sorted {
      ($0.layer ?? 0, $0.kind.order) < ($1.layer ?? 0, $1.kind.order)
    }
  }

  /// The terms of `layer` (nil: every layer) read back from a layer's resolved terms.
  init(reading layerTerms: [Int?: LayerTerms], layers: [Int]?) {
    let terms = layerTerms.flatMap { layer, t in TermKind.table.map { LaneTerm($0, t[keyPath: $0.slot], layer: layer) } }
    self.init(terms, layers: layers)
  }

  public var isEmpty: Bool { terms.isEmpty }

  // MARK: - λ

  /// The largest penalty strength: the lane's λ. What the λ keys step, the λ path sweeps, the
  /// status line and the lane title show. Weight decay is not a penalty and does not count.
  public var largestPenalty: Float { terms.filter(\.kind.isPenalty).map(\.strength).max() ?? 0 }

  /// Every strength multiplied by `rung / reference`, formed in Double from these strengths:
  /// a term equal to `reference` lands exactly on `rung`, and ratios between terms are kept.
  public func scaled(to rung: Float, from reference: Float) -> LaneTerms {
    mapStrengths { $0 == reference ? rung : Float(Double($0) * Double(rung) / Double(reference)) }
  }

  /// These terms with the largest penalty at `lambda` (unchanged without a penalty).
  public func withLargestPenalty(_ lambda: Float) -> LaneTerms {
    let reference = largestPenalty
    return reference > 0 ? scaled(to: lambda, from: reference) : self
  }

  /// Every strength passed through `f`.
  public func mapStrengths(_ f: (Float) -> Float) -> LaneTerms {
    LaneTerms(terms.map { LaneTerm($0.kind, f($0.strength), layer: $0.layer) }, layers: layers)
  }

  // MARK: - Per layer

  /// The deepest layer the spec names (1-based), if any.
  public var deepestLayer: Int? { layers?.last }

  /// One `LayerTerms` per Dense layer, output layer last; layers beyond `count` are ignored.
  public func resolved(layerCount count: Int) -> [LayerTerms] {
    var result = Array(repeating: LayerTerms(), count: count)
    for term in terms {
      for l in result.indices where term.layer == nil || term.layer == l + 1 { result[l][keyPath: term.kind.slot] = term.strength }
    }
    return result
  }

  /// The terms of one layer of the written form (nil: the every-layer form's).
  func terms(of layer: Int?) -> [LaneTerm] { terms.filter { $0.layer == layer } }

  /// The resolved terms of one layer of the written form.
  func layerTerms(_ layer: Int?) -> LayerTerms {
    var t = LayerTerms()
    for term in terms(of: layer) { t[keyPath: term.kind.slot] = term.strength }
    return t
  }

  // MARK: - Text

  /// The canonical text: `none`, `l1=0.01,wd=0.001`, `1:l1=0.01;3:wd=0.001`.
  public var description: String { text { formatStrength($0.strength) } }

  /// The canonical text with each strength written by `strength` (the sweep's label puts `λ`).
  public func text(strength: (LaneTerm) -> String) -> String {
    func item(_ layer: Int?) -> String {
      let t = terms(of: layer).map { "\($0.kind.keyword)=\(strength($0))" }
      return t.isEmpty ? "none" : t.joined(separator: ",")
    }
    guard let layers else { return item(nil) }
    return layers.map { "\($0):\(item($0))" }.joined(separator: ";")
  }

  /// The short name: `none`, `L1`, `L1+L2`, `L2+WD`, per layer `L1@1,L2+WD@2`.
  public var title: String {
    func name(_ layer: Int?) -> String { terms(of: layer).map(\.kind.title).joined(separator: "+") }
    guard let layers else { return isEmpty ? "none" : name(nil) }
    let named = layers.filter { !terms(of: $0).isEmpty }.map { "\(name($0))@\($0)" }
    return named.isEmpty ? "none" : named.joined(separator: ",")
  }

  /// The penalties' strengths for a lane title, one entry per distinct layer setting in layer
  /// order, a layer's kinds joined by `/` (`0.005/0.005` for L1/L2); with `mergeEqual`, equal
  /// strengths of one layer once. Empty without a penalty: wd is not a λ.
  public func penaltyStrengths(mergeEqual: Bool = false, format: (Float) -> String) -> [String] {
    var seen: [String] = []
    for layer in layers.map({ $0.map(Optional.some) }) ?? [nil] {
      var values = terms(of: layer).filter(\.kind.isPenalty).map { format($0.strength) }
      if mergeEqual, values.count > 1, Set(values).count == 1 { values = [values[0]] }
      let text = values.joined(separator: "/")
      if !text.isEmpty, !seen.contains(text) { seen.append(text) }
    }
    return seen
  }
}
