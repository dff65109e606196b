import Testing

@testable import SiteContent
@testable import SiteRender
@testable import SiteBuild

/// Issue 13: the search index is written straight into bytes (`ScriptJSONWriter`); these are the bytes the
/// `Encodable` types give through `ScriptJSONEncoder`, for text that needs every escape and for the cut of long
/// section text by characters.
@Suite struct SearchIndexWriterTests {
    static let texts = [
        "", "plain", "</script> \"q\" \\ \u{2028}\u{2029} \u{E2}x \t\r\n\u{1}\u{1F}", "ünïcode — ’ 😀",
        String(repeating: "x", count: 1199), String(repeating: "x", count: 1200), String(repeating: "y", count: 1201),
        String(repeating: "a", count: 1199) + "e\u{301}" + "tail", String(repeating: "b", count: 1200) + "\u{301}z",
        String(repeating: "c", count: 1199) + "\r\n" + String(repeating: "d", count: 40),
        String(repeating: "é", count: 1300), String(repeating: "<&>", count: 700),
    ]

    static func page(_ k: Int) -> [MarkdownSection] {
        texts.enumerated().filter { $0.offset % (k + 1) == 0 }.map { n, t in
            MarkdownSection(headingID: n % 3 == 0 ? nil : "h-\(n)", heading: texts[n % 4], level: 2, text: t)
        }
    }

    @Test func textShardsAreWhatTheEncoderWrites() throws {
        for members in [[], [Self.page(0)], [Self.page(0), Self.page(1), Self.page(2), Self.page(20)]] {
            let items = OneItemPerLine(items: members.map { $0.map(SearchIndex.Section.init) })
            let expected = "(window.CTSGUIDE_SEARCH_TEXT = window.CTSGUIDE_SEARCH_TEXT || {})[7] = "
                + (try ScriptJSONEncoder.encode(items)) + ";\n"
            let file = SearchIndex.shard(7, members)
            #expect(file.path == "assets/search/text-7.js")
            #expect(String(decoding: file.bytes, as: UTF8.self) == expected)
        }
    }

    @Test func theTitlesFileIsWhatTheEncoderWrites() throws {
        let entries = Self.texts.enumerated().map { n, t in
            SearchIndex.Title(folder: n % 3, stem: "p-\(n)/index.html", title: t, keywords: Self.texts[(n + 2) % 12], shard: n * 37)
        }
        let synonyms: [(String, [String])] = [("video", ["telehealth"]), ("pta", ["assistant", "cq"]), ("ü<", ["\"x\""]), ("pta", ["assistant"])]
        for (folders, list, syn) in [([String](), [SearchIndex.Title](), []), (["", "a/", "ü <b>/"], entries, synonyms)] {
            let titles = SearchIndex.Titles(
                shardSize: SearchIndex.shardSize, folders: folders,
                synonyms: SearchIndex.Synonym.list(syn), pages: OneItemPerLine(items: list))
            let expected = "window.CTSGUIDE_SEARCH_TITLES = " + (try ScriptJSONEncoder.encode(titles)) + ";\n"
            #expect(String(decoding: SearchIndex.titlesScript(folders: folders, entries: list, synonyms: syn), as: UTF8.self) == expected)
        }
    }

    @Test func jsonStringsEscapeEveryByteTheyMust() {
        #expect(jsonString("a\"b\\c\n\r\t\u{0}\u{1F}</x>\u{2028}\u{2029}\u{2027}") == #""a\"b\\c\n\r\t\u0000\u001f\u003c/x\u003e\u2028\u2029"# + "\u{2027}\"")
        #expect(jsonString("<a>\u{2028}", forScript: false) == "\"<a>\u{2028}\"")
    }
}

/// The word test that lets `appendJSONString` skip eight plain bytes at a time flags exactly the words that hold a
/// byte it must look at.
@Suite struct JSONEscapeWordTests {
    @Test func everyByteValueInEveryPositionIsFlaggedAsItShouldBe() {
        for script in [true, false] {
            for b in 0...255 {
                let look = b < 0x20 || b == 0x22 || b == 0x5C || b >= 0x80 || (script && (b == 0x3C || b == 0x3E))
                for position in 0..<8 {
                    for filler: UInt8 in [0x61, 0x20, 0x7E, 0x21] {
                        var bytes = [UInt8](repeating: filler, count: 8)
                        bytes[position] = UInt8(b)
                        let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                        #expect(mayNeedEscape(word, script) == look, "byte \(b) at \(position), script \(script)")
                    }
                }
            }
        }
    }
}
