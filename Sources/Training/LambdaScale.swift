import Foundation
import NeuralCore

/// What a lane's strengths mean for this setup's training-set size n, batch size B and learning
/// rate η, and what the same penalty is called elsewhere (`regviz run --summary`).
///
/// RegViz follows Keras: the data loss is a mean over the batch and the penalty λ1·Σ|w| + λ2·Σw²
/// is added once per step, undivided. So the objective is mean cross-entropy + penalty whatever
/// n and B are: the balance between data and penalty does not move with n. What moves is the
/// pull per epoch (more steps a epoch, more pulls) and the numbers other libraries need:
///   PyTorch SGD `weight_decay` adds wd·w to the gradient: wd = 2·λ2 (no ½ in Keras's L2).
///   PyTorch AdamW / Keras `weight_decay` / RegViz `wd=` decay w ← w − η·wd·w: under plain SGD
///     the same as λ2 = wd/2; under Adam not the same thing at all.
///   With momentum they part: torch.optim.SGD's weight_decay goes through the momentum (an L2
///     lane), Keras's SGD(weight_decay) and RegViz's wd= decay outside it; no torch.optim.SGD
///     setting is a wd lane then.
///   scikit-learn's LogisticRegression minimizes C·Σᵢ lossᵢ + ½‖w‖² (l2) or C·Σᵢ lossᵢ + ‖w‖₁
///     (l1): a sum over the n samples, so C = 1/(2·n·λ2) or 1/(n·λ1) — the same C means a
///     weaker penalty as n grows. Elastic net, C·Σᵢ lossᵢ + ρ‖w‖₁ + (1−ρ)/2·‖w‖², is one C and
///     one ρ: C = 1/(n·(λ1 + 2λ2)), l1_ratio ρ = λ1/(λ1 + 2λ2).
public enum LambdaScale {
  /// Prose lines wrap at `width` columns (between words); the tables' rows stay whole.
  public static func table(config: ExperimentConfig, lanes: [Lane], trainCount n: Int, batchSize b: Int,
                           width: Int = .max) -> String {
    /// One paragraph, wrapped, each line starting with `indent`.
    func prose(_ text: String, indent: String = "") -> String { wrap(text, width: width, indent: indent) }
    let eta = Double(config.optimizer.learningRate)
    let steps = (n + b - 1) / b
    func g(_ x: Double) -> String { x == 0 ? "0" : String(format: "%.3g", x) }
    var out = prose("λ and the loss's scale: n = \(n) training samples, batch \(b) (\(steps) step\(steps == 1 ? "" : "s") an epoch), "
      + "lr η = \(g(eta)), \(config.optimizer.name); Keras's convention: mean loss + λ1·Σ|w| + λ2·Σw²")
    // The group term's column only when a lane has it: λg·Σᵢ‖row i‖₂ has no PyTorch or sklearn twin.
    let grouped = lanes.contains { $0.regularizers.contains { $0.lambdaGroup > 0 } }
    if grouped { out += prose("(λg: the group lasso's, + λg·Σᵢ‖row i‖₂ over each kernel's rows)") }
    var rows: [[String]] = [["lane", "λ1", "λ2"] + (grouped ? ["λg"] : []) + ["wd", "L2 pull/step", "L2+wd pull/epoch", "PyTorch weight_decay",
                             "sklearn C (l2)", "sklearn C (l1)"]]
    var momentum: Float = 0
    if case .sgd(_, let m) = config.optimizer { momentum = m }
    var elasticNet: [String] = []
    for lane in lanes {
      let group = grouped ? [g(Double(lane.regularizers.map(\.lambdaGroup).max() ?? 0))] : []
      let l1 = Double(lane.regularizers.map(\.lambda1).max() ?? 0)
      let l2 = Double(lane.regularizers.map(\.lambda2).max() ?? 0)
      let wd = Double(lane.weightDecays.max() ?? 0)
      // Under plain SGD each step multiplies a weight by (1 − 2ηλ2)(1 − η·wd) before the data
      // gradient acts; an epoch does it `steps` times. (Momentum and Adam change this.)
      let perStep = 2 * eta * l2
      // Under plain SGD, wd is L2 at λ2 = wd/2: the equivalents count both.
      let l2e = l2 + wd / 2
      let perEpoch = 1 - pow((1 - perStep) * (1 - eta * wd), Double(steps))
      // wd is L2 only under plain SGD: with momentum or Adam a wd lane has no L2 equivalent.
      let wdIsL2 = wd == 0 || (config.optimizer.kind == .sgd && momentum == 0)
      let torch = !wdIsL2 || l2e == 0 ? "–" : g(2 * l2e)
      let both = l1 > 0 && l2e > 0
      let c2 = !wdIsL2 || l2e == 0 || both ? "–" : g(1 / (2 * Double(n) * l2e))
      let c1 = l1 == 0 || both || !wdIsL2 ? "–" : g(1 / (Double(n) * l1))
      if both && wdIsL2 {
        let c = 1 / (Double(n) * (l1 + 2 * l2e)), ratio = l1 / (l1 + 2 * l2e)
        elasticNet.append("\(lane.name): LogisticRegression(penalty=\"elasticnet\", solver=\"saga\", C=\(g(c)), l1_ratio=\(g(ratio)))")
      }
      rows.append([lane.name, g(l1), g(l2)] + group + [g(wd), l2 > 0 ? g(perStep) : "–", (l2 > 0 || wd > 0) ? String(format: "%.3g%%", 100 * perEpoch) : "–",
                   torch, c2, c1])
    }
    let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
    for row in rows {
      out += row.enumerated().map { c, cell in
        c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
               : String(repeating: " ", count: widths[c] - cell.count) + cell
      }.joined(separator: "  ") + "\n"
    }
    out += prose("PyTorch weight_decay: torch.optim.SGD's (it adds wd·w to the gradient, so 2·λ2; a wd lane's own wd). "
      + "scikit-learn C: LogisticRegression(C=…) for the same data/penalty balance.")
    if !elasticNet.isEmpty {
      out += prose("L1 and L2 together are one elastic net, one C = 1/(n·(λ1+2λ2)) and l1_ratio = λ1/(λ1+2λ2):")
      out += elasticNet.map { prose($0, indent: "  ") }.joined()
    }
    if config.optimizer.kind == .sgd && momentum > 0 && lanes.contains(where: { ($0.weightDecays.max() ?? 0) > 0 }) {
      out += prose("With momentum \(g(Double(momentum))) a wd lane is no L2 lane: torch.optim.SGD(weight_decay=…) adds the decay to the gradient, "
        + "which the momentum then carries (that is the L2 lane, 2·λ2); wd= decays outside the momentum, as Keras's "
        + "SGD(weight_decay=wd) does, and has no torch.optim.SGD or scikit-learn equivalent (–). The pulls are plain SGD's.")
    }
    if config.optimizer.kind == .adam {
      out += prose("Under Adam the pulls above do not hold: Adam divides the L2 gradient by √v; torch.optim.Adam(weight_decay=2·λ2) is "
        + "Keras's L2, torch.optim.AdamW(weight_decay=wd) is a wd lane. The two are different regularizers there.")
    }
    out += prose("The same λ at other sizes (first lane with an L2 term, plain SGD pull per epoch; sklearn's C for the same balance):")
    if let lane = lanes.first(where: { ($0.regularizers.map(\.lambda2).max() ?? 0) > 0 }) {
      let l2 = Double(lane.regularizers.map(\.lambda2).max()!)
      var sizes: [[String]] = [["n", "batch", "steps/epoch", "pull/epoch", "sklearn C (l2)"]]
      for (nn, bb) in [(n / 2, b == n ? n / 2 : b), (n, b), (2 * n, b == n ? 2 * n : b), (4 * n, b == n ? 4 * n : b),
                       (n, max(1, b / 4)), (n, max(1, b / 16))] where nn > 0 {
        let s = (nn + bb - 1) / bb
        sizes.append(["\(nn)", bb == nn ? "full" : "\(bb)", "\(s)", String(format: "%.3g%%", 100 * (1 - pow(1 - 2 * eta * l2, Double(s)))),
                      g(1 / (2 * Double(nn) * l2))])
      }
      let w = sizes[0].indices.map { c in sizes.map { $0[c].count }.max()! }
      for row in sizes { out += "  " + row.enumerated().map { String(repeating: " ", count: w[$0] - $1.count) + $1 }.joined(separator: "  ") + "\n" }
      out += prose("Keras's λ keeps the data/penalty balance at any n (the data loss is a mean); scikit-learn's C must fall as 1/n to keep it.", indent: "  ")
      out += prose("Smaller batches take more steps an epoch, so the same λ pulls harder per epoch (and the data term pushes back as often).", indent: "  ")
    } else {
      out += "  (no lane has an L2 term)\n"
    }
    return out
  }

  /// `text` in lines of at most `width` columns, each starting with `indent`, broken between
  /// words (a word longer than a line stands alone); every line ends in a newline.
  public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
    var lines: [String] = []
    var line = indent
    for word in text.split(separator: " ") {
      if line.count > indent.count, line.count + 1 + word.count > width {
        lines.append(line)
        line = indent
      }
      line += (line.count > indent.count ? " " : "") + word
    }
    lines.append(line)
    return lines.map { $0 + "\n" }.joined()
  }
}
