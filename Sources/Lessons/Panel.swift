/// A dashboard panel a step can draw attention to with `highlight:`.
public enum Panel: String, Sendable, Equatable, CaseIterable {
  case weights, zeros, loss, norm, features, model, status, lesson
}
