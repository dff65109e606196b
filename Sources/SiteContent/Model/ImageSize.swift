import Foundation

/// The kinds of image a page or the site's logo may show, and their size read from the file's own header
/// (PNG `IHDR`, the JPEG start-of-frame marker, WebP's `VP8 `/`VP8L`/`VP8X` chunk, the SVG root's
/// `width`/`height` or `viewBox`), so pages can say how much room an image takes before it loads.
public enum ImageKind: String, Sendable {
    case png, jpeg, svg, webp

    /// The kind a file name's extension names (case-insensitive), or nil for anything else.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case "svg": self = .svg
        case "webp": self = .webp
        default: return nil
        }
    }
}

/// An image's width and height in CSS pixels (the image's own pixels; an SVG's user units).
public struct ImageSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    /// The size from the file's bytes, or a reason it could not be read (the file is not the kind its name says,
    /// or it is cut short).
    public static func read(_ bytes: [UInt8], kind: ImageKind) -> Result<ImageSize, ImageSizeProblem> {
        func parse(_ kind: ImageKind) -> ImageSize? {
            switch kind {
            case .png: png(bytes)
            case .jpeg: jpeg(bytes)
            case .webp: webp(bytes)
            case .svg: svg(bytes)
            }
        }
        let size = parse(kind)
        guard let size else {
            // A PNG saved as photo.jpg opens in a viewer: the name is what is wrong, so say so.
            if let other = [ImageKind.png, .jpeg, .webp].first(where: { $0 != kind && parse($0) != nil }) {
                let name = other == .jpeg ? "jpg" : other.rawValue
                return .failure(
                    ImageSizeProblem("is a \(other.rawValue.uppercased()) image with a \(kind.rawValue.uppercased()) name: rename it to end in .\(name)"))
            }
            return .failure(
                ImageSizeProblem(
                    kind == .svg
                        ? "is not an SVG image with a size (the <svg> element needs width and height, or a viewBox)"
                        : "is not a readable \(kind.rawValue.uppercased()) image"))
        }
        guard size.width > 0, size.height > 0, size.width <= 100_000, size.height <= 100_000 else {
            return .failure(ImageSizeProblem("has an unusable size (\(size.width)×\(size.height))"))
        }
        return .success(size)
    }

    static func be16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    static func be32(_ b: [UInt8], _ i: Int) -> Int { be16(b, i) << 16 | be16(b, i + 2) }
    static func le16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    static func le24(_ b: [UInt8], _ i: Int) -> Int { le16(b, i) | Int(b[i + 2]) << 16 }

    /// The signature, then the `IHDR` chunk first: width and height as big-endian 32-bit numbers.
    static func png(_ b: [UInt8]) -> ImageSize? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard b.count >= 24, Array(b[0..<8]) == signature, Array(b[12..<16]) == Array("IHDR".utf8) else { return nil }
        return ImageSize(width: be32(b, 16), height: be32(b, 20))
    }

    /// Markers from `FFD8` on, each with its length, until a start-of-frame (`C0`–`CF` but `C4`, `C8`, `CC`):
    /// its height and width follow the sample precision.
    static func jpeg(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = be16(b, i + 2)
            guard length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard i + 9 <= b.count else { return nil }
                return ImageSize(width: be16(b, i + 7), height: be16(b, i + 5))
            }
            i += 2 + length
        }
        return nil
    }

    /// `RIFF....WEBP`, then the first chunk: lossy `VP8 ` (14-bit sizes after the frame tag and start code),
    /// lossless `VP8L` (14-bit sizes minus one, packed) or extended `VP8X` (24-bit sizes minus one).
    static func webp(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 30, Array(b[0..<4]) == Array("RIFF".utf8), Array(b[8..<12]) == Array("WEBP".utf8) else {
            return nil
        }
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8 ":
            guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return nil }
            return ImageSize(width: le16(b, 26) & 0x3FFF, height: le16(b, 28) & 0x3FFF)
        case "VP8L":
            guard b[20] == 0x2F else { return nil }
            let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
            return ImageSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return ImageSize(width: le24(b, 24) + 1, height: le24(b, 27) + 1)
        default:
            return nil
        }
    }

    /// The root `<svg …>` start tag: its `width` and `height` when both are plain numbers (or `px`), else its
    /// `viewBox` size.
    static func svg(_ b: [UInt8]) -> ImageSize? {
        let text = String(decoding: b.prefix(65_536), as: UTF8.self)
        // The root, not an '<svg' inside a comment before it (a drawing program's note).
        var from = text.startIndex, root: Range<String.Index>?
        while root == nil, let r = text[from...].range(of: "<svg") {
            guard let c = text[from..<r.lowerBound].range(of: "<!--") else { root = r; break }
            guard let end = text[c.upperBound...].range(of: "-->") else { return nil }
            from = end.upperBound
        }
        guard let open = root, let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[open.upperBound..<close]
        func attribute(_ name: String) -> String? {
            var rest = tag[...]
            while let r = rest.range(of: name) {
                let before = r.lowerBound == rest.startIndex ? " " : rest[rest.index(before: r.lowerBound)]
                var after = rest[r.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                rest = rest[r.upperBound...]
                guard before.isWhitespace, after.first == "=" else { continue }
                after = after.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                guard let q = after.first, q == "\"" || q == "'" else { return nil }
                return after.dropFirst().firstIndex(of: q).map { String(after.dropFirst()[..<$0]) }
            }
            return nil
        }
        func pixels(_ s: String?) -> Int? {
            guard var s = s?.trimmingCharacters(in: .whitespaces) else { return nil }
            if s.hasSuffix("px") { s.removeLast(2) }
            guard let v = Double(s), v.isFinite, v > 0, v < 1_000_000 else { return nil }
            return Int(v.rounded())
        }
        if let w = pixels(attribute("width")), let h = pixels(attribute("height")) {
            return ImageSize(width: w, height: h)
        }
        guard let box = attribute("viewBox") else { return nil }
        let parts = box.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }.compactMap { Double($0) }
        guard parts.count == 4, parts[2] > 0, parts[3] > 0, parts[2] < 1_000_000, parts[3] < 1_000_000 else { return nil }
        return ImageSize(width: Int(parts[2].rounded()), height: Int(parts[3].rounded()))
    }
}

/// Why an image's size could not be read (said after the file's name).
public struct ImageSizeProblem: Error, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}
