import SiteContent
import SiteRender

/// The preview's own markup: the reload script, the error banner and page, content types. Served only by
/// `ctsguide serve`; nothing here is ever written into the output folder.
package enum PreviewPages {
    /// Polls the build version and reloads when it changes. Loaded with `src` from the same origin, so the
    /// published pages' Content-Security-Policy (`default-src 'self'`) allows it unchanged.
    static let reloadScript = """
        (function () {
          var me = document.currentScript && document.currentScript.src || "";
          var m = /[?&]v=(\\d+)/.exec(me);
          var seen = m ? m[1] : null;
          function poll() {
            fetch("\(PreviewSite.prefix)version", { cache: "no-store" })
              .then(function (r) { return r.text(); })
              .then(function (v) {
                if (seen === null) seen = v;
                if (v !== seen) { location.reload(); return; }
                setTimeout(poll, 200);
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();

        """

    static let style = """
        #ctsguide-build-error { position: relative; z-index: 1000; margin: 0; padding: 1rem 1.25rem;
          background: #fff0f0; color: #5c0000; border-bottom: 3px solid #b00020; font: 14px/1.5 system-ui, sans-serif; }
        #ctsguide-build-error h2 { margin: 0 0 .5rem; font-size: 1.1rem; }
        #ctsguide-build-error pre { margin: 0; white-space: pre-wrap; font: 13px/1.45 ui-monospace, monospace; }
        #ctsguide-build-error p { margin: .5rem 0 0; }

        """

    static func contentType(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "xml": return "application/xml"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "webmanifest": return "application/manifest+json"
        default: return "application/octet-stream"
        }
    }

    /// The banner listing a failed build's errors (escaped), linked to the preview style sheet.
    static func banner(_ errors: [Diagnostic]) -> String {
        let lines = errors.map { escapeHTML(DiagnosticFormatter.text($0)) }.joined(separator: "\n")
        return """
            <div id="ctsguide-build-error" role="alert"><link rel="stylesheet" href="\(PreviewSite.prefix)preview.css">\
            <h2>The last change does not build</h2><pre>\(lines)</pre>\
            <p>Showing the last version that built. This page reloads when the files are fixed.</p></div>
            """
    }

    /// `page` with the reload script before `</body>` and, when the latest build failed, the error banner
    /// right after `<body…>`.
    static func inject(into page: [UInt8], errors: [Diagnostic], version: Int) -> [UInt8] {
        var html = String(decoding: page, as: UTF8.self)
        let script = "<script src=\"\(PreviewSite.prefix)reload.js?v=\(version)\"></script>"
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: script, at: end.lowerBound)
        } else {
            html += script
        }
        if !errors.isEmpty {
            if let open = html.range(of: "<body"), let close = html[open.upperBound...].firstIndex(of: ">") {
                html.insert(contentsOf: banner(errors), at: html.index(after: close))
            } else {
                html = banner(errors) + html
            }
        }
        return Array(html.utf8)
    }

    /// The page shown while the first build runs or when no build has succeeded yet.
    static func errorPage(_ errors: [Diagnostic], version: Int) -> [UInt8] {
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Build error · ctsguide preview</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main><p>No version of the site has built yet. This page reloads when one has.</p></main></body></html>

            """
        return inject(into: Array(page.utf8), errors: errors, version: version)
    }
}
