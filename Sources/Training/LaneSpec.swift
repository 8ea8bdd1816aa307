import NeuralCore

/// A lane's regularization setup, written as on the command line and in lesson files:
///
///     none | l1=0.01 | l2=0.01 | l1=0.005,l2=0.005     every Dense kernel alike
///     1:l1=0.01;2:l2=0.01                                per layer (Dense layers count from 1,
///                                                         the output layer last; unnamed: none)
///     l1=0.02,rule=subgradient                           with its own L1 update rule
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

  public init(all: Regularizer = .none, perLayer: [Int: Regularizer]? = nil, l1Rule: L1Rule? = nil) {
    self.all = all
    self.perLayer = perLayer
    self.l1Rule = l1Rule
  }

  /// A malformed spec: the message names the spec and what is accepted.
  public struct ParseError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }
  }

  public static func parse(_ text: String) throws(ParseError) -> LaneSpec {
    let spec = text.trimmingCharacters(in: .whitespaces)
    func fail(_ why: String) -> ParseError {
      ParseError(message: "lane '\(text)': \(why) (accepted: none, l1=λ, l2=λ, l1=λ,l2=λ, or per layer 1:l1=λ;2:l2=λ)")
    }
    guard !spec.isEmpty else { throw fail("empty spec") }
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
      let regularizer = terms.isEmpty ? Regularizer.none : try parseTerms(terms.joined(separator: ","), fail)
      return LaneSpec(all: regularizer, l1Rule: rule)
    }
    if spec.contains("rule=") { throw fail("rule= applies to a whole lane, not per layer") }
    var layers: [Int: Regularizer] = [:]
    for item in spec.split(separator: ";", omittingEmptySubsequences: false) {
      let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, let layer = Int(parts[0].trimmingCharacters(in: .whitespaces)) else {
        throw fail("'\(item)' should be LAYER:TERMS, e.g. 1:l1=0.01")
      }
      guard layer >= 1 else { throw fail("layer \(layer): Dense layers count from 1") }
      guard layers[layer] == nil else { throw fail("layer \(layer) named twice") }
      layers[layer] = try parseTerms(parts[1].trimmingCharacters(in: .whitespaces), fail)
    }
    return LaneSpec(perLayer: layers)
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

  /// Every strength passed through `f` (the λ keys, via `Lane.rescaled`).
  public func mapStrengths(_ f: (Float) -> Float) -> LaneSpec {
    func m(_ r: Regularizer) -> Regularizer { Regularizer(lambda1: f(r.lambda1), lambda2: f(r.lambda2)) }
    return LaneSpec(all: m(all), perLayer: perLayer?.mapValues(m), l1Rule: l1Rule)
  }

  /// The spec in its canonical text form.
  public var description: String {
    func terms(_ r: Regularizer) -> String {
      var t: [String] = []
      if r.lambda1 > 0 { t.append("l1=\(formatStrength(r.lambda1))") }
      if r.lambda2 > 0 { t.append("l2=\(formatStrength(r.lambda2))") }
      return t.isEmpty ? "none" : t.joined(separator: ",")
    }
    guard let perLayer else { return terms(all) + (l1Rule.map { ",rule=\($0.rawValue)" } ?? "") }
    return perLayer.keys.sorted().map { "\($0):\(terms(perLayer[$0]!))" }.joined(separator: ";")
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
    guard let perLayer else { return kind(all) }
    let named = perLayer.keys.sorted().filter { !perLayer[$0]!.isNone }
    return named.isEmpty ? "none" : named.map { "\(kind(perLayer[$0]!))@\($0)" }.joined(separator: ",")
  }
}
