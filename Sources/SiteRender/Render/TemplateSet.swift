import SiteContent
import Foundation

/// The templates under `Templates/` (`*.mustache`, partials in sub-folders, named by their relative path without
/// the extension: `partials/head`), parsed once (`TemplateParser`) and compiled into one `TemplateProgram`. Besides
/// rendering, it checks every variable, section and partial a template names against the view model it is given
/// (`check(_:model:)`): a missing one would render as nothing, silently; here it is a build error at its tag.
public struct TemplateSet: Sendable {
    package let parsed: [String: [TemplateNode]]
    let program: TemplateProgram
    /// Each template's file, as shown in messages.
    var files: [String: String] = [:]

    /// Loads every template; syntax errors are diagnostics at their tag.
    package static func load(directory: String, display: String) -> StageResult<TemplateSet> {
        var diags = Diagnostics()
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDir)
        guard exists, isDir.boolValue else {
            if exists {
                diags.error("template.folder-is-file", SourceLocation(file: display), "the templates path is a file, not a folder")
            } else {
                diags.error("template.missing-folder", SourceLocation(file: display), "the templates folder does not exist")
            }
            return StageResult(nil, diags.items)
        }
        let tree = SourceTree(root: directory)
        let (all, listProblems) = tree.files()
        diags.append(contentsOf: listProblems)
        var texts: [String: (text: String, file: String)] = [:]
        for rel in all.sorted() where rel != "assets" && !rel.hasPrefix("assets/") {  // (a file "assets": see readAssets)
            let file = display + "/" + rel
            // Never left out unseen: a misnamed template (`page.mustach`, `head.html`) would be missing silently.
            guard rel.hasSuffix(".mustache") else {
                diags.error("template.not-mustache", SourceLocation(file: file),
                    "this file is not read: a template's name ends in .mustache", hint: "files to publish as they are go in \(display)/assets/")
                continue
            }
            if let text = ContentLoader.readText(directory + "/" + rel, display: file, tree: tree, diagnostics: &diags) {
                texts[String(rel.dropLast(".mustache".count))] = (text, file)
            }
        }
        let set = parse(texts, diagnostics: &diags)
        return StageResult(set, diags.items)
    }

    /// Parses templates given as texts (name → text and the file shown in messages).
    package static func parse(_ texts: [String: (text: String, file: String)]) -> StageResult<TemplateSet> {
        var diags = Diagnostics()
        let set = parse(texts, diagnostics: &diags)
        return StageResult(set, diags.items)
    }

    /// Parses the templates, then, when nothing failed so far (a template that could not be read would be
    /// reported missing), checks that every partial exists and none includes itself.
    static func parse(
        _ texts: [String: (text: String, file: String)], diagnostics diags: inout Diagnostics
    ) -> TemplateSet? {
        var parsed: [String: [TemplateNode]] = [:]
        for (name, t) in texts.sorted(by: { $0.key < $1.key }) {
            switch TemplateParser.parse(t.text, file: t.file) {
            case .success(let nodes): parsed[name] = nodes
            case .failure(let d): diags.append(d)
            }
        }
        if diags.hasErrors { return nil }
        let set = TemplateSet(parsed: parsed, program: TemplateProgram(parsed), files: texts.mapValues(\.file))
        diags.append(contentsOf: set.checkPartialsExist())
        diags.append(contentsOf: set.checkPartialCycles())
        return diags.hasErrors ? nil : set
    }

    public var names: [String] { parsed.keys.sorted() }
    public func has(_ name: String) -> Bool { parsed[name] != nil }

    /// Checks that every name template `name` (and the partials it includes) uses is a field of `model` or of the
    /// view models its sections enter. Run once per template and view-model type, before rendering any page.
    /// A page `layout` that never writes `page.content` would publish its pages without their text: an error at it.
    package func check(_ name: String, model: any TemplateValue.Type, layout: Bool = false) -> [Diagnostic] {
        var check = TemplateCheck(set: self)
        check.check(template: name, stack: [.model(model)], depth: 0)
        guard layout, !check.writesContent else { return check.diagnostics }
        return check.diagnostics + [
            .error("template.no-page-content", SourceLocation(file: files[name] ?? name),
                "layout '\(name)' never writes page.content: every page it lays out would be published without its text",
                hint: "write {{{page.content}}} where the page's text goes")
        ]
    }

    /// Renders a view model with template `name` (checked beforehand with `check(_:model:)`).
    package func render(_ name: String, context: any TemplateValue) -> String {
        String(decoding: renderBytes(name, context: context), as: UTF8.self)
    }

    /// Renders a view model with template `name`, as UTF-8 bytes.
    package func renderBytes(_ name: String, context: any TemplateValue, capacity: Int = 16 << 10) -> [UInt8] {
        program.render(name, context, capacity: capacity)
    }

    /// A partial that includes itself, directly or through others, would never finish rendering: each cycle is
    /// an error at the tag that closes it. Iterative depth-first search (no recursion on template input).
    package func checkPartialCycles() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var edges: [String: [(String, SourceLocation)]] = [:]
        for (name, nodes) in parsed {
            edges[name] = TemplateNode.partials(in: nodes).filter { parsed[$0.name] != nil }.map { ($0.name, $0.at) }
        }
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        for start in parsed.keys.sorted() where state[start] == nil {
            var path: [(name: String, next: Int)] = [(start, 0)]
            state[start] = 1
            while var top = path.popLast() {
                let list = edges[top.name] ?? []
                if top.next >= list.count {
                    state[top.name] = 2
                    continue
                }
                let (target, at) = list[top.next]
                top.next += 1
                path.append(top)
                switch state[target] {
                case 1:
                    let cycle = path.map(\.name).drop { $0 != target } + [target]
                    out.append(
                        .error("template.partial-cycle",
                            at, "partial '\(target)' includes itself (\(cycle.joined(separator: " → ")))",
                            hint: "a partial may not include itself, directly or through other partials"))
                case nil:
                    state[target] = 1
                    path.append((target, 0))
                default: break
                }
            }
        }
        return out
    }

    package func checkPartialsExist() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (name, nodes) in parsed.sorted(by: { $0.key < $1.key }) {
            for (p, at) in TemplateNode.partials(in: nodes) where parsed[p] == nil {
                out.append(
                    .error(
                        "template.unknown-partial", at, "template '\(name)' includes partial '\(p)', which does not exist",
                        hint: "templates: \(parsed.keys.sorted().joined(separator: ", "))"))
            }
        }
        return out
    }
}
