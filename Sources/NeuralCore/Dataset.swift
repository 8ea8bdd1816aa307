/// A classification data set held in memory.
public struct Dataset: Sendable, Hashable {
  /// "iris", "sparse", or the CSV file's name.
  public var name: String
  /// Samples, row-major: (count, featureCount), `features[n * featureCount + i]`.
  public var features: [Float]
  /// Class index of each sample, 0..<classCount: (count).
  public var labels: [Int32]
  public var featureNames: [String]
  /// Class names in class-index order.
  public var classNames: [String]
  /// Indices of the features known to carry signal (synthetic data only), else nil.
  public var informative: [Int]?
  /// Groups of strongly correlated informative features (column indices), when the data set
  /// was made that way (`CorrelatedDataset`), else nil.
  public var groups: [[Int]]?
  /// The features as the pixels of a picture (digits; a CSV with `--image WxH`), else nil.
  public var image: ImageShape?

  public init(name: String, features: [Float], labels: [Int32], featureNames: [String],
              classNames: [String], informative: [Int]? = nil, groups: [[Int]]? = nil,
              image: ImageShape? = nil) {
    precondition(features.count == labels.count * featureNames.count, "dataset shape mismatch")
    self.name = name
    self.features = features
    self.labels = labels
    self.featureNames = featureNames
    self.classNames = classNames
    self.informative = informative
    self.groups = groups
    self.image = image
  }

  public var count: Int { labels.count }
  public var featureCount: Int { featureNames.count }
  public var classCount: Int { classNames.count }

  /// The samples at `indices`, in that order.
  public func subset(_ indices: [Int]) -> Dataset {
    var f: [Float] = []
    f.reserveCapacity(indices.count * featureCount)
    for n in indices { f.append(contentsOf: features[(n * featureCount)..<((n + 1) * featureCount)]) }
    return Dataset(name: name, features: f, labels: indices.map { labels[$0] },
                   featureNames: featureNames, classNames: classNames, informative: informative, groups: groups, image: image)
  }
}
