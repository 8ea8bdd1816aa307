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
    var records = Array(repeating: [EpochRecord](), count: lanes.count)
    let trainers = stream(prepared, lanes: lanes, epochs: epochs, parallelism: parallelism, chunk: epochs,
                          shouldReport: shouldReport) { chunk in
      for (i, rs) in chunk.enumerated() { records[i] += rs }
    }
    return (records, trainers)
  }

  /// Trains `chunk` epochs at a time, every lane on its own queue, and hands each chunk's
  /// reported records (per lane) to `receive` on the calling thread before the next chunk:
  /// memory stays flat however many epochs a run has. `receive` may throw to stop the run.
  /// Returns the final trainers.
  public static func stream<E: Error>(
    _ prepared: PreparedExperiment, lanes: [Lane], epochs: Int, parallelism: Int = 8, chunk: Int = 256,
    shouldReport: @escaping @Sendable (Int) -> Bool, receive: ([[EpochRecord]]) throws(E) -> Void
  ) throws(E) -> [LaneTrainer] {
    let slots = LaneTrainer.starting(prepared, lanes: lanes).map(HeadlessSlot.init)
    let queues = (0..<max(1, min(parallelism, slots.count))).map {
      DispatchQueue(label: "regviz.headless.\($0)", qos: .userInitiated)
    }
    var done = 0
    while done < epochs {
      let target = min(epochs, done + max(1, chunk))
      let group = DispatchGroup()
      for (i, slot) in slots.enumerated() {
        group.enter()
        queues[i % queues.count].async {
          enableFlushToZero()
          while slot.trainer.epoch < target, let r = slot.trainer.trainEpoch(prepared) {
            if shouldReport(r.epoch) || slot.trainer.divergedAt != nil || r.epoch == epochs { slot.records.append(r) }
          }
          group.leave()
        }
      }
      group.wait()
      let records = slots.map(\.records)
      for slot in slots { slot.records = [] }
      try receive(records)
      done = target
    }
    // Training ends here: a stop= lane keeps its best epoch's weights, as Keras's does.
    for slot in slots { slot.trainer.finishTraining() }
    return slots.map(\.trainer)
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

/// One lane of a headless run: touched by its queue during a chunk and by the caller between
/// chunks; the chunk's DispatchGroup orders the two.
private final class HeadlessSlot: @unchecked Sendable {
  var trainer: LaneTrainer
  var records: [EpochRecord] = []
  init(_ t: LaneTrainer) { trainer = t }
}
