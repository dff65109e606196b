import Foundation

/// One file of the generated site: its path relative to the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]
    /// The input file published as it is here (`Templates/assets/site.css`, `Content/images/room.png`); nil for
    /// a file the build makes.
    public var source: String?
    public init(path: String, bytes: [UInt8], source: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.source = source
    }
    public init(path: String, text: String) { self.init(path: path, bytes: Array(text.utf8)) }
}
