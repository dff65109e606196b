import SiteContent
import SiteRender
import SiteBuild
import Foundation

/// What the preview server shows: the last good site (in memory, as `SiteBuilder.generate` returned it) and,
/// when the latest build failed, its errors. Answers requests with the published site's URLs (a folder is its
/// `index.html`, a miss is `404.html`) and adds the preview-only reload script (and an error banner) to HTML
/// responses only; the generated files themselves stay as published (no script, same CSP).
struct PreviewSite: Sendable {
    private var files: [String: [UInt8]] = [:]
    private var hasSite = false
    private var errors: [Diagnostic] = []
    /// Goes up after every build, good or bad; open pages reload when it changes.
    private var version = 0

    /// The path prefix of everything the preview adds (long and specific, so no page of a site collides with it).
    static let prefix = "/__ctsguide-preview/"

    /// A successful build: serve it, clear the errors.
    mutating func update(_ site: GeneratedSite) {
        files = Dictionary(site.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { $1 })
        hasSite = true
        errors = []
        version += 1
    }

    /// A failed build: keep serving the last good site, with the errors on every page.
    mutating func fail(_ diagnostics: [Diagnostic]) {
        errors = diagnostics.filter { $0.severity == .error }.sorted()
        if errors.isEmpty { errors = diagnostics.sorted() }
        version += 1
    }

    func respond(target: String) -> HTTPResponse {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var path = String(parts.first ?? "/")
        path = path.removingPercentEncoding ?? path
        if path.hasPrefix(PreviewSite.prefix) {
            return previewAsset(String(path.dropFirst(PreviewSite.prefix.count)), version: version)
        }
        guard path.hasPrefix("/"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            return HTTPResponse(status: 400, body: Array("bad path\n".utf8))
        }
        var rel = String(path.dropFirst())
        if rel.isEmpty || rel.hasSuffix("/") { rel += "index.html" }
        if files[rel] == nil, files[rel + "/index.html"] != nil {
            // The address as it came (still percent-encoded) with its query (`calculator?minutes=38`), which a
            // link may carry; a query with anything but visible ASCII is left out rather than put in a header.
            let query = parts.count > 1 && parts[1].unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) ? "?" + parts[1] : ""
            return HTTPResponse(status: 301, headers: [("Location", parts[0] + "/" + query)])
        }
        if !hasSite {
            return html(status: 500, PreviewPages.errorPage(errors, version: version))
        }
        let status = files[rel] == nil ? 404 : 200
        guard var bytes = files[rel] ?? files[NotFoundPage.outputPath] else {
            return HTTPResponse(status: 404, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("not found\n".utf8))
        }
        if status == 404 {
            // The not-found page's links are relative to the root; this address may be folders deeper.
            bytes = Array(NotFoundPage.rebase(String(decoding: bytes, as: UTF8.self), prefix: NotFoundPage.prefix(forRequestPath: path)).utf8)
        }
        let type = status == 404 ? "text/html; charset=utf-8" : PreviewPages.contentType(rel)
        guard type.hasPrefix("text/html") else {
            return HTTPResponse(status: status, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: bytes)
        }
        return html(status: status, PreviewPages.inject(into: bytes, errors: errors, version: version))
    }

    private func html(status: Int, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
            body: body)
    }

    private func previewAsset(_ name: String, version: Int) -> HTTPResponse {
        let headers = [("Cache-Control", "no-store")]
        switch name {
        case "version":
            return HTTPResponse(status: 200, headers: headers + [("Content-Type", "text/plain; charset=utf-8")], body: Array("\(version)".utf8))
        case "reload.js":
            return HTTPResponse(status: 200, headers: headers + [("Content-Type", "text/javascript; charset=utf-8")], body: Array(PreviewPages.reloadScript.utf8))
        case "preview.css":
            return HTTPResponse(status: 200, headers: headers + [("Content-Type", "text/css; charset=utf-8")], body: Array(PreviewPages.style.utf8))
        default:
            return HTTPResponse(status: 404, headers: headers, body: Array("not found\n".utf8))
        }
    }
}
