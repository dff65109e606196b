import Foundation
import Yams

extension YAMLContext {
    /// The line and column of a byte offset (for reader errors), or nil.
    static func position(atByte offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, seen = 0
        for s in text.unicodeScalars {
            if seen >= offset { break }
            seen += String(s).utf8.count
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// Keys written twice in the same block mapping: each repeat with its line and column (1-based, in `text`)
    /// and the line of the first use. Flow mappings (`{a: 1, a: 2}`) are not looked into.
    static func repeatedKeys(in text: String) -> [(key: String, line: Int, column: Int, firstLine: Int)] {
        var out: [(key: String, line: Int, column: Int, firstLine: Int)] = []
        // Open block mappings by the column of their keys: key → line of first use.
        var open: [Int: [String: Int]] = [:]
        var inBlockScalar: Int? = nil
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(raw.hasSuffix("\r") ? raw.dropLast() : raw)
            var col = 0
            while col < line.count, line[col] == " " { col += 1 }
            if col == line.count || line[col] == "#" { continue }
            if let b = inBlockScalar {
                if col > b { continue }
                inBlockScalar = nil
            }
            if col == 0, line.starts(with: Array("---")) || line.starts(with: Array("...")) {
                open = [:]
                continue
            }
            // "- " items start a new mapping at the column after the dash(es).
            var startsItem = false
            while col + 1 < line.count, line[col] == "-", line[col + 1] == " " {
                startsItem = true
                col += 2
                while col < line.count, line[col] == " " { col += 1 }
            }
            for k in open.keys where k > col || (startsItem && k >= col) { open[k] = nil }
            guard let (key, valueStart) = keyAt(line, col) else { continue }
            if let first = open[col]?[key] {
                out.append((key, i + 1, col + 1, first))
            } else {
                open[col, default: [:]][key] = i + 1
            }
            let value = String(line[valueStart...]).trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("|") || value.hasPrefix(">") { inBlockScalar = col }
        }
        return out
    }

    /// Keys written twice in the flow mapping (`{…}`) whose first key is at `line`/`column` (1-based, characters):
    /// each repeat with its position and the line of its first use. Quoted keys and values, and nested `{…}` and
    /// `[…]` values, are stepped over.
    static func repeatedFlowKeys(in text: String, line: Int, column: Int) -> [(key: String, line: Int, column: Int, firstLine: Int)] {
        let chars = Array(text.unicodeScalars)
        var i = 0, l = 1, c = 1
        func advance() {
            if chars[i] == "\n" { l += 1; c = 1 } else { c += 1 }
            i += 1
        }
        while i < chars.count, l < line || (l == line && c < column) { advance() }
        var out: [(key: String, line: Int, column: Int, firstLine: Int)] = []
        var first: [String: Int] = [:]
        func record(_ key: String, _ at: (Int, Int)) {
            if let f = first[key] { out.append((key, at.0, at.1, f)) } else { first[key] = at.0 }
        }
        var depth = 1, expectKey = true
        while i < chars.count, depth > 0 {
            let ch = chars[i]
            if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" { advance(); continue }
            if ch == "\"" || ch == "'" {  // a quoted key or value, read whole
                let (at, q) = ((l, c), ch)
                var text = ""
                advance()
                while i < chars.count {
                    if chars[i] == "\\" && q == "\"" && i + 1 < chars.count { advance() }
                    else if chars[i] == q { if q == "'" && i + 1 < chars.count && chars[i + 1] == "'" { advance() } else { break } }
                    text.unicodeScalars.append(chars[i])
                    advance()
                }
                if i < chars.count { advance() }
                if expectKey && depth == 1 { record(text, at) }
                expectKey = false
                continue
            }
            switch ch {
            case "{", "[": depth += 1
            case "}", "]": depth -= 1
            case ",": if depth == 1 { expectKey = true }
            case ":": break
            default:
                if expectKey && depth == 1 {  // a plain key: up to ':' (before a space or the end), ',' or '}'
                    let at = (l, c)
                    var text = ""
                    while i < chars.count, !",}{[]".unicodeScalars.contains(chars[i]),
                        !(chars[i] == ":" && (i + 1 == chars.count || " \t\n,}".unicodeScalars.contains(chars[i + 1])))
                    {
                        text.unicodeScalars.append(chars[i])
                        advance()
                    }
                    record(text.trimmingCharacters(in: .whitespacesAndNewlines), at)
                    expectKey = false
                    continue
                }
            }
            advance()
        }
        return out
    }

    /// The key of a `key: value` line starting at `col` (plain or quoted), and where its value starts.
    static func keyAt(_ line: [Character], _ col: Int) -> (String, Int)? {
        guard col < line.count else { return nil }
        var j = col
        var key = ""
        if line[j] == "\"" || line[j] == "'" {
            let q = line[j]
            j += 1
            while j < line.count, line[j] != q { key.append(line[j]); j += 1 }
            guard j < line.count else { return nil }
            j += 1
            while j < line.count, line[j] == " " { j += 1 }
            guard j < line.count, line[j] == ":" else { return nil }
            return (key, j + 1)
        }
        if "[{&*!|>'\"%@`".contains(line[j]) { return nil }
        while j < line.count {
            if line[j] == ":" && (j + 1 == line.count || line[j + 1] == " " || line[j + 1] == "\t") {
                return (key.trimmingCharacters(in: .whitespaces), j + 1)
            }
            if line[j] == "#" && j > col && line[j - 1] == " " { return nil }
            key.append(line[j])
            j += 1
        }
        return nil
    }
}
