import NeuralCore
import RegvizData

/// How often each lane keeps each input feature when the same setup is trained under several
/// run seeds (initial weights, split and batch order change; the data set's own seed does not).
/// A feature is kept when the network still reads it (`readInputs`): a first-layer weight
/// leaving it of at least the near-zero threshold (`ExperimentConfig.nearZeroThreshold`, 1e-3),
/// towards a unit that reaches the output; prox-L1 drops a feature by zeroing its whole row. Inside a correlated group this is where L1's pick shows its arbitrariness.
public struct SelectionFrequency: Sendable, Hashable {
  public var seeds: [UInt64]
  public var laneNames: [String]
  public var laneSpecs: [String]
  public var featureNames: [String]
  /// Informative features and correlated groups of the data set (column indices), if known.
  public var informative: [Int]?
  public var groups: [[Int]]?
  /// Seeds under which lane l kept feature i: (lanes, features).
  public var kept: [[Int]]
  /// First-layer row norm of feature i under lane l, summed over the seeds: (lanes, features).
  public var magnitudeSum: [[Double]]
  /// Seeds measured so far (a background run fills in seed by seed).
  public var done: Int

  /// The fraction of the seeds measured so far under which lane `lane` kept `feature`.
  public func frequency(lane: Int, feature: Int) -> Double {
    done == 0 ? .nan : Double(kept[lane][feature]) / Double(done)
  }

  /// Mean first-layer row norm of `feature` under `lane` over the seeds measured so far.
  public func meanMagnitude(lane: Int, feature: Int) -> Double {
    done == 0 ? .nan : magnitudeSum[lane][feature] / Double(done)
  }

  /// Seeds `first`, `first + 1`, … : `count` of them.
  public static func seedList(from first: UInt64, count: Int) -> [UInt64] {
    (0..<UInt64(max(count, 0))).map { first &+ $0 }
  }

  /// An empty tally for `config`'s lanes over `seeds` (names are filled in by the first seed).
  init(config: ExperimentConfig, seeds: [UInt64]) {
    self.seeds = seeds
    laneNames = config.lanes.map(\.name)
    laneSpecs = config.lanes.map { $0.spec.description }
    featureNames = []
    kept = []
    magnitudeSum = []
    done = 0
  }

  /// Adds one seed's final networks.
  /// `bands`: per lane, per layer, the size below which a weight counts as 0 (`zeroBands`);
  /// missing ones are `threshold`.
  mutating func add(networks: [Network], data: Dataset, threshold: Float, bands: [[Float]] = []) {
    if done == 0 {
      featureNames = data.featureNames
      informative = data.informative
      groups = data.groups
      kept = networks.map { _ in [Int](repeating: 0, count: data.featureCount) }
      magnitudeSum = networks.map { _ in [Double](repeating: 0, count: data.featureCount) }
    }
    for (l, network) in networks.enumerated() {
      let first = network.layers[0]
      let reads = Self.readInputs(network, thresholds: l < bands.count ? bands[l] : [threshold])
      for i in 0..<first.inputs {
        var squares: Float = 0
        for o in 0..<first.units { let w = first.kernel[i * first.units + o]; squares += w * w }
        if reads[i] { kept[l][i] += 1 }
        magnitudeSum[l][i] += Double(squares.squareRoot())
      }
    }
    done += 1
  }

  /// Per input feature: whether the network still reads it — a weight outside its layer's zero
  /// band (`thresholds[l]`, the last for deeper layers) leaves it towards a unit from which a
  /// chain of such weights reaches the output. A network with a layer of zero-band weights only
  /// (a dead lane) reads no input at all.
  static func readInputs(_ network: Network, thresholds: [Float]) -> [Bool] {
    let band = { (l: Int) in thresholds.isEmpty ? 0 : thresholds[min(l, thresholds.count - 1)] }
    // Backwards from the outputs: the units whose value can still reach one.
    var alive = [Bool](repeating: true, count: network.classCount)
    for (l, layer) in network.layers.enumerated().dropFirst().reversed() {
      alive = (0..<layer.inputs).map { u in
        (0..<layer.units).contains { v in alive[v] && abs(layer.kernel[u * layer.units + v]) >= band(l) }
      }
    }
    let first = network.layers[0]
    return (0..<first.inputs).map { i in
      (0..<first.units).contains { u in alive[u] && abs(first.kernel[i * first.units + u]) >= band(0) }
    }
  }

  /// Per layer of `lane`, the size below which a weight counts as 0: the near-zero threshold
  /// (as the ≈0 gauge counts), and under the subgradient rule at least one L1 step — lr·λ₁,
  /// over 1 − momentum, or lr under Adam. That rule carries a weight past 0.0 instead of onto
  /// it, so L1's zeros hover within a step of 0 and never reach it (issue 23 item 13: `f` read
  /// 100% kept for every lane, a dead one at val acc .33 included).
  static func zeroBands(_ lane: Lane, config: ExperimentConfig) -> [Float] {
    let subgradient = (lane.spec.l1Rule ?? config.l1Rule) == .subgradient
    let step: Float = switch config.optimizer {
    case .sgd(let lr, let momentum): lr / max(1e-3, 1 - momentum)
    case .adam(let lr, _, _, _): lr
    }
    let adam = if case .adam = config.optimizer { true } else { false }
    return lane.regularizers.map { r in
      let lambda1: Float = adam ? (r.lambda1 > 0 ? 1 : 0) : r.lambda1
      return max(config.nearZeroThreshold, subgradient ? step * lambda1 : 0)
    }
  }

  /// Trains `config` to `epochs` under every seed, one after another (each seed's lanes in
  /// parallel, at most `parallelism` at once), handing the tally to `progress` after each seed;
  /// `progress` returns false to stop early, and so does `cancelled` (asked every epoch when
  /// `parallelism` is 1, after each seed otherwise). Deterministic: a seed's result depends on the
  /// configuration and that seed only.
  public static func measure(
    _ config: ExperimentConfig, seeds: [UInt64], epochs: Int, parallelism: Int = 2,
    locator: ResourceLocator = ResourceLocator(),
    cancelled: () -> Bool = { false },
    progress: (SelectionFrequency) -> Bool = { _ in true }
  ) throws(ConfigError) -> SelectionFrequency {
    var tally = SelectionFrequency(config: config, seeds: seeds)
    for seed in seeds {
      var c = config
      c.seed = seed
      let prepared = try PreparedExperiment(c, locator: locator)
      let networks: [Network]
      if parallelism <= 1 {
        // On the calling thread (the dashboard's job lowered its priority), a lane at a time,
        // `cancelled` asked every epoch: a dropped job stops within an epoch, not a seed.
        var trainers = LaneTrainer.starting(prepared)
        for i in trainers.indices {
          while trainers[i].epoch < epochs, trainers[i].trainEpoch(prepared) != nil {
            if cancelled() { return tally }
          }
        }
        networks = trainers.map(\.learner.network)
      } else {
        networks = HeadlessRun.run(prepared, lanes: prepared.lanes, epochs: epochs, parallelism: parallelism) { _ in false }
          .lanes.map(\.learner.network)
      }
      tally.add(networks: networks, data: prepared.data.train, threshold: config.nearZeroThreshold,
                bands: prepared.lanes.map { zeroBands($0, config: c) })
      if cancelled() || !progress(tally) { break }
    }
    return tally
  }
}
