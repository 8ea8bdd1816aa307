import NeuralCore

/// Which CSV column holds the label.
public enum LabelColumn: Sendable, Hashable {
  case last
  /// 0-based.
  case index(Int)
  /// Needs a header row.
  case name(String)
}

/// Where an experiment's data comes from: a built-in data set or a user's CSV file. Typed from
/// the flag or lesson directive on, so nothing downstream re-parses a name.
public enum DataSource: Sendable, Hashable, CustomStringConvertible {
  /// Synthetic: 20 features, 4 informative (`SparseDataset`), drawn from the data seed.
  case sparse
  /// Fisher's Iris, shipped in `assets/iris.csv`.
  case iris
  /// Synthetic: groups of features that correlate `correlation` (`CorrelatedDataset`), plus noise.
  case correlated(Float)
  case csv(path: String, label: LabelColumn = .last)

  /// The built-in data sets, in the order the dashboard's `d` key cycles through them.
  public static let builtIn: [DataSource] = [.sparse, .iris]

  /// `sparse`, `iris`, or the CSV path as given.
  public var description: String {
    switch self {
    case .sparse: return "sparse"
    case .iris: return "iris"
    case .correlated(let rho): return "correlated:\(formatStrength(rho))"
    case .csv(let path, _): return path
    }
  }

  /// `iris`, `sparse`, `correlated[:ρ]` (ρ in [0, 0.99]), or a path ending in `.csv`; nil for
  /// anything else.
  public init?(_ text: String, label: LabelColumn = .last) {
    switch text {
    case "sparse": self = .sparse
    case "iris": self = .iris
    case "correlated": self = .correlated(CorrelatedDataset.defaultCorrelation)
    case _ where text.hasPrefix("correlated:"):
      // ρ in [0, 0.99]: at 1 the members would be copies and the data set could not be drawn.
      guard let rho = Float(text.dropFirst("correlated:".count)), rho >= 0, rho <= 0.99 else { return nil }
      self = .correlated(rho)
    default:
      guard text.lowercased().hasSuffix(".csv"), text.count > 4 else { return nil }
      self = .csv(path: text, label: label)
    }
  }

  /// The data, read through `locator` for shipped files. `seed` fixes the synthetic data.
  /// `progress` hears the fraction of a CSV file read so far (on the calling thread).
  public func load(seed: UInt64, locator: ResourceLocator = ResourceLocator(),
                   progress: (@Sendable (Double) -> Void)? = nil) throws(DataError) -> Dataset {
    switch self {
    case .sparse:
      return SparseDataset.make(seed: seed)
    case .correlated(let rho):
      return CorrelatedDataset.make(correlation: rho, seed: seed)
    case .iris:
      guard let path = locator.find("assets/iris.csv") else {
        throw DataError(path: "assets/iris.csv", "not found; searched \(locator.searchDirectories.joined(separator: ", ")) (set REGVIZ_DATA_DIR)")
      }
      return try CSVDataset.load(path: path, label: .last, name: "iris")
    case .csv(let path, let label):
      return try CSVDataset.load(path: path, label: label, progress: progress)
    }
  }
}
