import ArgumentParser
import Foundation
import NeuralCore
import Training

extension SweepTemplate {
  /// From `--type` and the experiment's lanes. `lanesGiven`: the lanes came from `--lane`,
  /// `--setup` or `--keras-model` rather than the default. Throws a one-line message naming the
  /// flag when the lanes cannot be a template.
  static func resolve(type: SweepCommand.Penalty?, lanes: [LaneConfig], lanesGiven: Bool) throws -> SweepTemplate {
    guard lanesGiven else { return SweepTemplate(spec: (type ?? .l1).spec) }
    if type != nil { throw ValidationError("--type: give either --type or --lane as what to sweep, not both") }
    let penalized = lanes.filter { SweepTemplate(spec: $0.spec).isPenalized }
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
