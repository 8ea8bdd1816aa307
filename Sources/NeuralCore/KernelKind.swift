/// Which implementation of the dense-layer kernels a network uses. Both compute the same
/// function; tests hold the SIMD kernel to the scalar reference on awkward shapes.
public enum KernelKind: String, Sendable, CaseIterable, Codable {
  /// Plain loops, one multiply-add at a time: the reference.
  case scalar
  /// Unrolled `SIMD16<Float>` loops with several independent accumulators and fused multiply-add.
  case simd
}
