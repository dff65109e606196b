/// An independent reading of the certainty rule on the finished pages, for tests only: the build checks the
/// statements it produced as structure (`Statement`); this scans the written HTML the way a reader's eye
/// would, so the two can disagree only if the structure misses something the page shows.
enum HTMLStatementScan {
    /// The statements (`<p>`, `<li>` and `<tr>` blocks) of `html` that link only to secondary sources and show no
    /// grade marker (`class="grade …"`), unless every source they link backs a fact graded H (`certainWhenOnly`).
    static func unmarked(html: String, secondary: Set<String>, certainWhenOnly: Set<String> = []) -> [String] {
        blocks(html).filter { block in
            let ids = sourceIDs(block)
            guard !ids.isEmpty, ids.allSatisfy(secondary.contains) else { return false }
            if block.contains("class=\"grade ") { return false }
            return !ids.allSatisfy(certainWhenOnly.contains)
        }
    }

    /// Inner HTML of every `<p>`, `<li>` and `<tr>`.
    static func blocks(_ html: String) -> [String] {
        var out: [String] = []
        for tag in ["p", "li", "tr"] {
            var rest = html[...]
            while let open = rest.range(of: "<\(tag)") {
                let after = rest[open.upperBound...]
                guard let next = after.first, next == ">" || next == " " else {
                    rest = after
                    continue
                }
                guard let close = after.range(of: "</\(tag)>"), let gt = after.firstIndex(of: ">") else { break }
                out.append(gt < close.lowerBound ? String(after[after.index(after: gt)..<close.lowerBound]) : "")
                rest = after[close.upperBound...]
            }
        }
        return out
    }

    /// Source ids linked from a block (`…#source-<id>"`).
    static func sourceIDs(_ block: String) -> [String] {
        var ids: [String] = []
        var rest = block[...]
        while let r = rest.range(of: "#source-") {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            ids.append(String(after[..<end]))
            rest = after[end...]
        }
        return ids
    }
}
