import Canvas
import Foundation
import NeuralCore
import Training

/// Number and label formatting for the dashboard: short, round, and the same everywhere.
public enum Format {
  /// λ or a learning rate, in at most three significant digits (`0.02`, `1e-05`).
  public static func strength(_ x: Float) -> String {
    String(format: "%.3g", Double(x))
  }

  /// `λ 0.01`, `λ 0.005/0.005` (L1/L2), or for per-layer lanes the distinct strengths; empty
  /// for a lane without a penalty (`LaneTerms.penaltyStrengths`: wd is not a λ).
  /// With `mergeEqual`, an L1+L2 term with equal strengths shows one number.
  static func lambdaLabel(_ lane: Lane, mergeEqual: Bool = false) -> String {
    let seen = lane.spec.terms.penaltyStrengths(mergeEqual: mergeEqual, format: strength)
    return seen.isEmpty ? "" : "λ " + seen.joined(separator: " ")
  }

  /// A regularizer as a short kind: `–`, `L1`, `L2`, `L1L2` (Keras's class names); with the
  /// group term `Group`, `L1+Group` (the sparse group lasso), …
  static func kind(_ r: Regularizer) -> String {
    if r.lambdaGroup > 0 {
      var rest = r
      rest.lambdaGroup = 0
      return rest.isNone ? "Group" : kind(rest) + "+Group"
    }
    switch r.kind {
    case .none: return "–"
    case .l1: return "L1"
    case .l2: return "L2"
    case .l1l2: return "L1L2"
    }
  }

  /// Each lane's own L1 rule (nil for a lane without L1) when the L1 lanes do not all train
  /// under one rule (a lane's `rule=`), else nil: the status line then names the common rule,
  /// and otherwise each lane's title names its own (issue 23 item 10).
  static func laneRules(_ snapshot: ExperimentSnapshot) -> [L1Rule?]? {
    let rules = snapshot.lanes.map { lane -> L1Rule? in
      lane.lane.regularizers.contains { $0.lambda1 > 0 } ? (lane.lane.spec.l1Rule ?? snapshot.config.l1Rule) : nil
    }
    return Set(rules.compactMap { $0 }).count > 1 ? rules : nil
  }

  static func speed(_ s: Speed) -> String {
    switch s {
    case .max: return "max speed"
    case .epochsPerSecond(let r):
      return (r == r.rounded() ? String(Checked.int(r)) : String(format: "%.2g", r)) + " ep/s"
    }
  }

  /// 950, 2.1k, 3.4M.
  static func count(_ x: Double) -> String {
    guard x.isFinite else { return "–" }
    if x < 1000 { return String(Checked.int(x)) }
    if x < 1_000_000 { return String(format: "%.1fk", x / 1000) }
    return String(format: "%.1fM", x / 1_000_000)
  }

  /// Two significant digits in at most four or five columns: `1.1`, `.31`, `.012`, `0`, `–`.
  static func short(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "–" }
    if x == 0 { return "0" }
    if abs(x) < 0.001 { return String(format: "%.0e", x) }
    let text = String(format: "%.2g", x)
    return text.hasPrefix("0.") ? String(text.dropFirst()) : text
  }

  /// A row of numbers in one format, chosen by the row's largest magnitude: two significant
  /// digits for it, the same decimals for the rest, at most four columns each — `1.1 0.3`,
  /// `.31 .05`, `.012 .002`, `3e-4 1e-6` — with exact zeros as `0` and non-finite values `–`.
  static func sharedRow(_ xs: [Double?]) -> [String] {
    let largest = xs.compactMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0
    return xs.map { x in
      guard let x, x.isFinite else { return "–" }
      if x == 0 { return "0" }
      if largest < 0.001 { return String(format: "%.0e", x).replacingOccurrences(of: "e-0", with: "e-") }
      if largest >= 10 { return String(format: "%.0f", x) }
      let decimals = largest >= 1 ? 1 : min(3, 1 - Checked.floor(log10(largest)))
      let text = String(format: "%.\(decimals)f", x)
      return text.hasPrefix("0.") ? String(text.dropFirst()) : text.hasPrefix("-0.") ? "-" + text.dropFirst(2) : text
    }
  }

  /// `20→16→16→3 relu`.
  static func architecture(_ config: ExperimentConfig, inputs: Int, classes: Int) -> String {
    let sizes = [inputs] + config.hidden + [classes]
    return sizes.map(String.init).joined(separator: "→") + (config.hidden.isEmpty ? "" : " \(config.activation.rawValue)")
  }
}

extension Theme {
  /// `text` as this theme can show it: unchanged with Unicode glyphs; in ASCII mode every symbol
  /// the dashboard uses gets a spelled-out stand-in (λ → lambda, → → ->) and anything else
  /// outside ASCII (a lane name typed on the command line) becomes `?`.
  func printable(_ text: String) -> String {
    guard ascii else { return text }
    var out = ""
    for character in text {
      if character.isASCII {
        out.append(character)
      } else {
        out += Theme.asciiStandIns[character] ?? "?"
      }
    }
    return out
  }

  private static let asciiStandIns: [Character: String] = [
    "λ": "lambda", "→": "->", "←": "<-", "↔": "<->", "…": "...", "–": "-", "—": "-",
    "·": "-", "≈": "~", "★": "*", "‖": "||", "₂": "2", "²": "2", "×": "x", "▶": ">",
    "⏸": "||", "↑": "^", "↓": "v", "Σ": "sum", "≥": ">=", "≤": "<=", "±": "+/-", "η": "lr",
    "●": "*", "◆": "o", "▲": "+", "■": "x", "≠": "!=", "₁": "1",
  ]
}
