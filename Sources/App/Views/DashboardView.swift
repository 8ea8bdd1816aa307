/// What the dashboard's main area shows (the `v` key cycles them in play and lessons; a
/// lesson step's `view:` directive picks one).
public enum DashboardView: String, CaseIterable, Hashable, Sendable {
  /// The ordinary dashboard: weight histograms, loss, zeros, norm, features.
  case histograms
  /// Each layer's kernel as a grid, exact zeros blank: dropped inputs and pruned units.
  case matrix
  /// A few single weights over epochs, per lane.
  case trajectories
  /// One weight's forces this step, and the soft-threshold.
  case tug
  /// The two-weight lens (its λ on `[ ]` while it shows; `regviz lens` on its own has every
  /// lens key).
  case lens
  /// The cross-validated regularization path (`c`), computed in the background: coefficient
  /// paths, non-zero count and CV loss against log λ; enter sets λ at the cursor.
  case path

  /// The views `v` cycles through in play and lessons, in order.
  static let cycle: [DashboardView] = [.histograms, .matrix, .trajectories, .tug, .lens, .path]

  /// The next view in the `v` cycle (a view outside it goes back to the first).
  var next: DashboardView {
    guard let i = DashboardView.cycle.firstIndex(of: self) else { return .histograms }
    return DashboardView.cycle[(i + 1) % DashboardView.cycle.count]
  }
}
