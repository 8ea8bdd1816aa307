import Foundation
import NeuralCore

/// Which penalty `regviz sweep` moves along its grid: a lane spec whose largest penalty
/// (`LaneTerms.largestPenalty`, the lane's λ) becomes each grid λ, every other strength keeping
/// its ratio to it. `--lane l2=0.1` sweeps L2; `--lane l1=0.01,l2=0.03` sweeps elastic net with
/// L1 : L2 fixed at 1 : 3; the Keras tutorial's `1:l1=0.01;2:l2=0.01` sweeps both layers'
/// penalties together; `--type` names the simple cases when no lane is given. The path view
/// (`c`) takes a live lane's spec the same way.
public struct SweepTemplate: Sendable, Hashable {
  public var spec: LaneSpec

  public init(spec: LaneSpec) { self.spec = spec }

  /// Whether the template has a penalty to sweep.
  public var isPenalized: Bool { spec.terms.largestPenalty > 0 }

  /// The spec at grid value `lambda`.
  public func spec(at lambda: Float) -> LaneSpec {
    var s = spec
    s.terms = spec.terms.withLargestPenalty(lambda)
    return s
  }

  /// What the sweep moves, for titles and the table's head: l1, l2, elastic net l1:l2 = 1:3, or
  /// the per-layer spec with λ in place of the largest strength.
  public var label: String {
    let terms = spec.terms
    let penalties = terms.terms.filter(\.kind.isPenalty)
    if terms.layers == nil {
      if penalties.count == 1 { return penalties[0].kind.keyword }
      if penalties.map(\.kind) == [.l1, .l2] {
        let m = Double(penalties.map(\.strength).min()!)
        return "elastic net, l1:l2 = " + String(format: "%.3g:%.3g", Double(penalties[0].strength) / m, Double(penalties[1].strength) / m)
      }
    }
    let reference = terms.largestPenalty
    return spec.text { $0.strength == reference ? "λ" : formatStrength(Float(Double($0.strength) / Double(reference))) }
  }
}
