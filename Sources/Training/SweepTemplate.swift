import Foundation
import NeuralCore

/// Which penalty `regviz sweep` moves along its grid: a lane spec whose largest strength
/// becomes each grid λ, every other strength keeping its ratio to it. `--lane l2=0.1` sweeps
/// L2; `--lane l1=0.01,l2=0.03` sweeps elastic net with L1 : L2 fixed at 1 : 3; the Keras
/// tutorial's `1:l1=0.01;2:l2=0.01` sweeps both layers' penalties together; `--type` names the
/// simple cases when no lane is given. The path view (`c`) takes a live lane's spec the same way.
public struct SweepTemplate: Sendable, Hashable {
  public var spec: LaneSpec

  public init(spec: LaneSpec) { self.spec = spec }

  /// The spec at grid value `lambda`.
  public func spec(at lambda: Float) -> LaneSpec {
    let reference = largest
    return spec.mapStrengths { $0 == reference ? lambda : Float(Double($0) * Double(lambda) / Double(reference)) }
  }

  /// The template's largest strength: the one that becomes λ.
  public var largest: Float {
    let terms = [spec.all] + (spec.perLayer.map { Array($0.values) } ?? [])
    return terms.map { max($0.lambda1, $0.lambda2) }.max() ?? 0
  }

  /// What the sweep moves, for titles and the table's head: l1, l2, elastic net l1:l2 = 1:3, or
  /// the per-layer spec with λ in place of the largest strength.
  public var label: String {
    if spec.perLayer == nil {
      let r = spec.all
      if r.lambda2 == 0 { return "l1" }
      if r.lambda1 == 0 { return "l2" }
      let m = Double(min(r.lambda1, r.lambda2))
      return "elastic net, l1:l2 = " + String(format: "%.3g:%.3g", Double(r.lambda1) / m, Double(r.lambda2) / m)
    }
    return spec(at: 1).description.replacingOccurrences(of: "=1", with: "=λ")
  }
}
