/// What a template tag finds in a view model (`TemplateValue.data(_:)`): typed, so rendering needs no casts.
package enum TemplateData {
    case text(String)
    case flag(Bool)
    case number(Int)
    case record(any TemplateValue)
    case list([TemplateData])

    /// A list of view models.
    package static func records(_ values: [some TemplateValue]) -> TemplateData { .list(values.map { .record($0) }) }

    /// The value as swift-mustache and the template check see it (`MustacheParent.child(named:)`).
    package var any: Any {
        switch self {
        case .text(let s): s
        case .flag(let b): b
        case .number(let n): n
        case .record(let r): r
        case .list(let l): l.map(\.any)
        }
    }

    /// How a variable tag writes the value (as swift-mustache does: `String(describing:)`).
    var rendered: String {
        switch self {
        case .text(let s): s
        case .flag(let b): b ? "true" : "false"
        case .number(let n): String(n)
        case .record(let r): String(describing: r)
        case .list(let l): String(describing: l.map(\.any))
        }
    }
}

/// Renders compiled templates (`CompiledTemplate`) into one byte buffer, with swift-mustache's rules for looking
/// names up the context stack and for sections over flags, lists and values.
struct TemplateRenderer {
    typealias Node = CompiledTemplate.Node
    let templates: [String: CompiledTemplate]
    var out: [UInt8] = []
    var stack: [TemplateData] = []

    init(templates: [String: CompiledTemplate], capacity: Int) {
        self.templates = templates
        out.reserveCapacity(capacity)
    }

    /// Renders template `name` with `value` as the only item of the stack.
    mutating func render(_ name: String, _ value: any TemplateValue) {
        guard let t = templates[name] else { return }
        stack = [.record(value)]
        render(t.nodes, indentation: nil)
    }

    mutating func render(_ nodes: [Node], indentation: String?) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, indentation: indentation) }
            return
        }
        // Inside an indented partial, every node that starts a new line of this template's output is indented.
        let segment = out.count
        for node in nodes {
            let start = out.count
            render(node, indentation: indentation)
            if out.count > start, start > segment, out[start - 1] == UInt8(ascii: "\n"),
                !(start - 2 >= segment && out[start - 2] == UInt8(ascii: "\r"))
            {
                out.insert(contentsOf: Array(indentation.utf8), at: start)
            }
        }
    }

    mutating func render(_ node: Node, indentation: String?) {
        switch node {
        case .text(let bytes):
            out += bytes
        case .variable(let name, let escaped):
            guard let value = lookup(name) else { return }
            if case .text(let s) = value {
                escaped ? appendEscaped(s) : append(s)
            } else {
                escaped ? appendEscaped(value.rendered) : append(value.rendered)
            }
        case .section(let name, let inner):
            switch lookup(name) {
            case .none: return
            case .flag(let b)?: if b { render(inner, indentation: indentation) }
            case .list(let items)?:
                for item in items {
                    stack.append(item)
                    render(inner, indentation: indentation)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(inner, indentation: indentation)
                stack.removeLast()
            }
        case .inverted(let name, let inner):
            switch lookup(name) {
            case .none: render(inner, indentation: indentation)
            case .flag(let b)?: if !b { render(inner, indentation: indentation) }
            case .list(let items)? where items.isEmpty:
                stack.append(.list(items))
                render(inner, indentation: indentation)
                stack.removeLast()
            default: return
            }
        case .partial(let name, let indented):
            guard let t = templates[name] else { return }
            render(t.nodes, indentation: indented.map { (indentation ?? "") + $0 } ?? indentation)
        }
    }

    func lookup(_ name: CompiledTemplate.TagName) -> TemplateData? {
        switch name.scope {
        case .current:
            return stack.last
        case .top:
            return stack.last.flatMap { follow(name.parts[...], from: $0) }
        case .stack:
            guard let first = name.parts.first else { return stack.last }
            for object in stack.reversed() {
                if let child = Self.child(first, of: object) { return follow(name.parts.dropFirst(), from: child) }
            }
            return nil
        }
    }

    func follow(_ names: ArraySlice<String>, from value: TemplateData) -> TemplateData? {
        var v = value
        for n in names {
            guard let c = Self.child(n, of: v) else { return nil }
            v = c
        }
        return v
    }

    static func child(_ name: String, of value: TemplateData) -> TemplateData? {
        if case .record(let r) = value { return r.data(name) }
        return nil
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// `&`, `<`, `>`, `"` and `'` as entities (swift-mustache's HTML escaping).
    mutating func appendEscaped(_ s: String) {
        var s = s
        s.withUTF8 { src in
            var from = 0
            for i in 0..<src.count {
                let rep: StaticString
                switch src[i] {
                case UInt8(ascii: "&"): rep = "&amp;"
                case UInt8(ascii: "<"): rep = "&lt;"
                case UInt8(ascii: ">"): rep = "&gt;"
                case UInt8(ascii: "\""): rep = "&quot;"
                case UInt8(ascii: "'"): rep = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<i]))
                rep.withUTF8Buffer { out.append(contentsOf: $0) }
                from = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<src.count]))
        }
    }
}
