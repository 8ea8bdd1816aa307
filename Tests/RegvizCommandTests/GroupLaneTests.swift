import Foundation
import NeuralCore
import RegvizData
import Testing

/// `group=λ` against `l1=λ` from one start on `sparse` (issue 27): L1 zeroes weights, the group
/// lasso drops whole inputs.
@Suite struct GroupLaneTests {
  /// First-layer rows (inputs) whose every weight is exactly 0, and exact zero weights.
  static func dropped(_ lane: WeightDump.Lane) -> (rows: Set<Int>, zeros: Int) {
    let kernel = lane.weights.layers[0].kernel
    let rows = kernel.indices.filter { kernel[$0].allSatisfy { $0 == 0 } }
    return (Set(rows), kernel.reduce(0) { $0 + $1.filter { $0 == 0 }.count })
  }

  /// Full batch, lr 0.1, 200 epochs, prox: at group=0.08 all 16 noise rows are exactly 0 and
  /// the four ★ rows live; L1 at 0.02 zeroes more single weights yet drops only a few inputs.
  @Test func groupDropsWholeNoiseRowsWhereL1LeavesThemReading() throws {
    let dump = CLI.temporaryDirectory().appendingPathComponent("w.json")
    let r = try CLI.run(["run", "--dataset", "sparse", "--hidden", "16,16", "--lane", "l1=0.02", "--lane", "group=0.08",
                         "--optimizer", "sgd", "--lr", "0.1", "--batch-size", "full", "--epochs", "200",
                         "--format", "jsonl", "--dump-weights", dump.path])
    #expect(r.status == 0, "\(r.stderr)")
    let lanes = try JSONDecoder().decode(WeightDump.self, from: Data(contentsOf: dump)).lanes
    let informative = try #require(SparseDataset.make(seed: 1).informative)
    let noise = Set(0..<20).subtracting(informative)
    #expect(informative.count == 4)
    let l1 = Self.dropped(lanes[0]), group = Self.dropped(lanes[1])
    #expect(group.rows == noise, "group drops exactly the noise inputs: \(group.rows.sorted())")
    #expect(l1.rows.isSubset(of: noise) && l1.rows.count < noise.count / 2, "L1's dropped inputs: \(l1.rows.sorted())")
    #expect(l1.zeros > group.zeros, "L1 zeroes more weights (\(l1.zeros) vs \(group.zeros)) yet drops fewer inputs")
    // The validation accuracy holds: the group lane kept what carries the class.
    let last = r.stdout.split(separator: "\n").last { $0.contains("\"name\":\"Group\"") }
    let row = try JSONSerialization.jsonObject(with: Data(try #require(last).utf8)) as? [String: Any]
    #expect((row?["val_acc"] as? Double ?? 0) >= 0.9)
  }

  @Test func kerasScriptDefinesGroupLassoOnlyWhenALaneHasIt() throws {
    let base = ["run", "--dataset", "iris", "--epochs", "2", "--keras"]
    let with = try CLI.run(base + ["--lane", "none", "--lane", "1:l1=0.01,group=0.02;2:group=0.01"])
    #expect(with.status == 0, "\(with.stderr)")
    #expect(with.stdout.contains("class GroupLasso(keras.regularizers.Regularizer):"))
    #expect(with.stdout.contains("[None, None, None]"))
    #expect(with.stdout.contains("[GroupLasso(0.02, l1=0.01), GroupLasso(0.01), None]"))
    #expect(with.stdout.contains("def get_config(self):"))
    let without = try CLI.run(base + ["--lane", "l1=0.01"])
    #expect(!without.stdout.contains("GroupLasso"))
  }

  @Test func summaryNamesTheClass() throws {
    let r = try CLI.run(["run", "--dataset", "iris", "--epochs", "1", "--lane", "l2=0.01,group=0.05", "--summary"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("GroupLasso(0.05, l2=0.01)"))
    #expect(r.stdout.contains("L2+Group kernel_regularizer"))
  }
}
