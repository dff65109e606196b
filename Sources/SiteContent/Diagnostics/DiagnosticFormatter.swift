/// The one place diagnostics become words: the terminal, `ctsguide check`, the preview server's error banner and
/// the tests all print them through here.
public enum DiagnosticFormatter {
    /// `path:line:col: severity: message`, then `    hint: …` and `    note: path:line:col: …` lines. Control
    /// characters in any part (a newline in a file name, an escape sequence in a quoted value) are shown
    /// escaped (`TerminalText`), so each problem keeps its own lines and nothing reaches the terminal raw.
    public static func text(_ d: Diagnostic) -> String {
        let e: (String) -> String = TerminalText.escaped
        var s = "\(e(d.location.description)): \(d.severity.rawValue): \(e(d.message))"
        if let hint = d.hint { s += "\n    hint: \(e(hint))" }
        for note in d.notes { s += "\n    note: \(e(note.location.description)): \(e(note.message))" }
        return s
    }

    /// Every diagnostic, sorted, duplicates removed, one after another.
    public static func text(_ ds: [Diagnostic]) -> String {
        ds.uniqueSorted.map(text).joined(separator: "\n")
    }
}

extension [Diagnostic] {
    /// Sorted by file, line and column, each problem once (the same problem found by two checks is one).
    public var uniqueSorted: [Diagnostic] { Array(Set(self)).sorted() }
}
