/// Where a problem is: a file (as the user named it, relative to the working directory where possible),
/// a 1-based line and a 1-based column. Line numbers count from the top of the file, front matter included.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found while loading, checking or rendering. Printed compiler-style:
/// `Content/codes/97550.md:12:5: error: unknown directive 'fee-tabel'`, with an optional indented hint line.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint)
    }

    public static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint)
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.severity, a.message) < (b.location, b.severity, b.message)
    }

    /// The printed form: one line, plus `  hint: …` on the next line when there is a hint.
    public var description: String {
        var s = "\(location): \(severity.rawValue): \(message)"
        if let hint { s += "\n    hint: \(hint)" }
        return s
    }
}

/// Collects diagnostics from every stage of a run so they can be reported together, sorted.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func append(_ d: Diagnostic) { items.append(d) }
    public mutating func append(contentsOf ds: some Sequence<Diagnostic>) { items.append(contentsOf: ds) }
    public mutating func error(_ at: SourceLocation, _ message: String, hint: String? = nil) {
        items.append(.error(at, message, hint: hint))
    }
    public mutating func warning(_ at: SourceLocation, _ message: String, hint: String? = nil) {
        items.append(.warning(at, message, hint: hint))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    /// Sorted by file, line, column; duplicates removed.
    public var sorted: [Diagnostic] { Array(Set(items)).sorted() }
}

/// Thrown when a run found errors; carries every diagnostic of the run (errors and warnings).
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
}

/// Keeps at most `limit` diagnostics of one kind and says how many more there were.
package func capped(_ diagnostics: [Diagnostic], limit: Int = 10, what: String) -> [Diagnostic] {
    guard diagnostics.count > limit else { return diagnostics }
    var out = Array(diagnostics.prefix(limit))
    let last = diagnostics[limit]
    out.append(.error(last.location, "\(diagnostics.count - limit) more \(what) like the ones above"))
    return out
}

/// A value, or the problems that kept it from being read (all of them, not just the first).
package enum Checked<Value> {
    case success(Value)
    case failure([Diagnostic])
}
