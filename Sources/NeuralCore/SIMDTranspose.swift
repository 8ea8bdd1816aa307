/// The weight gradient's transpose of dY, in whole-vector tiles. Compiled into both kernel
/// modules like `SIMDKernel.swift`: 16 × 16 tiles of `SIMD16` with AVX-512 (16 of its 32
/// registers), 8 × 8 tiles of `SIMD8` with AVX2 (16 × 16 would spill its 16 registers).
/// At 256 × 160 it took 11 µs (AVX-512) and 16 µs (AVX2) against 40 µs for the scalar
/// 16 × 16-tiled loop, which was a fifth of the 256 → 256 layer's weight gradient.
extension SIMDKernel {
  /// out[s, r] = m[r, s] for s < columns: (rows, ld) → (columns, rows).
  static func transpose(
    _ m: UnsafePointer<Float>, rows: Int, columns: Int, ld: Int,
    into out: UnsafeMutablePointer<Float>
  ) {
    #if AVX512
    let n = 16
    #else
    let n = 8
    #endif
    var r0 = 0
    while r0 + n <= rows {
      var s0 = 0
      while s0 + n <= columns {
        #if AVX512
        transposeTile16(m + r0 * ld + s0, ld: ld, into: out + s0 * rows + r0, ldOut: rows)
        #else
        transposeTile8(m + r0 * ld + s0, ld: ld, into: out + s0 * rows + r0, ldOut: rows)
        #endif
        s0 += n
      }
      for r in r0..<(r0 + n) { for s in s0..<columns { out[s * rows + r] = m[r * ld + s] } }
      r0 += n
    }
    for r in r0..<rows { for s in 0..<columns { out[s * rows + r] = m[r * ld + s] } }
  }

  // A tile of n = 2^k rows is transposed by k rounds of one perfect shuffle: rows p and p + n/2
  // become the even and the odd elements of their concatenation, in rows 2p and 2p + 1 (one
  // `vpermi2ps` each with AVX-512, `vshufps` + `vpermpd` with AVX2). Each round rotates the bits
  // of (row, column) so that k rounds leave element (r, c) at row bitrev(c), column bitrev(r):
  // the rows are loaded in bit-reversed order and stored to bit-reversed rows, which makes it
  // the plain transpose.

  /// A 16 × 16 tile: out[s · ldOut + r] = m[r · ld + s].
  @inline(__always)
  static func transposeTile16(_ m: UnsafePointer<Float>, ld: Int, into out: UnsafeMutablePointer<Float>, ldOut: Int) {
    @inline(__always) func evens(_ a: Vec, _ b: Vec) -> Vec { SIMD32(lowHalf: a, highHalf: b).evenHalf }
    @inline(__always) func odds(_ a: Vec, _ b: Vec) -> Vec { SIMD32(lowHalf: a, highHalf: b).oddHalf }
    // Slot j holds row bitrev4(j): 0 8 4 12 2 10 6 14 1 9 5 13 3 11 7 15.
    var a0 = load(m), a1 = load(m + 8 * ld), a2 = load(m + 4 * ld), a3 = load(m + 12 * ld)
    var a4 = load(m + 2 * ld), a5 = load(m + 10 * ld), a6 = load(m + 6 * ld), a7 = load(m + 14 * ld)
    var a8 = load(m + ld), a9 = load(m + 9 * ld), a10 = load(m + 5 * ld), a11 = load(m + 13 * ld)
    var a12 = load(m + 3 * ld), a13 = load(m + 11 * ld), a14 = load(m + 7 * ld), a15 = load(m + 15 * ld)
    for _ in 0..<4 {
      (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15) =
        (evens(a0, a8), odds(a0, a8), evens(a1, a9), odds(a1, a9), evens(a2, a10), odds(a2, a10),
         evens(a3, a11), odds(a3, a11), evens(a4, a12), odds(a4, a12), evens(a5, a13), odds(a5, a13),
         evens(a6, a14), odds(a6, a14), evens(a7, a15), odds(a7, a15))
    }
    store(a0, out); store(a1, out + 8 * ldOut); store(a2, out + 4 * ldOut); store(a3, out + 12 * ldOut)
    store(a4, out + 2 * ldOut); store(a5, out + 10 * ldOut); store(a6, out + 6 * ldOut); store(a7, out + 14 * ldOut)
    store(a8, out + ldOut); store(a9, out + 9 * ldOut); store(a10, out + 5 * ldOut); store(a11, out + 13 * ldOut)
    store(a12, out + 3 * ldOut); store(a13, out + 11 * ldOut); store(a14, out + 7 * ldOut); store(a15, out + 15 * ldOut)
  }

  /// An 8 × 8 tile: out[s · ldOut + r] = m[r · ld + s].
  @inline(__always)
  static func transposeTile8(_ m: UnsafePointer<Float>, ld: Int, into out: UnsafeMutablePointer<Float>, ldOut: Int) {
    typealias V8 = SIMD8<Float>
    @inline(__always) func evens(_ a: V8, _ b: V8) -> V8 { SIMD16(lowHalf: a, highHalf: b).evenHalf }
    @inline(__always) func odds(_ a: V8, _ b: V8) -> V8 { SIMD16(lowHalf: a, highHalf: b).oddHalf }
    @inline(__always) func load8(_ p: UnsafePointer<Float>) -> V8 { UnsafeRawPointer(p).loadUnaligned(as: V8.self) }
    @inline(__always) func store8(_ v: V8, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: V8.self) }
    // Slot j holds row bitrev3(j): 0 4 2 6 1 5 3 7.
    var a0 = load8(m), a1 = load8(m + 4 * ld), a2 = load8(m + 2 * ld), a3 = load8(m + 6 * ld)
    var a4 = load8(m + ld), a5 = load8(m + 5 * ld), a6 = load8(m + 3 * ld), a7 = load8(m + 7 * ld)
    for _ in 0..<3 {
      (a0, a1, a2, a3, a4, a5, a6, a7) =
        (evens(a0, a4), odds(a0, a4), evens(a1, a5), odds(a1, a5), evens(a2, a6), odds(a2, a6), evens(a3, a7), odds(a3, a7))
    }
    store8(a0, out); store8(a1, out + 4 * ldOut); store8(a2, out + 2 * ldOut); store8(a3, out + 6 * ldOut)
    store8(a4, out + ldOut); store8(a5, out + 5 * ldOut); store8(a6, out + 3 * ldOut); store8(a7, out + 7 * ldOut)
  }

  /// An 8 × 8 tile from 8 separate rows: out[s · ldOut + r] = rows[r][column + s] — a batch's
  /// samples (rows of the data set, anywhere in it) into the feature-major input. Data movement
  /// only: the same bits as the scalar copy.
  @inline(__always)
  static func transposeRows8(_ rows: UnsafeMutablePointer<UnsafePointer<Float>>, column: Int,
                             into out: UnsafeMutablePointer<Float>, ldOut: Int) {
    typealias V8 = SIMD8<Float>
    @inline(__always) func evens(_ a: V8, _ b: V8) -> V8 { SIMD16(lowHalf: a, highHalf: b).evenHalf }
    @inline(__always) func odds(_ a: V8, _ b: V8) -> V8 { SIMD16(lowHalf: a, highHalf: b).oddHalf }
    @inline(__always) func load8(_ r: Int) -> V8 { UnsafeRawPointer(rows[r] + column).loadUnaligned(as: V8.self) }
    @inline(__always) func store8(_ v: V8, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: V8.self) }
    // As `transposeTile8`: slot j holds row bitrev3(j).
    var a0 = load8(0), a1 = load8(4), a2 = load8(2), a3 = load8(6)
    var a4 = load8(1), a5 = load8(5), a6 = load8(3), a7 = load8(7)
    for _ in 0..<3 {
      (a0, a1, a2, a3, a4, a5, a6, a7) =
        (evens(a0, a4), odds(a0, a4), evens(a1, a5), odds(a1, a5), evens(a2, a6), odds(a2, a6), evens(a3, a7), odds(a3, a7))
    }
    store8(a0, out); store8(a1, out + 4 * ldOut); store8(a2, out + 2 * ldOut); store8(a3, out + 6 * ldOut)
    store8(a4, out + ldOut); store8(a5, out + 5 * ldOut); store8(a6, out + 3 * ldOut); store8(a7, out + 7 * ldOut)
  }
}
