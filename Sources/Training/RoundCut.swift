import Synchronization

/// Ends a round early when a command arrives, with every lane at the same epoch.
///
/// A command waits for the round in progress (about 20 ms of epochs at full speed): without a
/// cut, a key's effect showed 10–20 ms late. Lanes train on their own queues, so "stop now"
/// would leave them at different epochs and the command would apply to each at another one.
/// Instead one atomic word holds the highest epoch any lane has begun and, once a cut is asked
/// for, a flag: a lane claims each epoch before training it, and a claim beyond the flagged
/// epoch is refused. Claim and flag change the word by compare-and-exchange, so no lane can
/// begin an epoch past the one the cut fixed, and every lane may finish up to it: they all stop
/// at that epoch (or at the round's own end, whichever comes first).
final class RoundCut: Sendable {
  private static let flag = 1 << 62
  private let word = Atomic<Int>(0)

  /// A new round, its lanes at most at epoch `front`; forgets an earlier cut.
  func open(front: Int) {
    word.store(front, ordering: .sequentiallyConsistent)
  }

  /// Asks the round in progress to end at the latest epoch a lane has begun (a round not yet
  /// open is cut where it opens, if the cut comes after `open`).
  func cut() {
    var current = word.load(ordering: .sequentiallyConsistent)
    while current & Self.flag == 0 {
      let (exchanged, original) = word.compareExchange(
        expected: current, desired: current | Self.flag, ordering: .sequentiallyConsistent)
      if exchanged { return }
      current = original
    }
  }

  /// Whether a lane may begin `epoch` (claiming it when it may).
  func claim(_ epoch: Int) -> Bool {
    var current = word.load(ordering: .sequentiallyConsistent)
    while true {
      let begun = current & ~Self.flag
      if epoch <= begun { return true }
      if current & Self.flag != 0 { return false }
      let (exchanged, original) = word.compareExchange(
        expected: current, desired: epoch, ordering: .sequentiallyConsistent)
      if exchanged { return true }
      current = original
    }
  }

  /// The latest epoch a lane of this round has begun (or the round's front, before any).
  var latestBegun: Int { word.load(ordering: .sequentiallyConsistent) & ~Self.flag }

  /// Whether the round was cut.
  var isCut: Bool { word.load(ordering: .sequentiallyConsistent) & Self.flag != 0 }
}
