/// The parameter update: optimizer step plus the regularization terms, named and in one place.
///
/// For one parameter tensor with data gradient g (∂dataLoss/∂w, already averaged over the batch):
///   weight decay      w ← w − (w·wd)·η   before the step    (decoupled, outside the gradient:
///                                                             Keras's `weight_decay`, AdamW)
///   smooth gradient   gₛ = g + 2·λ2·w                       (L2, Keras: no ½)
///   subgradient rule  gₛ += λ1·sign(w), sign(0) = 0          (what Keras does)
///   optimizer step    v = w − step(gₛ)                        (SGD, momentum or Adam)
///   prox rule         w' = sign(v)·max(|v| − τ, 0)            τ = η·λ1 (Adam: α·λ1/(√v+ε),
///                                                             v uncorrected, as in Keras's step)
///   clip rule         w' = v − τ·sign(v), or 0 if that crosses zero — and the weight is then
///                     dead: it stays 0 until the network is reset (TensorFlow Playground's rule)
/// τ is the step size the optimizer just used for this coordinate, so the L1 step is always
/// measured in the same units as the smooth step (DECISIONS.md, "The L1 update rules").
struct UpdateRule {
  var optimizer: Optimizer
  var l1Rule: L1Rule
  var lambda1: Float
  var lambda2: Float
  /// Decoupled weight decay wd (0: none). Under SGD it equals L2 with λ2 = wd/2; under Adam it
  /// does not (the L2 gradient is divided by √v, the decay is not).
  var weightDecay: Float
  /// Adam's bias-corrected step α for this step number; unused by SGD.
  var alpha: Float

  init(optimizer: Optimizer, l1Rule: L1Rule, regularizer: Regularizer, weightDecay: Float = 0, step: Int) {
    self.optimizer = optimizer
    self.weightDecay = weightDecay
    self.l1Rule = l1Rule
    self.lambda1 = regularizer.lambda1
    self.lambda2 = regularizer.lambda2
    if case .adam(let lr, let b1, let b2, _) = optimizer {
      // As Keras: β cast to float32, powers and α in float32.
      let t = Float(step)
      alpha = lr * _sqrtf(1 - _powf(Float(b2), t)) / (1 - _powf(Float(b1), t))
    } else {
      alpha = 0
    }
  }

  /// Updates `count` parameters in place. `first`/`second` are the optimizer's buffers
  /// (SGD momentum velocity; Adam m and v), `count` floats each.
  /// `dead` (clip rule only, else nil) marks weights the clip rule has zeroed: 1 = dead.
  func apply(
    params: UnsafeMutablePointer<Float>, grads: UnsafePointer<Float>,
    first: UnsafeMutablePointer<Float>, second: UnsafeMutablePointer<Float>,
    dead: UnsafeMutablePointer<Float>? = nil, count: Int
  ) {
    let killing = l1Rule == .clip && lambda1 != 0 && dead != nil
    // Plain SGD reads neither buffer and momentum only the first: skipping the loads and
    // stores of unused (and unchanged) buffers changes no value.
    let (usesFirst, usesSecond): (Bool, Bool)
    switch optimizer {
    case .sgd(_, let momentum): (usesFirst, usesSecond) = (momentum != 0, false)
    case .adam: (usesFirst, usesSecond) = (true, true)
    }
    // Plain SGD with L1 by the prox rule (or no L1), nothing else: the common case, in a loop
    // of its own with no per-vector switches — the same operations in the same order as
    // `update`, so the same bits.
    if case .sgd(let lr, let momentum) = optimizer, momentum == 0, weightDecay == 0, lambda2 == 0,
       lambda1 == 0 || l1Rule == .prox {
      let lrV = Vec(repeating: lr), tau = Vec(repeating: lr * lambda1), zero = Vec()
      let whole = count & ~15
      var i = 0
      while i < whole {
        let w = UnsafeRawPointer(params + i).loadUnaligned(as: Vec.self)
        let g = UnsafeRawPointer(grads + i).loadUnaligned(as: Vec.self)
        let stepped = w - g * lrV
        var out = stepped
        if lambda1 != 0 {
          let shrunk = stepped.replacing(with: -stepped, where: stepped .< zero) - tau
          out = (sign(stepped) * shrunk).replacing(with: zero, where: shrunk .<= zero)
        }
        UnsafeMutableRawPointer(params + i).storeBytes(of: out, as: Vec.self)
        i += 16
      }
      if whole < count {
        var m = Vec(), v = Vec()
        let n = count - whole
        storePartial(update(w: loadPartial(params + whole, n), g: loadPartial(grads + whole, n), m: &m, v: &v),
                     params + whole, n)
      }
      return
    }
    var i = 0
    while i < count {
      let n = min(16, count - i)
      let w = loadPartial(params + i, n)
      var m = usesFirst ? loadPartial(first + i, n) : Vec()
      var v = usesSecond ? loadPartial(second + i, n) : Vec()
      var out = update(w: w, g: loadPartial(grads + i, n), m: &m, v: &v)
      if killing, let dead {
        // A link is dead once its penalty step has crossed zero; dead links stay exactly 0.
        let wasDead = loadPartial(dead + i, n) .> Vec()
        let nowDead = wasDead .| ((out .== Vec()) .& (w .!= Vec()))
        out = out.replacing(with: Vec(), where: nowDead)
        storePartial(Vec().replacing(with: Vec(repeating: 1), where: nowDead), dead + i, n)
      }
      storePartial(out, params + i, n)
      if usesFirst { storePartial(m, first + i, n) }
      if usesSecond { storePartial(v, second + i, n) }
      i += 16
    }
  }

  @inline(__always)
  func update(w original: Vec, g data: Vec, m: inout Vec, v: inout Vec) -> Vec {
    // The penalty gradients are taken at the weights the data gradient saw; the decay then
    // moves the weights before the step, as Keras does (it decays the variables, then applies
    // the gradients it already has).
    var g = data
    if lambda2 != 0 { g = g.addingProduct(original, 2 * lambda2) }
    if lambda1 != 0 && l1Rule == .subgradient { g = g.addingProduct(sign(original), lambda1) }
    let w = weightDecay != 0 ? original - (original * weightDecay) * optimizer.learningRate : original
    let stepped: Vec
    let tau: Vec
    switch optimizer {
    case .sgd(let lr, let momentum):
      if momentum != 0 {
        m = m * momentum - g * lr
        stepped = w + m
      } else {
        stepped = w - g * lr
      }
      tau = Vec(repeating: lr * lambda1)
    case .adam(_, let b1, let b2, let eps):
      m += (g - m) * Float(1 - b1)
      v += (g * g - v) * Float(1 - b2)
      let denominator = v.squareRoot() + eps
      stepped = w - (m * alpha) / denominator
      tau = (alpha * lambda1) / denominator
    }
    if lambda1 == 0 { return stepped }
    switch l1Rule {
    case .subgradient:
      return stepped
    case .prox:
      let shrunk = stepped.replacing(with: -stepped, where: stepped .< Vec()) - tau
      return (sign(stepped) * shrunk).replacing(with: Vec(), where: shrunk .<= Vec())
    case .clip:
      let moved = stepped - tau * sign(stepped)
      let crossed = (moved * stepped) .< Vec()
      return moved.replacing(with: Vec(), where: crossed)
    }
  }
}

/// sign(x) with sign(0) = 0, as TensorFlow's gradient of |x|.
@inline(__always)
func sign(_ x: Vec) -> Vec {
  let zero = Vec()
  return zero.replacing(with: Vec(repeating: 1), where: x .> zero).replacing(with: Vec(repeating: -1), where: x .< zero)
}

@inline(__always)
func loadPartial(_ p: UnsafePointer<Float>, _ n: Int) -> Vec {
  if n == 16 { return UnsafeRawPointer(p).loadUnaligned(as: Vec.self) }
  // A byte copy into a zeroed vector; lane-by-lane insertion spills the vector to the stack per lane.
  var v = Vec()
  withUnsafeMutableBytes(of: &v) { $0.baseAddress!.copyMemory(from: p, byteCount: n * 4) }
  return v
}

@inline(__always)
func loadPartial(_ p: UnsafeMutablePointer<Float>, _ n: Int) -> Vec {
  loadPartial(UnsafePointer(p), n)
}

@inline(__always)
func storePartial(_ v: Vec, _ p: UnsafeMutablePointer<Float>, _ n: Int) {
  if n == 16 { UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vec.self); return }
  withUnsafeBytes(of: v) { UnsafeMutableRawPointer(p).copyMemory(from: $0.baseAddress!, byteCount: n * 4) }
}
