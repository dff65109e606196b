import SiteContent
import SiteRender

/// The cache's own binary encoding: little-endian integers, length-prefixed byte strings. Hand-written
/// because decoding thousands of entries per build must be cheap (December 2026: JSONDecoder took 0.15 s for
/// 10,000 input-stamp entries, more than a whole no-op rebuild); a malformed entry decodes to nil (a miss).
package struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { bytes += $0 } }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func raw(_ b: ArraySlice<UInt8>) { bytes += b }
    package mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes += s.utf8
    }
    mutating func digest(_ d: Digest) {
        int(Int(Int64(bitPattern: d.high)))
        int(Int(Int64(bitPattern: d.low)))
    }
    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }
    mutating func location(_ l: SourceLocation) {
        string(l.file)
        int(l.line)
        int(l.column)
    }
}

package struct CacheReader {
    private let bytes: [UInt8]
    private var at = 0
    package struct Malformed: Error {}

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { at == bytes.count }
    /// Where the next read starts, and the bytes between two such places (a record to write back as it is).
    var offset: Int { at }
    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

    mutating func int() throws(Malformed) -> Int {
        guard at + 8 <= bytes.count else { throw Malformed() }
        defer { at += 8 }
        return Int(Int64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: Int64.self) }))
    }
    mutating func count() throws(Malformed) -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - at else { throw Malformed() }
        return n
    }
    mutating func bool() throws(Malformed) -> Bool {
        guard at < bytes.count else { throw Malformed() }
        at += 1
        return bytes[at - 1] != 0
    }
    package mutating func string() throws(Malformed) -> String {
        let n = try count()
        defer { at += n }
        return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
    }
    mutating func digest() throws(Malformed) -> Digest {
        let h = try int()
        let l = try int()
        return Digest(high: UInt64(bitPattern: Int64(h)), low: UInt64(bitPattern: Int64(l)))
    }
    mutating func strings() throws(Malformed) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }
    mutating func location() throws(Malformed) -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }
}

extension CacheWriter {
    mutating func optional(_ s: String?) {
        bool(s != nil)
        string(s ?? "")
    }

    /// Every field of each diagnostic (an incremental build reports exactly what a full build does).
    mutating func diagnostics(_ list: [Diagnostic]) {
        int(list.count)
        for d in list {
            bool(d.severity == .error)
            string(d.id.rawValue)
            location(d.range.start)
            bool(d.range.end != nil)
            location(d.range.end ?? d.range.start)
            string(d.message)
            optional(d.hint)
            int(d.notes.count)
            for n in d.notes {
                location(n.location)
                string(n.message)
            }
        }
    }
}

extension CacheReader {
    mutating func optional() throws(Malformed) -> String? {
        let has = try bool()
        let s = try string()
        return has ? s : nil
    }

    mutating func diagnostics() throws(Malformed) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for _ in 0..<(try count()) {
            let severity: Diagnostic.Severity = try bool() ? .error : .warning
            let id = DiagnosticID(try string())
            let start = try location()
            let hasEnd = try bool()
            let end = try location()
            let message = try string()
            let hint = try optional()
            var notes: [Diagnostic.Note] = []
            for _ in 0..<(try count()) { notes.append(Diagnostic.Note(try location(), try string())) }
            out.append(Diagnostic(id, severity, start, message, hint: hint, end: hasEnd ? end : nil, notes: notes))
        }
        return out
    }
}
