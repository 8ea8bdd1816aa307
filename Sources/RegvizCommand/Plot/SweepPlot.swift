import Foundation
import NeuralCore
import Training

/// `regviz sweep --plot`: the regularization path against log λ — exact zeros, validation
/// accuracy, each input feature's first-layer row norm (its coefficient path; ★ informative
/// features in colour, noise features grey and dashed) and, with `--cv`, the CV loss with its
/// ±1 standard-error band and the λ_min / λ_1se markers.
enum SweepPlot {
  /// Per grid λ, each feature's first-layer row norm: (λ)(features).
  struct Paths {
    var names: [String]
    var informative: Set<Int>
    var norms: [[Float]]

    init(_ data: Dataset, norms: [[Float]]) {
      names = data.featureNames
      informative = Set(data.informative ?? [])
      self.norms = norms
    }
  }

  static func svg(rows: [(lambda: Double, zeroFraction: Double, valAccuracy: Double?)], type: String, paths: Paths,
                  cv: CrossValidation.Path? = nil) -> String {
    let xs = rows.map(\.lambda)
    let zeros = SVGChart(title: "Exact zeros vs λ", xLabel: "λ (\(type), log scale)", yLabel: "w = 0",
                         series: [.init(name: "zeros", lane: 1, xs: xs, ys: rows.map(\.zeroFraction))],
                         logX: true, percentY: true, x: 80, y: 80, width: 380, height: 240)
    let acc = SVGChart(title: "Validation accuracy vs λ", xLabel: "λ (\(type), log scale)", yLabel: "val acc",
                       series: [.init(name: "val_acc", lane: 0, xs: xs, ys: rows.map { $0.valAccuracy ?? .nan })],
                       logX: true, percentY: true, x: 560, y: 80, width: 380, height: 240)
    var coloured = 0
    let features = paths.names.indices.map { i -> SVGChart.Series in
      let star = paths.informative.contains(i)
      defer { if star { coloured += 1 } }
      return SVGChart.Series(name: paths.names[i] + (star ? " ★" : ""), lane: star ? coloured : 0, xs: xs,
                             ys: paths.norms.map { i < $0.count ? Double($0[i]) : .nan }, dashed: !star,
                             color: star ? nil : "#9a9a9a")
    }
    let coefficients = SVGChart(title: "Coefficient paths (first-layer row norms)",
                                xLabel: "λ (\(type), log scale)", yLabel: "‖w_i‖₂", series: features,
                                logX: true, x: 80, y: 400, width: 380, height: 240)
    var body = zeros.svg + acc.svg + coefficients.svg
    if let cv {
      let mean = cv.points.map(\.cvMean), se = cv.points.map(\.cvStandardError)
      var series: [SVGChart.Series] = [
        .init(name: "CV loss", lane: 0, xs: xs, ys: mean),
        .init(name: "+1 s.e.", lane: 0, xs: xs, ys: zip(mean, se).map { $0 + $1 }, dashed: true),
        .init(name: "−1 s.e.", lane: 0, xs: xs, ys: zip(mean, se).map { $0 - $1 }, dashed: true),
      ]
      let finite = zip(mean, se).flatMap { [$0 - $1, $0 + $1] }.filter(\.isFinite)
      let (lo, hi) = (finite.min() ?? 0, finite.max() ?? 1)
      for (name, index, color) in [("λ_min", cv.minIndex, "#222222"), ("λ_1se", cv.oneSEIndex, "#777777")] {
        guard let index else { continue }
        series.append(.init(name: name, lane: 0, xs: [xs[index], xs[index]], ys: [lo, hi], dashed: name == "λ_1se", color: color))
      }
      let loss = SVGChart(title: "\(cv.folds)-fold CV loss ± s.e.; λ_min │ λ_1se ┆",
                          xLabel: "λ (\(type), log scale)", yLabel: "CV loss", series: series,
                          logX: true, x: 560, y: 400, width: 380, height: 240)
      body += loss.svg
    }
    body += RunPlot.legend(paths.names.indices.filter { paths.informative.contains($0) }.map { paths.names[$0] + " ★" }, y: 720)
    return svgDocument(width: 1000, height: 740, title: "Regularization path (\(type))", body: body)
  }
}
