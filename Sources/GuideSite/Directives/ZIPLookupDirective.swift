import SiteRender
import GuideCalc
import GuideCompute

/// The ZIP code field shared by the calculator and the locality fee pages: a labelled text input and a polite
/// live region; `assets/zip.js` loads `assets/zip-lookup.js` on the first entry, which loads the prefix's script
/// (`ZIPScripts`) and selects the locality. Every sentence
/// the script shows comes from the data attributes written here (placeholders `{zip}`, `{locality}`); `unknown`
/// is given the name of the ZIP code list.
package enum ZIPField {
    /// The field's HTML, or "" when the data has no ZIP codes. `target` is `select:ID` (set that select) or
    /// `table` (mark the row of the page's locality table that names the locality).
    package static func html(_ context: DirectiveContext, id: String, target: String, found: String, unknown: (String) -> String) -> HTML {
        guard let codes = context.site.data.zipCodes else { return .empty }
        let split = ZIPWording.splitNote(zip: "{zip}", localityName: "{locality}")
        let attrs: [(String, String)] = [
            ("data-zip-script", context.url(to: "assets/zip-lookup.js")),
            ("data-zip-base", String(context.url(to: ZIPScripts.path(prefix: "x")).dropLast("x.js".count))), ("data-zip-prefix", String(ZIPScripts.prefixDigits)),
            ("data-zip-target", target), ("data-msg-found", found), ("data-msg-split", split),
            ("data-msg-unknown", unknown("Medicare’s ZIP code list (\(codes.quarterLabel))")),
            ("data-msg-malformed", "A ZIP code has five digits."),
            ("data-msg-failed", "The ZIP code list could not be loaded; choose the locality yourself."),
        ]
        return [
            .el("div", [.class("calc-field zip-field"), .id("\(id)-field")] + attrs.map { HTMLAttribute($0.0, $0.1) },
                .newline, .el("label", [.attr("for", id)], "ZIP code of the practice (five digits)"), .newline,
                .void("input", [
                    .attr("type", "text"), .id(id), .attr("name", "zip"), .attr("inputmode", "numeric"),
                    .attr("autocomplete", "postal-code"), .attr("maxlength", "5"), .attr("size", "6"),
                    .attr("pattern", "[0-9]{5}"), .attr("spellcheck", "false"), .attr("aria-describedby", "\(id)-status"),
                ]), .newline,
                .el("p", [.class("zip-status"), .id("\(id)-status"), .attr("aria-live", "polite")]), .newline),
            .newline,
        ]
    }

    /// The script tag for `assets/zip.js` (after the page's other scripts).
    static func script(_ context: DirectiveContext) -> HTML {
        guard context.site.data.zipCodes != nil else { return .empty }
        return GuideSite.script(context.url(to: "assets/zip.js"))
    }

    /// The calculator's field: it sets the locality select.
    static func calculator(_ context: DirectiveContext) -> HTML {
        html(context, id: "calc-zip", target: "select:calc-locality",
             found: "ZIP code {zip} is in the Medicare payment locality {locality}; the locality below is set to it.",
             unknown: { "ZIP code {zip} is not in \($0); choose the locality below." })
    }
}

/// ```` ```zip-lookup ````: on a locality fee page, a ZIP code field that marks the row of the page's table for
/// the ZIP code's locality. Hidden without JavaScript; nothing at all when the data has no ZIP codes.
package struct ZIPLookupDirective: Directive {
    package static let directiveName = "zip-lookup"
    package let name = ZIPLookupDirective.directiveName

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError(.directiveArguments, "takes no arguments", at: use.location(ofArgument: 0)) }
        guard context.site.data.zipCodes != nil else { return DirectiveOutput(.empty) }
        let field = ZIPField.html(
            context, id: "zip-lookup", target: "table",
            found: "ZIP code {zip} is in the Medicare payment locality {locality}; its row is marked in the table below.",
            unknown: { "ZIP code {zip} is not in \($0); find the locality in the table below." })
        let form = HTML.el(
            "form", [.class("zip-lookup card"), .id("zip-lookup-form"), .flag("hidden"), .attr("aria-label", "Find a locality by ZIP code")],
            .newline, field)
        return DirectiveOutput([form, .newline, ZIPField.script(context)])
    }
}
