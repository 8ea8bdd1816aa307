
/// The views of the dashboard's main area, by the names a lesson's `view:` accepts, in the
/// order `v` cycles through them. Each case has one implementation in App's view registry
/// (`Views.entry`, an exhaustive switch): adding a view is a case here and its file there.
public enum DashboardView: String, Sendable, Hashable, CaseIterable {
  /// The ordinary dashboard: weight histograms, loss, zeros, norm, features.
  case histograms
  /// Each layer's kernel as a grid, exact zeros blank: dropped inputs and pruned units.
  case matrix
  /// A few single weights over epochs, per lane.
  case trajectories
  /// One weight's forces this step, and the soft-threshold.
  case tug
  /// The two-weight lens (its λ on `[ ]` while it shows).
  case lens
  /// The cross-validated regularization path, computed in the background.
  case path
}
