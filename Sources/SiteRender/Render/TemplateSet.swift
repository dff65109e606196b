import SiteContent
import Foundation
import Mustache

/// The templates under `Templates/` (`*.mustache`, partials in sub-folders, named by their relative path without
/// the extension: `partials/head`), loaded and parsed once. Besides rendering, it checks every variable, section
/// and partial a template names against the view model it is given: swift-mustache would render a missing one
/// as an empty string, silently; here it is a build error at the template's line.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    package let parsed: [String: [TemplateToken]]
    package let files: [String: String]
    /// Every template compiled for `TemplateRenderer`, or nil when one uses a tag it does not handle (then
    /// swift-mustache renders).
    package var compiled: TemplateProgram? = nil

    /// The template library's parse errors in words (our own scanner, `TemplateToken.scan`, catches nearly
    /// all of them first, with its own).
    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "this Mustache syntax cannot be read" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag names another section than the one open"
        case .unfinishedName: return "a tag's name is not finished (a name is one word, closed by '}}')"
        case .expectedSectionEnd: return "a section is not closed"
        case .invalidSetDelimiter: return "delimiter changes ('{{=…=}}') are not used in ctsguide templates"
        default: return "this Mustache syntax is not used in ctsguide templates"
        }
    }

    /// Loads every template; syntax errors are diagnostics at their line.
    package static func load(directory: String, display: String) -> StageResult<TemplateSet> {
        var diags = Diagnostics()
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDir), !isDir.boolValue {
            diags.error("template.folder-is-file", SourceLocation(file: display), "the templates path is a file, not a folder")
            return StageResult(nil, diags.items)
        }
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            diags.error("template.missing-folder", SourceLocation(file: display), "the templates folder does not exist")
            return StageResult(nil, diags.items)
        }
        let tree = SourceTree(root: directory)
        let (all, listProblems) = tree.files()
        diags.append(contentsOf: listProblems)
        let names = all.filter { !$0.hasPrefix("assets/") && $0.hasSuffix(".mustache") }
        var library = MustacheLibrary()
        var parsed: [String: [TemplateToken]] = [:]
        var files: [String: String] = [:]
        var compiled: [String: CompiledTemplate]? = [:]
        for rel in names.sorted() {
            let name = String(rel.dropLast(".mustache".count))
            let file = display + "/" + rel
            guard let text = ContentLoader.readText(directory + "/" + rel, display: file, tree: tree, diagnostics: &diags) else {
                continue
            }
            // Our own scanner first: it is not recursive and bounds the nesting, so nothing deeper reaches
            // swift-mustache's parser; its positions are the ones reported.
            switch TemplateToken.scan(text, file: file) {
            case .success(let tokens):
                parsed[name] = tokens
                files[name] = file
            case .failure(let d):
                diags.append(d)
                continue
            }
            do {
                let template = try MustacheTemplate(string: text)
                library.register(template, named: name)
                compiled?[name] = try? CompiledTemplate(text)
                if compiled?[name] == nil { compiled = nil }
            } catch let e as MustacheTemplate.ParserError {
                parsed[name] = nil
                diags.error(.templateSyntax,
                    SourceLocation(file: file, line: e.context.lineNumber, column: e.context.columnNumber),
                    "template syntax: \(TemplateSet.describe(e.error))")
            } catch {
                parsed[name] = nil
                diags.error(.templateSyntax, SourceLocation(file: file), "template syntax: \(error)")
            }
        }
        if diags.hasErrors { return StageResult(nil, diags.items) }
        let set = TemplateSet(library: library, parsed: parsed, files: files, compiled: compiled.map(TemplateProgram.init))
        diags.append(contentsOf: set.checkPartialsExist())
        diags.append(contentsOf: set.checkPartialCycles())
        return StageResult(diags.hasErrors ? nil : set, diags.items)
    }

    public var names: [String] { parsed.keys.sorted() }
    public func has(_ name: String) -> Bool { parsed[name] != nil }

    /// Checks that every name template `name` (and the partials it includes) uses exists in `sample`: a view
    /// model whose every flag is true and every list holds an item, so every section is entered. Run once per
    /// template and view-model type, before rendering any page.
    public func check(_ name: String, sample: Any) -> [Diagnostic] {
        var checker = TemplateChecker(set: self)
        checker.check(template: name, stack: [sample], depth: 0)
        return checker.diagnostics
    }

    /// Renders `context` with template `name` (checked beforehand with `check(_:sample:)`).
    public func render(_ name: String, context: Any) -> String {
        if compiled != nil, let value = context as? any TemplateValue {
            return String(decoding: renderBytes(name, context: value), as: UTF8.self)
        }
        return library.render(context, withTemplate: name) ?? ""
    }

    /// Renders a view model with template `name`, as UTF-8 bytes.
    package func renderBytes(_ name: String, context: any TemplateValue, capacity: Int = 16 << 10) -> [UInt8] {
        guard let compiled else { return Array((library.render(context, withTemplate: name) ?? "").utf8) }
        return compiled.render(name, context, capacity: capacity)
    }

    /// A partial that includes itself, directly or through others, would never finish rendering: each cycle is
    /// an error at the tag that closes it. Iterative depth-first search (no recursion on template input).
    package func checkPartialCycles() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var edges: [String: [(String, SourceLocation)]] = [:]
        for (name, tokens) in parsed {
            edges[name] = TemplateToken.flatten(tokens).compactMap { t in
                if case .partial(let p) = t.kind, parsed[p] != nil { return (p, t.location) }
                return nil
            }
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
        for (name, tokens) in parsed.sorted(by: { $0.key < $1.key }) {
            for t in TemplateToken.flatten(tokens) {
                if case .partial(let p) = t.kind, parsed[p] == nil {
                    out.append(
                        .error("template.unknown-partial",
                            t.location, "template '\(name)' includes partial '\(p)', which does not exist",
                            hint: "templates: \(parsed.keys.sorted().joined(separator: ", "))"))
                }
            }
        }
        return out
    }

    package init(
        library: MustacheLibrary, parsed: [String: [TemplateToken]], files: [String: String],
        compiled: TemplateProgram? = nil
    ) {
        self.compiled = compiled
        self.library = library
        self.parsed = parsed
        self.files = files
    }
}
