import Dispatch
import NeuralCore

/// Runs an experiment to a fixed number of epochs with no pacing and no UI: each lane on its
/// own queue, start to finish. Results do not depend on scheduling — a lane's work is a
/// function of the configuration alone.
public enum HeadlessRun {
  /// Returns, per lane, the records of the epochs where `shouldReport(epoch)` holds (and the
  /// last epoch trained), plus the final trainers.
  public static func run(_ prepared: PreparedExperiment, epochs: Int,
                         shouldReport: @escaping @Sendable (Int) -> Bool)
    -> (records: [[EpochRecord]], lanes: [LaneTrainer]) {
    run(prepared, lanes: prepared.lanes, epochs: epochs, shouldReport: shouldReport)
  }

  /// As above with an explicit lane list, which may exceed the dashboard's eight (`sweep`).
  /// At most `parallelism` lanes train at once.
  public static func run(_ prepared: PreparedExperiment, lanes: [Lane], epochs: Int,
                         parallelism: Int = 8, shouldReport: @escaping @Sendable (Int) -> Bool)
    -> (records: [[EpochRecord]], lanes: [LaneTrainer]) {
    final class Slot: @unchecked Sendable {
      var trainer: LaneTrainer
      var records: [EpochRecord] = []
      init(_ t: LaneTrainer) { trainer = t }
    }
    var slots: [Slot] = []
    for lane in lanes { slots.append(Slot(LaneTrainer(lane: lane, prepared: prepared))) }
    let group = DispatchGroup()
    let queues = (0..<max(1, min(parallelism, slots.count))).map {
      DispatchQueue(label: "regviz.headless.\($0)", qos: .userInitiated)
    }
    for (i, slot) in slots.enumerated() {
      group.enter()
      queues[i % queues.count].async {
        enableFlushToZero()
        for _ in 0..<epochs {
          guard let r = slot.trainer.trainEpoch(prepared) else { break }
          if shouldReport(r.epoch) || slot.trainer.divergedAt != nil || r.epoch == epochs { slot.records.append(r) }
        }
        group.leave()
      }
    }
    group.wait()
    return (slots.map(\.records), slots.map(\.trainer))
  }
}

extension HeadlessRun {
  /// Runs `body` on a training thread of its own, with flush-to-zero set as on the runner's
  /// threads (results then match the dashboard's to the bit), and waits for it. For work that
  /// drives trainers itself, such as a lesson's replay.
  public static func onTrainingThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue(label: "regviz.training-thread", qos: .userInitiated).async {
      enableFlushToZero()
      box.value = body()
      group.leave()
    }
    group.wait()
    return box.value!
  }
}

/// Carries a result from a training thread back to the waiting caller; the DispatchGroup
/// orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable { var value: T? }
