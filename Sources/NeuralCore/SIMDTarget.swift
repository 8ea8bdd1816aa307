import CCPU
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which compiled copy of the SIMD kernels runs: the AVX2 + FMA build in `NeuralCore` or the
/// AVX-512 build in `NeuralCoreAVX512` (the same source). Chosen once per process.
public enum SIMDTarget: String, Sendable, CaseIterable {
  case avx2, avx512

  /// Whether this CPU and OS run AVX-512 code (`__builtin_cpu_supports`, which checks both).
  public static let hasAVX512: Bool = ccpu_has_avx512() != 0

  /// The environment variable that forces a target: `REGVIZ_IMPL=avx2` or `avx512`.
  public static let environmentKey = "REGVIZ_IMPL"

  /// The target `Impl.simd` runs, and why (for `--version` and `regviz bench`).
  public static let current: (target: SIMDTarget, reason: String) = {
    let forced = getenv(environmentKey).map { String(cString: $0) }
    switch forced.flatMap(SIMDTarget.init(rawValue:)) {
    case .avx512? where !hasAVX512:
      return (.avx2, "\(environmentKey)=avx512 ignored: this CPU lacks AVX-512")
    case let target?:
      return (target, "forced by \(environmentKey)")
    case nil:
      let note = forced.map { "; \(environmentKey)='\($0)' is not avx2 or avx512" } ?? ""
      return hasAVX512 ? (.avx512, "the CPU has AVX-512" + note) : (.avx2, "the CPU has no AVX-512" + note)
    }
  }()

  /// "avx512 (the CPU has AVX-512)".
  public static var summary: String { "\(current.target.rawValue) (\(current.reason))" }

  /// `self` if this CPU runs it, else AVX2 (running AVX-512 code elsewhere would be SIGILL).
  @inline(__always)
  var runnable: SIMDTarget { self == .avx512 && !Self.hasAVX512 ? .avx2 : self }
}
