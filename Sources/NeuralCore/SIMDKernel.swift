/// The fast dense-layer kernels: `SIMD16<Float>` loops, register-blocked so that eight
/// independent FMA chains are in flight (two FMA units × four cycles of latency), reading
/// memory only along contiguous rows. Same layout and results as `ScalarKernel` (to rounding);
/// columns that do not fill a vector fall back to a scalar remainder loop.
public enum SIMDKernel {
  /// Forward: y = xᵀ·w + b.  x: (in, ld), w: (in, out), b: (out), y: (out, ld)
  public static func forward(
    x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>,
    y: UnsafeMutablePointer<Float>, inputs: Int, outputs: Int, batch: Int, ld: Int
  ) {
    // y[o, :] = b[o] + Σ_i w[i, o] · x[i, :]  —  A(o, i) = w[i*out + o]
    combineRows(a: w, rowStride: 1, depthStride: outputs, b: x, ldb: ld, bias: b,
                c: y, ldc: ld, rows: outputs, depth: inputs, columns: batch)
  }

  /// Weight gradient: dw[i,o] = Σ_b x[i,b]·dy[o,b].  x: (in, ld), dy: (out, ld), dw: (in, out)
  ///
  /// Wide layers go through `scratch` (ld × out floats): dYᵀ is written once, then each row of
  /// dW is a combination of its rows — no horizontal sums. Narrow layers (fewer than 32 outputs)
  /// would leave vectors mostly empty that way, so they take blocked dot products instead.
  public static func weightGradient(
    x: UnsafePointer<Float>, dy: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>,
    inputs: Int, outputs: Int, batch: Int, ld: Int, scratch: UnsafeMutablePointer<Float>
  ) {
    if outputs >= 32 {
      transpose(dy, rows: outputs, columns: batch, ld: ld, into: scratch)
      // dw[i, :] = Σ_s x[i, s] · dyᵀ[s, :]  —  A(i, s) = x[i*ld + s]
      combineRows(a: x, rowStride: ld, depthStride: 1, b: scratch, ldb: outputs, bias: nil,
                  c: dw, ldc: outputs, rows: inputs, depth: batch, columns: outputs)
    } else {
      dotRows(x, ldx: ld, dy, ldy: ld, into: dw, rowsX: inputs, rowsY: outputs,
              length: batch)
    }
  }

  /// Bias gradient: db[o] = Σ_b dy[o,b].  dy: (out, ld), db: (out)
  public static func biasGradient(
    dy: UnsafePointer<Float>, db: UnsafeMutablePointer<Float>, outputs: Int, batch: Int, ld: Int
  ) {
    for o in 0..<outputs {
      let row = dy + o * ld
      var acc0 = Vec(), acc1 = Vec()
      var s = 0
      while s + 32 <= batch {
        acc0 += load(row + s)
        acc1 += load(row + s + 16)
        s += 32
      }
      if s + 16 <= batch { acc0 += load(row + s); s += 16 }
      var sum = horizontalSum(acc0 + acc1)
      while s < batch { sum += row[s]; s += 1 }
      db[o] = sum
    }
  }

  /// Input gradient: dx[i,b] = Σ_o w[i,o]·dy[o,b].  dy: (out, ld), w: (in, out), dx: (in, ld)
  public static func inputGradient(
    dy: UnsafePointer<Float>, w: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
    inputs: Int, outputs: Int, batch: Int, ld: Int
  ) {
    // dx[i, :] = Σ_o w[i, o] · dy[o, :]  —  A(i, o) = w[i*out + o]
    combineRows(a: w, rowStride: outputs, depthStride: 1, b: dy, ldb: ld, bias: nil,
                c: dx, ldc: ld, rows: inputs, depth: outputs, columns: batch)
  }

  // MARK: - Building blocks

  /// Σ of the 16 lanes by halving (16 → 8 → 4 → 2 → 1), which stays in registers.
  @inline(__always)
  static func horizontalSum(_ v: Vec) -> Float {
    let h8 = v.lowHalf + v.highHalf
    let h4 = h8.lowHalf + h8.highHalf
    let h2 = h4.lowHalf + h4.highHalf
    return h2[0] + h2[1]
  }

  @inline(__always)
  static func load(_ p: UnsafePointer<Float>) -> Vec {
    UnsafeRawPointer(p).loadUnaligned(as: Vec.self)
  }

  @inline(__always)
  static func store(_ v: Vec, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vec.self)
  }

  /// c[r, 0..<columns] = bias[r] + Σ_k A(r, k) · b[k, 0..<columns], A(r, k) = a[r·rowStride + k·depthStride].
  /// Blocks of 4 rows × 16 columns keep 4 SIMD16 accumulators (8 AVX2 registers) busy.
  @inline(__always)
  static func combineRows(
    a: UnsafePointer<Float>, rowStride: Int, depthStride: Int,
    b: UnsafePointer<Float>, ldb: Int, bias: UnsafePointer<Float>?,
    c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, depth: Int, columns: Int
  ) {
    let vectorEnd = columns & ~15
    // Depth is walked in tiles so that one tile of b's column block (tile × 64 bytes) stays in
    // L1 across all row blocks; without it, wide layers stream b from L2 once per row block.
    let tile = 128
    var col = 0
    while col < vectorEnd {
      var k0 = 0
      repeat {
        let k1 = min(k0 + tile, depth)
        let first = k0 == 0
        @inline(__always) func start(_ row: Int) -> Vec {
          first ? Vec(repeating: bias?[row] ?? 0) : load(c + row * ldc + col)
        }
        var r = 0
        while r + 4 <= rows {
          var c0 = start(r), c1 = start(r + 1), c2 = start(r + 2), c3 = start(r + 3)
          var ap = a + r * rowStride + k0 * depthStride
          var bp = b + k0 * ldb + col
          for _ in k0..<k1 {
            let v = load(bp)
            c0 = c0.addingProduct(v, ap[0])
            c1 = c1.addingProduct(v, ap[rowStride])
            c2 = c2.addingProduct(v, ap[2 * rowStride])
            c3 = c3.addingProduct(v, ap[3 * rowStride])
            ap += depthStride
            bp += ldb
          }
          store(c0, c + r * ldc + col)
          store(c1, c + (r + 1) * ldc + col)
          store(c2, c + (r + 2) * ldc + col)
          store(c3, c + (r + 3) * ldc + col)
          r += 4
        }
        while r < rows {
          var c0 = start(r), c1 = Vec()
          var ap = a + r * rowStride + k0 * depthStride
          var bp = b + k0 * ldb + col
          var k = k0
          // Two chains even for a single row, so one FMA's latency does not serialize the loop.
          while k + 2 <= k1 {
            c0 = c0.addingProduct(load(bp), ap[0])
            c1 = c1.addingProduct(load(bp + ldb), ap[depthStride])
            ap += 2 * depthStride
            bp += 2 * ldb
            k += 2
          }
          if k < k1 { c0 = c0.addingProduct(load(bp), ap[0]) }
          store(c0 + c1, c + r * ldc + col)
          r += 1
        }
        k0 = k1
      } while k0 < depth
      col += 16
    }
    // Scalar remainder: the columns that do not fill a vector.
    if vectorEnd < columns {
      for r in 0..<rows {
        for s in vectorEnd..<columns {
          var sum = bias?[r] ?? 0
          for k in 0..<depth { sum += a[r * rowStride + k * depthStride] * b[k * ldb + s] }
          c[r * ldc + s] = sum
        }
      }
    }
  }

  /// c[i, o] = Σ_s x[i, s] · y[o, s] (c row-major with rowsY columns), 2×2 blocks of dot products.
  @inline(__always)
  static func dotRows(
    _ x: UnsafePointer<Float>, ldx: Int, _ y: UnsafePointer<Float>, ldy: Int,
    into c: UnsafeMutablePointer<Float>, rowsX: Int, rowsY: Int, length: Int
  ) {
    let vectorEnd = length & ~15
    @inline(__always) func tail(_ i: Int, _ o: Int) -> Float {
      var sum: Float = 0
      var s = vectorEnd
      while s < length { sum += x[i * ldx + s] * y[o * ldy + s]; s += 1 }
      return sum
    }
    var i = 0
    while i < rowsX {
      let twoX = i + 1 < rowsX
      let x0 = x + i * ldx, x1 = x + (twoX ? i + 1 : i) * ldx
      var o = 0
      while o < rowsY {
        let twoY = o + 1 < rowsY
        let y0 = y + o * ldy, y1 = y + (twoY ? o + 1 : o) * ldy
        var a00 = Vec(), a01 = Vec(), a10 = Vec(), a11 = Vec()
        var s = 0
        while s < vectorEnd {
          let u0 = load(x0 + s), u1 = load(x1 + s)
          let v0 = load(y0 + s), v1 = load(y1 + s)
          a00 = a00.addingProduct(u0, v0)
          a01 = a01.addingProduct(u0, v1)
          a10 = a10.addingProduct(u1, v0)
          a11 = a11.addingProduct(u1, v1)
          s += 16
        }
        c[i * rowsY + o] = horizontalSum(a00) + tail(i, o)
        if twoY { c[i * rowsY + o + 1] = horizontalSum(a01) + tail(i, o + 1) }
        if twoX {
          c[(i + 1) * rowsY + o] = horizontalSum(a10) + tail(i + 1, o)
          if twoY { c[(i + 1) * rowsY + o + 1] = horizontalSum(a11) + tail(i + 1, o + 1) }
        }
        o += 2
      }
      i += 2
    }
  }

  /// out[s, r] = m[r, s] for s < columns: (rows, ld) → (columns, rows).
  static func transpose(
    _ m: UnsafePointer<Float>, rows: Int, columns: Int, ld: Int,
    into out: UnsafeMutablePointer<Float>
  ) {
    // 16×16 tiles keep both the reads and the writes within a few cache lines.
    var r0 = 0
    while r0 < rows {
      let r1 = min(r0 + 16, rows)
      var s0 = 0
      while s0 < columns {
        let s1 = min(s0 + 16, columns)
        for r in r0..<r1 {
          for s in s0..<s1 { out[s * rows + r] = m[r * ld + s] }
        }
        s0 = s1
      }
      r0 = r1
    }
  }
}
