/// What `fees import` changed besides writing the new period, kept as comment lines at the end of the period's
/// fee file so `fees remove` can undo it exactly (and a reader of the file sees what the import did). The loader
/// ignores comments; removing the period file removes the record with it. Paths are relative to the content
/// folder.
///
///     # `ctsguide fees remove 2027-07-01` undoes this import: (written by fees import; keep these lines)
///     # created: data/gpci/2027-07-01.csv
///     # created: localities/2027-07-01.md
///     # source added: cms-rvu27c
///     # changed: data/fees/2027-01-01.yaml :: through: 2027-12-31 :: through: 2027-06-30
///     # retired: data/outlook.yaml
///     #| checked: 2026-11-23
///     #| …
package struct UndoRecord {
    /// Files the import created (deleted again by `remove`, a GPCI table only while no other period uses it).
    var created: [String] = []
    var sourcesAdded: [String] = []
    /// One line of an existing file replaced: (file, the line before, the line after).
    var changedLines: [(file: String, old: String, new: String)] = []
    /// A file the import deleted, with its whole text.
    var retired: [(file: String, text: String)] = []
    /// A sources.yaml entry the import took out (cited only by the retired outlook): id, the entry before it, text.
    var sourcesRetired: [(id: String, after: String, text: String)] = []

    var isEmpty: Bool {
        created.isEmpty && sourcesAdded.isEmpty && changedLines.isEmpty && retired.isEmpty && sourcesRetired.isEmpty
    }

    static let sep = " :: "

    static func marker(_ effective: String) -> String {
        "# `ctsguide fees remove \(effective)` undoes this import: (written by fees import; keep these lines)\n"
    }

    func text(effective: String) -> String {
        guard !isEmpty else { return "" }
        var out = Self.marker(effective)
        for f in created { out += "# created: \(f)\n" }
        for s in sourcesAdded { out += "# source added: \(s)\n" }
        for c in changedLines { out += "# changed: \(c.file)\(Self.sep)\(c.old)\(Self.sep)\(c.new)\n" }
        // A whole text kept in the record: each of its lines behind "#| ".
        func kept(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { "#| \($0)\n" }.joined()
        }
        for r in retired { out += "# retired: \(r.file)\n" + kept(r.text) }
        for r in sourcesRetired { out += "# source retired: \(r.id)\(Self.sep)after\(Self.sep)\(r.after)\n" + kept(r.text) }
        return out
    }

    /// The record at the end of a fee file's text; nil when the file has none.
    static func parse(_ fileText: String) -> UndoRecord? {
        guard let start = fileText.range(of: "\n# `ctsguide fees remove ") else { return nil }
        var r = UndoRecord()
        var retiredLines: [Substring] = []
        var retiredFile: String? = nil
        var retiredSource: (String, String)? = nil
        func closeRetired() {
            if let f = retiredFile { r.retired.append((f, retiredLines.joined(separator: "\n"))) }
            if let (id, after) = retiredSource { r.sourcesRetired.append((id, after, retiredLines.joined(separator: "\n"))) }
            retiredFile = nil
            retiredSource = nil
            retiredLines = []
        }
        for line in fileText[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            if line.hasPrefix("#| ") || line == "#|" {
                retiredLines.append(line.dropFirst(line == "#|" ? 2 : 3))
                continue
            }
            closeRetired()
            if let v = value(line, "# created: ") {
                r.created.append(v)
            } else if let v = value(line, "# source added: ") {
                r.sourcesAdded.append(v)
            } else if let v = value(line, "# changed: ") {
                let parts = v.components(separatedBy: sep)
                if parts.count == 3 { r.changedLines.append((parts[0], parts[1], parts[2])) }
            } else if let v = value(line, "# retired: ") {
                retiredFile = v
            } else if let v = value(line, "# source retired: ") {
                let parts = v.components(separatedBy: sep)
                if parts.count == 3 { retiredSource = (parts[0], parts[2]) }
            }
        }
        closeRetired()
        return r
    }

    static func value(_ line: Substring, _ prefix: String) -> String? {
        line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : nil
    }
}
