import Foundation
import Testing

/// `regviz sweep --cv K` and `--lane` as the sweep's template, through the binary.
@Suite struct SweepCVTests {
  struct Run {
    var points: [[String: Any]]
    var summary: [String: Any]
    var lambdas: [Double] { points.map { $0["lambda"] as! Double } }
    var norms: [[Double]] { points.map { ($0["feature_norms"] as! [Any]).map { ($0 as? Double) ?? .nan } } }
  }

  static func jsonl(_ arguments: [String]) throws -> Run {
    let r = try CLI.run(["sweep", "--format", "jsonl"] + arguments)
    #expect(r.status == 0, "\(r.stderr)")
    let objects = try r.stdout.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
    try #require(!objects.isEmpty)
    return Run(points: Array(objects.dropLast()), summary: objects.last!)
  }

  /// On the held-back `sparse` split: λ_min and λ_1se reproducible for a seed, and the four
  /// informative features the last to reach zero along the path.
  @Test func sparsePathIsReproducibleAndKeepsTheInformativeFeaturesLongest() throws {
    let args = ["--cv", "5", "--from", "0.01", "--to", "0.1", "--points", "11", "--epochs", "300", "--seed", "1"]
    let a = try Self.jsonl(args), b = try Self.jsonl(args)
    let lambdaMin = try #require(a.summary["lambda_min"] as? Double)
    let oneSE = try #require(a.summary["lambda_1se"] as? Double)
    #expect(lambdaMin == b.summary["lambda_min"] as? Double && oneSE == b.summary["lambda_1se"] as? Double)
    #expect(oneSE >= lambdaMin)
    #expect(a.points.count == 11 && a.summary["folds"] as? Int == 5 && a.summary["swept"] as? String == "l1")
    // λ_min has the lowest mean; λ_1se is the largest λ within one s.e. of it.
    let means = a.points.map { $0["cv_loss"] as! Double }, ses = a.points.map { $0["cv_se"] as! Double }
    let best = means.indices.min { means[$0] < means[$1] }!
    #expect(a.lambdas[best] == lambdaMin)
    #expect(a.lambdas[means.indices.filter { $0 >= best && means[$0] <= means[best] + ses[best] }.max()!] == oneSE)
    // Zero onset: the first grid point from which a feature's row stays exactly 0.
    let stars = Set(try #require(a.summary["informative"] as? [Int]))
    #expect(stars.count == 4)
    func onset(_ i: Int) -> Int {
      var k = a.norms.count
      while k > 0 && a.norms[k - 1][i] == 0 { k -= 1 }
      return k
    }
    let features = a.norms[0].indices
    let lastNoise = features.filter { !stars.contains($0) }.map(onset).max()!
    let firstStar = stars.map(onset).min()!
    #expect(firstStar > lastNoise, "★ zero at \(firstStar), a noise feature lives until \(lastNoise)")
  }

  @Test func laneIsTheTemplateOfWhatIsSwept() throws {
    let common = ["--points", "2", "--epochs", "3", "--hidden", "4"]
    let byLane = try CLI.run(["sweep", "--lane", "l2=0.1", "--format", "csv"] + common)
    let byType = try CLI.run(["sweep", "--type", "l2", "--format", "csv"] + common)
    let l1 = try CLI.run(["sweep", "--format", "csv"] + common)
    #expect(byLane.status == 0 && byLane.stdout == byType.stdout, "\(byLane.stderr)")
    #expect(byLane.stdout != l1.stdout)
    let elastic = try Self.jsonl(["--cv", "2", "--lane", "l1=0.01,l2=0.03"] + common)
    #expect(elastic.summary["swept"] as? String == "elastic net, l1:l2 = 1:3")
    let two = try CLI.run(["sweep", "--lane", "l1=0.1", "--lane", "l2=0.1"] + common)
    #expect(two.status != 0 && two.stderr.contains("--lane: sweep takes one regularized lane"), "\(two.stderr)")
    let both = try CLI.run(["sweep", "--lane", "l1=0.1", "--type", "l2"] + common)
    #expect(both.status != 0 && both.stderr.contains("--type"))
    let badCV = try CLI.run(["sweep", "--cv", "1"] + common)
    #expect(badCV.status != 0 && badCV.stderr.contains("--cv: must be 2…20"))
  }
}

/// Teacher presets are lesson-format files: `regviz lessons check` validates them and
/// `regviz play --preset` refuses a bad one with a one-line error.
@Suite struct PresetFileTests {
  @Test func theShippedPresetChecksAndBadOnesAreNamed() throws {
    let good = CLI.repo.appendingPathComponent("lessons/presets/l1-lambda-only.md").path
    let ok = try CLI.run(["lessons", "check", good])
    #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
    let dir = CLI.temporaryDirectory()
    let bad = dir.appendingPathComponent("bad.md")
    try "---\ntitle: T\nsummary: S\nminutes: 3\n---\n\n## S\n\n```regviz\ndataset: sparse\nkeys: lambda, speed\n```\n"
      .write(to: bad, atomically: true, encoding: .utf8)
    let r = try CLI.run(["lessons", "check", bad.path])
    #expect(r.status != 0)
    #expect((r.stdout + r.stderr).contains("bad.md:11:15: 'speed' is not a key a step can allow"), "\(r.stdout)\(r.stderr)")
    let play = try CLI.run(["play", "--preset", bad.path])
    #expect(play.status != 0 && play.stderr.hasPrefix("regviz: --preset: ") && play.stderr.contains("bad.md:11:15"), "\(play.stderr)")
    let empty = dir.appendingPathComponent("empty.md")
    try "---\ntitle: T\nsummary: S\nminutes: 3\n---\n\n## S\n\nText.\n".write(to: empty, atomically: true, encoding: .utf8)
    let none = try CLI.run(["play", "--preset", empty.path])
    #expect(none.stderr.contains("the first step needs a regviz block that sets up the experiment"), "\(none.stderr)")
  }
}

/// Issue 25, case 3 headless: a feature scaled by 1e30 without standardizing leaves every row
/// norm NaN; the table shows them missing (`–`), as it shows a diverged CV loss, never `-nan`.
@Suite struct SweepCVNonFiniteTests {
  @Test func aDivergedPathPrintsDashesNotNan() throws {
    let r = try CLI.run(["sweep", "--cv", "3", "--scale-feature", "x1:1e30", "--no-standardize", "--points", "3",
                         "--epochs", "20"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdout.lowercased().contains("nan"), "\(r.stdout)")
    #expect(r.stdout.contains("–"), "\(r.stdout)")
  }
}
