/// A set of parsed templates (`TemplateNode`) flattened for `TemplateRenderer`: one array of plain
/// operations for all templates, their constant text in one byte array and their tag names as keys in another,
/// so rendering walks indices and copies nothing that is reference counted. Partials are resolved to the
/// templates they name, tag names to hashed `TemplateKey`s, once, here.
package struct TemplateProgram: Sendable {
    struct Op: Sendable {
        enum Kind: UInt8, Sendable { case text, escaped, raw, section, inverted, partial }
        var kind: Kind
        /// Where a name is looked up (`TemplateName.Scope`).
        var scope: TemplateName.Scope = .stack
        /// text: byte range in `text`; tags: key range in `keys`; partial: the template's index (-1 when it does
        /// not exist) and its indentation's byte range in `text`.
        var a: Int32 = 0
        var b: Int32 = 0
        /// section and inverted: the index of the operation after the section's body (which starts right after
        /// this one); partial: the indentation's length.
        var c: Int32 = 0
    }

    var ops: [Op] = []
    var text: [UInt8] = []
    var keys: [TemplateKey] = []
    /// Each template's operations, by index; `index` gives a template's index by name.
    var bodies: [Range<Int>] = []
    var index: [String: Int] = [:]

    package init(_ templates: [String: [TemplateNode]]) {
        let names = templates.keys.sorted()
        for (i, name) in names.enumerated() { index[name] = i }
        for name in names {
            let start = ops.count
            append(templates[name]!)
            bodies.append(start..<ops.count)
        }
    }

    mutating func addText(_ bytes: some Collection<UInt8>) -> (Int32, Int32) {
        let start = text.count
        text += bytes
        return (Int32(start), Int32(bytes.count))
    }

    mutating func append(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                // Not merged with the text before it: inside an indented partial, each node that starts a line
                // is indented (`TemplateRenderer.render(_:indentation:)`).
                let (a, b) = addText(bytes)
                ops.append(Op(kind: .text, a: a, b: b))
            case .variable(let name, let escaped, _):
                ops.append(tag(escaped ? .escaped : .raw, name))
            case .section(let name, let inverted, let inner, _):
                let at = ops.count
                ops.append(tag(inverted ? .inverted : .section, name))
                append(inner)
                ops[at].c = Int32(ops.count)
            case .partial(let name, let indentation, _):
                let (a, b) = addText((indentation ?? "").utf8)
                ops.append(Op(kind: .partial, a: Int32(index[name] ?? -1), b: a, c: b))
            }
        }
    }

    /// A tag operation: the name's parts as keys (none for `.`).
    mutating func tag(_ kind: Op.Kind, _ name: TemplateName) -> Op {
        keys += name.parts.map(TemplateKey.init)
        return Op(kind: kind, scope: name.scope, a: Int32(keys.count - name.parts.count), b: Int32(name.parts.count))
    }
}
