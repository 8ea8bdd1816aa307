/// The activation of a Dense layer, with Keras's names. The output layer always uses softmax,
/// folded into the loss (see `SoftmaxCrossEntropy`), so it is not listed here.
public enum Activation: String, Sendable, CaseIterable, Codable {
  case relu, tanh, sigmoid, linear

  /// f(z), one element (the reference path).
  @inline(__always)
  public func apply(_ z: Float) -> Float {
    switch self {
    case .relu: return z > 0 ? z : 0
    case .tanh: return _tanhf(z)
    case .sigmoid: return 1 / (1 + _expf(-z))
    case .linear: return z
    }
  }

  /// f'(z) written in terms of a = f(z): the forward pass keeps only activations, and every
  /// derivative here is a function of them (relu: a > 0 ⇔ z > 0).
  @inline(__always)
  public func derivative(fromOutput a: Float) -> Float {
    switch self {
    case .relu: return a > 0 ? 1 : 0
    case .tanh: return 1 - a * a
    case .sigmoid: return a * (1 - a)
    case .linear: return 1
    }
  }
}

// MARK: - Whole-buffer application (a buffer is a (units, ld) block of pre-activations)

extension Activation {
  /// a = f(z) in place over `count` contiguous floats, whole `SIMD16` vectors first when `vectorized`.
  func apply(_ buffer: UnsafeMutablePointer<Float>, count: Int, vectorized: Bool) {
    if self == .linear { return }
    var i = 0
    if vectorized {
      let raw = UnsafeMutableRawPointer(buffer)
      while i + 16 <= count {
        let z = raw.loadUnaligned(fromByteOffset: i * 4, as: Vec.self)
        let a: Vec
        switch self {
        case .relu: a = z.replacing(with: Vec(), where: z .< Vec())
        case .tanh: a = vtanh(z)
        case .sigmoid: a = vsigmoid(z)
        case .linear: a = z
        }
        raw.storeBytes(of: a, toByteOffset: i * 4, as: Vec.self)
        i += 16
      }
    }
    while i < count { buffer[i] = apply(buffer[i]); i += 1 }
  }

  /// dz = da ⊙ f'(z) in place (`delta` holds da on entry), given the activations a.
  func backward(_ delta: UnsafeMutablePointer<Float>, activations: UnsafePointer<Float>,
                count: Int, vectorized: Bool) {
    if self == .linear { return }
    var i = 0
    if vectorized {
      let d = UnsafeMutableRawPointer(delta)
      let act = UnsafeRawPointer(activations)
      while i + 16 <= count {
        let g = d.loadUnaligned(fromByteOffset: i * 4, as: Vec.self)
        let a = act.loadUnaligned(fromByteOffset: i * 4, as: Vec.self)
        let out: Vec
        switch self {
        case .relu: out = g.replacing(with: Vec(), where: a .<= Vec())
        case .tanh: out = g * (1 - a * a)
        case .sigmoid: out = g * a * (1 - a)
        case .linear: out = g
        }
        d.storeBytes(of: out, toByteOffset: i * 4, as: Vec.self)
        i += 16
      }
    }
    while i < count { delta[i] *= derivative(fromOutput: activations[i]); i += 1 }
  }
}
