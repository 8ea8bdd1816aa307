/// One weight's tug of war in one plain-SGD step: the data gradient against the penalty's
/// pulls, and what each L1 rule then does with the weight.
///
/// Forces point the way the step moves the weight (minus the gradient): the data pull `−g`,
/// L1's constant pull `−λ1·sign(w)` that does not fade as w shrinks, L2's `−2λ2·w` that does.
/// The smooth part of the step gives `z = w − η·(g + 2λ2·w)`; the L1 rules then differ:
/// prox lands on `S_τ(z)` with `τ = η·λ1` (exactly 0 whenever `|z| ≤ τ`), the subgradient
/// takes `z − τ·sign(w)` (and overshoots past 0), clip takes that but stops at 0 when it would
/// cross. The same arithmetic as `UpdateRule` for `.sgd` without momentum.
///
/// The group term pulls the weight's whole row (every weight leaving its input): its force on
/// this weight is `−λg·w/‖row‖` (0 at a zero row), the row's share of a pull of λg on the row's
/// norm — it fades only as the *row* shrinks, not as this weight does. `z` and `after` are the
/// L1 rules' arithmetic alone: the group's own step (a block soft-threshold of the whole row
/// under prox and clip) needs the whole row's step, which one weight does not have.
public struct TugOfWar: Sendable, Hashable {
  public var w: Float
  /// ∂(data loss)/∂w on the step's batch.
  public var dataGradient: Float
  public var lambda1: Float
  public var lambda2: Float
  /// η, the learning rate.
  public var rate: Float
  /// The group term's strength λg (`Regularizer.lambdaGroup`).
  public var lambdaGroup: Float
  /// ‖row‖₂ of the weight's row, w included.
  public var rowNorm: Float

  public init(w: Float, dataGradient: Float, lambda1: Float, lambda2: Float, rate: Float,
              lambdaGroup: Float = 0, rowNorm: Float = 0) {
    self.w = w
    self.dataGradient = dataGradient
    self.lambda1 = lambda1
    self.lambda2 = lambda2
    self.rate = rate
    self.lambdaGroup = lambdaGroup
    self.rowNorm = rowNorm
  }

  public var dataPull: Float { -dataGradient }
  public var l1Pull: Float { -lambda1 * Self.sign(w) }
  public var l2Pull: Float { -2 * lambda2 * w }
  /// The group term's pull on this weight, `−λg·w/‖row‖`: 0 at a zero row (the subgradient
  /// `GroupLasso.gradient` takes) and without the term.
  public var groupPull: Float { lambdaGroup == 0 || rowNorm == 0 ? 0 : -lambdaGroup * w / rowNorm }
  /// The row's threshold under prox: the block soft-threshold zeroes the row when its norm after
  /// the step is at most `η·λg`.
  public var groupTau: Float { rate * lambdaGroup }
  /// The soft-threshold's width, `η·λ1`.
  public var tau: Float { rate * lambda1 }
  /// This step's pre-update value: the weight after the data gradient and L2, before L1.
  public var z: Float { w - rate * (dataGradient + 2 * lambda2 * w) }

  /// The weight after this step under `rule`.
  public func after(_ rule: L1Rule) -> Float {
    if lambda1 == 0 { return z }
    switch rule {
    case .prox:
      let shrunk = abs(z) - tau
      return shrunk <= 0 ? 0 : Self.sign(z) * shrunk
    case .subgradient:
      return z - tau * Self.sign(w)
    case .clip:
      // `UpdateRule`: the gradient step, then τ towards 0, but never past it.
      let moved = z - tau * Self.sign(z)
      return moved * z < 0 ? 0 : moved
    }
  }

  /// sign with sign(0) = 0, as TensorFlow's gradient of |x|.
  static func sign(_ x: Float) -> Float { x > 0 ? 1 : x < 0 ? -1 : 0 }
}
