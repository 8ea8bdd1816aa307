import NeuralCore
import Training

/// What the dashboard has seen, epoch by epoch, to look back at while paused (scrub-back):
/// every lane's weights, statistics and figures at each recorded epoch. Bounded: the newest
/// `recent` epochs are kept one by one; older ones are thinned (every other one dropped) each
/// time the store reaches `capacity` entries or `budget` bytes, so a long run keeps its whole
/// span at a coarser step. A snapshot from an earlier epoch than the last recorded (a reset, a
/// new setup) starts over.
///
/// Memory: an entry holds one `Frame` per lane, the network's floats and the weight
/// statistics: for 8 lanes of 20-16-16-3 about 8 × 3.9 KB, so the 1 536 entries stay under
/// 48 MB. A wide network reaches the byte budget first (64 MB: four lanes of 1024×1024 are
/// 17 MB an entry, so three entries; a 10 000-layer model of 4 units about 2.6 MB a lane), and an entry larger than
/// the whole budget is not kept (4096×4096: 270 MB an entry) — scrub-back then has nothing to
/// show, which costs less than 26 GB (issue 25). `regviz bench` measures both.
public struct ScrubHistory: Sendable {
  /// One lane at one epoch: what the panels read.
  public struct Frame: Sendable {
    public var epoch: Int
    public var latest: EpochRecord?
    public var stats: WeightStats
    public var network: Network
    public var divergedAt: Int?
  }

  public struct Entry: Sendable {
    public var epoch: Int
    public var lanes: [Frame]
    /// What its arrays hold (`ByteSize`), counted once when recorded.
    public var bytes: Int
  }

  /// The default byte budget: 64 MB whatever the network's size.
  public static let defaultBudget = 64 << 20

  public private(set) var entries: [Entry] = []
  public let capacity: Int
  public let recent: Int
  /// Bytes the entries may hold together.
  public let budget: Int
  /// The bytes the entries hold (weights, biases, the statistics' arrays).
  public private(set) var bytes = 0

  public init(capacity: Int = 1536, recent: Int = 512, budget: Int = ScrubHistory.defaultBudget) {
    self.capacity = max(capacity, 4)
    self.recent = min(max(recent, 1), self.capacity / 2)
    self.budget = max(budget, 0)
  }

  /// Records `snapshot` (once per epoch; a repeated epoch replaces the entry).
  public mutating func record(_ snapshot: ExperimentSnapshot) {
    let epoch = snapshot.epoch
    guard epoch > 0 else { removeAll(); return }
    if let last = entries.last, epoch < last.epoch { removeAll() }
    let frames = snapshot.lanes.map {
      Frame(epoch: $0.epoch, latest: $0.latest, stats: $0.stats, network: $0.network, divergedAt: $0.divergedAt)
    }
    let entry = Entry(epoch: epoch, lanes: frames, bytes: Self.bytes(of: frames))
    if entries.last?.epoch == epoch { bytes -= entries.removeLast().bytes }
    // Larger than the whole budget: keeping it would push out everything else and still not fit.
    guard entry.bytes <= budget else { return }
    entries.append(entry)
    bytes += entry.bytes
    if entries.count > capacity { thin(recent: recent) }
    while bytes > budget, !entries.isEmpty {
      let count = entries.count
      thin(recent: min(recent, count / 2))
      if entries.count == count { bytes -= entries.removeFirst().bytes }
    }
  }

  private mutating func removeAll() {
    entries = []
    bytes = 0
  }

  /// An entry's size: each frame's network and statistics arrays, and the frames themselves.
  static func bytes(of frames: [Frame]) -> Int {
    frames.reduce(ByteSize.of(frames) + MemoryLayout<Entry>.stride) {
      $0 + ByteSize.of($1.network) + ByteSize.of($1.stats)
    }
  }

  /// Drops every other entry older than the newest `recent`.
  mutating func thin(recent: Int) {
    // In place: a frame may call this, and copying every entry twice showed in the frame time.
    let old = entries.count - recent
    var kept = 0
    for i in entries.indices where i >= old || i % 2 == 0 {
      if kept != i { entries.swapAt(kept, i) }
      kept += 1
    }
    for entry in entries[kept...] { bytes -= entry.bytes }
    entries.removeLast(entries.count - kept)
  }

  /// `live` as it was at entry `index`: each lane's weights, statistics and figures then. The
  /// charts keep the whole run, so the learner sees where that epoch sits in it (the composer
  /// draws a cursor there); the lane settings and the runner state stay the live ones.
  public func snapshot(at index: Int, live: ExperimentSnapshot) -> ExperimentSnapshot? {
    guard entries.indices.contains(index), entries[index].lanes.count == live.lanes.count else { return nil }
    var shown = live
    for (i, frame) in entries[index].lanes.enumerated() {
      shown.lanes[i].epoch = frame.epoch
      shown.lanes[i].latest = frame.latest
      shown.lanes[i].stats = frame.stats
      shown.lanes[i].network = frame.network
      shown.lanes[i].divergedAt = frame.divergedAt
    }
    return shown
  }

  /// The entry to show after `move` from `index` (nil: the live end).
  func index(after move: ScrubMove, from index: Int?) -> Int? {
    guard !entries.isEmpty else { return nil }
    let last = entries.count - 1
    let current = index ?? last
    switch move {
    case .back: return max(0, current - 1)
    case .forward: return current >= last ? nil : current + 1
    case .pageBack: return max(0, current - 10)
    case .pageForward: return current + 10 >= last ? nil : current + 10
    case .first: return 0
    case .last: return nil
    }
  }
}

/// A scrub-back key: one recorded epoch, ten, or to either end.
public enum ScrubMove: Hashable, Sendable {
  case back, forward, pageBack, pageForward, first, last
}

/// Compared by the epochs it holds: the frames at those epochs follow from the run, and the
/// UI state that holds the store (`AppState`) is compared in tests by what the viewer chose.
extension ScrubHistory: Hashable {
  public static func == (a: ScrubHistory, b: ScrubHistory) -> Bool {
    a.capacity == b.capacity && a.recent == b.recent && a.budget == b.budget && a.entries.map(\.epoch) == b.entries.map(\.epoch)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(entries.count)
    hasher.combine(entries.last?.epoch)
  }
}
