import Foundation
import SiteContent
import SiteRender

/// ```` ```launcher ````: big task entries (a home page's "start here"). Each line of the block is
/// `PAGE.md | title | one line of description`, the page given relative to this file as in a Markdown link; a page
/// that does not exist is an error at its line, so the entries never point nowhere (in a fork without those pages
/// too). The list's look is in `assets/blocks.css`.
package struct LauncherDirective: Directive {
    package let name = "launcher"
    /// Only pages: a plain site (no data/) may use it too.
    package var needsExtensionData: Bool { false }
    package var readsBody: Bool { true }

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else {
            throw DirectiveError(.directiveArguments, "takes no arguments; write one entry a line", at: use.location(ofArgument: 0))
        }
        var items: [HTML] = [.newline]
        // Each bad entry is an error at its line (all of them, not only the first).
        var problems: [Diagnostic] = []
        for (n, raw) in use.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let at = SourceLocation(file: use.location.file, line: use.location.line + 1 + n, column: 1)
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
                problems.append(.error("directive.launcher-bad-entry",
                    at, "\(name): a launcher entry is 'PAGE.md | title | description', found '\(line)'",
                    hint: "e.g. calculator.md | Calculate a session | Codes and units"))
                continue
            }
            let path = resolveRelative(parts[0], from: context.page.relativePath)
            guard let i = path.flatMap(context.site.pageIndex(atPath:)) else {
                let draft = path.map(context.site.drafts.contains) == true
                problems.append(.error("directive.launcher-unknown-page",
                    at, "\(name): \(draft ? "the page" : "no page") '\(parts[0])' for the launcher entry '\(parts[1])'\(draft ? " is a draft, which is not published" : "")",
                    hint: draft ? "publish the page (remove 'draft: true') or take the entry out" : "name a Markdown file relative to this page"))
                continue
            }
            var link: [HTML] = [.el("strong", [], .text(parts[1]))]
            if !parts[2].isEmpty { link.append(.el("span", [], .text(parts[2]))) }
            let to = context.site.pages[i].outputPath
            var attributes: [HTMLAttribute] = [.href(context.url(to: to))]
            // With base_url, the address a printed page shows (as for links in pages).
            if let base = context.site.config.baseURL { attributes.append(.attr("data-print-url", base + pageURLPath(to))) }
            items += [.el("li", [], .el("a", attributes, children: link)), .newline]
        }
        guard problems.isEmpty else { return DirectiveOutput(.group([]), diagnostics: problems) }
        guard items.count > 1 else { throw DirectiveError("directive.launcher-empty", "a launcher needs at least one entry") }
        return DirectiveOutput(
            .group([
                blocksStylesheet(context),
                .el("nav", [.attr("aria-label", "Start here")], .el("ul", [.class("launcher")], children: items)), .newline,
            ]))
    }
}
