import Canvas
import Foundation
import Training

/// `regviz sweep --cv K`: the cross-validated regularization path as JSONL, CSV or a table.
/// One row per λ: the CV loss (mean ± standard error over the K folds), the weights still
/// non-zero, the whole-training-part run's accuracies and each feature's first-layer row norm;
/// λ_min and λ_1se marked (JSONL ends with a summary line holding both).
enum SweepCVReport {
  /// The columns of a point, in order, as JSONL keys and the CSV header name them.
  static func cells(_ p: CrossValidation.Point, mark: String) -> [(String, ReportRow.Cell)] {
    [("lambda", .number(Double(p.lambda))), ("cv_loss", .number(p.cvMean)), ("cv_se", .number(p.cvStandardError)),
     ("nonzero", .int(p.nonZero)), ("weights", .int(p.weights)), ("zero_fraction", .number(p.zeroFraction)),
     ("val_acc", .number(p.valAccuracy)), ("acc", .number(p.accuracy)), ("l2_norm", .number(p.l2Norm)),
     ("diverged", .flag(p.diverged)), ("mark", .text(mark))]
  }

  static func mark(_ path: CrossValidation.Path, _ i: Int) -> String {
    [path.minIndex == i ? "min" : nil, path.oneSEIndex == i ? "1se" : nil].compactMap { $0 }.joined(separator: ",")
  }

  struct Line: Encodable {
    var cells: [(String, ReportRow.Cell)]
    var norms: [ReportRow.Cell]
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: Key.self)
      for (k, v) in cells { try c.encode(v, forKey: Key(k)) }
      try c.encode(norms, forKey: Key("feature_norms"))
    }
  }

  struct Summary: Encodable {
    var lambdaMin: Double?
    var lambdaOneSE: Double?
    var folds: Int
    var swept: String
    var features: [String]
    /// 0-based indices of the informative features (★), when the data set knows them.
    var informative: [Int]?
    enum CodingKeys: String, CodingKey {
      case lambdaMin = "lambda_min", lambdaOneSE = "lambda_1se", folds, swept, features, informative
    }
  }

  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
  }

  static func render(_ path: CrossValidation.Path, format: ReportFormat, swept: String, features: [String],
                     informative: [Int]?) -> String {
    let rows = path.points.enumerated().map { i, p in (cells(p, mark: mark(path, i)), p.featureNorms.map { ReportRow.Cell.number(Double($0)) }) }
    switch format {
    case .jsonl:
      let summary = Summary(lambdaMin: path.lambdaMin.map(Double.init), lambdaOneSE: path.lambdaOneSE.map(Double.init),
                            folds: path.folds, swept: swept, features: features, informative: informative)
      return rows.map { JSONLines.line(Line(cells: $0.0, norms: $0.1)) }.joined() + JSONLines.line(summary)
    case .csv:
      let header = rows.first?.0.map(\.0) ?? []
      let head = (header + features.map { csv("w_\($0)") }).joined(separator: ",")
      return ([head] + rows.map { ($0.0.map(\.1.csv) + $0.1.map(\.csv)).joined(separator: ",") }).joined(separator: "\n") + "\n"
    case .table:
      let marks = Set(informative ?? [])
      let headers = ShortName.abbreviate(features).enumerated().map { $0.element + (marks.contains($0.offset) ? "★" : "") }
      var table = [["λ", "", "CV loss", "± s.e.", "non-0", "val acc"] + headers]
      for (i, p) in path.points.enumerated() {
        let m = mark(path, i).replacingOccurrences(of: "min", with: "◆min").replacingOccurrences(of: "1se", with: "◇1se")
        table.append([String(format: "%.3g", p.lambda), m, number(p.cvMean, "%.4f"), number(p.cvStandardError, "%.4f"),
                      "\(p.nonZero)", p.valAccuracy.map { number($0, "%.3f") } ?? "–"]
                     + p.featureNorms.map { $0 == 0 ? "·" : number(Double($0), "%.2f") })
      }
      let chosen = "λ_min = \(path.lambdaMin.map { String(format: "%.3g", $0) } ?? "–") (lowest mean CV loss), "
        + "λ_1se = \(path.lambdaOneSE.map { String(format: "%.3g", $0) } ?? "–") (largest λ within one s.e. of it)\n"
      return "\(path.folds)-fold cross-validation sweeping \(swept); CV loss = held-out cross-entropy; "
        + "first-layer row norm per feature (★ informative; · exactly 0)\n"
        + TableFold.render(table, rightAligned: { $0 != 1 }, width: TableFold.width(), keep: 2) + chosen
    }
  }

  /// `v` in `format`; a value that is not finite (a diverged run, a feature scaled by 1e30) is
  /// missing, `–`, as everywhere in the tables — never glibc's `-nan`.
  static func number(_ v: Double, _ format: String) -> String { v.isFinite ? String(format: format, v) : "–" }
}
