/// Collects diagnostics from every stage of a run so they can be reported together, sorted.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func append(_ d: Diagnostic) { items.append(d) }
    public mutating func append(contentsOf ds: some Sequence<Diagnostic>) { items.append(contentsOf: ds) }
    public mutating func error(_ id: DiagnosticID, _ at: SourceLocation, _ message: String, hint: String? = nil) {
        items.append(.error(id, at, message, hint: hint))
    }
    public mutating func warning(_ id: DiagnosticID, _ at: SourceLocation, _ message: String, hint: String? = nil) {
        items.append(.warning(id, at, message, hint: hint))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    /// Sorted by file, line, column; duplicates removed.
    public var sorted: [Diagnostic] { items.uniqueSorted }
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
    out.append(.error(last.id, last.location, "\(diagnostics.count - limit) more \(what) like the ones above"))
    return out
}
