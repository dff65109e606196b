import Foundation
import Testing

@testable import SiteBuild
@testable import Preview
import TestSupport
import GuideSite

#if canImport(Glibc)
    import Glibc
#endif

/// `ctsguide serve` end to end on a copy of the fixture site: real sockets, real file edits, the real watcher.
@Suite("Preview server")
struct ServeTests {
    /// GET `path` from 127.0.0.1:`port`: (status, headers and body as text), or nil when nothing answers.
    static func get(_ port: Int, _ path: String) -> (status: Int, text: String)? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port)).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { return nil }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let status = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return (status, text)
    }

    /// Polls `path` until `condition` holds or `seconds` pass; returns the last response text and the time taken.
    static func waitFor(
        _ port: Int, _ path: String, within seconds: Double, _ condition: (String) -> Bool
    ) -> (text: String, seconds: Double) {
        let start = Date()
        var last = ""
        while Date().timeIntervalSince(start) < seconds {
            last = get(port, path)?.text ?? ""
            if condition(last) { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (last, Date().timeIntervalSince(start))
    }

    @Test("serve: a page, an edit seen within 2 s, a build error shown over the last good page, a fix, a clean stop")
    func editLoop() throws {
        let dir = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = dir + "/Content/guide/beta.md"
        let options = BuildOptions(
            contentDirectory: dir + "/Content", templatesDirectory: dir + "/Templates", outputDirectory: dir + "/Public",
            siteExtension: Guide.extension)
        let session = PreviewSession(options: options) { _, _ in }
        let port = try session.start(port: 0)
        defer { session.stop() }

        let first = try #require(Self.get(port, "/guide/beta/"))
        #expect(first.status == 200)
        #expect(first.text.contains("Content-Type: text/html; charset=utf-8"))
        #expect(first.text.contains("<script src=\"/__ctsguide-preview/reload.js?v="))
        #expect(!first.text.contains("Edited in the preview"))

        // Edit: the new text is served within 2 s.
        let original = try String(contentsOfFile: page, encoding: .utf8)
        try (original + "\nEdited in the preview.\n").write(toFile: page, atomically: true, encoding: .utf8)
        let edited = Self.waitFor(port, "/guide/beta/", within: 2) { $0.contains("Edited in the preview.") }
        #expect(edited.text.contains("Edited in the preview."), "the edit was not served within 2 s")

        // Break it: the error (with file:line:col) is shown, and the last good page is still served under it.
        try (original + "\nEdited in the preview.\n\n```fee-tabel\n```\n").write(toFile: page, atomically: true, encoding: .utf8)
        let broken = Self.waitFor(port, "/guide/beta/", within: 2) { $0.contains("ctsguide-build-error") }
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count + 3
        #expect(broken.text.contains("Content/guide/beta.md:\(line):1: error: unknown directive &#39;fee-tabel&#39;"))
        #expect(broken.text.contains("Edited in the preview."), "the last good page is no longer served")
        // Other pages show the error too, and assets are served unchanged (no banner, no script).
        #expect(Self.get(port, "/guide/")?.text.contains("ctsguide-build-error") == true)
        let css = try #require(Self.get(port, "/assets/style.css"))
        #expect(css.status == 200 && css.text.contains("Content-Type: text/css"))
        #expect(!css.text.contains("ctsguide"))

        // Fix it: the error goes, the fixed text is served.
        try (original + "\nFixed in the preview.\n").write(toFile: page, atomically: true, encoding: .utf8)
        let fixed = Self.waitFor(port, "/guide/beta/", within: 2) { $0.contains("Fixed in the preview.") }
        #expect(fixed.text.contains("Fixed in the preview."))
        #expect(!fixed.text.contains("ctsguide-build-error"))

        // URLs as published: a folder without its slash redirects, a miss is a 404.
        #expect(Self.get(port, "/guide/beta")?.text.contains("Location: /guide/beta/") == true)
        // …keeping its query (`calculator?minutes=38` fills in the form) and its address as sent.
        #expect(Self.get(port, "/guide/beta?minutes=38&zip=10001")?.text.contains("Location: /guide/beta/?minutes=38&zip=10001\r\n") == true)
        #expect(Self.get(port, "/guide/%62eta")?.text.contains("Location: /guide/%62eta/\r\n") == true)
        #expect(Self.get(port, "/no-such-page/")?.status == 404)

        session.stop()
        #expect(Self.get(port, "/guide/beta/") == nil, "the server still answers after stop()")
    }
}
