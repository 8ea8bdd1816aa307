import NeuralCore
import RegvizData
import Testing

/// The values the flags and a lesson's setup share: what each accepts, and the one wording of
/// its problem that both place after the setting's name.
@Suite struct ExperimentValuesTests {
  private func problem<T>(_ parse: (String) throws(ExperimentValues.Problem) -> T, _ v: String) -> String? {
    do throws(ExperimentValues.Problem) { _ = try parse(v); return nil } catch { return error.message }
  }

  @Test func acceptsWhatTheFlagsAndLessonsWrite() throws {
    #expect(try ExperimentValues.dataset("correlated:0.5") == .correlated(0.5))
    #expect(try ExperimentValues.dataset("d.csv", label: .name("y")) == .csv(path: "d.csv", label: .name("y")))
    #expect(try ExperimentValues.hidden("16, 8") == [16, 8] && ExperimentValues.hidden("none") == [])
    #expect(try ExperimentValues.hidden("") == [] && ExperimentValues.hidden("4096") == [4096])
    #expect(try ExperimentValues.batch("full") == nil && ExperimentValues.batch("32") == 32)
    #expect(try ExperimentValues.validationSplit("20%") == 0.2 && ExperimentValues.validationSplit("0") == 0)
    #expect(try ExperimentValues.speed("max") == .max && ExperimentValues.speed("0.1") == .epochsPerSecond(0.1))
    #expect(try ExperimentValues.seed("18446744073709551615") == .max)
    #expect(try ExperimentValues.momentum("0.9") == 0.9 && ExperimentValues.learningRate("1e-3") == 0.001)
    #expect(try ExperimentValues.scaleFeature("none") == nil)
    let scale = try #require(try ExperimentValues.scaleFeature("A1:1000"))
    #expect(scale.feature == "A1" && scale.factor == 1000)
    #expect(try ExperimentValues.choice("tanh") as Activation == .tanh)
    #expect(try ExperimentValues.yesNo("no") == false && ExperimentValues.positiveInt("3") == 3)
  }

  @Test(arguments: [
    ("hidden", "16,,4", "must be layer widths such as 16,16 or 'none', got '16,,4'"),
    ("hidden", "8,4097", "layer width 4097 is too large (at most 4096)"),
    ("lr", "nan", "must be a number > 0, got 'nan'"),
    ("lr", "1e39", "must be a number > 0, got '1e39'"),  // beyond Float
    ("momentum", "1", "must be a number with 0 ≤ m < 1, got '1'"),
    ("batch", "0", "must be a positive whole number or 'full', got '0'"),
    ("speed", "0.05", "must be epochs per second from 0.1 to 1000, or 'max', got '0.05'"),
    ("seed", "-1", "must be a non-negative whole number, got '-1'"),
    ("val-split", "100%", "must be a fraction with 0 ≤ f < 1 (or a percentage), got '100%'"),
    ("scale-feature", ":5", "must be FEATURE:FACTOR (e.g. A1:1000, a factor other than 0) or none, got ':5'"),
    ("scale-feature", "A1:inf", "must be FEATURE:FACTOR (e.g. A1:1000, a factor other than 0) or none, got 'A1:inf'"),
    ("dataset", "mnist", "must be iris, sparse, digits, correlated[:ρ] (ρ in [0, 0.99]) or a path ending in .csv, got 'mnist'"),
  ])
  func problemsFollowTheSettingsName(_ key: String, _ value: String, _ message: String) {
    let parse: (String) throws(ExperimentValues.Problem) -> Void = switch key {
    case "hidden": { v throws(ExperimentValues.Problem) in _ = try ExperimentValues.hidden(v) }
    case "lr": { v throws(ExperimentValues.Problem) in _ = try ExperimentValues.learningRate(v) }
    case "momentum": { v throws(ExperimentValues.Problem) in _ = try ExperimentValues.momentum(v) }
    case "batch": { v throws(ExperimentValues.Problem) in _ = try ExperimentValues.batch(v) }
    case "speed": { v throws(ExperimentValues.Problem) in _ = try ExperimentValues.speed(v) }
    case "seed": { v throws(ExperimentValues.Problem) in _ = try ExperimentValues.seed(v) }
    case "val-split": { v throws(ExperimentValues.Problem) in _ = try ExperimentValues.validationSplit(v) }
    case "scale-feature": { v throws(ExperimentValues.Problem) in _ = try ExperimentValues.scaleFeature(v) }
    default: { v throws(ExperimentValues.Problem) in _ = try ExperimentValues.dataset(v) }
    }
    #expect(problem(parse, value) == message)
  }

  @Test func choicesListTheirValues() {
    #expect(problem({ v throws(ExperimentValues.Problem) in try ExperimentValues.choice(v) as L1Rule }, "soft")
            == "must be one of prox, subgradient, clip, got 'soft'")
  }
}
