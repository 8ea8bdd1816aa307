/// The fast dense-layer kernels: `SIMD16<Float>` loops, register-blocked so that eight
/// independent FMA chains are in flight (two FMA units × four cycles of latency), reading
/// memory only along contiguous rows. Same layout and results as `ScalarKernel` (to rounding);
/// columns that do not fill a vector fall back to a scalar remainder loop.
///
/// This one file is compiled twice: into `NeuralCore` for AVX2 + FMA (`-target-cpu haswell`)
/// and into `NeuralCoreAVX512` for AVX-512 (`skylake-avx512`, with `AVX512` defined), where a
/// `SIMD16` is one register and 32 of them allow 8 × 32 blocks (`Impl` picks one at run time).
/// The entry points are `@inline(never)` so that neither copy is inlined into code compiled for
/// the other CPU.
public enum SIMDKernel {
  /// Forward: y = xᵀ·w + b.  x: (in, ld), w: (in, out), b: (out), y: (out, ld)
  @inline(never)
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
  @inline(never)
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
  @inline(never)
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
  @inline(never)
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
    // Depth is walked in tiles so that one tile of b's column block (tile × 64 or 128 bytes)
    // stays in L1 across all row blocks; without it, wide layers stream b from L2 once per row
    // block. A depth up to 192 (24 KB of b) is one tile: the weight gradient at batch 150 (depth
    // 160) would otherwise store and reload every accumulator once more for a 32-deep tail.
    let tile = depth <= 192 ? depth : 128
    var col = 0
    #if AVX512
    // 8 rows × 32 columns: 16 accumulators (each broadcast weight feeds two FMAs), 16 of 32 zmm
    // registers. Small blocks would leave the 12-chain-deep FMA pipes idle; rows left over take
    // the 4 × 16 code below, one 16-column half at a time.
    let wideRows = rows >= 8 ? rows & ~7 : 0
    while wideRows > 0 && col + 32 <= vectorEnd {
      var k0 = 0
      repeat {
        let k1 = min(k0 + tile, depth)
        wideBlock(a: a, rowStride: rowStride, depthStride: depthStride, b: b, ldb: ldb, bias: bias, first: k0 == 0,
                  c: c, ldc: ldc, rows: wideRows, k0: k0, k1: k1, col: col)
        k0 = k1
      } while k0 < depth
      if wideRows < rows {
        narrowBlock(a: a, rowStride: rowStride, depthStride: depthStride, b: b, ldb: ldb, bias: bias,
                    c: c, ldc: ldc, rowStart: wideRows, rows: rows, depth: depth, tile: tile, col: col)
        narrowBlock(a: a, rowStride: rowStride, depthStride: depthStride, b: b, ldb: ldb, bias: bias,
                    c: c, ldc: ldc, rowStart: wideRows, rows: rows, depth: depth, tile: tile, col: col + 16)
      }
      col += 32
    }
    #else
    // 6 rows × 16 columns: 6 accumulators = 12 of the 16 ymm registers (the 4 × 16 block's 8
    // chains barely cover two FMA pipes × 4 cycles). Pairs of 6-row blocks, so the rows left to
    // `narrowBlock` start at a multiple of 4 and each row gets the very sum (one chain, the same
    // order) the AVX-512 path gives it.
    let tallRows = (rows & ~3) / 12 * 12
    while tallRows > 0 && col < vectorEnd {
      var k0 = 0
      repeat {
        let k1 = min(k0 + tile, depth)
        tallBlock(a: a, rowStride: rowStride, depthStride: depthStride, b: b, ldb: ldb, bias: bias, first: k0 == 0,
                  c: c, ldc: ldc, rows: tallRows, k0: k0, k1: k1, col: col)
        k0 = k1
      } while k0 < depth
      if tallRows < rows {
        narrowBlock(a: a, rowStride: rowStride, depthStride: depthStride, b: b, ldb: ldb, bias: bias,
                    c: c, ldc: ldc, rowStart: tallRows, rows: rows, depth: depth, tile: tile, col: col)
      }
      col += 16
    }
    #endif
    while col < vectorEnd {
      narrowBlock(a: a, rowStride: rowStride, depthStride: depthStride, b: b, ldb: ldb, bias: bias,
                  c: c, ldc: ldc, rowStart: 0, rows: rows, depth: depth, tile: tile, col: col)
      col += 16
    }
    // Eight columns left (a batch padded to 8, not 16: 150 samples take 152 columns, not 160).
    if col + 8 <= columns {
      halfStrip(a: a, rowStride: rowStride, depthStride: depthStride, b: b, ldb: ldb, bias: bias,
                c: c, ldc: ldc, rows: rows, depth: depth, col: col)
      col += 8
    }
    // Scalar remainder: the columns that do not fill a vector.
    if col < columns {
      for r in 0..<rows {
        for s in col..<columns {
          var sum = bias?[r] ?? 0
          for k in 0..<depth { sum += a[r * rowStride + k * depthStride] * b[k * ldb + s] }
          c[r * ldc + s] = sum
        }
      }
    }
  }

  /// Rows `rowStart..<rows` of one 16-column strip at `col`, in 4-row blocks: 4 SIMD16
  /// accumulators (8 AVX2 registers).
  @inline(__always)
  static func narrowBlock(
    a: UnsafePointer<Float>, rowStride: Int, depthStride: Int,
    b: UnsafePointer<Float>, ldb: Int, bias: UnsafePointer<Float>?,
    c: UnsafeMutablePointer<Float>, ldc: Int, rowStart: Int, rows: Int, depth: Int, tile: Int, col: Int
  ) {
      var k0 = 0
      repeat {
        let k1 = min(k0 + tile, depth)
        let first = k0 == 0
        @inline(__always) func start(_ row: Int) -> Vec {
          first ? Vec(repeating: bias?[row] ?? 0) : load(c + row * ldc + col)
        }
        var r = rowStart
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
  }

  /// The 8 columns at `col`, all rows, the whole depth: 8-row blocks of `SIMD8` accumulators
  /// (8 ymm registers; one chain per element in depth order, so both builds give the same bits).
  @inline(__always)
  static func halfStrip(
    a: UnsafePointer<Float>, rowStride: Int, depthStride: Int,
    b: UnsafePointer<Float>, ldb: Int, bias: UnsafePointer<Float>?,
    c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, depth: Int, col: Int
  ) {
    typealias V8 = SIMD8<Float>
    @inline(__always) func load8(_ p: UnsafePointer<Float>) -> V8 { UnsafeRawPointer(p).loadUnaligned(as: V8.self) }
    @inline(__always) func store8(_ v: V8, _ p: UnsafeMutablePointer<Float>) {
      UnsafeMutableRawPointer(p).storeBytes(of: v, as: V8.self)
    }
    @inline(__always) func start(_ row: Int) -> V8 { V8(repeating: bias?[row] ?? 0) }
    var r = 0
    while r + 8 <= rows {
      var c0 = start(r), c1 = start(r + 1), c2 = start(r + 2), c3 = start(r + 3)
      var c4 = start(r + 4), c5 = start(r + 5), c6 = start(r + 6), c7 = start(r + 7)
      var ap = a + r * rowStride
      var bp = b + col
      for _ in 0..<depth {
        let v = load8(bp)
        c0 = c0.addingProduct(v, ap[0])
        c1 = c1.addingProduct(v, ap[rowStride])
        c2 = c2.addingProduct(v, ap[2 * rowStride])
        c3 = c3.addingProduct(v, ap[3 * rowStride])
        c4 = c4.addingProduct(v, ap[4 * rowStride])
        c5 = c5.addingProduct(v, ap[5 * rowStride])
        c6 = c6.addingProduct(v, ap[6 * rowStride])
        c7 = c7.addingProduct(v, ap[7 * rowStride])
        ap += depthStride
        bp += ldb
      }
      let out = c + r * ldc + col
      store8(c0, out); store8(c1, out + ldc); store8(c2, out + 2 * ldc); store8(c3, out + 3 * ldc)
      store8(c4, out + 4 * ldc); store8(c5, out + 5 * ldc); store8(c6, out + 6 * ldc); store8(c7, out + 7 * ldc)
      r += 8
    }
    while r < rows {
      var c0 = start(r)
      var ap = a + r * rowStride
      var bp = b + col
      for _ in 0..<depth {
        c0 = c0.addingProduct(load8(bp), ap[0])
        ap += depthStride
        bp += ldb
      }
      store8(c0, c + r * ldc + col)
      r += 1
    }
  }

  #if !AVX512
  /// Rows 0..<rows (a multiple of 6) of the 16 columns at `col`, depth k0..<k1, in 6 × 16 blocks.
  /// The first depth tile starts from the bias, later ones from what c holds.
  @inline(__always)
  static func tallBlock(
    a: UnsafePointer<Float>, rowStride: Int, depthStride: Int,
    b: UnsafePointer<Float>, ldb: Int, bias: UnsafePointer<Float>?, first: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, k0: Int, k1: Int, col: Int
  ) {
    @inline(__always) func start(_ row: Int) -> Vec {
      first ? Vec(repeating: bias?[row] ?? 0) : load(c + row * ldc + col)
    }
    var r = 0
    while r < rows {
      var c0 = start(r), c1 = start(r + 1), c2 = start(r + 2)
      var c3 = start(r + 3), c4 = start(r + 4), c5 = start(r + 5)
      var ap = a + r * rowStride + k0 * depthStride
      var bp = b + k0 * ldb + col
      for _ in k0..<k1 {
        let v = load(bp)
        c0 = c0.addingProduct(v, ap[0])
        c1 = c1.addingProduct(v, ap[rowStride])
        c2 = c2.addingProduct(v, ap[2 * rowStride])
        c3 = c3.addingProduct(v, ap[3 * rowStride])
        c4 = c4.addingProduct(v, ap[4 * rowStride])
        c5 = c5.addingProduct(v, ap[5 * rowStride])
        ap += depthStride
        bp += ldb
      }
      let out = c + r * ldc + col
      store(c0, out); store(c1, out + ldc); store(c2, out + 2 * ldc)
      store(c3, out + 3 * ldc); store(c4, out + 4 * ldc); store(c5, out + 5 * ldc)
      r += 6
    }
  }
  #endif

  #if AVX512
  /// Rows 0..<rows (a multiple of 8) of the 32 columns at `col`, depth k0..<k1, in 8 × 32 blocks.
  /// The first depth tile starts from the bias, later ones from what c holds.
  @inline(__always)
  static func wideBlock(
    a: UnsafePointer<Float>, rowStride: Int, depthStride: Int,
    b: UnsafePointer<Float>, ldb: Int, bias: UnsafePointer<Float>?, first: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, k0: Int, k1: Int, col: Int
  ) {
    @inline(__always) func start(_ row: Int, _ half: Int) -> Vec {
      first ? Vec(repeating: bias?[row] ?? 0) : load(c + row * ldc + col + half)
    }
    var r = 0
    while r < rows {
      var l0 = start(r, 0), h0 = start(r, 16), l1 = start(r + 1, 0), h1 = start(r + 1, 16)
      var l2 = start(r + 2, 0), h2 = start(r + 2, 16), l3 = start(r + 3, 0), h3 = start(r + 3, 16)
      var l4 = start(r + 4, 0), h4 = start(r + 4, 16), l5 = start(r + 5, 0), h5 = start(r + 5, 16)
      var l6 = start(r + 6, 0), h6 = start(r + 6, 16), l7 = start(r + 7, 0), h7 = start(r + 7, 16)
      var ap = a + r * rowStride + k0 * depthStride
      var bp = b + k0 * ldb + col
      for _ in k0..<k1 {
        let lo = load(bp), hi = load(bp + 16)
        var w = Vec(repeating: ap[0])
        l0 = l0.addingProduct(lo, w); h0 = h0.addingProduct(hi, w)
        w = Vec(repeating: ap[rowStride])
        l1 = l1.addingProduct(lo, w); h1 = h1.addingProduct(hi, w)
        w = Vec(repeating: ap[2 * rowStride])
        l2 = l2.addingProduct(lo, w); h2 = h2.addingProduct(hi, w)
        w = Vec(repeating: ap[3 * rowStride])
        l3 = l3.addingProduct(lo, w); h3 = h3.addingProduct(hi, w)
        w = Vec(repeating: ap[4 * rowStride])
        l4 = l4.addingProduct(lo, w); h4 = h4.addingProduct(hi, w)
        w = Vec(repeating: ap[5 * rowStride])
        l5 = l5.addingProduct(lo, w); h5 = h5.addingProduct(hi, w)
        w = Vec(repeating: ap[6 * rowStride])
        l6 = l6.addingProduct(lo, w); h6 = h6.addingProduct(hi, w)
        w = Vec(repeating: ap[7 * rowStride])
        l7 = l7.addingProduct(lo, w); h7 = h7.addingProduct(hi, w)
        ap += depthStride
        bp += ldb
      }
      let out = c + r * ldc + col
      store(l0, out); store(h0, out + 16)
      store(l1, out + ldc); store(h1, out + ldc + 16)
      store(l2, out + 2 * ldc); store(h2, out + 2 * ldc + 16)
      store(l3, out + 3 * ldc); store(h3, out + 3 * ldc + 16)
      store(l4, out + 4 * ldc); store(h4, out + 4 * ldc + 16)
      store(l5, out + 5 * ldc); store(h5, out + 5 * ldc + 16)
      store(l6, out + 6 * ldc); store(h6, out + 6 * ldc + 16)
      store(l7, out + 7 * ldc); store(h7, out + 7 * ldc + 16)
      r += 8
    }
  }
  #endif

  /// c[i, o] = Σ_s x[i, s] · y[o, s] (c row-major with rowsY columns), 2×2 blocks of dot products.
  /// A last 8 of the length (a batch padded to 8 columns) takes one `SIMD8` product, folded in
  /// after the 16 → 8 halving; what is left after that, one value at a time.
  @inline(__always)
  static func dotRows(
    _ x: UnsafePointer<Float>, ldx: Int, _ y: UnsafePointer<Float>, ldy: Int,
    into c: UnsafeMutablePointer<Float>, rowsX: Int, rowsY: Int, length: Int
  ) {
    typealias V8 = SIMD8<Float>
    let vectorEnd = length & ~15
    let halfEnd = length - vectorEnd >= 8 ? vectorEnd + 8 : vectorEnd
    @inline(__always) func load8(_ p: UnsafePointer<Float>) -> V8 { UnsafeRawPointer(p).loadUnaligned(as: V8.self) }
    @inline(__always) func sum(_ v: Vec, _ half: V8, _ i: Int, _ o: Int) -> Float {
      let h8 = v.lowHalf + v.highHalf + half
      let h4 = h8.lowHalf + h8.highHalf
      let h2 = h4.lowHalf + h4.highHalf
      var total = h2[0] + h2[1]
      var s = halfEnd
      while s < length { total += x[i * ldx + s] * y[o * ldy + s]; s += 1 }
      return total
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
        var h00 = V8(), h01 = V8(), h10 = V8(), h11 = V8()
        if halfEnd > vectorEnd {
          let u0 = load8(x0 + s), u1 = load8(x1 + s), v0 = load8(y0 + s), v1 = load8(y1 + s)
          h00 = u0 * v0; h01 = u0 * v1; h10 = u1 * v0; h11 = u1 * v1
        }
        c[i * rowsY + o] = sum(a00, h00, i, o)
        if twoY { c[i * rowsY + o + 1] = sum(a01, h01, i, o + 1) }
        if twoX {
          c[(i + 1) * rowsY + o] = sum(a10, h10, i + 1, o)
          if twoY { c[(i + 1) * rowsY + o + 1] = sum(a11, h11, i + 1, o + 1) }
        }
        o += 2
      }
      i += 2
    }
  }
}
