import ArgumentParser
import Foundation
import NeuralCore
import Training

/// Which penalty `regviz sweep` moves along its grid: a lane spec whose largest strength
/// becomes each grid λ, every other strength keeping its ratio to it. `--lane l2=0.1` sweeps
/// L2; `--lane l1=0.01,l2=0.03` sweeps elastic net with L1 : L2 fixed at 1 : 3; the Keras
/// tutorial's `1:l1=0.01;2:l2=0.01` sweeps both layers' penalties together; `--type` names the
/// simple cases when no lane is given.
struct SweepTemplate: Equatable {
  var spec: LaneSpec

  /// The spec at grid value `lambda`.
  func spec(at lambda: Float) -> LaneSpec {
    let reference = largest
    return spec.mapStrengths { $0 == reference ? lambda : Float(Double($0) * Double(lambda) / Double(reference)) }
  }

  /// The template's largest strength: the one that becomes λ.
  var largest: Float {
    let terms = [spec.all] + (spec.perLayer.map { Array($0.values) } ?? [])
    return terms.map { max($0.lambda1, $0.lambda2) }.max() ?? 0
  }

  /// What the sweep moves, for titles and the table's head: l1, l2, elastic net l1:l2 = 1:3, or
  /// the per-layer spec with λ in place of the largest strength.
  var label: String {
    if spec.perLayer == nil {
      let r = spec.all
      if r.lambda2 == 0 { return "l1" }
      if r.lambda1 == 0 { return "l2" }
      let m = Double(min(r.lambda1, r.lambda2))
      return "elastic net, l1:l2 = " + String(format: "%.3g:%.3g", Double(r.lambda1) / m, Double(r.lambda2) / m)
    }
    return spec(at: 1).description.replacingOccurrences(of: "=1", with: "=λ")
  }

  /// From `--type` and the experiment's lanes. `lanesGiven`: the lanes came from `--lane`,
  /// `--setup` or `--keras-model` rather than the default. Throws a one-line message naming the
  /// flag when the lanes cannot be a template.
  static func resolve(type: SweepCommand.Penalty?, lanes: [LaneConfig], lanesGiven: Bool) throws -> SweepTemplate {
    guard lanesGiven else { return SweepTemplate(spec: (type ?? .l1).spec) }
    if type != nil { throw ValidationError("--type: give either --type or --lane as what to sweep, not both") }
    let penalized = lanes.filter { SweepTemplate(spec: $0.spec).largest > 0 }
    guard penalized.count == 1 else {
      throw ValidationError("--lane: sweep takes one regularized lane as the template of the penalty it sweeps, got \(penalized.count) (\(lanes.map(\.spec.description).joined(separator: " | ")))")
    }
    return SweepTemplate(spec: penalized[0].spec)
  }
}

extension SweepCommand.Penalty {
  var spec: LaneSpec {
    switch self {
    case .l1: return LaneSpec(all: .l1(1))
    case .l2: return LaneSpec(all: .l2(1))
    case .l1_l2: return LaneSpec(all: .l1_l2(l1: 1, l2: 1))
    }
  }
}

extension ExperimentOptions {
  /// The lanes are the user's (`--lane`, `--setup`, `--keras-model`), not the default.
  var sweepsGivenLanes: Bool { !lanes.isEmpty || setup != nil || kerasModel != nil }
}
