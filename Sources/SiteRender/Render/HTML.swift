import SiteContent

/// A piece of HTML built as a tree, escaped by default (after Plot's `Node`): `.text` is always escaped,
/// attribute values are always escaped, and `.raw` — markup written as it is — is explicit and rare. A string
/// literal is text too: its fixed words are `.literal` and each interpolated value is `.text`, so
/// `"Figures for \(label) (\(link))"` escapes `label` and puts the `link` node in place.
///
/// The tree is what directives hand back, so what they produced — the ids of their elements, their visible
/// text, the statements (paragraphs, list items, table rows) and the sources each one cites — is read from the
/// structure (`HTML+Structure.swift`), never scraped back out of the rendered string.
public indirect enum HTML: Sendable, Hashable {
    /// Text, escaped when rendered (`&`, `<`, `>` and both quotes).
    case text(String)
    /// Words written in the program itself (a string literal's fixed parts): `&`, `<` and `>` are escaped;
    /// quotes, which need no escaping in element content, are written as typed.
    case literal(String)
    /// Markup written as it is. Only for HTML that was produced as HTML elsewhere; contributes no text.
    case raw(String)
    /// `<name attributes>children</name>`.
    case element(String, [HTMLAttribute], [HTML])
    /// `<name attributes>`, an element with no content and no end tag (`br`, `input`).
    case void(String, [HTMLAttribute])
    /// Several pieces one after the other.
    case group([HTML])
    /// `content` cites the source `id` (a link to its entry on the sources page): rendered as `content`,
    /// counted by the certainty check.
    case citation(String, HTML)

    /// Nothing.
    public static let empty = HTML.group([])
    /// A line break in the HTML source (not a `<br>`).
    public static let newline = HTML.text("\n")

    /// `<name attributes>children</name>`.
    public static func el(_ name: String, _ attributes: [HTMLAttribute] = [], _ children: HTML...) -> HTML {
        .element(name, attributes, children)
    }

    /// `<name attributes>children</name>`, children from an array.
    public static func el(_ name: String, _ attributes: [HTMLAttribute] = [], children: [HTML]) -> HTML {
        .element(name, attributes, children)
    }

    /// `<a href="url">children</a>`.
    public static func a(href url: String, _ children: HTML...) -> HTML {
        .element("a", [.href(url)], children)
    }

    /// `parts` with `separator` between each two.
    public static func joined(_ parts: [HTML], separator: HTML) -> HTML {
        .group(parts.enumerated().flatMap { i, part in i == 0 ? [part] : [separator, part] })
    }

    /// Whether rendering writes nothing.
    public var isEmpty: Bool {
        switch self {
        case .text(let s), .literal(let s), .raw(let s): return s.isEmpty
        case .element, .void: return false
        case .group(let parts): return parts.allSatisfy(\.isEmpty)
        case .citation(_, let content): return content.isEmpty
        }
    }
}

/// An attribute of an element; its value is escaped when rendered, and a `nil` value writes the name alone
/// (a boolean attribute such as `hidden`).
public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    public static func attr(_ name: String, _ value: String) -> HTMLAttribute { HTMLAttribute(name, value) }
    /// A boolean attribute: `hidden`, `selected`, `required`, `defer`, `download`.
    public static func flag(_ name: String) -> HTMLAttribute { HTMLAttribute(name, nil) }
    public static func id(_ value: String) -> HTMLAttribute { HTMLAttribute("id", value) }
    public static func `class`(_ value: String) -> HTMLAttribute { HTMLAttribute("class", value) }
    public static func href(_ value: String) -> HTMLAttribute { HTMLAttribute("href", value) }
}

extension HTML: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .literal(value) }

    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.parts.count == 1 ? stringInterpolation.parts[0] : .group(stringInterpolation.parts)
    }

    /// Fixed words become `.literal`, interpolated strings and values `.text`, interpolated `HTML` itself.
    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [HTML] = []
        public init(literalCapacity: Int, interpolationCount: Int) { parts.reserveCapacity(2 * interpolationCount + 1) }
        public mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { parts.append(.literal(literal)) } }
        public mutating func appendInterpolation(_ value: String) { parts.append(.text(value)) }
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) { parts.append(.text(value.description)) }
        public mutating func appendInterpolation(_ node: HTML) { parts.append(node) }
    }
}

extension HTML: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: HTML...) { self = .group(elements) }
}

// MARK: - Rendering

extension HTML {
    /// The HTML text.
    public var rendered: String {
        var out: [UInt8] = []
        render(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The HTML text appended to a byte buffer (UTF-8).
    public func render(into out: inout [UInt8]) {
        switch self {
        case .text(let s):
            appendHTMLEscaped(s, to: &out)
        case .literal(let s):
            appendHTMLEscaped(s, to: &out, quotes: false)
        case .raw(let s):
            out.append(contentsOf: s.utf8)
        case .element(let name, let attributes, let children):
            HTML.startTag(name, attributes, into: &out)
            for c in children { c.render(into: &out) }
            out.append(contentsOf: "</".utf8)
            out.append(contentsOf: name.utf8)
            out.append(UInt8(ascii: ">"))
        case .void(let name, let attributes):
            HTML.startTag(name, attributes, into: &out)
        case .group(let parts):
            for p in parts { p.render(into: &out) }
        case .citation(_, let content):
            content.render(into: &out)
        }
    }

    /// `<name a="v" b>`, values escaped.
    public static func startTag(_ name: String, _ attributes: [HTMLAttribute], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        for a in attributes {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: a.name.utf8)
            if let v = a.value {
                out.append(contentsOf: "=\"".utf8)
                appendHTMLEscaped(v, to: &out)
                out.append(UInt8(ascii: "\""))
            }
        }
        out.append(UInt8(ascii: ">"))
    }

    /// `</name>` (for markup another library writes around its own, like cmark's headings).
    public static func endTag(_ name: String) -> String { "</" + name + ">" }

    /// `<name a="v" b>` as a string (for markup another library writes around its own, like cmark's headings).
    public static func startTag(_ name: String, _ attributes: [HTMLAttribute] = []) -> String {
        var out: [UInt8] = []
        startTag(name, attributes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
