/// A token of a condition, with its 0-based character offset inside the condition text.
struct ConditionToken: Equatable {
  enum Kind: Equatable {
    case number(Double)
    case percent
    case word(String)
    /// The raw text between a metric's parentheses; lane names may hold `+` (`acc(L1+L2)`), so
    /// they are not tokenized as expressions.
    case laneArgument(String)
    case openParen, closeParen
    case comparison(Comparison)
    case arithmetic(Arithmetic)
    case end
  }

  var kind: Kind
  var offset: Int
  var length: Int

  /// A comparison, an arithmetic sign, `and` or `or`: what joins two pieces of a condition.
  var isOperator: Bool {
    switch kind {
    case .comparison, .arithmetic: true
    case .word(let w): w == "and" || w == "or"
    default: false
    }
  }

  /// How the token looks in an error message.
  var shown: String {
    switch kind {
    case .number(let v): "'\(NumericExpression.format(v))'"
    case .percent: "'%'"
    case .word(let w): "'\(w)'"
    case .laneArgument(let s): "'\(s)'"
    case .openParen: "'('"
    case .closeParen: "')'"
    case .comparison(let c): "'\(c.rawValue)'"
    case .arithmetic(let a): "'\(a.rawValue)'"
    case .end: "the end of the condition"
    }
  }
}

/// Splits condition text into tokens. Errors carry the 0-based offset; the parser turns it
/// into a file column.
enum ConditionTokenizer {
  struct Failure: Error {
    var offset: Int
    var message: String
  }

  static func tokenize(_ text: String) throws(Failure) -> [ConditionToken] {
    let chars = Array(text)
    var tokens: [ConditionToken] = []
    var i = 0
    func add(_ kind: ConditionToken.Kind, _ length: Int) {
      tokens.append(ConditionToken(kind: kind, offset: i, length: length))
      i += length
    }

    while i < chars.count {
      let c = chars[i]
      let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
      if c.isWhitespace {
        i += 1
      } else if c.isASCII, c.isNumber || (c == "." && next?.isASCII == true && next?.isNumber == true) {
        let length = numberLength(chars, from: i)
        let literal = String(chars[i..<(i + length)])
        guard let value = Double(literal), value.isFinite else {
          throw Failure(offset: i, message: "number '\(literal)' is out of range")
        }
        add(.number(value), length)
      } else if c.isLetter || c == "_" {
        let length = chars[i...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }.count
        let word = String(chars[i..<(i + length)])
        add(.word(word), length)
        // A lane argument follows directly: `zeros(L1+L2)`. It is read raw, up to `)`,
        // whitespace or `(`, because lane names may hold `+` or `-`.
        if let paren = chars[i...].firstIndex(where: { !$0.isWhitespace }), chars[paren] == "(",
           word != "and", word != "or" {
          i = paren
          add(.openParen, 1)
          i += chars[i...].prefix { $0.isWhitespace }.count
          let length = chars[i...].prefix { !$0.isWhitespace && $0 != ")" && $0 != "(" }.count
          if length > 0 { add(.laneArgument(String(chars[i..<(i + length)])), length) }
        }
      } else if let (kind, length) = symbol(c, next) {
        add(kind, length)
      } else {
        throw Failure(offset: i, message: "unexpected character '\(c)' in condition")
      }
    }
    tokens.append(ConditionToken(kind: .end, offset: chars.count, length: 0))
    return tokens
  }

  /// `12`, `0.5`, `.5`, `1e-3`; only ASCII digits, so `Double` never sees `nan` or hex.
  private static func numberLength(_ chars: [Character], from start: Int) -> Int {
    func isDigit(_ i: Int) -> Bool { i < chars.count && chars[i].isASCII && chars[i].isNumber }
    var i = start
    while isDigit(i) { i += 1 }
    if i < chars.count, chars[i] == "." {
      i += 1
      while isDigit(i) { i += 1 }
    }
    if i < chars.count, chars[i] == "e" || chars[i] == "E" {
      var j = i + 1
      if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
      if isDigit(j) {
        i = j
        while isDigit(i) { i += 1 }
      }
    }
    return i - start
  }

  /// Operators, parentheses and `%`. `≥ ≤ ≠` and a single `=` are accepted so that printed
  /// conditions read back.
  private static func symbol(_ c: Character, _ next: Character?) -> (ConditionToken.Kind, Int)? {
    switch (c, next) {
    case (">", "="): (.comparison(.greaterOrEqual), 2)
    case ("<", "="): (.comparison(.lessOrEqual), 2)
    case ("=", "="): (.comparison(.equal), 2)
    case ("!", "="): (.comparison(.notEqual), 2)
    case (">", _): (.comparison(.greater), 1)
    case ("<", _): (.comparison(.less), 1)
    case ("=", _): (.comparison(.equal), 1)
    case ("≥", _): (.comparison(.greaterOrEqual), 1)
    case ("≤", _): (.comparison(.lessOrEqual), 1)
    case ("≠", _): (.comparison(.notEqual), 1)
    case ("+", _): (.arithmetic(.add), 1)
    case ("-", _), ("−", _): (.arithmetic(.subtract), 1)
    case ("*", _), ("×", _): (.arithmetic(.multiply), 1)
    case ("/", _): (.arithmetic(.divide), 1)
    case ("%", _): (.percent, 1)
    case ("(", _): (.openParen, 1)
    case (")", _): (.closeParen, 1)
    default: nil
    }
  }
}
