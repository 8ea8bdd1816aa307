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
  /// The 8×8 hand-written digits (UCI, Alpaydin & Kaynak 1998), shipped in `assets/digits.csv`:
  /// 1 797 rows, 64 pixels 0–16, classes 0–9. Its inputs form an 8×8 picture.
  case digits
  /// Synthetic: groups of features that correlate `correlation` (`CorrelatedDataset`), plus noise.
  case correlated(Float)
  case csv(path: String, label: LabelColumn = .last)

  /// The built-in data sets, in the order the dashboard's `d` key cycles through them.
  public static let builtIn: [DataSource] = [.sparse, .iris, .correlated(CorrelatedDataset.defaultCorrelation), .digits]
  /// Every data set known by name (what `--dataset <TAB>` offers besides CSV files).
  public static let named: [DataSource] = [.sparse, .iris, .digits]

  /// The built-in data set's name without its parameter (`correlated` for `correlated:0.5`), or the
  /// CSV path as given.
  public var name: String {
    if case .correlated = self { return "correlated" }
    return description
  }

  /// `sparse`, `iris`, `digits`, or the CSV path as given.
  public var description: String {
    switch self {
    case .sparse: return "sparse"
    case .iris: return "iris"
    case .digits: return "digits"
    case .correlated(let rho): return "correlated:\(formatStrength(rho))"
    case .csv(let path, _): return path
    }
  }

  /// `iris`, `sparse`, `digits`, `correlated[:ρ]` (ρ in [0, 0.99]), or a path ending in `.csv`; nil for
  /// anything else.
  public init?(_ text: String, label: LabelColumn = .last) {
    switch text {
    case "sparse": self = .sparse
    case "iris": self = .iris
    case "digits": self = .digits
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

  /// The digits are 8×8 pictures.
  public static let digitsImage = ImageShape(width: 8, height: 8)

  /// A shipped file's path, or an error naming where it was looked for.
  static func shipped(_ relative: String, locator: ResourceLocator) throws(DataError) -> String {
    guard let path = locator.find(relative) else {
      throw DataError(path: relative, "not found; searched \(locator.searchDirectories.joined(separator: ", ")) (set REGVIZ_DATA_DIR)")
    }
    return path
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
      return try CSVDataset.load(path: try DataSource.shipped("assets/iris.csv", locator: locator), label: .last, name: "iris")
    case .digits:
      var data = try CSVDataset.load(path: try DataSource.shipped("assets/digits.csv", locator: locator), label: .last, name: "digits")
      let image = DataSource.digitsImage
      guard data.featureCount == image.pixels else {
        throw DataError(path: "assets/digits.csv", "has \(data.featureCount) pixel columns, expected \(image.pixels) (8×8)")
      }
      // Pixels named by row and column, 1-based: r1c1 is the top-left corner.
      data.featureNames = (0..<image.pixels).map { "r\($0 / image.width + 1)c\($0 % image.width + 1)" }
      data.image = image
      return data
    case .csv(let path, let label):
      return try CSVDataset.load(path: path, label: label, progress: progress)
    }
  }
}
