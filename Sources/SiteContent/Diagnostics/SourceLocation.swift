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

/// A stretch of a file: from `start` up to (not including) `end`. Most problems know only where they start;
/// then `end` is nil.
public struct SourceRange: Hashable, Sendable {
    public var start: SourceLocation
    public var end: SourceLocation?

    public init(_ start: SourceLocation, end: SourceLocation? = nil) {
        self.start = start
        self.end = end
    }
}
