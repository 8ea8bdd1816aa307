import NeuralCore

extension LaneSpec {
  /// A malformed spec: the message names the spec and what is accepted.
  public struct ParseError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }
  }

  public static func parse(_ text: String) throws(ParseError) -> LaneSpec {
    let spec = text.trimmingCharacters(in: .whitespaces)
    func fail(_ why: String) -> ParseError {
      let kinds = TermKind.table.map { "\($0.keyword)=λ" }.joined(separator: ", ")
      return ParseError(message: "lane '\(text)': \(why) (accepted: none, \(kinds), l1=λ,l2=λ, per layer 1:l1=λ;2:l2=λ, plus stop=best-val[:PATIENCE])")
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
      let parsed = terms.isEmpty ? [] : try parseTerms(terms.joined(separator: ","), layer: nil, fail)
      return LaneSpec(terms: LaneTerms(parsed), l1Rule: rule)
    }
    if spec.contains("rule=") { throw fail("rule= applies to a whole lane, not per layer") }
    var layers: [Int] = []
    var all: [LaneTerm] = []
    for item in spec.split(separator: ";", omittingEmptySubsequences: false) {
      let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, let layer = Int(parts[0].trimmingCharacters(in: .whitespaces)) else {
        throw fail("'\(item)' should be LAYER:TERMS, e.g. 1:l1=0.01")
      }
      guard layer >= 1 else { throw fail("layer \(layer): Dense layers count from 1") }
      guard !layers.contains(layer) else { throw fail("layer \(layer) named twice") }
      layers.append(layer)
      for term in try parseTerms(parts[1].trimmingCharacters(in: .whitespaces), layer: layer, fail) {
        if let why = term.kind.oneValuePerLane, let other = all.first(where: { $0.kind == term.kind }),
           other.strength != term.strength {
          throw fail("\(term.kind.keyword) must be one value for the whole lane (\(why)), got \(formatStrength(other.strength)) and \(formatStrength(term.strength))")
        }
        all.append(term)
      }
    }
    return LaneSpec(terms: LaneTerms(all, layers: layers))
  }

  /// One item's terms (`l1=0.01,wd=0.001`, or `none`), each kind from `TermKind.table`.
  static func parseTerms(_ text: String, layer: Int?, _ fail: (String) -> ParseError) throws(ParseError) -> [LaneTerm] {
    var terms: [LaneTerm] = []
    var none = false
    for term in text.split(separator: ",", omittingEmptySubsequences: false) {
      let kv = term.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = kv[0].trimmingCharacters(in: .whitespaces).lowercased()
      if key == "none" && kv.count == 1 && !none { none = true; continue }
      guard let kind = TermKind.named(key) else { throw fail("unknown term '\(term)'") }
      guard kv.count == 2 else { throw fail("'\(key)' needs a strength, e.g. \(key)=0.01") }
      let raw = kv[1].trimmingCharacters(in: .whitespaces)
      guard let value = Float(raw) else { throw fail("'\(raw)' is not a number") }
      guard value.isFinite && value >= 0 else { throw fail("\(key) strength must be a finite number ≥ 0, got \(raw)") }
      // Strengths are Float: a nonzero value that underflows (1e-50 → 0) would silently make a
      // `none` lane, a subnormal one a lane that trains at a crawl.
      guard value == 0 ? (Double(raw) ?? 0) == 0 : value.isNormal else {
        throw fail("\(key) strength \(raw) is below single precision's smallest normal number (\(Float.leastNormalMagnitude)); use 0 for no \(key)")
      }
      guard !terms.contains(where: { $0.kind == kind }) else { throw fail("'\(key)' given twice") }
      terms.append(LaneTerm(kind, value, layer: layer))
    }
    // `none` stands alone, or beside terms that are not penalties (`none,wd=0.001`).
    if none, terms.contains(where: \.kind.isPenalty) { throw fail("unknown term 'none'") }
    return terms
  }
}
