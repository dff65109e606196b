import SiteContent

extension TemplateData {
    /// How a variable tag writes the value. A nested view model or a list writes nothing: the template check
    /// refuses such a tag.
    var rendered: String {
        switch self {
        case .text(let s): s
        case .flag(let b): b ? "true" : "false"
        case .number(let n): String(n)
        case .record, .list: ""
        }
    }
}

extension TemplateProgram {
    /// Renders template `name` with `value` as the only item of the stack, into bytes.
    package func render(_ name: String, _ value: any TemplateValue, capacity: Int) -> [UInt8] {
        guard let t = index[name] else { return [] }
        return ops.withUnsafeBufferPointer { ops in
            text.withUnsafeBufferPointer { text in
                keys.withUnsafeBufferPointer { keys in
                    bodies.withUnsafeBufferPointer { bodies in
                        var r = TemplateRenderer(ops: ops, text: text, keys: keys, bodies: bodies)
                        r.out.reserveCapacity(capacity)
                        r.stack = [TemplateRenderer.Frame(.record(value))]
                        r.render(bodies[t], indentation: [])
                        return r.out
                    }
                }
            }
        }
    }
}

/// Renders a `TemplateProgram` into one byte buffer, with Mustache's rules for looking names up the context
/// stack and for sections over flags, lists and values (a section over any text, even empty, or a number, or a
/// view model renders once with it on the stack). The program is read through pointers, list
/// items are looked up in their list (never copied out and boxed), and a dotted name is read through nested
/// view models in place (`TemplateValue.data(_: TemplatePath)`).
struct TemplateRenderer {
    typealias Op = TemplateProgram.Op
    /// An item of the context stack: a view model, item `index` of a list a section is going through, or another
    /// value. A struct with a field per kind, not an enum: a view model is then read in place in the stack (an
    /// enum's payload was copied out, with its reference counts, at every look-up).
    struct Frame {
        enum Kind { case record, item, value }
        var kind: Kind
        var record: any TemplateValue = NoValue()
        var list: any TemplateList = NoValue.list
        var index = 0
        var value: TemplateData? = nil

        init(_ value: TemplateData) {
            if case .record(let r) = value {
                kind = .record
                record = r
            } else {
                kind = .value
                self.value = value
            }
        }

        init(_ list: any TemplateList, _ index: Int) {
            kind = .item
            self.list = list
            self.index = index
        }
    }

    let ops: UnsafeBufferPointer<Op>
    let text: UnsafeBufferPointer<UInt8>
    let keys: UnsafeBufferPointer<TemplateKey>
    let bodies: UnsafeBufferPointer<Range<Int>>
    var out: [UInt8] = []
    var stack: [Frame] = []

    mutating func render(_ range: Range<Int>, indentation: [UInt8]) {
        // Inside an indented partial, every node that starts a new line of this template's output is indented.
        let segment = out.count
        var i = range.lowerBound
        while i < range.upperBound {
            let start = out.count
            i = render(at: i, indentation: indentation)
            if !indentation.isEmpty, out.count > start, start > segment, out[start - 1] == UInt8(ascii: "\n"),
                !(start - 2 >= segment && out[start - 2] == UInt8(ascii: "\r"))
            {
                out.insert(contentsOf: indentation, at: start)
            }
        }
    }

    /// Renders operation `i` (a section with its body) and returns the index of the next one.
    mutating func render(at i: Int, indentation: [UInt8]) -> Int {
        let op = ops[i]
        switch op.kind {
        case .text:
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(op.a)..<Int(op.a + op.b)]))
        case .escaped, .raw:
            guard let value = lookup(op) else { break }
            op.kind == .escaped ? appendHTMLEscaped(value.rendered, to: &out) : append(value.rendered)
        case .section:
            let body = (i + 1)..<Int(op.c)
            switch lookup(op) {
            case .none: break
            case .flag(let b)?: if b { render(body, indentation: indentation) }
            case .list(let items)?:
                for k in 0..<items.count {
                    stack.append(Frame(items, k))
                    render(body, indentation: indentation)
                    stack.removeLast()
                }
            case let value?:
                stack.append(Frame(value))
                render(body, indentation: indentation)
                stack.removeLast()
            }
            return Int(op.c)
        case .inverted:
            let body = (i + 1)..<Int(op.c)
            switch lookup(op) {
            case .none: render(body, indentation: indentation)
            case .flag(let b)?: if !b { render(body, indentation: indentation) }
            case .list(let items)? where items.count == 0:
                stack.append(Frame(.list(items)))
                render(body, indentation: indentation)
                stack.removeLast()
            default: break
            }
            return Int(op.c)
        case .partial:
            guard op.a >= 0 else { break }
            let own = UnsafeBufferPointer(rebasing: text[Int(op.b)..<Int(op.b + op.c)])
            render(bodies[Int(op.a)], indentation: own.isEmpty ? indentation : indentation + own)
        }
        return i + 1
    }

    func lookup(_ op: Op) -> TemplateData? {
        switch op.scope {
        case .current:
            guard let k = stack.indices.last else { return nil }
            switch stack[k].kind {
            case .record: return .record(stack[k].record)
            case .item: return stack[k].list.item(stack[k].index)
            case .value: return stack[k].value
            }
        case .top:
            guard let k = stack.indices.last else { return nil }
            return data(k, path(op)) ?? nil
        case .stack:
            let path = path(op)
            var k = stack.count - 1
            while k >= 0 {
                if let found = data(k, path) { return found }
                k -= 1
            }
            return nil
        }
    }

    func path(_ op: Op) -> TemplatePath { TemplatePath(base: keys.baseAddress! + Int(op.a), count: Int(op.b)) }

    /// `path` in stack item `k`: nil when its first key is not a field there.
    func data(_ k: Int, _ path: TemplatePath) -> TemplateData?? {
        switch stack[k].kind {
        case .record: stack[k].record.data(path)
        case .item: stack[k].list.data(at: stack[k].index, path)
        case .value: nil
        }
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }
}
