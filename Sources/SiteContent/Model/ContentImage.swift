/// An image file below the content folder (PNG, JPEG, SVG or WebP, outside `data/`): published as it is, at the
/// same path below the output folder, once however many pages show it. Pages (`![alt](../images/room.png)`)
/// and the site's `logo:` show it with the size read from its header.
public struct ContentImage: Sendable {
    public var kind: ImageKind
    /// Its size, or why it could not be read (an error only where a page or the logo shows it).
    public var size: Result<ImageSize, ImageSizeProblem>

    public init(kind: ImageKind, size: Result<ImageSize, ImageSizeProblem>) {
        self.kind = kind
        self.size = size
    }
}

extension ContentLoader {
    /// The image files among the content tree's files (`files` as the tree lists them), outside `data/`.
    package static func imageFiles(_ files: [String]) -> [(path: String, kind: ImageKind)] {
        files.compactMap { rel in
            guard !(rel == "data" || rel.hasPrefix("data/")), let kind = ImageKind(fileName: rel) else { return nil }
            return (rel, kind)
        }
    }
}
