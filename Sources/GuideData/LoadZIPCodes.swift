import SiteContent
import CodingRules
import Foundation

/// The ZIP code table of `Content/data/zip-codes.yaml` with where it came from.
public struct ZIPCodes: Sendable, Hashable {
    public var table: ZIPLocalityTable
    /// The CMS file it was imported from (name only), and its SHA-256.
    public var sourceFile: String
    public var sha256: String
    public var location: SourceLocation

    /// "2026, quarter 1" from `YYYYQ`.
    public var quarterLabel: String {
        "\(table.yearQuarter.prefix(4)), quarter \(table.yearQuarter.suffix(1))"
    }
}

/// The file format of `zip-codes.yaml` (written by `ZIPImport`, read by the loader): provenance keys, then
/// `localities:` mapping each `MAC-LOCALITY` to lines of tokens. A token is a ZIP code or a range `FIRST-LAST`
/// of consecutive ZIP codes that CMS lists one by one; a trailing `*` marks ZIP codes CMS splits by ZIP+4.
package enum ZIPCodesFile {
    package static let name = "zip-codes.yaml"
    static let tokensPerLine = 12
    static let splitMark: Character = "*"

    package static func render(_ t: ZIPLocalityTable, sourceFile: String, sha256: String) -> String {
        var byLocality: [String: [ZIPRun]] = [:]
        for run in t.runs { byLocality[run.localityID, default: []].append(run) }
        var s = """
            # ZIP code → Medicare payment locality, from CMS's ZIP code to carrier locality file. Written by
            # `ctsguide fees import-zip`; do not edit by hand. Format: docs/data.md. A token is a ZIP code or a
            # range FIRST-LAST of consecutive ZIP codes all listed by CMS; `*` marks ZIP codes CMS splits by ZIP+4.
            file: \(yamlQuoted(sourceFile))
            sha256: \(sha256)
            year_quarter: "\(t.yearQuarter)"
            gpci: "\(t.gpciTable)"
            zip_codes: \(t.count)
            localities:

            """
        for id in byLocality.keys.sorted() {
            s += "  \"\(id)\":\n"
            let tokens = byLocality[id]!.map(token)
            for start in stride(from: 0, to: tokens.count, by: tokensPerLine) {
                s += "    - " + tokens[start..<min(start + tokensPerLine, tokens.count)].joined(separator: " ") + "\n"
            }
        }
        return s
    }

    static func token(_ r: ZIPRun) -> String {
        let base = r.from == r.through
            ? ZIPLocalityTable.text(r.from) : "\(ZIPLocalityTable.text(r.from))-\(ZIPLocalityTable.text(r.through))"
        return r.split ? base + String(splitMark) : base
    }

    /// A token back to a run; nil when malformed.
    static func run(_ token: Substring, localityID: String) -> ZIPRun? {
        let split = token.last == splitMark
        let t = (split ? token.dropLast() : token).utf8
        /// Exactly `ZIPLocalityTable.digits` ASCII digits (so a second '-' is no number).
        func number(_ d: Substring.UTF8View) -> Int? { ZIPLocalityTable.number(String(Substring(d))) }
        let dash = t.firstIndex(of: UInt8(ascii: "-"))
        guard let from = number(dash.map { t[..<$0] } ?? t),
            let through = dash.map({ number(t[t.index(after: $0)...]) }) ?? from, through >= from
        else { return nil }
        return ZIPRun(from: from, through: through, localityID: localityID, split: split)
    }

    static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension LoadSession {
    /// `zip-codes.yaml` (optional): checked against the GPCI table it names; every locality must be in it, no
    /// ZIP code may appear twice, and `zip_codes` must equal the count.
    package mutating func loadZIPCodes(gpciTables: [String: GPCITable]) -> ZIPCodes? {
        let file = path(ZIPCodesFile.name)
        guard let (ctx, opened) = openOptionalYAML(ZIPCodesFile.name) else { return nil }
        defer { finish(ctx) }
        guard let root = opened else { return nil }
        let sourceFile = root.string("file", required: true)
        let sha = root.string("sha256", required: true)
        let yq = root.string("year_quarter", required: true)
        let gpci = root.string("gpci", required: true)
        let count = root.int("zip_codes", required: true)
        let localities = root.mapping("localities", required: true)
        root.finish("zip-codes.yaml")
        if let sha, sha.count != 64 || !sha.allSatisfy(\.isHexDigit) {
            root.node("sha256")?.error("zip.bad-sha256", "'sha256' must be 64 hexadecimal digits, found '\(sha)'")
        }
        if let yq, yq.count != 5 || !yq.allSatisfy({ $0.isASCII && $0.isNumber }) || !("1"..."4").contains(yq.suffix(1)) {
            root.node("year_quarter")?.error("zip.bad-year-quarter", "'year_quarter' must be CMS's YEAR/QTR YYYYQ (quarter 1–4), found '\(yq)'")
        }
        var table: GPCITable?
        if let gpci, !gpciTablesUnread.contains(gpci) {
            table = gpciTables[gpci]
            if table == nil {
                root.node("gpci")?.error("zip.unknown-gpci-table", "no GPCI table '\(gpci)' (\(path("gpci/\(gpci).csv")))",
                                         hint: "import the GPCI table of the ZIP file's year first")
            }
        }
        var runs: [(run: ZIPRun, at: SourceLocation)] = []
        for id in localities?.keys ?? [] {
            guard let lines = localities?.node(id)?.list("a list of ZIP code lines for '\(id)'") else { continue }
            if let table, table.rows[id] == nil {
                let at = localities?.keyLocation(id) ?? SourceLocation(file: file)
                ctx.diagnostics.error("zip.unknown-locality", at, "locality '\(id)' is not in GPCI table '\(table.id)'")
            }
            for line in lines {
                guard let text = line.scalar("a line of ZIP codes") else { continue }
                let lineNumber = line.location.line
                var column = (line.mark?.column ?? 1)
                // A quoted line's text starts after its quote.
                if case .scalar(let s) = line.node, s.style == .singleQuoted || s.style == .doubleQuoted { column += 1 }
                // Columns count characters, as the YAML reader's do.
                for bytes in text.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false) {
                    let tok = Substring(bytes)
                    let at = SourceLocation(file: file, line: lineNumber, column: column)
                    if let run = ZIPCodesFile.run(tok, localityID: id) {
                        runs.append((run, at))
                    } else {
                        ctx.diagnostics.error("zip.bad-line", at, "expected a ZIP code, a range FIRST-LAST or either with '*', found '\(tok)'")
                    }
                    column += tok.count + 1
                }
            }
        }
        guard let yq, let gpci, let sourceFile, let sha, !ctx.diagnostics.hasErrors else { return nil }
        let zipTable = ZIPLocalityTable(yearQuarter: yq, gpciTable: gpci, runs: runs.map(\.run))
        // Overlaps by index into the listed runs (the same token listed twice is two runs with two places): reported
        // at the later listing, naming the earlier one's line.
        for (a, b) in ZIPLocalityTable.overlaps(runs.map(\.run)) {
            let (first, second) = runs[a].at < runs[b].at ? (runs[a], runs[b]) : (runs[b], runs[a])
            ctx.diagnostics.error("zip.duplicate-zip",
                second.at,
                "ZIP code \(ZIPLocalityTable.text(max(first.run.from, second.run.from))) listed twice (first at line \(first.at.line))")
        }
        if let count, count != zipTable.count {
            root.node("zip_codes")?.error("zip.count-mismatch", "'zip_codes' is \(count) but the lines list \(zipTable.count) ZIP codes")
        }
        guard !ctx.diagnostics.hasErrors else { return nil }
        return ZIPCodes(table: zipTable, sourceFile: sourceFile, sha256: sha, location: SourceLocation(file: file))
    }
}
