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
/// A lane's own `rule=` lets two L1 rules train side by side (lesson 6 puts Keras's
/// subgradient beside prox); lanes without one follow the experiment's rule and the `n` key.
public struct LaneSpec: Sendable, Hashable, CustomStringConvertible {
  /// Applied to every layer when `perLayer` is nil.
  public var all: Regularizer
  /// Layer number (1-based) → regularizer; layers not named get none.
  public var perLayer: [Int: Regularizer]?
  /// This lane's L1 update rule; nil follows the experiment's.
  public var l1Rule: L1Rule?
  /// Decoupled weight decay wd (0: none): one value per lane, as Keras's optimizer has one.
  public var weightDecay: Float = 0
  /// The layers (1-based) the decay applies to in the per-layer form; nil: every layer.
  public var decayedLayers: Set<Int>?
  /// Early stopping (`stop=best-val:PATIENCE`): the patience in epochs, or nil for none.
  public var stopPatience: Int?

  public init(all: Regularizer = .none, perLayer: [Int: Regularizer]? = nil, l1Rule: L1Rule? = nil,
              weightDecay: Float = 0, decayedLayers: Set<Int>? = nil, stopPatience: Int? = nil) {
    self.all = all
    self.perLayer = perLayer
    self.l1Rule = l1Rule
    self.weightDecay = weightDecay
    self.decayedLayers = decayedLayers
    self.stopPatience = stopPatience
  }

  /// Patience of `stop=best-val` without one.
  public static let defaultPatience = 20

  /// A malformed spec: the message names the spec and what is accepted.
  public struct ParseError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }
  }

  public static func parse(_ text: String) throws(ParseError) -> LaneSpec {
    let spec = text.trimmingCharacters(in: .whitespaces)
    func fail(_ why: String) -> ParseError {
      ParseError(message: "lane '\(text)': \(why) (accepted: none, l1=λ, l2=λ, wd=λ, l1=λ,l2=λ, per layer 1:l1=λ;2:l2=λ, plus stop=best-val[:PATIENCE])")
    }
    guard !spec.isEmpty else { throw fail("empty spec") }
    let (rest, patience) = try extractStop(spec, fail)
    if rest.isEmpty { return LaneSpec(stopPatience: patience) }
    var parsed = try parseRegularization(rest, fail)
    parsed.stopPatience = patience
    return parsed
  }

  /// Takes `stop=best-val[:N]` out of a spec (as a `,` term or a `;` item): the rest and the patience.
  static func extractStop(_ spec: String, _ fail: (String) -> ParseError) throws(ParseError) -> (String, Int?) {
    var patience: Int?
    var items: [String] = []
    for item in spec.split(separator: ";", omittingEmptySubsequences: false) {
      var terms: [String] = []
      for term in item.split(separator: ",", omittingEmptySubsequences: false) {
        let t = term.trimmingCharacters(in: .whitespaces)
        guard t.lowercased().hasPrefix("stop=") else { terms.append(String(term)); continue }
        guard patience == nil else { throw fail("'stop' given twice") }
        let value = t.dropFirst("stop=".count)
        let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts[0] == "best-val" else { throw fail("stop must be best-val or best-val:PATIENCE, got '\(value)'") }
        if parts.count == 2 {
          guard let n = Int(parts[1]), n >= 1, n <= 100_000 else {
            throw fail("the patience after best-val: must be a whole number of epochs 1…100000, got '\(parts[1])'")
          }
          patience = n
        } else {
          patience = defaultPatience
        }
      }
      if !terms.isEmpty { items.append(terms.joined(separator: ",")) }
    }
    return (items.joined(separator: ";").trimmingCharacters(in: .whitespaces), patience)
  }

  static func parseRegularization(_ spec: String, _ fail: (String) -> ParseError) throws(ParseError) -> LaneSpec {
    if !spec.contains(":") {
      var terms = spec.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      var rule: L1Rule?
      if let i = terms.firstIndex(where: { $0.lowercased().hasPrefix("rule=") }) {
        let name = String(terms[i].dropFirst("rule=".count))
        guard let parsed = L1Rule(rawValue: name) else {
          throw fail("rule must be one of \(L1Rule.allCases.map(\.rawValue).joined(separator: ", ")), got '\(name)'")
        }
        rule = parsed
        terms.remove(at: i)
      }
      let (regularizer, decay) = terms.isEmpty ? (Regularizer.none, 0) : try parseLayerTerms(terms.joined(separator: ","), fail)
      return LaneSpec(all: regularizer, l1Rule: rule, weightDecay: decay)
    }
    if spec.contains("rule=") { throw fail("rule= applies to a whole lane, not per layer") }
    var layers: [Int: Regularizer] = [:]
    var decay: Float = 0
    var decayed = Set<Int>()
    for item in spec.split(separator: ";", omittingEmptySubsequences: false) {
      let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, let layer = Int(parts[0].trimmingCharacters(in: .whitespaces)) else {
        throw fail("'\(item)' should be LAYER:TERMS, e.g. 1:l1=0.01")
      }
      guard layer >= 1 else { throw fail("layer \(layer): Dense layers count from 1") }
      guard layers[layer] == nil else { throw fail("layer \(layer) named twice") }
      let (regularizer, wd) = try parseLayerTerms(parts[1].trimmingCharacters(in: .whitespaces), fail)
      layers[layer] = regularizer
      if wd > 0 {
        guard decay == 0 || decay == wd else {
          throw fail("wd must be one value for the whole lane (an optimizer has one weight_decay), got \(formatStrength(decay)) and \(formatStrength(wd))")
        }
        decay = wd
        decayed.insert(layer)
      }
    }
    return LaneSpec(perLayer: layers, weightDecay: decay, decayedLayers: decay > 0 ? decayed : nil)
  }

  /// One layer's terms with `wd=` taken apart: the kernel regularizer and the weight decay.
  static func parseLayerTerms(_ text: String, _ fail: (String) -> ParseError) throws(ParseError) -> (Regularizer, Float) {
    var rest: [String] = []
    var decay: Float?
    for term in text.split(separator: ",", omittingEmptySubsequences: false) {
      let kv = term.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "wd" else { rest.append(String(term)); continue }
      guard kv.count == 2 else { throw fail("'wd' needs a strength, e.g. wd=0.001") }
      let raw = kv[1].trimmingCharacters(in: .whitespaces)
      guard let value = Float(raw) else { throw fail("'\(raw)' is not a number") }
      guard value.isFinite && value >= 0 else { throw fail("wd strength must be a finite number ≥ 0, got \(raw)") }
      guard decay == nil else { throw fail("'wd' given twice") }
      decay = value
    }
    let regularizer = rest.isEmpty ? Regularizer.none : try parseTerms(rest.joined(separator: ","), fail)
    return (regularizer, decay ?? 0)
  }

  static func parseTerms(_ text: String, _ fail: (String) -> ParseError) throws(ParseError) -> Regularizer {
    if text == "none" { return .none }
    var reg = Regularizer()
    var seen = Set<String>()
    for term in text.split(separator: ",", omittingEmptySubsequences: false) {
      let kv = term.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = kv[0].trimmingCharacters(in: .whitespaces).lowercased()
      guard key == "l1" || key == "l2" else { throw fail("unknown term '\(term)'") }
      guard kv.count == 2 else { throw fail("'\(key)' needs a strength, e.g. \(key)=0.01") }
      let raw = kv[1].trimmingCharacters(in: .whitespaces)
      guard let value = Float(raw) else { throw fail("'\(raw)' is not a number") }
      guard value.isFinite && value >= 0 else { throw fail("\(key) strength must be a finite number ≥ 0, got \(raw)") }
      guard seen.insert(key).inserted else { throw fail("'\(key)' given twice") }
      if key == "l1" { reg.lambda1 = value } else { reg.lambda2 = value }
    }
    return reg
  }

  /// One regularizer per Dense layer, or a message when the spec names a layer the network lacks.
  public func regularizers(layerCount: Int) throws(ParseError) -> [Regularizer] {
    guard let perLayer else { return Array(repeating: all, count: layerCount) }
    if let bad = perLayer.keys.sorted().last, bad > layerCount {
      throw ParseError(message: "lane '\(description)': layer \(bad) does not exist (the network has \(layerCount) Dense layers)")
    }
    return (1...max(layerCount, 1)).prefix(layerCount).map { perLayer[$0] ?? .none }
  }

  /// One weight decay per Dense layer (0 where none), output layer last.
  public func weightDecays(layerCount: Int) -> [Float] {
    (0..<layerCount).map { l in decayedLayers.map { $0.contains(l + 1) ? weightDecay : 0 } ?? weightDecay }
  }

  /// Every strength passed through `f` (the λ keys, via `Lane.rescaled`).
  public func mapStrengths(_ f: (Float) -> Float) -> LaneSpec {
    func m(_ r: Regularizer) -> Regularizer { Regularizer(lambda1: f(r.lambda1), lambda2: f(r.lambda2)) }
    return LaneSpec(all: m(all), perLayer: perLayer?.mapValues(m), l1Rule: l1Rule,
                    weightDecay: weightDecay > 0 ? f(weightDecay) : 0, decayedLayers: decayedLayers, stopPatience: stopPatience)
  }

  /// The spec in its canonical text form.
  public var description: String {
    func terms(_ r: Regularizer, decayed: Bool) -> String {
      var t: [String] = []
      if r.lambda1 > 0 { t.append("l1=\(formatStrength(r.lambda1))") }
      if r.lambda2 > 0 { t.append("l2=\(formatStrength(r.lambda2))") }
      if decayed && weightDecay > 0 { t.append("wd=\(formatStrength(weightDecay))") }
      return t.isEmpty ? "none" : t.joined(separator: ",")
    }
    let stop = stopPatience.map { "stop=best-val" + ($0 == Self.defaultPatience ? "" : ":\($0)") }
    guard let perLayer else {
      var text = terms(all, decayed: true) + (l1Rule.map { ",rule=\($0.rawValue)" } ?? "")
      if let stop { text = text.hasPrefix("none") ? stop + text.dropFirst(4) : text + "," + stop }
      return text
    }
    let layers = perLayer.keys.sorted().map { "\($0):\(terms(perLayer[$0]!, decayed: decayedLayers?.contains($0) ?? true))" }
    return (layers + (stop.map { [$0] } ?? [])).joined(separator: ";")
  }

  /// The lane's short name: none, L1, L2, L1+L2, or per layer e.g. L1@1,L2@2.
  public var defaultName: String {
    func kind(_ r: Regularizer) -> String {
      switch r.kind {
      case .none: return "none"
      case .l1: return "L1"
      case .l2: return "L2"
      case .l1l2: return "L1+L2"
      }
    }
    func withDecay(_ name: String, _ decayed: Bool) -> String {
      guard decayed && weightDecay > 0 else { return name }
      return name == "none" ? "WD" : name + "+WD"
    }
    let stop = stopPatience == nil ? "" : "+stop"
    guard let perLayer else {
      let name = withDecay(kind(all), true)
      return stop.isEmpty ? name : (name == "none" ? "stop" : name + stop)
    }
    let named = perLayer.keys.sorted().filter { !perLayer[$0]!.isNone || (decayedLayers?.contains($0) ?? (weightDecay > 0)) }
    let name = named.map { "\(withDecay(kind(perLayer[$0]!), decayedLayers?.contains($0) ?? true))@\($0)" }.joined(separator: ",")
    return name.isEmpty ? (stop.isEmpty ? "none" : "stop") : name + stop
  }
}
