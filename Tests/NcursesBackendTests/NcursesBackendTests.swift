import App
import CNcurses
import Canvas
import Testing

@testable import NcursesBackend

/// The parts of the backend that work without a terminal. Drawing, keys and teardown on a
/// real terminal are covered end to end in tmux (`PlayEndToEndTests`).
@Suite struct NcursesBackendTests {
  @Test func functionKeysDecode() {
    let cases: [(Int32, Key)] = [
      (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
      (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
      (KEY_BTAB, .backTab), (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_RESIZE, .resize),
    ]
    for (code, key) in cases {
      #expect(KeyDecoder.decode(value: UInt32(bitPattern: code), isFunctionKey: true) == key, "\(code)")
    }
    #expect(KeyDecoder.decode(value: UInt32(bitPattern: KEY_F0 + 5), isFunctionKey: true) == nil)
  }

  @Test func charactersDecode() {
    #expect(KeyDecoder.decode(value: 9, isFunctionKey: false) == .tab)
    #expect(KeyDecoder.decode(value: 13, isFunctionKey: false) == .enter)
    #expect(KeyDecoder.decode(value: 10, isFunctionKey: false) == .enter)
    #expect(KeyDecoder.decode(value: 27, isFunctionKey: false) == .escape)
    #expect(KeyDecoder.decode(value: 127, isFunctionKey: false) == .backspace)
    #expect(KeyDecoder.decode(value: 1, isFunctionKey: false) == nil, "control keys are not actions")
    for c in " nr[]-+_=u<>,.12345678dpk?hqQ" {
      #expect(KeyDecoder.decode(value: c.unicodeScalars.first!.value, isFunctionKey: false) == .character(c))
    }
    #expect(KeyDecoder.decode(value: 0x3BB, isFunctionKey: false) == .character("λ"), "wide characters")
  }

  @Test func terminalCheck() {
    #expect(TerminalCheck.problem(stdinIsTerminal: true, stdoutIsTerminal: true, term: "xterm-256color") == nil)
    let piped = TerminalCheck.problem(stdinIsTerminal: true, stdoutIsTerminal: false, term: "xterm")
    #expect(piped?.contains("standard output is not a terminal") == true)
    #expect(piped?.contains("regviz run") == true)
    #expect(TerminalCheck.problem(stdinIsTerminal: false, stdoutIsTerminal: true, term: "xterm")?
      .contains("standard input") == true)
    for term in [nil, ""] as [String?] {
      #expect(TerminalCheck.problem(stdinIsTerminal: true, stdoutIsTerminal: true, term: term)?
        .contains("TERM is not set") == true)
    }
    #expect(TerminalCheck.problem(stdinIsTerminal: true, stdoutIsTerminal: true, term: "dumb")?
      .contains("regviz run") == true)
    for problem in [piped, TerminalCheck.problem(stdinIsTerminal: true, stdoutIsTerminal: true, term: "dumb")] {
      #expect(problem?.contains("\n") == false, "one line")
    }
  }

  @Test func attributesComeFromTheShim() {
    var pairs = ColorPairs(enabled: false, limit: 256)
    let bold = pairs.resolve(Style(fg: .indexed(75), attributes: [.bold, .underline]))
    #expect(bold.attributes == cn_A_BOLD() | cn_A_UNDERLINE())
    #expect(bold.pair == 0, "monochrome never allocates a colour pair")
    #expect(pairs.resolve(Style(attributes: [.dim, .italic, .reverse])).attributes
      == cn_A_DIM() | cn_A_ITALIC() | cn_A_REVERSE())
    #expect(pairs.resolve(.plain).attributes == cn_A_NORMAL())
  }
}
