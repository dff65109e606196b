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
        Self.fields.value(self, path)
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
    /// HTML the build made (`navigation`, `page.content`): the one kind a template may write unescaped.
    case html
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
    let reader: Reader

    /// How the row reads its field: the table's closure as it was written (it captures nothing, so calling it
    /// counts no references, which parallel rendering would contend for); a list or nested view model through a
    /// reader that knows its type.
    enum Reader: Sendable {
        case text(@Sendable (Model) -> String)
        case flag(@Sendable (Model) -> Bool)
        case number(@Sendable (Model) -> Int)
        case texts(@Sendable (Model) -> [String])
        case other(any TemplateReader<Model>)
    }

    func value(_ m: Model) -> TemplateData {
        switch reader {
        case .text(let get): .text(get(m))
        case .flag(let get): .flag(get(m))
        case .number(let get): .number(get(m))
        case .texts(let get): .list(TextList(items: get(m)))
        case .other(let r): r.value(m)
        }
    }

    /// The value at a non-empty path below this field (only a nested view model has one).
    func value(_ m: Model, below path: TemplatePath) -> TemplateData? {
        guard case .other(let r) = reader else { return nil }
        return r.value(m, below: path)
    }

    package static func text(_ name: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name: name, kind: .text, reader: .text(get))
    }
    package static func html(_ name: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        Self(name: name, kind: .html, reader: .text(get))
    }
    package static func flag(_ name: String, _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(name: name, kind: .flag, reader: .flag(get))
    }
    package static func number(_ name: String, _ get: @escaping @Sendable (Model) -> Int) -> Self {
        Self(name: name, kind: .number, reader: .number(get))
    }
    package static func texts(_ name: String, _ get: @escaping @Sendable (Model) -> [String]) -> Self {
        Self(name: name, kind: .texts, reader: .texts(get))
    }
    package static func list<R: TemplateValue>(_ name: String, _ get: @escaping @Sendable (Model) -> [R]) -> Self {
        Self(name: name, kind: .list(R.self), reader: .other(ListRead(get: get)))
    }
    /// A nested view model. `path` reads a dotted name through it (`site.title`) in place: `{ $0.site.data($1) }`
    /// (through `get` the whole nested view model would be copied, retaining every field, at each look-up).
    package static func record<R: TemplateValue>(
        _ name: String, _ get: @escaping @Sendable (Model) -> R,
        path: @escaping @Sendable (Model, TemplatePath) -> TemplateData??
    ) -> Self {
        Self(name: name, kind: .record(R.self), reader: .other(RecordRead(get: get, path: path)))
    }
}

/// How a list or a nested view model is read (generic over its element or its type).
protocol TemplateReader<Model>: Sendable {
    associatedtype Model
    func value(_ m: Model) -> TemplateData
    func value(_ m: Model, below path: TemplatePath) -> TemplateData?
}

struct ListRead<Model, R: TemplateValue>: TemplateReader {
    let get: @Sendable (Model) -> [R]
    func value(_ m: Model) -> TemplateData { .list(get(m)) }
    func value(_ m: Model, below path: TemplatePath) -> TemplateData? { nil }
}

struct RecordRead<Model, R: TemplateValue>: TemplateReader {
    let get: @Sendable (Model) -> R
    let path: @Sendable (Model, TemplatePath) -> TemplateData??
    func value(_ m: Model) -> TemplateData { .record(get(m)) }
    func value(_ m: Model, below rest: TemplatePath) -> TemplateData? { path(m, rest) ?? nil }
}

/// A view model's field table, found by a key's hash (a tag's names are hashed once, when it is compiled).
package struct TemplateFields<Model>: Sendable {
    package let rows: [TemplateField<Model>]
    let hashes: [UInt64]

    package init(_ rows: [TemplateField<Model>]) {
        self.rows = rows
        hashes = rows.map { TemplateKey($0.name).hash }
    }

    /// The value at `path` in `m` (see `TemplateValue.data(_:)`). The row's reader is called where it is in the
    /// table, not copied out (a copy would count a reference to it, which parallel rendering contends for).
    func value(_ m: Model, _ path: TemplatePath) -> TemplateData?? {
        let key = path.first
        for i in hashes.indices where hashes[i] == key.hash && rows[i].name == key.name {
            return .some(path.count == 1 ? rows[i].value(m) : rows[i].value(m, below: path.rest))
        }
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
