// swift-tools-version:6.0
import PackageDescription

// MARK: - Settings

/// The numeric core is compiled optimized even in debug builds: SIMD code in a plain debug build
/// runs 50–330× slower (SWIFT-LINUX.md §6), which would make tests crawl.
var coreSettings: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]
/// The same kernel source compiled for AVX-512 (`NeuralCoreAVX512`); `Impl` picks it at run time.
var avx512Settings: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug)), .define("AVX512")]
#if arch(x86_64)
// Without a target CPU, `SIMD16<Float>.addingProduct` becomes one libm `fmaf` call per lane.
// `haswell` (AVX2 + FMA) is portable across the x86_64 machines we run on and as fast as native.
coreSettings.append(.unsafeFlags(["-target-cpu", "haswell"]))
// `x86-64-v4` is not accepted as a CPU name; `skylake-avx512` is AVX-512 F/CD/BW/DQ/VL.
avx512Settings.append(.unsafeFlags(["-target-cpu", "skylake-avx512"]))
#endif

let package = Package(
  name: "regviz",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "regviz", targets: ["regviz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    // MARK: - C shim
    .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
    /// `__builtin_cpu_supports`: which kernel build this CPU (and OS) can run.
    .target(name: "CCPU"),
    /// A sigaction handler that wakes a waiting thread: how headless commands end on Ctrl-C.
    .target(name: "CSignals"),

    // MARK: - Pure Swift: math, training, lessons, drawing
    /// `Sources/NeuralCoreAVX512` holds symlinks to NeuralCore's kernel files: one source,
    /// compiled a second time for AVX-512 with its wider register blocks.
    .target(name: "NeuralCoreAVX512", swiftSettings: avx512Settings),
    .target(name: "NeuralCore", dependencies: ["CCPU", "NeuralCoreAVX512"], swiftSettings: coreSettings),
    /// Files: CSV data, shipped assets, weights JSON, atomic writes. NeuralCore stays math only.
    .target(name: "RegvizData", dependencies: ["NeuralCore"]),
    .target(name: "Training", dependencies: ["NeuralCore", "RegvizData", "CSignals"], swiftSettings: coreSettings),
    /// Lesson files speak the core's vocabulary (activation, L1 rule, optimizer, pace, data source).
    .target(name: "Lessons", dependencies: ["NeuralCore", "RegvizData"]),
    .target(name: "Canvas"),
    /// Lessons without a screen: their experiments and metrics, replays, `lessons check`, the
    /// mission tracker and the lens's playback — what both the dashboard and the checks run.
    .target(name: "LessonRuns", dependencies: ["NeuralCore", "RegvizData", "Training", "Lessons"]),
    .target(name: "App", dependencies: ["NeuralCore", "RegvizData", "Training", "Lessons", "LessonRuns", "Canvas"]),

    // MARK: - Terminal
    .target(name: "NcursesBackend", dependencies: ["CNcurses", "Canvas", "App"]),

    // MARK: - Command line
    .target(
      name: "RegvizCommand",
      dependencies: [
        "NeuralCore", "RegvizData", "Training", "Lessons", "LessonRuns", "Canvas", "App", "NcursesBackend",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: coreSettings),
    .executableTarget(name: "regviz", dependencies: ["RegvizCommand"]),

    // MARK: - Tests
    /// Helpers shared by the test targets (text snapshots of grids).
    .target(name: "TestSupport", dependencies: ["Canvas"], path: "Tests/_TestSupport"),
    .testTarget(name: "NeuralCoreTests", dependencies: ["NeuralCore", "NeuralCoreAVX512", "RegvizData"],
                resources: [.copy("Fixtures")], swiftSettings: coreSettings),
    .testTarget(name: "RegvizDataTests", dependencies: ["RegvizData", "NeuralCore"]),
    .testTarget(name: "TrainingTests", dependencies: ["Training", "NeuralCore", "RegvizData"]),
    .testTarget(name: "LessonsTests", dependencies: ["Lessons", "NeuralCore", "RegvizData"]),
    .testTarget(name: "CanvasTests", dependencies: ["Canvas", "TestSupport"], exclude: ["Snapshots"]),
    .testTarget(name: "LessonRunsTests", dependencies: ["LessonRuns", "Lessons", "Training", "NeuralCore", "RegvizData"]),
    .testTarget(name: "AppTests", dependencies: ["App", "Canvas", "Training", "NeuralCore", "RegvizData", "Lessons", "LessonRuns",
                                                 "TestSupport"],
                exclude: ["Snapshots"]),
    .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "Canvas"]),
    /// Fixtures are read from the source tree (the Keras ones are made by scripts/, with TensorFlow).
    .testTarget(name: "RegvizCommandTests", dependencies: ["RegvizCommand", "NeuralCore", "RegvizData", "Training"],
                exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
