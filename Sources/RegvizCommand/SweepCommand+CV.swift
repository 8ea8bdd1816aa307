import Foundation
import Training

extension SweepCommand {
  /// `--cv K`: the cross-validated path (`CrossValidation.path`), reported and, with `--plot`,
  /// drawn with the CV loss band and the λ_min / λ_1se markers.
  func runCrossValidated(_ prepared: PreparedExperiment, lanes: [Lane], folds: Int, template: SweepTemplate,
                         report: Destination, figure: Destination?) throws {
    let grid = lambdas
    // Never cancelled here (a signal ends the process), so the path is always there.
    let path = CrossValidation.path(prepared, lambdas: grid, lanes: lanes, folds: folds, epochs: epochs, parallelism: 2)!
    let train = prepared.data.train
    try report.write(SweepCVReport.render(path, format: format, swept: template.label, features: train.featureNames,
                                          informative: train.informative))
    try report.finish()
    if let figure {
      let rows = path.points.map { (lambda: Double($0.lambda), zeroFraction: $0.zeroFraction, valAccuracy: $0.valAccuracy) }
      try figure.write(SweepPlot.svg(rows: rows, type: template.label,
                                     paths: .init(train, norms: path.points.map(\.featureNorms)), cv: path))
      try figure.finish()
    }
  }
}
