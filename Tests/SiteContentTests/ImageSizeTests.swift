import Foundation
import Testing
@testable import SiteContent
import TestSupport

/// Issue 25: image sizes read from the files' own headers (no image library), for PNG, JPEG, WebP and SVG.
@Suite struct ImageSizeTests {
    static func size(_ bytes: [UInt8], _ kind: ImageKind) -> ImageSize? { try? ImageSize.read(bytes, kind: kind).get() }

    @Test func pngSizeIsTheIHDRChunk() throws {
        // The branded fork's room.png: 320 × 200.
        let bytes = try #require(FileManager.default.contents(atPath: Paths.packageRoot + "/Tests/Fixtures/branded-fork/Content/images/room.png"))
        #expect(Self.size(Array(bytes), .png) == ImageSize(width: 320, height: 200))
        var header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        header += [0, 0, 0x07, 0x80, 0, 0, 0x04, 0x38]  // 1920 × 1080
        #expect(Self.size(header, .png) == ImageSize(width: 1920, height: 1080))
        #expect(Self.size(Array(header.prefix(20)), .png) == nil)  // cut short
        #expect(Self.size(Array("GIF89a-not-a-png-at-all".utf8), .png) == nil)
    }

    @Test func jpegSizeIsTheStartOfFrameAfterOtherSegments() {
        // SOI, an APP0 segment of 16 bytes, a DHT (C4, not a frame) of 4 bytes, then SOF2 (progressive): 600 × 400.
        var b: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14)
        b += [0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00]
        b += [0xFF, 0xC2, 0x00, 0x11, 0x08, 0x01, 0x90, 0x02, 0x58, 0x03]
        #expect(Self.size(b, .jpeg) == ImageSize(width: 600, height: 400))
        #expect(Self.size([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], .jpeg) == nil)  // no frame before the end
        #expect(Self.size([0x00, 0xD8, 0xFF, 0xC0], .jpeg) == nil)
    }

    @Test func webpSizeForLossyLosslessAndExtended() {
        func riff(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
            Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array(chunk.utf8) + [0, 0, 0, 0] + payload
                + Array(repeating: 0, count: 8)
        }
        // VP8: frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (little-endian): 300 × 150.
        let lossy = riff("VP8 ", [0, 0, 0, 0x9D, 0x01, 0x2A, 0x2C, 0x01, 0x96, 0x00])
        #expect(Self.size(lossy, .webp) == ImageSize(width: 300, height: 150))
        // VP8L: signature 2F, then width-1 and height-1 in 14 bits each: 100 × 50 → 99 | 49 << 14.
        let bits = 99 | 49 << 14
        let lossless = riff("VP8L", [0x2F, UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), 0])
        #expect(Self.size(lossless, .webp) == ImageSize(width: 100, height: 50))
        // VP8X: flags and reserved (4 bytes), then width-1 and height-1 in 24 bits: 2000 × 1000.
        let extended = riff("VP8X", [0, 0, 0, 0, 0xCF, 0x07, 0x00, 0xE7, 0x03, 0x00])
        #expect(Self.size(extended, .webp) == ImageSize(width: 2000, height: 1000))
        #expect(Self.size(riff("ABCD", [0, 0, 0, 0, 0, 0]), .webp) == nil)
    }

    @Test func svgSizeIsWidthAndHeightElseTheViewBox() {
        func svg(_ s: String) -> ImageSize? { ImageSizeTests.size(Array(s.utf8), .svg) }
        #expect(svg(#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="64" height="32px">"#) == ImageSize(width: 64, height: 32))
        #expect(svg(#"<svg viewBox="0 0 120 60" xmlns="http://www.w3.org/2000/svg"></svg>"#) == ImageSize(width: 120, height: 60))
        #expect(svg(#"<svg width="100%" height="100%" viewBox="0,0,10.4,20"></svg>"#) == ImageSize(width: 10, height: 20))
        #expect(svg(#"<svg stroke-width="3" viewBox="0 0 5 5"></svg>"#) == ImageSize(width: 5, height: 5))
        #expect(svg(#"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#) == nil)
        #expect(svg(#"<svg width="1e300" height="2"></svg>"#) == nil)
        #expect(svg("not svg") == nil)
    }

    @Test func kindsComeFromTheExtension() {
        #expect(ImageKind(fileName: "a/Room.PNG") == .png)
        #expect(ImageKind(fileName: "x.jpeg") == .jpeg && ImageKind(fileName: "x.JPG") == .jpeg)
        #expect(ImageKind(fileName: "x.svg") == .svg && ImageKind(fileName: "x.webp") == .webp)
        #expect(ImageKind(fileName: "x.gif") == nil && ImageKind(fileName: "png") == nil)
    }

    @Test func closeKeysOnlyAreSuggested() {
        #expect(!isCloseMatch("path", "date"))  // the hint the training department got
        #expect(!isCloseMatch("path", "draft"))
        #expect(isCloseMatch("title", "titel"))  // two letters swapped
        #expect(isCloseMatch("weight", "wieght"))
        #expect(isCloseMatch("lastmod", "lastmd"))
        #expect(isCloseMatch("draft", "drafts"))
        #expect(!isCloseMatch("toc", "tag"))
    }
}
