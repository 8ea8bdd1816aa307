/// Column headers for narrow columns: `sepal_length` → `sep.len`, where cutting the name to the
/// column would read `sepal_sepal_petal_petal_`.
public enum ShortName {
  /// `name` itself when it fits `width`; else the first three letters of each word (words split at
  /// `_`, `-`, `.`, `/`, blanks and lower→upper case changes) joined by `.`, cut to `width`.
  public static func abbreviate(_ name: String, width: Int = 7) -> String {
    guard name.count > width else { return name }
    let short = words(name).map { String($0.prefix(3)) }.joined(separator: ".")
    return String(short.prefix(atMost: width))
  }

  /// Abbreviations for a set of columns, distinct from each other: two that would read alike
  /// end in their column number instead (`tot.ph1`, `tot.ph2`).
  public static func abbreviate(_ names: [String], width: Int = 7) -> [String] {
    let short = names.map { abbreviate($0, width: width) }
    var seen: [String: Int] = [:]
    for s in short { seen[s, default: 0] += 1 }
    return short.enumerated().map { i, s in
      guard seen[s]! > 1 else { return s }
      let number = String(i + 1)
      return String(s.prefix(max(1, width - number.count))) + number
    }
  }

  static func words(_ name: String) -> [Substring] {
    var words: [Substring] = []
    var start = name.startIndex
    var previous: Character?
    for i in name.indices {
      let c = name[i]
      if "_-./ ".contains(c) {
        if start < i { words.append(name[start..<i]) }
        start = name.index(after: i)
      } else if c.isUppercase, previous?.isLowercase == true {
        if start < i { words.append(name[start..<i]) }
        start = i
      }
      previous = c
    }
    if start < name.endIndex { words.append(name[start...]) }
    return words.isEmpty ? [Substring(name)] : words
  }
}
