/// A stable name for a kind of problem, e.g. `link.broken-anchor` or `SiteContent.LoadFees`: tools and tests
/// match on it, never on the message's words. Checks with a well-known meaning have a named id; every other
/// diagnostic is named after the module and file of the check that found it.
public struct DiagnosticID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// `SiteContent/Data/LoadFees.swift` (a `#fileID`) → `SiteContent.LoadFees`.
    public init(fileID: String) {
        let parts = fileID.split(separator: "/")
        let module = parts.first.map(String.init) ?? ""
        var file = parts.last.map(String.init) ?? fileID
        if file.hasSuffix(".swift") { file.removeLast(6) }
        self.rawValue = module.isEmpty || parts.count < 2 ? file : module + "." + file
    }

    public var description: String { rawValue }
    public static func < (a: DiagnosticID, b: DiagnosticID) -> Bool { a.rawValue < b.rawValue }
}

/// One problem found by any stage: what kind (`id`), how bad (`severity`), where (`range`), what (`message`),
/// an optional fix (`hint`) and related places (`notes`). Printed by `DiagnosticFormatter`, compiler-style:
/// `Content/codes/97550.md:12:5: error: unknown directive 'fee-tabel'`.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    /// A place related to the problem (the other definition of a duplicate, the page a link comes from).
    public struct Note: Hashable, Sendable {
        public var location: SourceLocation
        public var message: String
        public init(_ location: SourceLocation, _ message: String) {
            self.location = location
            self.message = message
        }
    }

    public var id: DiagnosticID
    public var severity: Severity
    public var range: SourceRange
    public var message: String
    public var hint: String?
    public var notes: [Note]

    /// Where the problem starts.
    public var location: SourceLocation {
        get { range.start }
        set { range.start = newValue }
    }

    public init(
        _ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil,
        id: DiagnosticID? = nil, end: SourceLocation? = nil, notes: [Note] = [], fileID: String = #fileID
    ) {
        self.id = id ?? DiagnosticID(fileID: fileID)
        self.severity = severity
        self.range = SourceRange(location, end: end)
        self.message = message
        self.hint = hint
        self.notes = notes
    }

    public static func error(
        _ location: SourceLocation, _ message: String, hint: String? = nil, id: DiagnosticID? = nil,
        notes: [Note] = [], fileID: String = #fileID
    ) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint, id: id, notes: notes, fileID: fileID)
    }

    public static func warning(
        _ location: SourceLocation, _ message: String, hint: String? = nil, id: DiagnosticID? = nil,
        notes: [Note] = [], fileID: String = #fileID
    ) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint, id: id, notes: notes, fileID: fileID)
    }

    /// Two reports of the same problem at the same place are one problem, whichever check found it.
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.severity, a.range, a.message, a.hint, a.notes) == (b.severity, b.range, b.message, b.hint, b.notes)
    }

    public func hash(into h: inout Hasher) {
        h.combine(severity)
        h.combine(range)
        h.combine(message)
    }

    /// Sorted by where, then how bad, then what.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.severity, a.message) < (b.location, b.severity, b.message)
    }

    /// The printed form (`DiagnosticFormatter.text`).
    public var description: String { DiagnosticFormatter.text(self) }
}
