/// How a step shows the weight histograms (`histogram: linear|log`): w itself, or log10|w|,
/// where Keras's L1 leaves its mass at 1e-4…1e-3 and the proximal rule a bar of exact zeros.
public enum HistogramView: String, Sendable, Equatable, CaseIterable {
  case linear, log
}

/// A dashboard panel a step can draw attention to with `highlight:`.
public enum Panel: String, Sendable, Equatable, CaseIterable {
  case weights, zeros, loss, norm, features, model, status, lesson
}
