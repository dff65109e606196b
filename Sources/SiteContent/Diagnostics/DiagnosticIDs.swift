/// The ids of checks reported from more than one place. Every other call site writes its id as a string literal,
/// used once (`DiagnosticIDTests` checks both).
extension DiagnosticID {
    /// The output or cache folder is, contains or lies inside the content or templates folder (or each other).
    public static let folderOverlap: DiagnosticID = "folders.overlap"
    /// A folder or file below the content or templates folder that cannot be read or named.
    public static let unreadableInput: DiagnosticID = "input.unreadable"
    public static let stagingUnwritable: DiagnosticID = "output.staging-unwritable"
    public static let outputFileUnwritable: DiagnosticID = "output.file-unwritable"
    public static let pathTooLong: DiagnosticID = "input.path-too-long"
    public static let fileTooLarge: DiagnosticID = "input.file-too-large"
    public static let yamlUnreadable: DiagnosticID = "yaml.unreadable"
    public static let duplicateKey: DiagnosticID = "yaml.duplicate-key"
    public static let missingField: DiagnosticID = "yaml.missing-field"
    /// A mapping, list or text where another of the three was expected.
    public static let wrongType: DiagnosticID = "yaml.wrong-type"
    public static let invalidDate: DiagnosticID = "yaml.invalid-date"
    /// A code not in `data/codes.yaml` (front matter, families, fee periods).
    public static let unknownCode: DiagnosticID = "code.unknown"
    /// A source id not in `data/sources.yaml` (facts, examples, discrepancies, modifiers).
    public static let unknownSource: DiagnosticID = "source.unknown"
    public static let csvSyntax: DiagnosticID = "csv.syntax"
    /// A page whose Markdown is not rendered at all (too large, too deep): it has no headings to link to.
    public static let markdownRefused: DiagnosticID = "markdown.refused"
    /// A Mustache tag whose name is empty, holds spaces or braces, or characters a name may not hold.
    public static let templateBadName: DiagnosticID = "template.bad-name"
    public static let importUnreadable: DiagnosticID = "import.unreadable"
    public static let importWriteFailed: DiagnosticID = "import.write-failed"
    public static let noZIPRecords: DiagnosticID = "import-zip.no-records"
    /// A directive given arguments it does not take (or too few).
    public static let directiveArguments: DiagnosticID = "directive.arguments"
    public static let directiveUnknownCode: DiagnosticID = "directive.unknown-code"
    /// A directive whose data (fee periods, grades, families, lists) is not in the site's data.
    public static let directiveMissingData: DiagnosticID = "directive.missing-data"
    public static let directiveNoPeriod: DiagnosticID = "directive.no-period-on-date"
    public static let directiveNoChecklist: DiagnosticID = "directive.no-checklist-items"
}
