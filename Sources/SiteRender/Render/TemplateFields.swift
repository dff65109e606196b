/// A view model a template reads. Its fields are one table, `fields`: each row is a template name, the kind of
/// value it holds and how to read it. The renderer reads values through that table and the template check reads
/// the kinds from it, so a template variable is one stored property and one row (no reflection, no key list).
package protocol TemplateValue: Sendable {
    static var fields: TemplateFields<Self> { get }
    /// The value at a dotted path: nil when its first key is not a field of this view model (the look-up goes on
    /// down the stack), `.some(nil)` when a later key finds nothing. Default below.
    func data(_ path: TemplatePath) -> TemplateData??
    /// Item `i` of a list of these (default below): a requirement so that each view model's own copy reads the
    /// item in place (`self[i]` in generic code would copy the item, retaining every field, to call it).
    static func data(in items: [Self], at i: Int, _ path: TemplatePath) -> TemplateData??
}

extension TemplateValue {
    package func data(_ path: TemplatePath) -> TemplateData?? {
        guard let row = Self.fields.row(path.first) else { return nil }
        return .some(path.count == 1 ? row.value(self) : row.below(self, path.rest))
    }

    package static func data(in items: [Self], at i: Int, _ path: TemplatePath) -> TemplateData?? { items[i].data(path) }
}

/// What a template tag finds in a view model: typed, so rendering needs no casts.
package enum TemplateData {
    case text(String)
    case flag(Bool)
    case number(Int)
    case record(any TemplateValue)
    case list(any TemplateList)
}

/// The kind of a field, as the template check sees it: what a section over it does and which names it offers.
package enum TemplateKind: Sendable {
    case text, flag, number
    /// A nested view model (`site`, `more`).
    case record(any TemplateValue.Type)
    /// A list of view models (a section goes through it, each item on the stack).
    case list(any TemplateValue.Type)
    /// A list of texts (`site.footer`; `{{.}}` is the text).
    case texts
}

/// One row of a view model's field table.
package struct TemplateField<Model>: Sendable {
    package let name: String
    package let kind: TemplateKind
    let value: @Sendable (Model) -> TemplateData
    /// The value at a non-empty path below this field (only a nested view model has one).
    var below: @Sendable (Model, TemplatePath) -> TemplateData? = { _, _ in nil }

    package static func text(_ name: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name: name, kind: .text, value: { .text(get($0)) })
    }
    package static func flag(_ name: String, _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(name: name, kind: .flag, value: { .flag(get($0)) })
    }
    package static func number(_ name: String, _ get: @escaping @Sendable (Model) -> Int) -> Self {
        Self(name: name, kind: .number, value: { .number(get($0)) })
    }
    package static func texts(_ name: String, _ get: @escaping @Sendable (Model) -> [String]) -> Self {
        Self(name: name, kind: .texts, value: { .list(TextList(items: get($0))) })
    }
    package static func list<R: TemplateValue>(_ name: String, _ get: @escaping @Sendable (Model) -> [R]) -> Self {
        Self(name: name, kind: .list(R.self), value: { .list(get($0)) })
    }
    /// A nested view model; a dotted name through it (`site.title`) is read in it, not boxed.
    package static func record<R: TemplateValue>(_ name: String, _ get: @escaping @Sendable (Model) -> R) -> Self {
        Self(name: name, kind: .record(R.self), value: { .record(get($0)) }, below: { get($0).data($1) ?? nil })
    }
}

/// A view model's field table, found by a key's hash (a tag's names are hashed once, when it is compiled).
package struct TemplateFields<Model>: Sendable {
    package let rows: [TemplateField<Model>]
    let hashes: [UInt64]

    package init(_ rows: [TemplateField<Model>]) {
        self.rows = rows
        hashes = rows.map { TemplateKey($0.name).hash }
    }

    func row(_ key: TemplateKey) -> TemplateField<Model>? {
        for i in hashes.indices where hashes[i] == key.hash && rows[i].name == key.name { return rows[i] }
        return nil
    }

    package func kind(of name: String) -> TemplateKind? { rows.first { $0.name == name }?.kind }
    package var names: [String] { rows.map(\.name).sorted() }
}

/// One part of a tag's dotted name, with its hash (FNV-1a of its UTF-8), compared before the name is.
package struct TemplateKey: Sendable {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        hash = h
    }
}

/// A dotted tag name (`site.title`) as keys: a view into `TemplateProgram.keys`, copied without reference
/// counting.
package struct TemplatePath {
    let base: UnsafePointer<TemplateKey>
    package let count: Int

    package var first: TemplateKey { base.pointee }
    /// The path without its first key.
    package var rest: TemplatePath { TemplatePath(base: base + 1, count: count - 1) }
}

/// A list a section iterates: a view model's array, read item by item (no array of boxed items is made).
package protocol TemplateList: Sendable {
    var count: Int { get }
    /// Item `i` as a value (for `{{.}}`).
    func item(_ i: Int) -> TemplateData
    /// `item(i).data(path)`, without boxing the item.
    func data(at i: Int, _ path: TemplatePath) -> TemplateData??
}

extension Array: TemplateList where Element: TemplateValue {
    package func item(_ i: Int) -> TemplateData { .record(self[i]) }
    package func data(at i: Int, _ path: TemplatePath) -> TemplateData?? { Element.data(in: self, at: i, path) }
}

/// A list of texts (`site.footer`).
package struct TextList: TemplateList {
    let items: [String]
    package var count: Int { items.count }
    package func item(_ i: Int) -> TemplateData { .text(items[i]) }
    package func data(at i: Int, _ path: TemplatePath) -> TemplateData?? { nil }
}

/// The placeholder in the fields of a `TemplateRenderer.Frame` its kind does not use.
struct NoValue: TemplateValue {
    static let fields = TemplateFields<NoValue>([])
    static let list: any TemplateList = TextList(items: [])
}
