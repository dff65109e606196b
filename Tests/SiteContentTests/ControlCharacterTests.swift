import Testing
@testable import SiteContent

/// Control characters: escaped for the terminal (`TerminalText`), refused in YAML values at the escape that wrote
/// them (`YAMLControl`; CSV fields: `DataLoaderTests`).
@Suite struct ControlCharacterTests {
    @Test func terminalTextEscapesControlsOnly() {
        #expect(TerminalText.escaped("Content/guide/a\nb.md") == "Content/guide/a\\nb.md")
        #expect(TerminalText.escaped("red\u{1B}[31m\t\r") == "red\\x1B[31m\\t\\r")
        #expect(TerminalText.escaped("csi\u{9B}2J del\u{7F}") == "csi\\u{9B}2J del\\x7F")
        #expect(TerminalText.escaped("café – ok") == "café – ok")
        #expect(TerminalText.escaped(bytes: Array("caf".utf8) + [0xE9] + Array(".md".utf8)) == "caf\\xE9.md")
        #expect(TerminalText.escaped(bytes: [0xFF, 0xFE, 0x41, 0x0A]) == "\\xFF\\xFEA\\n")
        #expect(TerminalText.escaped(bytes: Array("é".utf8)) == "é")
    }

    @Test func diagnosticLinesStayOneLine() {
        let d = Diagnostic.error("test.check", SourceLocation(file: "Content/a\nb.md", line: 3), "unknown key 'x\u{1B}'", hint: "h\ni")
        #expect(DiagnosticFormatter.text(d) == "Content/a\\nb.md:3:1: error: unknown key 'x\\x1B'\n    hint: h\\ni")
    }

    func errors(_ yaml: String) -> [String] {
        let ctx = YAMLContext(file: "f.yaml", lineOffset: 0)
        guard let map = ctx.parse(yaml)?.mapping() else { return ctx.diagnostics.items.map(DiagnosticFormatter.text) }
        for key in map.keys { _ = map.string(key) }
        return ctx.diagnostics.items.map { "\($0.location): \($0.message)" }
    }

    @Test func yamlEscapesOfControlsAreRefusedAtTheEscape() {
        #expect(errors("a: \"x\\0y\"\n") == ["f.yaml:1:6: this value holds the control character U+0000, which is not allowed in text"])
        #expect(errors("b: ok\na: \"\\x41\\e[1m\"\n") == ["f.yaml:2:9: this value holds the control character U+001B, which is not allowed in text"])
        #expect(errors("a: \"\\u009B\"\n") == ["f.yaml:1:5: this value holds the control character U+009B, which is not allowed in text"])
        #expect(errors("a: \"one\\ttwo\\nthree\"\nb: |\n  line\n  line\n") == [])
        #expect(errors("a: \"x\\N\"\n") == ["f.yaml:1:6: this value holds the control character U+0085, which is not allowed in text"])
    }
}
