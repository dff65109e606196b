/// What every stage of a build (and every loader inside one) returns: its output, or nil when an error kept it
/// from being made, and every diagnostic it found — errors and warnings, in the order found.
package struct StageResult<Output> {
    package var output: Output?
    package var diagnostics: [Diagnostic]

    package init(_ output: Output?, _ diagnostics: [Diagnostic] = []) {
        self.output = output
        self.diagnostics = diagnostics
    }

    /// A result with an output and no problems.
    package static func success(_ output: Output) -> StageResult { StageResult(output) }
    /// A result whose problems kept the output from being made.
    package static func failure(_ diagnostics: [Diagnostic]) -> StageResult { StageResult(nil, diagnostics) }

    /// The output, unless the stage found an error: a stage with errors hands nothing on.
    package var checkedOutput: Output? { hasErrors ? nil : output }
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension StageResult: Sendable where Output: Sendable {}
