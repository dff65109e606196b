import CalendarDates
import Foundation

/// The one front-matter reader: a page's `---` block into `PageMeta`, every key decoded through the one key table
/// (`FrontMatterField.all`).
///
/// Decision (issue 24): the block is read line by line on bytes when it is the simple subset nearly every page
/// uses — one `key: value` per line, known keys each once, values that mean the same in every YAML reading (a
/// double-quoted string without escapes or control characters, a plain word starting with a letter, a whole
/// number, `true`/`false`, a `YYYY-MM-DD` date, a flow list of such quoted strings). Anything else (comments, block
/// lists, escapes, an unknown or repeated key, a bad value) goes whole to YAML (Yams) and `PageMeta.read`, which
/// walks the same table. The byte pass never reports anything: every diagnostic (message, position, hint) comes
/// from the YAML reading, so there is one source of diagnostics and one list of keys. A YAML node tree per page
/// was the largest cost of loading a big site, which is why the common case skips it.
struct FrontMatterReader {
    let file: String
    /// The file line of the first YAML line (after the opening fence).
    let firstLine: Int
    var meta: PageMeta
    var seen = [Bool](repeating: false, count: FrontMatterField.all.count)
    var first: Int?

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
        meta = PageMeta(title: "", location: SourceLocation(file: file))
    }

    /// The page's metadata and the problems met: the byte pass when the block is the simple subset, else YAML.
    static func read(_ text: String, _ split: FrontMatterLines, file: String) -> (PageMeta?, Diagnostics) {
        guard let close = split.close else { return (nil, Diagnostics()) }
        var text = text
        let quick: PageMeta? = text.withUTF8 { u in
            var reader = FrontMatterReader(file: file, firstLine: 2)
            for n in 1..<close where !reader.read(line: UnsafeBufferPointer(rebasing: u[split.lines[n]]), n: n - 1) {
                return nil
            }
            return reader.finish()
        }
        if let quick { return (quick, Diagnostics()) }
        let ctx = YAMLContext(file: file, lineOffset: 1)
        let meta = ctx.parse(split.yaml(of: text)).flatMap(PageMeta.read)
        return (meta, ctx.diagnostics)
    }

    /// Reads line `n` (0 = the first YAML line); false when the block needs the YAML reader.
    mutating func read(line: UnsafeBufferPointer<UInt8>, n: Int) -> Bool {
        if line.isEmpty { return true }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let keyBytes = UnsafeBufferPointer(rebasing: line[..<colon])
        guard let k = FrontMatterField.all.firstIndex(where: { $0.utf8.elementsEqual(keyBytes) }), !seen[k],
            colon + 1 < line.count, line[colon + 1] == UInt8(ascii: " ")
        else { return false }
        let raw = UnsafeBufferPointer(rebasing: line[(colon + 2)...])
        switch FrontMatterField.all[k].kind {
        case .title:
            guard let s = Self.text(raw) else { return false }
            meta.title = s
        case .text(let p):
            guard let s = Self.text(raw) else { return false }
            meta[keyPath: p] = s
        case .optionalText(let p):
            guard let s = Self.text(raw) else { return false }
            meta[keyPath: p] = s
        case .number(let p):
            guard raw.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }),
                let v = Int(String(decoding: raw, as: UTF8.self))
            else { return false }
            meta[keyPath: p] = v
        case .flag(let p):
            guard let b = Self.flag(raw) else { return false }
            meta[keyPath: p] = b
        case .optionalFlag(let p):
            guard let b = Self.flag(raw) else { return false }
            meta[keyPath: p] = b
        case .textList(let p):
            guard let list = Self.flowList(raw) else { return false }
            meta[keyPath: p] = list
        case .date(let p):
            guard !raw.isEmpty, raw.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }) else { return false }
            let s = String(decoding: raw, as: UTF8.self)
            guard CalendarDate(parsing: s) != nil else { return false }
            meta[keyPath: p] = s
        }
        seen[k] = true
        if first == nil { first = n }
        meta.fieldLocations[FrontMatterField.all[k].name] = SourceLocation(file: file, line: firstLine + n, column: 1)
        return true
    }

    /// The front matter read, or nil (no title, a blank title, no key at all) for the YAML reader to report.
    func finish() -> PageMeta? {
        guard seen[0], let first,
            meta.title.utf8.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") })
        else { return nil }
        var meta = meta
        meta.location = SourceLocation(file: file, line: firstLine + first, column: 1)
        return meta
    }

    static func text(_ s: UnsafeBufferPointer<UInt8>) -> String? { quoted(s) ?? plain(s) }

    static func flag(_ s: UnsafeBufferPointer<UInt8>) -> Bool? {
        s.elementsEqual("true".utf8) ? true : s.elementsEqual("false".utf8) ? false : nil
    }

    /// `"text"` with no backslash, no other double quote and no control character (C0 but tab, DEL, C1) inside.
    static func quoted(_ s: UnsafeBufferPointer<UInt8>) -> String? {
        let q = UInt8(ascii: "\""), b = UInt8(ascii: "\\")
        guard s.count >= 2, s[0] == q, s[s.count - 1] == q else { return nil }
        let inner = UnsafeBufferPointer(rebasing: s[1..<(s.count - 1)])
        var previous: UInt8 = 0
        for c in inner {
            // 0xC2 0x80...0x9F is a C1 control character in UTF-8.
            if c == q || c == b || (c < 0x20 && c != 0x09) || c == 0x7F || (previous == 0xC2 && c >= 0x80 && c <= 0x9F) {
                return nil
            }
            previous = c
        }
        return String(decoding: inner, as: UTF8.self)
    }

    static let special: [[UInt8]] = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"].map { Array($0.utf8) }

    /// ASCII letters, digits, spaces and `.,'()-` starting with a letter, and not a word YAML reads as another type.
    static func plain(_ s: UnsafeBufferPointer<UInt8>) -> String? {
        func letter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
        guard let c = s.first, letter(c), s.last != UInt8(ascii: " ") else { return nil }
        for c in s where !(letter(c) || (c >= 0x30 && c <= 0x39) || " .,'()-".utf8.contains(c)) { return nil }
        if s.count <= 5, special.contains(where: { $0.elementsEqual(s.lazy.map { $0 | 0x20 }) }) { return nil }
        return String(decoding: s, as: UTF8.self)
    }

    /// `["a", "b"]` (or `[]`): double-quoted items only.
    static func flowList(_ s: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard s.count >= 2, s[0] == UInt8(ascii: "["), s[s.count - 1] == UInt8(ascii: "]") else { return nil }
        let inner = trimmed(UnsafeBufferPointer(rebasing: s[1..<(s.count - 1)]))
        if inner.isEmpty { return [] }
        var out: [String] = []
        for item in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            guard let q = quoted(trimmed(UnsafeBufferPointer(rebasing: item))) else { return nil }
            out.append(q)
        }
        return out
    }

    /// Without leading and trailing spaces and tabs.
    static func trimmed(_ s: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = s.count
        while start < end, s[start] == 0x20 || s[start] == 0x09 { start += 1 }
        while end > start, s[end - 1] == 0x20 || s[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: s[start..<end])
    }
}
