import SiteContent

/// Checks every name a template (and the partials it includes) uses against the field tables of the view model it
/// is given (`TemplateValue.fields`): a name no table provides would render nothing, silently, so it is a build
/// error at its tag. Run once per template and view-model type, before any page is rendered; it walks the kinds,
/// not values, so every section is entered once.
struct TemplateCheck {
    /// An item of the context stack as the check sees it: a view model's type, or a text or number (no fields).
    enum Frame {
        case model(any TemplateValue.Type)
        case plain(TemplateKind)
    }

    let set: TemplateSet
    var diagnostics: [Diagnostic] = []
    var reported: Set<String> = []
    /// Whether the template writes the page's text (`{{{page.content}}}`, or `{{{content}}}` inside `{{#page}}`).
    var writesContent = false

    mutating func check(template name: String, stack: [Frame], depth: Int) {
        guard depth < 12, let nodes = set.parsed[name] else { return }
        check(nodes, template: name, stack: stack, depth: depth)
    }

    mutating func check(_ nodes: [TemplateNode], template: String, stack: [Frame], depth: Int) {
        for node in nodes {
            switch node {
            case .text: break
            case .partial(let p, _, _):
                check(template: p, stack: stack, depth: depth + 1)
            case .variable(let name, let escaped, let at):
                if name.parts.last == "content" { writesContent = true }  // (any other problem with it is reported below)
                switch resolve(name, stack) {
                case nil: missing(name, at, template, stack)
                case .html? where escaped:
                    // The HTML would be published as its markup, visible as text.
                    report(
                        .error(
                            "template.escaped-html", at,
                            "template '\(template)' writes '\(name.text)' escaped, but it is HTML: its tags would show as text",
                            hint: "write {{{\(name.text)}}}"), name)
                case .text? where !escaped:
                    // Text from pages and data ('<' in a title) would be published as markup.
                    report(
                        .error(
                            "template.unescaped-text", at,
                            "template '\(template)' writes '\(name.text)' unescaped, but it is text, not HTML",
                            hint: "write {{\(name.text)}}; only navigation and page.content are HTML"), name)
                case .record?, .list?, .texts?:
                    report(
                        .error(
                            "template.group-variable", at,
                            "template '\(template)' writes '\(name.text)', which is a group of values, not one; use a section",
                            hint: hint(stack)), name)
                default: break
                }
            case .section(let name, let inverted, let inner, let at):
                guard let kind = resolve(name, stack) else {
                    missing(name, at, template, stack)
                    continue
                }
                let frame: Frame? =
                    switch kind {
                    case _ where inverted: nil
                    case .flag: nil
                    case .record(let type), .list(let type): .model(type)
                    case .texts: .plain(.text)
                    case .text, .number, .html: .plain(kind)
                    }
                check(inner, template: template, stack: frame.map { stack + [$0] } ?? stack, depth: depth)
            }
        }
    }

    /// The kind `name` finds on `stack`, as the renderer looks it up (`TemplateRenderer.lookup`).
    func resolve(_ name: TemplateName, _ stack: [Frame]) -> TemplateKind? {
        guard let top = stack.last else { return nil }
        if name.scope == .current {
            switch top {
            case .model(let type): return .record(type)
            case .plain(let kind): return kind
            }
        }
        for frame in (name.scope == .top ? [top] : stack.reversed()) {
            guard case .model(let type) = frame, var kind = type.kind(of: name.parts[0]) else { continue }
            for part in name.parts.dropFirst() {
                guard case .record(let inner) = kind, let next = inner.kind(of: part) else { return nil }
                kind = next
            }
            return kind
        }
        return nil
    }

    mutating func missing(_ name: TemplateName, _ at: SourceLocation, _ template: String, _ stack: [Frame]) {
        report(
            .error(
                "template.unknown-variable", at,
                "template '\(template)' names '\(name.text)', which its view model does not provide", hint: hint(stack)),
            name)
    }

    /// Adds `d` unless the same name at the same tag was reported (a partial included twice).
    mutating func report(_ d: Diagnostic, _ name: TemplateName) {
        if reported.insert("\(d.location)|\(name.text)").inserted { diagnostics.append(d) }
    }

    /// The names available in the current item, when it is a view model.
    func hint(_ stack: [Frame]) -> String? {
        guard case .model(let type)? = stack.last else { return nil }
        return "available here: \(type.fieldNames.joined(separator: ", "))"
    }
}

extension TemplateValue {
    static func kind(of name: String) -> TemplateKind? { fields.kind(of: name) }
    static var fieldNames: [String] { fields.names }
}
