import Lessons
/// What a key asks for, whatever key it was: the vocabulary of every mode. Keys become actions
/// through the mode's `Keymap`, built each frame from where the learner is (`KeyContext`);
/// modes act on actions, never on keys. An action means one thing wherever it arrives: the
/// keymap, not the mode, decides that `←` moves the λ path's cursor rather than the scrub.
public enum Action: Hashable, Sendable {
  case togglePause
  case stepEpoch
  case reset
  /// λ one rung up or down the ladder, every lane.
  case lambda(up: Bool)
  case learningRate(up: Bool)
  case nextL1Rule
  case speed(up: Bool)
  /// Show or hide a lane (0-based index).
  case toggleLane(Int)
  /// The histogram layer: all → 1 → 2 → … (or back).
  case layer(forward: Bool)
  case nextDataset
  /// Standardization (z-scores fitted on the training part) on ↔ off; training starts over.
  case toggleStandardize
  case switchLossView
  /// Histograms: w ↔ log10|w|.
  case switchHistogramScale
  /// The main area's next view, in the order of `Views.all`.
  case nextView
  /// The tug of war follows the next weight.
  case nextTugWeight
  case toggleKeras
  /// Selection frequency per feature and lane over several seeds, computed in the background.
  case toggleSelection
  /// Write the Keras script with its data and initial weights to `./regviz-keras/`.
  case writeKeras
  /// Pin the current run as a ghost on the charts, or unpin it.
  case togglePin
  /// The path view (cross-validated λ path, computed in the background) on / off.
  case togglePathView
  /// Enter on the path view: every lane's λ to the cursor's.
  case pickPathLambda
  /// ← → PgUp PgDn Home End on the path view: its cursor along the λ grid.
  case pathCursor(ScrubMove)
  case toggleHelp
  case closeOverlay
  /// The open window's text (help, Keras code, selection).
  case scrollOverlay(Scroll)
  /// The lesson text.
  case scroll(Scroll)
  case quit
  // Lesson mode
  case next
  case back
  /// `a`–`d`: answer the step's question.
  case answer(Character)
  case toggleHint
  /// Lesson: the page's text full-screen, or back to the dashboard (`e`).
  case toggleReading
  /// Lesson: this page's setup in free play, every key the learner's; `q` comes back (`f`).
  case tryInFreePlay
  // Free play, while paused: look back through the recorded epochs.
  case scrub(ScrubMove)
  // The two-weight lens (`regviz lens`, or the dashboard's lens view)
  /// The lens's λ, one step down or up.
  case lensLambda(up: Bool)
  /// The correlation of the lens's two features, one step down or up.
  case lensCorrelation(up: Bool)
  /// The scale of the lens's second feature, one step down or up.
  case lensScale(up: Bool)
}

/// A scrolling key: of an open overlay, or of the lesson text.
public enum Scroll: Hashable, Sendable {
  case lineUp, lineDown, pageUp, pageDown, top, bottom

  /// The offset after this scroll from `offset`, within `0...end`.
  func apply(to offset: Int, end: Int) -> Int {
    let current = min(max(0, offset), end)
    switch self {
    case .lineUp: return max(0, current - 1)
    case .lineDown: return min(current + 1, end)
    case .pageUp: return max(0, current - 10)
    case .pageDown: return min(current + 10, end)
    case .top: return 0
    case .bottom: return end
    }
  }
}

/// The two ways into the dashboard.
public enum ModeKind: Hashable, Sendable {
  /// Free play: every key of the experiment works.
  case play
  /// A guided lesson: the lesson's keys; the experiment's settings are the lesson's.
  case lesson
  /// The two-weight lens (`regviz lens`): its own keys, no network.
  case lens
}
