/// The pace of training: epochs per second, or as fast as the cores allow. A plain value kept
/// here, below the runner, so lesson files (`speed:`) and the runner share one type.
public enum Speed: Sendable, Hashable, CustomStringConvertible {
  case epochsPerSecond(Double)
  case max

  public var description: String {
    switch self {
    case .max: return "max"
    case .epochsPerSecond(let e): return e >= 10 ? "\(Int(e.rounded())) ep/s" : "\(e) ep/s"
    }
  }
}
