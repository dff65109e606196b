@testable import CodingRules
@testable import SiteContent
@testable import GuideData
@testable import GuideCalc
@testable import GuideCompute
@testable import SiteRender
@testable import SiteBuild
import Foundation
import Testing
import GuideSite


/// Issue 15 on the real site: the generated prefix scripts hold exactly the imported table, and the ZIP code
/// field is on the calculator and the locality fee pages (and nowhere when no table was imported).
@Suite struct ZIPSiteTests {
    static func build(_ content: String) throws -> GeneratedSite {
        try SiteBuilder.generate(BuildOptions(
            contentDirectory: content, templatesDirectory: RealSite.root + "/Templates",
            outputDirectory: NSTemporaryDirectory() + "ctsguide-zip-" + UUID().uuidString, siteExtension: Guide.extension)).get()
    }

    /// The look-up a page does, re-done from the generated files: ZIP code → (locality id, split).
    static func lookups(_ files: [OutputFile]) throws -> [String: ZIPLookup] {
        let call = try Regex(#"^window\.CTSGUIDE_ZIP_LOADED\("(\d{2})",\{"l":\[(.*)\],"r":\[(.*)\],"s":\[(.*)\]\}\);\n$"#)
        let loc = try Regex(#"\["(\d{5}-\d{2})","[^"]+"\]"#)
        let run = try Regex(#"\[(\d+),(\d+),(\d+)\]"#)
        var out: [String: ZIPLookup] = [:]
        for f in files where f.path.hasPrefix(ZIPScripts.folder) {
            let text = String(decoding: f.bytes, as: UTF8.self)
            let m = try #require(text.wholeMatch(of: call), "\(f.path): \(text.prefix(80))")
            let prefix = String(m.output[1].substring!)
            #expect(f.path == ZIPScripts.folder + prefix + ".js")
            let ids = String(m.output[2].substring!).matches(of: loc).map { String($0.output[1].substring!) }
            for (group, split) in [(3, false), (4, true)] {
                for r in String(m.output[group].substring!).matches(of: run) {
                    let (a, b, i) = (Int(r.output[1].substring!)!, Int(r.output[2].substring!)!, Int(r.output[3].substring!)!)
                    for n in a...b {
                        let zip = prefix + String(format: "%0\(5 - ZIPScripts.prefixDigits)d", n)
                        #expect(out[zip] == nil, "\(zip) twice")
                        out[zip] = .found(localityID: ids[i], split: split)
                    }
                }
            }
        }
        return out
    }

    @Test func prefixScriptsHoldExactlyTheTable() throws {
        let site = try Self.build(RealSite.content)
        let data = try #require(SiteDataLoader.load(contentDirectory: RealSite.content).output?.zipCodes)
        let scripts = site.files.filter { $0.path.hasPrefix(ZIPScripts.folder) }
        #expect(scripts.count == 100)
        #expect(scripts.allSatisfy { $0.bytes.count < 8192 } && !scripts.isEmpty)
        let pages = try Self.lookups(site.files)
        #expect(pages.count == data.table.count && pages.count == 42956)
        for run in data.table.runs {
            for n in run.from...run.through {
                let zip = ZIPLocalityTable.text(n)
                #expect(pages[zip] == data.table.lookup(zip), "\(zip)")
            }
        }
        #expect(pages["10001"] == .found(localityID: "13202-01", split: false))
        // Names in the scripts are the CLI's wording.
        let file = try #require(site.files.first { $0.path == ZIPScripts.path(prefix: "10") })
        #expect(String(decoding: file.bytes, as: UTF8.self).hasPrefix(
            #"window.CTSGUIDE_ZIP_LOADED("10",{"l":[["13202-01","MANHATTAN, NY (13202-01)"],["13202-02","NYC SUBURBS/LONG ISLAND, NY (13202-02)"],"#
                + #"["13202-03","POUGHKPSIE/N NYC SUBURBS, NY (13202-03)"]],"r":[[1,41,0],[43,48,0],"#))
    }

    @Test func fieldOnCalculatorAndLocalityPages() throws {
        let calc = RealSite.page("calculator/index.html")
        #expect(calc.contains("<label for=\"calc-zip\">ZIP code of the practice (five digits)</label>"))
        #expect(calc.contains("aria-describedby=\"calc-zip-status\">\n<p class=\"zip-status\" id=\"calc-zip-status\" aria-live=\"polite\"></p>"))
        #expect(calc.contains("data-zip-base=\"../assets/zip/\""))
        #expect(calc.contains("data-zip-target=\"select:calc-locality\""))
        #expect(calc.contains("<script src=\"../assets/zip.js\" defer></script>"))
        #expect(!calc.contains("zip-lookup.js\" defer") && !calc.contains("assets/zip/10.js"))
        // The split note is the CLI's sentence with placeholders.
        let note = ZIPWording.splitNote(zip: "{zip}", locality: Locality(mac: "01112", number: "05", name: "X", state: "CA"))
            .replacingOccurrences(of: "X, CA (01112-05)", with: "{locality}")
        #expect(calc.contains("data-msg-split=\"\(escapeHTML(note))\""))
        for period in ["2024-01-01", "2025-01-01", "2026-01-01"] {
            let page = RealSite.page("localities/\(period)/index.html")
            #expect(page.contains("<form class=\"zip-lookup card\" id=\"zip-lookup-form\" hidden aria-label=\"Find a locality by ZIP code\">"))
            #expect(page.contains("<label for=\"zip-lookup\">ZIP code of the practice (five digits)</label>"))
            #expect(page.contains("data-zip-target=\"table\""))
        }
        // Rural indicators are not pricing inputs: no page mentions them.
        for (path, html) in RealSite.pages {
            #expect(!html.lowercased().contains("rural ind") && !html.contains("super-rural"), "\(path)")
        }
    }

    @Test func noTableNoFieldNoScripts() throws {
        let dir = NSTemporaryDirectory() + "ctsguide-nozip-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: RealSite.content, toPath: dir)
        try FileManager.default.removeItem(atPath: dir + "/data/" + ZIPCodesFile.name)
        let site = try Self.build(dir)
        #expect(!site.files.contains { $0.path.hasPrefix(ZIPScripts.folder) })
        let calc = try #require(site.files.first { $0.path == "calculator/index.html" })
        let html = String(decoding: calc.bytes, as: UTF8.self)
        #expect(html.contains("id=\"calc-locality\"") && !html.contains("zip"))
        let table = try #require(site.files.first { $0.path == "localities/2026-01-01/index.html" })
        #expect(!String(decoding: table.bytes, as: UTF8.self).contains("zip-lookup"))
    }
}
