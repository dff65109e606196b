/// A fast reader for the common, simple front matter: one `key: value` per line, known keys, each once, with
/// values that mean the same in every YAML reading: a double-quoted string without escapes, a plain word
/// string starting with a letter, a whole number (`weight`), `true`/`false` (`toc`, `nav`), or a flow list
/// of such quoted strings (`tags`). Anything else (comments, block lists, escapes, odd keys or values) returns
/// nil, and the page goes through the full YAML reader with its positioned diagnostics. Building a YAML node
/// tree per page was the largest cost of loading a big site.
package enum FrontMatterFastPath {
    /// `lines` are the front matter lines; the first is file line `firstLine`. All-ASCII lines (nearly every
    /// page) are read on bytes (`FrontMatterASCII`), others by characters.
    package static func read(_ lines: ArraySlice<Substring>, file: String, firstLine: Int) -> PageMeta? {
        guard lines.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            return readCharacters(lines, file: file, firstLine: firstLine)
        }
        var reader = FrontMatterASCII(file: file, firstLine: firstLine)
        for (n, line) in lines.enumerated() {
            var line = line
            guard line.withUTF8({ reader.read(line: $0, n: n) }) else { return nil }
        }
        return reader.finish()
    }

    /// `read` by characters, for front matter that is not all ASCII.
    static func readCharacters(_ lines: ArraySlice<Substring>, file: String, firstLine: Int) -> PageMeta? {
        var values: [String: String] = [:]
        var tags: [String]?
        var first: Int?
        var at: [String: SourceLocation] = [:]
        for (n, line) in lines.enumerated() {
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = String(line[..<colon])
            guard PageMeta.fastKeys.contains(key), values[key] == nil, key != "tags" || tags == nil else { return nil }
            let rest = line[line.index(after: colon)...]
            guard rest.first == " " else { return nil }
            let raw = rest.dropFirst()
            if first == nil { first = n }
            at[key] = SourceLocation(file: file, line: firstLine + n, column: 1)
            if key == "tags" {
                guard let list = flowList(raw) else { return nil }
                tags = list
                continue
            }
            switch key {
            case "weight":
                guard let w = Int(raw), raw.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return nil }
                values[key] = String(w)
            case "toc", "nav":
                guard raw == "true" || raw == "false" else { return nil }
                values[key] = String(raw)
            default:
                guard let s = quoted(raw) ?? plain(raw) else { return nil }
                values[key] = s
            }
        }
        guard let title = values["title"], !trimmedSpaces(Substring(title)).isEmpty, let first else {
            return nil
        }
        var meta = PageMeta(title: title, location: SourceLocation(file: file, line: firstLine + first, column: 1))
        meta.description = values["description"] ?? ""
        meta.weight = values["weight"].flatMap { Int($0) } ?? 0
        meta.navTitle = values["nav_title"]
        meta.code = values["code"]
        meta.layout = values["layout"]
        meta.toc = values["toc"].map { $0 == "true" }
        meta.inNav = values["nav"].map { $0 == "true" } ?? true
        meta.path = values["path"]
        meta.keywords = values["keywords"] ?? ""
        meta.summary = values["summary"] ?? ""
        meta.tags = tags ?? []
        meta.fieldLocations = at
        return meta
    }

    /// `"text"` with no backslash, no other double quote and no control character (but tab) inside (the full
    /// reader reports those at their position).
    static func quoted(_ s: Substring) -> String? {
        let u = s.utf8
        if u.allSatisfy({ $0 < 0x80 }) {  // ASCII (the usual case): bytes are characters
            let q = UInt8(ascii: "\""), b = UInt8(ascii: "\\")
            guard u.count >= 2, u.first == q, u.last == q else { return nil }
            let inner = u.dropFirst().dropLast()
            guard !inner.contains(where: { $0 == q || $0 == b || ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else { return nil }
            return String(Substring(inner))
        }
        guard s.count >= 2, s.first == "\"", s.last == "\"" else { return nil }
        let inner = s.dropFirst().dropLast()
        guard !inner.contains("\""), !inner.contains("\\"),
            !inner.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || ($0.value >= 0x7F && $0.value <= 0x9F) })
        else { return nil }
        return String(inner)
    }

    /// Letters, digits, spaces and `.,'()-` starting with a letter, and not a word YAML reads as another type.
    static func plain(_ s: Substring) -> String? {
        guard let c = s.first, c.isASCII, c.isLetter, s.last != " " else { return nil }
        guard s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || " .,'()-".contains($0)) }) else { return nil }
        let special: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
        guard !special.contains(s.lowercased()) else { return nil }
        return String(s)
    }

    /// `["a", "b"]` (or `[]`): double-quoted items only.
    static func flowList(_ s: Substring) -> [String]? {
        guard s.first == "[", s.last == "]" else { return nil }
        let inner = trimmedSpaces(s.dropFirst().dropLast())
        if inner.isEmpty { return [] }
        var out: [String] = []
        for item in inner.split(separator: ",", omittingEmptySubsequences: false) {
            guard let q = quoted(trimmedSpaces(item)) else { return nil }
            out.append(q)
        }
        return out
    }
}
