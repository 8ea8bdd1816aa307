import Foundation
import NeuralCore

/// What `--dump-weights` writes: every lane's final weights, each in the `get_weights()` form
/// of `WeightsFile`, so a dump (or one lane of it) is an `--init-weights` file too:
///
///     {"lanes": [{"lane": SPEC, "name": NAME, "weights": [kernel, bias, …]}, …]}
public struct WeightDump: Codable, Sendable {
  public struct Lane: Codable, Sendable {
    public var lane: String
    public var name: String
    public var weights: WeightsFile

    public init(lane: String, name: String, weights: WeightsFile) {
      self.lane = lane
      self.name = name
      self.weights = weights
    }
  }

  public var lanes: [Lane]

  public init(lanes: [Lane]) { self.lanes = lanes }

  /// The dump as JSON text, keys sorted. A diverged lane's weights may be NaN: they are
  /// written as strings rather than failing the whole dump.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
  }
}

extension WeightsFile {
  /// Reads `--init-weights PATH[#LANE]`: a `get_weights()` list, or a `WeightDump` from which
  /// the lane named after `#` is taken (the only lane when the dump has one).
  public static func load(_ reference: String) throws(DataError) -> WeightsFile {
    var path = reference, laneName: String?
    if !FileManager.default.fileExists(atPath: reference), let hash = reference.lastIndex(of: "#") {
      path = String(reference[..<hash])
      laneName = String(reference[reference.index(after: hash)...])
    }
    guard let data = FileManager.default.contents(atPath: path) else { throw DataError(path: path, "cannot read the file") }
    let decoder = JSONDecoder()
    if let list = try? decoder.decode(WeightsFile.self, from: data) {
      if let laneName { throw DataError(path: path, "holds one network's weights, not lanes; drop '#\(laneName)'") }
      return list
    }
    let dump: WeightDump
    do { dump = try decoder.decode(WeightDump.self, from: data) } catch {
      throw DataError(path: path, "not a weights file: expected model.get_weights() as JSON ([kernel, bias, …]) or a --dump-weights file (\(describeDecoding(error)))")
    }
    let names = dump.lanes.map(\.name).joined(separator: ", ")
    if let laneName {
      guard let lane = dump.lanes.first(where: { $0.name == laneName }) else {
        throw DataError(path: path, "no lane named '\(laneName)' (lanes: \(names))")
      }
      return lane.weights
    }
    guard dump.lanes.count == 1 else {
      throw DataError(path: path, "holds \(dump.lanes.count) lanes (\(names)); pick one with \(path)#NAME")
    }
    return dump.lanes[0].weights
  }
}

/// A decoding error in a few words, with the JSON path where it happened.
public func describeDecoding(_ error: any Error) -> String {
  func at(_ c: DecodingError.Context) -> String {
    c.codingPath.isEmpty ? "" : " at \(c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: "."))"
  }
  switch error {
  case DecodingError.dataCorrupted(let c): return c.debugDescription + at(c)
  case DecodingError.keyNotFound(let k, let c): return "missing key '\(k.stringValue)'" + at(c)
  case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c): return "wrong type" + at(c)
  default: return "\(error)"
  }
}
