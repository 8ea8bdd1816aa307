import LessonRuns
import NeuralCore

extension LensView {
  /// What the lens makes of an action; nil when it is not a lens action.
  mutating func perform(_ action: Action) -> String? {
    switch action {
    case .lensLambda(let up):
      update { $0.lambda += up ? LensView.lambdaStep : -LensView.lambdaStep }
      return "λ \(LensView.number(settings.lambda))"
    case .lensCorrelation(let up):
      update { $0.correlation += up ? LensView.correlationStep : -LensView.correlationStep }
      return "correlation \(LensView.number(settings.correlation)): the ellipses tilt"
    case .lensScale(let up):
      update { $0.scale *= up ? LensView.scaleFactor : 1 / LensView.scaleFactor }
      return "scale of x2 \(LensView.number(settings.scale)): ŵ2 ≈ 0.5/scale"
    case .toggleLane(let index):
      guard index < LensLane.allCases.count else { return "there is no lane \(index + 1) (lanes 1–4)" }
      if hiddenLanes.contains(index) { hiddenLanes.remove(index) } else { hiddenLanes.insert(index) }
      return nil
    case .reset:
      restart()
      return "trajectories start again from (\(LensView.number(settings.start[0])), \(LensView.number(settings.start[1])))"
    case .togglePause:
      paused.toggle()
      return paused ? "paused" : nil
    default:
      return nil
    }
  }

}
