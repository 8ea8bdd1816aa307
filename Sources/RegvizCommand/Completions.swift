import LessonRuns
import App
import Foundation
import NeuralCore
import RegvizData

/// What TAB offers where a fixed list cannot know the answer: the installed lessons, and the
/// built-in data sets beside the CSV files on disk. The shell runs `regviz ---completion …`,
/// which calls these with the command line's words and the word being completed.
enum Completions {
  /// `regviz lesson <TAB>`: lesson numbers and ids (`2`, `02-l1-lasso`), and the names without
  /// their number (`l1-lasso`) once a letter is typed — every one of them selects the lesson.
  @Sendable static func lessons(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    let locator = ResourceLocator(explicit: dataDir(in: words))
    guard let directory = locator.find("lessons"), let paths = try? LessonCheck.lessonPaths(in: directory) else { return [] }
    let ids = paths.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
    return lessons(ids: ids, prefix: prefix)
  }

  static func lessons(ids: [String], prefix: String) -> [String] {
    if prefix.first?.isNumber ?? true {
      return ids.indices.map { String($0 + 1) } + ids
    }
    return ids.map { id in
      guard let dash = id.firstIndex(of: "-"), id[..<dash].allSatisfy(\.isNumber) else { return id }
      return String(id[id.index(after: dash)...])
    }
  }

  /// `--dataset <TAB>`: digits, iris, sparse, and the CSV files and directories matching the word so far.
  /// A lone directory is opened, so that TAB walks into it rather than ending the word there.
  @Sendable static func datasets(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    let builtIn = DataSource.named.map(\.description).sorted().filter { $0.hasPrefix(prefix) }
    var files = csvFiles(prefix: prefix)
    if builtIn.isEmpty, files.count == 1, files[0].hasSuffix("/") {
      let directory = files[0]
      files = csvFiles(prefix: directory)
      if files.isEmpty { files = [directory] }
    }
    return builtIn + files
  }

  /// Entries under the directory part of `prefix` whose names continue it: directories (with a
  /// trailing `/`) and `.csv` files; hidden ones only when the name part starts with a dot.
  /// `~/` is expanded to look, and kept in what is offered.
  static func csvFiles(prefix: String) -> [String] {
    let slash = prefix.lastIndex(of: "/")
    let dirPart = slash.map { String(prefix[...$0]) } ?? ""
    let namePart = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
    var look = dirPart.isEmpty ? "." : dirPart
    if look.hasPrefix("~/") { look = NSHomeDirectory() + look.dropFirst(1) }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: look) else { return [] }
    return names.sorted().compactMap { name in
      guard name.hasPrefix(namePart), !name.hasPrefix(".") || namePart.hasPrefix(".") else { return nil }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: (look as NSString).appendingPathComponent(name), isDirectory: &isDirectory) else { return nil }
      if isDirectory.boolValue { return dirPart + name + "/" }
      return name.lowercased().hasSuffix(".csv") ? dirPart + name : nil
    }
  }

  /// The value of `--data-dir DIR` or `--data-dir=DIR` on the command line, if any.
  static func dataDir(in words: [String]) -> String? {
    for (i, word) in words.enumerated() {
      if word == "--data-dir", i + 1 < words.count { return words[i + 1] }
      if word.hasPrefix("--data-dir=") { return String(word.dropFirst("--data-dir=".count)) }
    }
    return nil
  }
}
