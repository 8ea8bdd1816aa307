/// Decimal text → `Float` straight from UTF-8 bytes, without making a `String`.
///
/// The result must be bit for bit what `Float(String)` gives (the CSV tests and every figure a
/// learner has seen depend on it), so only the common shape is converted here — `[+-]digits[.digits]
/// [(e|E)[+-]digits]` with at most 19 significant digits and a modest exponent — and everything
/// else (hex floats, `inf`, `nan`, 20+ digits, huge exponents, anything malformed) is handed to
/// `Float(String)` itself. Equivalence is tested against `Float(String)` on random and awkward input.
enum DecimalParser {
  /// 10^e for 0 ≤ e ≤ 22, exact in Double (5^22 < 2^53). A switch of literals, not a global
  /// array: a global would be checked for lazy initialization and retained in the loop.
  @inline(__always)
  static func power(_ e: Int) -> Double {
    switch e {
    case 0: 1e0; case 1: 1e1; case 2: 1e2; case 3: 1e3; case 4: 1e4; case 5: 1e5; case 6: 1e6; case 7: 1e7
    case 8: 1e8; case 9: 1e9; case 10: 1e10; case 11: 1e11; case 12: 1e12; case 13: 1e13; case 14: 1e14
    case 15: 1e15; case 16: 1e16; case 17: 1e17; case 18: 1e18; case 19: 1e19; case 20: 1e20; case 21: 1e21
    default: 1e22
    }
  }

  /// The value of the bytes `[start, end)`, or nil when `Float(String)` would reject them.
  /// The bytes hold no NUL (the reader rejects NUL bytes first: `Float(String)` would stop at one).
  @inline(__always)
  static func parse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Float? {
    if let v = fast(start, end) { return v }
    return Float(String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self))
  }

  /// The common case, or nil to send the text to `Float(String)` (which may also say nil).
  ///
  /// Why this is exact: with m < 2^53 and |e| ≤ 22 both m and 10^|e| are exact Doubles, so
  /// m·10^e (or m/10^−e) is the correctly rounded Double d of the true value x. Rounding d to
  /// Float gives the correctly rounded Float of x unless d sits exactly on a midpoint between two
  /// Floats (then x may have been just above or below it): those, and results outside the normal
  /// Float range (subnormals have fewer bits), go to the slow path.
  @inline(__always)
  static func fast(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Float? {
    var p = start
    guard let v = scan(&p, end), p == end else { return nil }
    return v
  }

  /// Reads the longest number in the common shape from `p` on and leaves `p` after it; nil when
  /// there is none or its value needs `Float(String)`. The caller checks what follows (a comma,
  /// the end): `fast` of exactly those bytes would give the same answer.
  @inline(__always)
  static func scan(_ p: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Float? {
    guard p < end else { return nil }
    var negative = false
    if p.pointee == UInt8(ascii: "-") { negative = true; p += 1 } else if p.pointee == UInt8(ascii: "+") { p += 1 }
    var mantissa: UInt64 = 0
    var digits = 0        // significant digits kept in `mantissa` (leading zeros not counted)
    var exponent = 0      // decimal exponent of `mantissa`
    var sawDigit = false
    while p < end, case let d = p.pointee &- 48, d < 10 {
      sawDigit = true
      if mantissa != 0 || d != 0 { digits += 1; guard digits <= 19 else { return nil } }
      mantissa = mantissa &* 10 &+ UInt64(d)
      p += 1
    }
    if p < end && p.pointee == UInt8(ascii: ".") {
      p += 1
      while p < end, case let d = p.pointee &- 48, d < 10 {
        sawDigit = true
        if mantissa != 0 || d != 0 { digits += 1; guard digits <= 19 else { return nil } }
        mantissa = mantissa &* 10 &+ UInt64(d)
        exponent -= 1
        p += 1
      }
    }
    guard sawDigit else { return nil }
    if p < end && (p.pointee | 0x20) == UInt8(ascii: "e") {
      p += 1
      var negativeExponent = false
      if p < end && p.pointee == UInt8(ascii: "-") { negativeExponent = true; p += 1 }
      else if p < end && p.pointee == UInt8(ascii: "+") { p += 1 }
      var e = 0
      var sawExponentDigit = false
      while p < end, case let d = p.pointee &- 48, d < 10 {
        sawExponentDigit = true
        guard e < 10_000 else { return nil }
        e = e * 10 + Int(d)
        p += 1
      }
      guard sawExponentDigit else { return nil }
      exponent += negativeExponent ? -e : e
    }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    guard mantissa < (1 << 53), exponent >= -22, exponent <= 22 else { return nil }
    let m = Double(mantissa)
    let d = exponent < 0 ? m / power(-exponent) : m * power(exponent)
    // Below 2^-126 Floats are subnormal; at or above 2^128 they overflow.
    guard d >= 0x1p-126, d < 0x1p128 else { return nil }
    // The 29 bits of the Double's significand below a Float's 24: exactly half an ulp is a midpoint.
    guard d.bitPattern & 0x1FFF_FFFF != 0x1000_0000 else { return nil }
    let f = Float(d)
    return negative ? -f : f
  }
}
