/// `FrontMatterFastPath` for front matter that is all ASCII (nearly every page): the same reading, on bytes,
/// where characters are bytes (no carriage return is left before a newline: `ContentLoader` turned `\r\n` into
/// `\n`), with the values in a fixed array by key instead of dictionaries of strings. Fed one line at a time.
struct FrontMatterASCII {
    static let keys: [[UInt8]] = PageMeta.fastKeys.map { Array($0.utf8) }
    static let title = 0, description = 1, weight = 2, navTitle = 3, code = 4, layout = 5, toc = 6, nav = 7
    static let path = 8, keywords = 9, summary = 10, tags = 11
    static let special: [[UInt8]] = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"].map { Array($0.utf8) }

    let file: String
    let firstLine: Int
    var values = [String?](repeating: nil, count: 12)
    var weight = 0
    var tags: [String]?
    var first: Int?
    var at: [String: SourceLocation] = [:]

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    /// Reads line `n` (0 = the first front matter line); false when the page needs the full YAML reader.
    mutating func read(line: UnsafeBufferPointer<UInt8>, n: Int) -> Bool {
        if line.isEmpty { return true }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let keyBytes = UnsafeBufferPointer(rebasing: line[..<colon])
        guard let k = Self.keys.firstIndex(where: { $0.elementsEqual(keyBytes) }), values[k] == nil,
            k != Self.tags || tags == nil
        else { return false }
        guard colon + 1 < line.count, line[colon + 1] == UInt8(ascii: " ") else { return false }
        let raw = UnsafeBufferPointer(rebasing: line[(colon + 2)...])
        if first == nil { first = n }
        at[PageMeta.fastKeys[k]] = SourceLocation(file: file, line: firstLine + n, column: 1)
        switch k {
        case Self.tags:
            guard let list = Self.flowList(raw) else { return false }
            tags = list
            return true
        case Self.weight:
            guard raw.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }),
                let w = Int(String(decoding: raw, as: UTF8.self))
            else { return false }
            weight = w
            values[k] = ""
        case Self.toc, Self.nav:
            guard raw.elementsEqual("true".utf8) || raw.elementsEqual("false".utf8) else { return false }
            values[k] = raw.count == 4 ? "true" : "false"
        default:
            guard let s = Self.quoted(raw) ?? Self.plain(raw) else { return false }
            values[k] = s
        }
        return true
    }

    /// The front matter read, or nil (no title, a blank title, no key at all).
    func finish() -> PageMeta? {
        guard let title = values[Self.title], let first,
            title.utf8.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") })
        else { return nil }
        var meta = PageMeta(title: title, location: SourceLocation(file: file, line: firstLine + first, column: 1))
        meta.description = values[Self.description] ?? ""
        meta.weight = weight
        meta.navTitle = values[Self.navTitle]
        meta.code = values[Self.code]
        meta.layout = values[Self.layout]
        meta.toc = values[Self.toc].map { $0 == "true" }
        meta.inNav = values[Self.nav].map { $0 == "true" } ?? true
        meta.path = values[Self.path]
        meta.keywords = values[Self.keywords] ?? ""
        meta.summary = values[Self.summary] ?? ""
        meta.tags = tags ?? []
        meta.fieldLocations = at
        return meta
    }

    /// `"text"` with no backslash, no other double quote and no control character (but tab) inside.
    static func quoted(_ s: UnsafeBufferPointer<UInt8>) -> String? {
        let q = UInt8(ascii: "\""), b = UInt8(ascii: "\\")
        guard s.count >= 2, s[0] == q, s[s.count - 1] == q else { return nil }
        let inner = UnsafeBufferPointer(rebasing: s[1..<(s.count - 1)])
        guard !inner.contains(where: { $0 == q || $0 == b || ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else { return nil }
        return String(decoding: inner, as: UTF8.self)
    }

    /// Letters, digits, spaces and `.,'()-` starting with a letter, and not a word YAML reads as another type.
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
