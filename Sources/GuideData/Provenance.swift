
/// Where a period's figures were read from: one entry per input file.
public struct ProvenanceEntry: Sendable, Hashable {
    /// File name as the maintainer had it (no folders).
    public var file: String
    /// The title line of the CMS file (empty when the file has none).
    public var title: String
    /// The date on the file's "RELEASED" line (PPRRVU files only).
    public var released: String?
    public var sha256: String
    /// For an RVU file: the conversion-factor option it gave (`standard`, `non-qp`, `qp`).
    public var conversionFactor: String?

    public init(file: String, title: String, released: String?, sha256: String, conversionFactor: String?) {
        self.file = file
        self.title = title
        self.released = released
        self.sha256 = sha256
        self.conversionFactor = conversionFactor
    }
}
