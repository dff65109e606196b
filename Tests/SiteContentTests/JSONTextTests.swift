import Testing
@testable import SiteContent

/// The JSON writer produces exact bytes: the generated downloads and scripts are compared byte for byte.
@Suite struct JSONTextTests {
    func jsonString(_ s: String, forScript: Bool = true) -> String {
        var w = JSONWriter(forScript: forScript)
        w.string(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test func stringsEscapeWhatJSONAndScriptsNeed() {
        #expect(jsonString("plain é text") == "\"plain é text\"")
        #expect(jsonString("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
        #expect(jsonString("\u{01}x\u{1F}") == #""\u0001x\u001f""#)
        #expect(jsonString("</script>") == #""\u003c/script\u003e""#)
        #expect(jsonString("</script>", forScript: false) == #""</script>""#)
        #expect(jsonString("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        #expect(jsonString("a\u{2028}b", forScript: false) == "\"a\u{2028}b\"")
        #expect(jsonString("") == "\"\"")
        #expect(jsonString("<\u{7}>\u{E2}\u{2027}\u{1F600}\u{2028}") == #""\u003c\u0007\u003e"# + "\u{E2}\u{2027}\u{1F600}" + #"\u2028""#)
        #expect(jsonString("\u{7F}\u{0}") == "\"\u{7F}\\u0000\"")
    }

    @Test func renderedIsIndentedWithSortedKeys() {
        let v: JSONValue = .object([
            "b": .array([.int(-3), .null, .bool(true), .array([]), .object([:])]),
            "a": .object(["z": .string("q\""), "y": .bool(false)]),
            "c": .array([]),
        ])
        let expected = """
            {
              "a": {
                "y": false,
                "z": "q\\""
              },
              "b": [
                -3,
                null,
                true,
                [],
                {}
              ],
              "c": []
            }
            """
        #expect(v.rendered() == expected)
        var compact = JSONWriter(forScript: true)
        compact.value(v)
        #expect(String(decoding: compact.bytes, as: UTF8.self) == #"{"a":{"y":false,"z":"q\""},"b":[-3,null,true,[],{}],"c":[]}"#)
        #expect(JSONValue.array([.int(1)]).rendered(indent: 2) == "[\n      1\n    ]")
    }
}
