import Lessons
import NeuralCore

extension LensSettings {
  /// The lens a lesson step asks for: its `lens-…:` values over the defaults.
  public init(_ directives: LensDirectives?) {
    self.init()
    if let c = directives?.correlation { correlation = c }
    if let s = directives?.scale { scale = s }
    if let l = directives?.lambda { lambda = l }
  }
}
