/// A stable name for one check, `area.what` in lower-case kebab words (`link.broken-anchor`,
/// `fees.overlapping-periods`): tools and tests match on it, never on the message's words. Every call site names
/// its id, written as a string literal; a check reported from several places uses a shared one (`DiagnosticIDs`).
public struct DiagnosticID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral rawValue: String) { self.rawValue = rawValue }

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
        _ id: DiagnosticID, _ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil,
        end: SourceLocation? = nil, notes: [Note] = []
    ) {
        self.id = id
        self.severity = severity
        self.range = SourceRange(location, end: end)
        self.message = message
        self.hint = hint
        self.notes = notes
    }

    public static func error(
        _ id: DiagnosticID, _ location: SourceLocation, _ message: String, hint: String? = nil, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(id, .error, location, message, hint: hint, notes: notes)
    }

    public static func warning(
        _ id: DiagnosticID, _ location: SourceLocation, _ message: String, hint: String? = nil, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(id, .warning, location, message, hint: hint, notes: notes)
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
