import Testing

@testable import SiteRender

/// Issue 25: Hugo and Zola template syntax found in a block's source lines, at its line and column, outside code
/// spans.
@Suite struct TemplateSyntaxScanTests {
    static func scan(_ text: String, firstLine: Int = 1) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return TemplateSyntaxScan.find(in: lines, firstLine: firstLine).map { "\($0.line):\($0.column) \($0.text)" }
    }

    @Test func eachFormIsFoundWhereItStarts() {
        #expect(Self.scan(#"a {{< ref "x.md" >}} b {{% note %}} c {{ .Title }}"#, firstLine: 7) == [
            #"7:3 {{< ref "x.md" >}}"#, "7:24 {{% note %}}", "7:39 {{ .Title }}",
        ])
        // Across a line break: reported where it starts, the break shown as a space.
        #expect(Self.scan("one {{< figure\nsrc=\"a.png\" >}}") == [#"1:5 {{< figure src="a.png" >}}"#])
        // Columns count characters, not bytes.
        #expect(Self.scan("é—ü {{ x }}") == ["1:5 {{ x }}"])
    }

    @Test func onlyPagesWithTwoBracesAreScanned() {
        #expect(TemplateSyntaxScan.mayOccur(in: "{{"))
        #expect(TemplateSyntaxScan.mayOccur(in: "a { b {{"))
        #expect(TemplateSyntaxScan.mayOccur(in: "é {{ x }}"))
        #expect(!TemplateSyntaxScan.mayOccur(in: "a { b } {"))
        #expect(!TemplateSyntaxScan.mayOccur(in: ""))
    }

    @Test func codeSpansAndPlainBracesAreLeftAlone() {
        #expect(Self.scan("`{{< ref \"x\" >}}` and ``a ` {{ b }}`` done").isEmpty)
        #expect(Self.scan("an unclosed `` tick then {{ x }}") == ["1:26 {{ x }}"])
        #expect(Self.scan("{ not } and {{ never closed").isEmpty)
        #expect(Self.scan("a set {x} and {{}}") == ["1:15 {{}}"])
    }
}
