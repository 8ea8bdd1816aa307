import Dispatch
import Foundation
import NeuralCore
import Training

/// Throughput measurements behind `regviz bench`. Each figure is the median of several timed
/// repetitions, each long enough (≥ `minSeconds`) to swamp timer noise.
enum Benchmarks {
  struct NetSpec {
    var name: String
    var sizes: [Int]
    var inputs: Int { sizes[0] }
    var hidden: [Int] { Array(sizes.dropFirst().dropLast()) }
    var classes: Int { sizes[sizes.count - 1] }
    /// FLOPs per sample of one training step: forward 2·in·out, dW 2·in·out, dX 2·in·out
    /// (no dX for the first layer, which has no layer before it).
    var flopsPerSample: Double {
      var f = 0.0
      for l in 0..<(sizes.count - 1) {
        let io = Double(sizes[l] * sizes[l + 1])
        f += 4 * io + (l > 0 ? 2 * io : 0)
      }
      return f
    }
  }

  static let iris = NetSpec(name: "4-10-10-3", sizes: [4, 10, 10, 3])
  static let medium = NetSpec(name: "20-64-64-3", sizes: [20, 64, 64, 3])
  static let large = NetSpec(name: "784-256-256-10", sizes: [784, 256, 256, 10])

  static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  /// Random data shaped for `net`: enough samples for several distinct batches.
  static func data(for net: NetSpec, samples: Int) -> Dataset {
    var rng = SplitMix64(seed: 42)
    return Dataset(name: net.name, features: (0..<(samples * net.inputs)).map { _ in rng.normal() },
                   labels: (0..<samples).map { Int32($0 % net.classes) },
                   featureNames: (0..<net.inputs).map { "x\($0)" }, classNames: (0..<net.classes).map { "\($0)" })
  }

  static func learner(_ net: NetSpec, impl: Impl, batch: Int, reg: Regularizer = .l1(0.001)) -> Learner {
    let network = Network(inputs: net.inputs, hidden: net.hidden, classes: net.classes, activation: .relu, seed: 1)
    return Learner(network: network, regularizers: Array(repeating: reg, count: network.layers.count),
                   optimizer: .sgd(learningRate: 0.01), l1Rule: .prox, impl: impl, maxBatch: batch)
  }

  /// Median samples/s of full training steps (forward, backward, update) on one thread.
  static func stepThroughput(_ learner: Learner, data: Dataset, batch: Int, repetitions: Int, minSeconds: Double) -> Double {
    var learner = learner
    enableFlushToZero()
    let batches = stride(from: 0, to: data.count - batch + 1, by: batch).map { ArraySlice($0..<($0 + batch)) }
    var rates: [Double] = []
    learner.step(data: data, indices: batches[0])  // warm up
    for _ in 0..<repetitions {
      var steps = 0
      let start = now()
      var elapsed = 0.0
      repeat {
        for _ in 0..<8 { learner.step(data: data, indices: batches[steps % batches.count]); steps += 1 }
        elapsed = now() - start
      } while elapsed < minSeconds
      rates.append(Double(steps * batch) / elapsed)
    }
    return median(rates)
  }

  /// A network after a long run of training, when gradients and softmax tails have gone tiny
  /// (the denormal trap): the same step must not get slower.
  static func longTrained(_ net: NetSpec, batch: Int, data: Dataset) -> Learner {
    var l = learner(net, impl: .simd, batch: batch, reg: .none)
    l.optimizer = .sgd(learningRate: 0.1)
    enableFlushToZero()
    let batches = stride(from: 0, to: data.count - batch + 1, by: batch).map { ArraySlice($0..<($0 + batch)) }
    for s in 0..<20_000 { l.step(data: data, indices: batches[s % batches.count]) }
    return l
  }

  /// Total samples/s with `lanes` lanes training concurrently through the headless runner.
  static func laneThroughput(_ net: NetSpec, lanes: Int, batch: Int, epochs: Int, repetitions: Int) -> Double {
    let samples = batch * 8
    var rates: [Double] = []
    for _ in 0..<repetitions {
      let prepared = preparedExperiment(net, lanes: lanes, batch: batch, samples: samples)
      let start = now()
      _ = HeadlessRun.run(prepared, epochs: epochs) { _ in false }
      rates.append(Double(lanes * epochs * samples) / (now() - start))
    }
    return median(rates)
  }

  /// An experiment on synthetic data shaped for `net`, built without files.
  static func preparedExperiment(_ net: NetSpec, lanes: Int, batch: Int, samples: Int) -> PreparedExperiment {
    var config = ExperimentConfig()
    config.hidden = net.hidden
    config.batchSize = batch
    config.validationSplit = 0
    config.lanes = (0..<lanes).map { LaneConfig(name: "lane\($0)", spec: LaneSpec(all: .l1(0.001 * Float($0 + 1)))) }
    config.dataset = .csv(path: "bench.csv")
    return try! PreparedExperiment(config: config, data: DataSplit(data(for: net, samples: samples), validationFraction: 0, seed: 1),
                              initial: Network(inputs: net.inputs, hidden: net.hidden, classes: net.classes, activation: .relu, seed: 1))
  }
}

extension Benchmarks {
  /// Median time to build a lane snapshot (metrics + copies) and publish it in a LatestBox.
  static func snapshotMicroseconds(_ net: NetSpec, repetitions: Int) -> Double {
    let prepared = preparedExperiment(net, lanes: 1, batch: 16, samples: 32)
    var trainer = LaneTrainer(lane: prepared.lanes[0], prepared: prepared)
    trainer.trainEpoch(prepared)
    let box = LatestBox(trainer.snapshot())
    var times: [Double] = []
    for _ in 0..<repetitions {
      let start = now()
      box.publish(trainer.snapshot())
      times.append((now() - start) * 1e6)
    }
    return median(times)
  }
}

extension Benchmarks {
  /// Peak resident memory (MB) of `regviz run` for each count of `epochs`: one 20-4-3 lane, a
  /// JSONL row every epoch, to a file. Each run is a child process whose high-water mark
  /// (`VmHWM`) is read while it runs — `getrusage(RUSAGE_CHILDREN)` would report this process's
  /// own peak too, since a spawned child starts from its parent's memory.
  static func headlessPeakMegabytes(epochs: [Int]) throws -> [Double] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-bench-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var peaks: [Double] = []
    for n in epochs.sorted() {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: binary)
      p.arguments = ["run", "--epochs", String(n), "--hidden", "4", "--lane", "none", "--format", "jsonl",
                     "--out", dir.appendingPathComponent("r.jsonl").path]
      try p.run()
      var peak = 0.0
      let status = "/proc/\(p.processIdentifier)/status"
      while p.isRunning {
        if let text = try? String(contentsOfFile: status, encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kb = Double(line.split(separator: " ").dropFirst().first ?? "") {
          peak = max(peak, kb / 1024)
        }
        Thread.sleep(forTimeInterval: 0.01)
      }
      p.waitUntilExit()
      peaks.append(peak)
    }
    return peaks
  }
}
