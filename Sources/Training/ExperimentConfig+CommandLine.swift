import NeuralCore
import RegvizData

extension ExperimentConfig {
  /// The `regviz run` command line of this experiment, JSONL out: what an exported script
  /// names as the run it reproduces. Only flags away from their defaults are written.
  public func commandLine(epochs: Int) -> String {
    var args = ["regviz", "run"]
    func add(_ flag: String, _ value: String) { args += [flag, Self.shellQuoted(value)] }
    let defaults = ExperimentConfig()
    switch dataset {
    case .sparse: break
    case .iris: add("--dataset", "iris")
    case .digits: add("--dataset", "digits")
    case .correlated: add("--dataset", dataset.description)
    case .csv(let path, let label):
      add("--dataset", path)
      switch label {
      case .last: break
      case .index(let i): add("--label-column", String(i + 1))
      case .name(let name): add("--label-column", name)
      }
    }
    if hidden != defaults.hidden { add("--hidden", hidden.isEmpty ? "none" : hidden.map(String.init).joined(separator: ",")) }
    if activation != defaults.activation { add("--activation", activation.rawValue) }
    for lane in lanes {
      add("--lane", lane.name == lane.spec.defaultName ? lane.spec.description : "\(lane.name) = \(lane.spec.description)")
    }
    add("--l1-rule", l1Rule.rawValue)
    add("--optimizer", optimizer.name)
    add("--lr", formatStrength(optimizer.learningRate))
    if case .sgd(_, let m) = optimizer, m != 0 { add("--momentum", formatStrength(m)) }
    add("--batch-size", batchSize.map(String.init) ?? "full")
    if seed != defaults.seed { add("--seed", String(seed)) }
    if validationSplit != defaults.validationSplit { add("--val-split", "\(validationSplit)") }
    if let featureScale { add("--scale-feature", featureScale.description) }
    if let image { add("--image", image.description) }
    if !standardize { args.append("--no-standardize") }
    add("--epochs", String(epochs))
    add("--format", "jsonl")
    return args.joined(separator: " ")
  }

  /// `value` as one shell word: as it is when plain, else in single quotes.
  static func shellQuoted(_ value: String) -> String {
    let plain = value.allSatisfy { $0.isLetter || $0.isNumber || "-_.,=/:+@%".contains($0) }
    return plain && !value.isEmpty ? value : "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
