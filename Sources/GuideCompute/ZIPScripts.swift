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
        let size = power10(ZIPLocalityTable.digits - prefixDigits)  // ZIP codes per prefix
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
        for p in 0..<power10(prefixDigits) {
            let prefix = String(ZIPLocalityTable.text(p * size).prefix(prefixDigits))
            var ids: [String] = []
            var runs: [JSONValue] = [], splits: [JSONValue] = []
            for run in byPrefix[p] ?? [] {
                if !ids.contains(run.localityID) { ids.append(run.localityID) }
                let item = JSONValue.array([.int(run.from % size), .int(run.through % size), .int(ids.firstIndex(of: run.localityID)!)])
                if run.split { splits.append(item) } else { runs.append(item) }
            }
            var w = JSONWriter(forScript: true)
            w.raw("window.CTSGUIDE_ZIP_LOADED(")
            w.string(prefix)
            w.raw(",")
            w.value(.object([
                "l": .array(ids.map { .array([.string($0), .string(names[$0] ?? $0)]) }), "r": .array(runs), "s": .array(splits),
            ]))
            w.raw(");\n")
            files.append(OutputFile(path: path(prefix: prefix), bytes: w.bytes))
        }
        return files
    }

    /// 10 to the power `n`.
    static func power10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }
}
