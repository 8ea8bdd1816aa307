/// The path's own peak: independent fused multiply-add chains with nothing else in the loop,
/// enough of them to hide the FMA latency on two units (4 cycles × 2 units = 8 chains at least).
/// Compiled into both kernel modules like `SIMDKernel.swift`, so each measures its own CPU target:
/// 12 × `SIMD16` (12 zmm registers) with AVX-512, 12 × `SIMD8` (12 of the 16 ymm) with AVX2.
public enum FMAPeak {
  #if AVX512
  public typealias Lane = SIMD16<Float>
  #else
  public typealias Lane = SIMD8<Float>
  #endif

  /// Floating-point operations one call to `run` performs per iteration (2 per lane per chain).
  public static let flopsPerIteration = 12 * Lane.scalarCount * 2

  /// `iterations` rounds of 12 FMA chains `acc = acc · m + c` (with m just below 1 they stay
  /// finite and away from denormals); returns a sum of the chains so the work cannot be dropped.
  @inline(never)
  public static func run(iterations: Int, m: Float, c: Float) -> Float {
    let mv = Lane(repeating: m), cv = Lane(repeating: c)
    var a0 = Lane(repeating: 1), a1 = Lane(repeating: 2), a2 = Lane(repeating: 3), a3 = Lane(repeating: 4)
    var a4 = Lane(repeating: 5), a5 = Lane(repeating: 6), a6 = Lane(repeating: 7), a7 = Lane(repeating: 8)
    var a8 = Lane(repeating: 9), a9 = Lane(repeating: 10), a10 = Lane(repeating: 11), a11 = Lane(repeating: 12)
    for _ in 0..<iterations {
      a0 = cv.addingProduct(a0, mv); a1 = cv.addingProduct(a1, mv); a2 = cv.addingProduct(a2, mv)
      a3 = cv.addingProduct(a3, mv); a4 = cv.addingProduct(a4, mv); a5 = cv.addingProduct(a5, mv)
      a6 = cv.addingProduct(a6, mv); a7 = cv.addingProduct(a7, mv); a8 = cv.addingProduct(a8, mv)
      a9 = cv.addingProduct(a9, mv); a10 = cv.addingProduct(a10, mv); a11 = cv.addingProduct(a11, mv)
    }
    return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11).sum()
  }
}
