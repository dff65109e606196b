import Testing

@testable import SiteContent
@testable import SiteRender
@testable import SiteBuild

/// The search index's scripts, byte for byte: strings safe in a script, one page per line, section text cut at
/// 1,200 characters (not bytes: a combining mark stays with its letter).
@Suite struct SearchIndexWriterTests {
    @Test func textShardsHoldEachPageOnALine() {
        let x = String(repeating: "x", count: 1199)
        let members: [[MarkdownSection]] = [
            [MarkdownSection(headingID: nil, heading: "</script> \"q\"", level: 2, text: "a\\b \u{2028}\t\u{1}é")],
            [],
            [
                MarkdownSection(headingID: "h-1", heading: "H", level: 2, text: x + "e\u{301}tail"),
                MarkdownSection(headingID: "h-2", heading: "", level: 3, text: x + "yz"),
            ],
        ]
        let file = SearchIndex.shard(7, members)
        #expect(file.path == "assets/search/text-7.js")
        #expect(String(decoding: file.bytes, as: UTF8.self) == "(window.CTSGUIDE_SEARCH_TEXT = window.CTSGUIDE_SEARCH_TEXT || {})[7] = [\n"
            + #"[["","\u003c/script\u003e \"q\"","a\\b \u2028\t\u0001é"]],"# + "\n[],\n"
            + #"[["h-1","H",""# + x + "e\u{301}\"],[\"h-2\",\"\",\"" + x + "y\"]]\n];\n")
        #expect(String(decoding: SearchIndex.shard(0, []).bytes, as: UTF8.self)
            == "(window.CTSGUIDE_SEARCH_TEXT = window.CTSGUIDE_SEARCH_TEXT || {})[0] = [\n\n];\n")
    }

    @Test func theTitlesFileListsFoldersSynonymsAndOnePagePerLine() {
        let entries: [JSONValue] = [
            .array([.int(0), .string("index.html"), .string("Home <1>"), .string(""), .int(0)]),
            .array([.int(1), .string("a%20b/index.html"), .string("ü"), .string("97550 pta"), .int(1)]),
        ]
        let synonyms: [(String, [String])] = [("video", ["telehealth"]), ("pta", ["assistant", "cq"]), ("ü<", ["\"x\""]), ("pta", ["assistant"])]
        #expect(String(decoding: SearchIndex.titlesScript(folders: ["", "ü <b>/"], entries: entries, synonyms: synonyms), as: UTF8.self)
            == #"window.CTSGUIDE_SEARCH_TITLES = {"shardSize":50,"folders":["","ü \u003cb\u003e/"],"#
            + #""synonyms":[["pta",["assistant"]],["video",["telehealth"]],["ü\u003c",["\"x\""]]],"pages":["# + "\n"
            + #"[0,"index.html","Home \u003c1\u003e","",0],"# + "\n" + #"[1,"a%20b/index.html","ü","97550 pta",1]"# + "\n]};\n")
        #expect(String(decoding: SearchIndex.titlesScript(folders: [], entries: []), as: UTF8.self)
            == "window.CTSGUIDE_SEARCH_TITLES = {\"shardSize\":50,\"folders\":[],\"synonyms\":[],\"pages\":[\n\n]};\n")
    }
}
