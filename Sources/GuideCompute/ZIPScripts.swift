import SiteContent
import GuideData
import GuideCalc
import CodingRules

/// `assets/zip/NN.js`: the ZIP code table split by the first `prefixDigits` digits, one small script per
/// prefix (every prefix has a file, an empty one when CMS lists no ZIP code there; two digits give 100 files of
/// a few KB, which a build writes much faster than 1,000 files of a few hundred bytes), loaded on demand by
/// `assets/zip.js` as a script (not fetched) so the look-up works from `file://` and no page loads the whole
/// table. Each file calls `window.CTSGUIDE_ZIP_LOADED(prefix, {l, r, s})`: `l` the localities used
/// (`[id, "NAME, ST (id)"]`), `r` runs `[firstSuffix, lastSuffix, localityIndex]` and `s` the same for ZIP codes
/// CMS splits by ZIP+4, suffixes being the remaining digits as numbers.
package enum ZIPScripts {
    static let folder = "assets/zip/"
    package static let prefixDigits = 2


    package static func path(prefix: String) -> String { folder + prefix + ".js" }

    /// The files from the data alone (the build starts them as soon as the data is loaded).
    package static func files(data: SiteData) -> [OutputFile] {
        guard let codes = data.zipCodes else { return [] }
        let names = Dictionary(data.rules.allLocalities.map { ($0.id, ZIPWording.name($0)) }) { a, _ in a }
        let suffixDigits = ZIPLocalityTable.digits - prefixDigits
        var size = 1
        for _ in 0..<suffixDigits { size *= 10 }
        var byPrefix: [Int: [ZIPRun]] = [:]
        for run in codes.table.runs {
            var from = run.from
            while from <= run.through {
                let p = from / size
                let through = min(run.through, (p + 1) * size - 1)
                byPrefix[p, default: []].append(ZIPRun(from: from, through: through, localityID: run.localityID, split: run.split))
                from = through + 1
            }
        }
        var files: [OutputFile] = []
        var prefixCount = 1
        for _ in 0..<prefixDigits { prefixCount *= 10 }
        for p in 0..<prefixCount {
            let prefix = String(ZIPLocalityTable.text(p * size).prefix(prefixDigits))
            var ids: [String] = []
            var runs: [UInt8] = [], splits: [UInt8] = []
            for run in byPrefix[p] ?? [] {
                if !ids.contains(run.localityID) { ids.append(run.localityID) }
                let i = ids.firstIndex(of: run.localityID)!
                func item(_ out: inout [UInt8]) {
                    out.append(contentsOf: out.isEmpty ? [UInt8(ascii: "[")] : [UInt8(ascii: ","), UInt8(ascii: "[")])
                    appendDecimal(run.from % size, to: &out)
                    out.append(UInt8(ascii: ","))
                    appendDecimal(run.through % size, to: &out)
                    out.append(UInt8(ascii: ","))
                    appendDecimal(i, to: &out)
                    out.append(UInt8(ascii: "]"))
                }
                if run.split { item(&splits) } else { item(&runs) }
            }
            var text = Array("window.CTSGUIDE_ZIP_LOADED(".utf8)
            appendJSONString(prefix, to: &text)
            text.append(contentsOf: ",{\"l\":[".utf8)
            for (n, id) in ids.enumerated() {
                text.append(contentsOf: (n > 0 ? ",[" : "[").utf8)
                appendJSONString(id, to: &text)
                text.append(UInt8(ascii: ","))
                appendJSONString(names[id] ?? id, to: &text)
                text.append(UInt8(ascii: "]"))
            }
            text.append(contentsOf: "],\"r\":[".utf8)
            text += runs
            text.append(contentsOf: "],\"s\":[".utf8)
            text += splits
            text.append(contentsOf: "]});\n".utf8)
            files.append(OutputFile(path: path(prefix: prefix), bytes: text))
        }
        return files
    }
}

/// `String(n)` for n ≥ 0, appended as bytes (ZIP suffixes and indices, by the thousand).
func appendDecimal(_ n: Int, to out: inout [UInt8]) {
    var digits = 1, rest = n / 10
    while rest > 0 {
        digits += 1
        rest /= 10
    }
    let end = out.count + digits
    out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var v = n, i = end
    repeat {
        i -= 1
        out[i] = UInt8(ascii: "0") + UInt8(v % 10)
        v /= 10
    } while v > 0
}
