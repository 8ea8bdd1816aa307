/// Vectorized elementary functions for `SIMD16<Float>`, accurate to a few ulps: the standard
/// library has none, and calling libm per lane would undo the kernel's vectorization.
/// Polynomials are the classic Cephes single-precision ones (range reduction + minimax fit).

/// 1.5·2²³: a float whose low mantissa bits hold a small integer added to it exactly.
/// (Computed, not stored: a global `let` would be checked for lazy initialization in the loop.)
@inline(__always) var magic: Vec { Vec(repeating: 12_582_912) }
@inline(__always) var magicBits: SIMD16<Int32> { SIMD16<Int32>(repeating: 0x4B40_0000) }

@inline(__always)
func vexp(_ input: Vec) -> Vec {
  // Clamp with masks: `clamped`/`pointwiseMax` compile to per-lane loops.
  let low = Vec(repeating: -87.33), high = Vec(repeating: 88.72)
  let x = input.replacing(with: low, where: input .< low).replacing(with: high, where: input .> high)
  // x = n·ln2 + r, |r| ≤ ln2/2
  // Adding and subtracting 1.5·2²³ rounds to the nearest integer in the FPU's own mode
  // (ties to even) — the generic `rounded`/Int32 conversions do not inline and cost 3×.
  let n = (x * 1.442_695_04 + magic) - magic
  var r = x.addingProduct(n, Vec(repeating: -0.693_359_375))
  r = r.addingProduct(n, Vec(repeating: 2.121_944_4e-4))
  var p = Vec(repeating: 1.987_569_1e-4)
  p = Vec(repeating: 1.398_199_9e-3).addingProduct(p, r)
  p = Vec(repeating: 8.333_452e-3).addingProduct(p, r)
  p = Vec(repeating: 4.166_579_6e-2).addingProduct(p, r)
  p = Vec(repeating: 1.666_666_5e-1).addingProduct(p, r)
  p = Vec(repeating: 0.5).addingProduct(p, r)
  let r2 = r * r
  let e = (r + 1).addingProduct(p, r2)
  // 2^n built from the exponent bits: n + 127 + 1.5·2²³ holds n + 127 in its low mantissa bits.
  let biased = unsafeBitCast(n + (magic + 127), to: SIMD16<Int32>.self) &- magicBits
  return e * unsafeBitCast(biased &<< 23, to: Vec.self)
}

/// Natural log for positive, normal inputs (the loss only takes logs of sums ≥ 1).
@inline(__always)
func vlog(_ x: Vec) -> Vec {
  let bits = unsafeBitCast(x, to: SIMD16<Int32>.self)
  // The exponent as a float, by the same magic-number trick in reverse.
  var e = unsafeBitCast(((bits &>> 23) &- 126) &+ magicBits, to: Vec.self) - magic
  // mantissa in [0.5, 1)
  var m = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F00_0000, to: Vec.self)
  let small = m .< Vec(repeating: 0.707_106_78)
  e = e.replacing(with: e - 1, where: small)
  m = m.replacing(with: m + m, where: small)
  let f = m - 1
  let z = f * f
  var p = Vec(repeating: 7.037_683_6e-2)
  p = Vec(repeating: -1.151_461e-1).addingProduct(p, f)
  p = Vec(repeating: 1.167_699_9e-1).addingProduct(p, f)
  p = Vec(repeating: -1.242_014_1e-1).addingProduct(p, f)
  p = Vec(repeating: 1.424_932_3e-1).addingProduct(p, f)
  p = Vec(repeating: -1.666_805_8e-1).addingProduct(p, f)
  p = Vec(repeating: 2.000_071_4e-1).addingProduct(p, f)
  p = Vec(repeating: -2.499_999_4e-1).addingProduct(p, f)
  p = Vec(repeating: 3.333_333_1e-1).addingProduct(p, f)
  var y = p * f * z
  y = y.addingProduct(e, Vec(repeating: -2.121_944_4e-4))
  y = y.addingProduct(z, Vec(repeating: -0.5))
  return (f + y).addingProduct(e, Vec(repeating: 0.693_359_375))
}

@inline(__always)
func vtanh(_ x: Vec) -> Vec {
  let zero = Vec()
  let ax = x.replacing(with: -x, where: x .< zero)
  // Large |x|: 1 − 2/(e^{2|x|}+1); small |x|: odd polynomial, avoiding the cancellation near 0.
  let s = vexp(ax + ax)
  var big = 1 - 2 / (s + 1)
  big = big.replacing(with: -big, where: x .< zero)
  let z = x * x
  var p = Vec(repeating: -5.704_988_7e-3)
  p = Vec(repeating: 2.063_908_9e-2).addingProduct(p, z)
  p = Vec(repeating: -5.373_971_6e-2).addingProduct(p, z)
  p = Vec(repeating: 1.333_144_2e-1).addingProduct(p, z)
  p = Vec(repeating: -3.333_328_2e-1).addingProduct(p, z)
  let small = x.addingProduct(p * z, x)
  return small.replacing(with: big, where: ax .>= Vec(repeating: 0.625))
}

@inline(__always)
func vsigmoid(_ x: Vec) -> Vec {
  1 / (1 + vexp(-x))
}
