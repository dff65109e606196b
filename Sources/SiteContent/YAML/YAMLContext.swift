import Foundation
import Yams

/// Collects the diagnostics of reading one file (or one front-matter block). One per file, so files can be
/// read in parallel and their diagnostics merged afterwards.
public final class YAMLContext {
    public let file: String
    /// How many lines of the file come before the YAML text (for front matter: the opening `---` line).
    public let lineOffset: Int
    public var diagnostics = Diagnostics()
    /// The YAML text last parsed (to find an escape inside a quoted value, `controlEscape`).
    var source: String?

    public init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    public func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    public func error(_ id: DiagnosticID, _ mark: Mark?, _ message: String, hint: String? = nil) {
        diagnostics.error(id, location(mark), message, hint: hint)
    }

    public func warning(_ id: DiagnosticID, _ mark: Mark?, _ message: String, hint: String? = nil) {
        diagnostics.warning(id, location(mark), message, hint: hint)
    }

    /// Parses `text` as one YAML document. A syntax error becomes one diagnostic at its line and column, and
    /// nil is returned. An empty document gives an empty mapping.
    ///
    /// Every file is read with Yams' `.basic` resolver: nothing here reads YAML types (every value is read from
    /// its text), so a plain value is text (`1:` and `"1":` are the same key, a duplicate), no pattern is run on
    /// each scalar, and a value with an explicit tag is an error (`YAMLNode.refusesTag`).
    public func parse(_ text: String) -> YAMLNode? {
        source = text
        do {
            // Composing builds no values, so the constructor gets no tables (`.default` builds three per call).
            let node = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8) ?? Node.mapping(Node.Mapping([]))
            return YAMLNode(node: node, context: self)
        } catch let e as YamlError {
            switch e {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                if problem.hasPrefix("Maximum nesting level") {
                    error("yaml.too-deep", mark, "the YAML is nested too deeply (lists or mappings inside each other)")
                } else if problem == "but found another document" {
                    error("yaml.second-document", mark,
                        "a second YAML document starts here: a file holds one document (remove this '---' line or join the two)")
                } else {
                    error("yaml.syntax", mark, "YAML syntax: \(problem)")
                }
            case .reader(let problem, let offset, _, _):
                let (l, c) = YAMLContext.position(atByte: offset ?? 0, in: text)
                diagnostics.error(.yamlUnreadable, SourceLocation(file: file, line: l + lineOffset, column: c), "YAML cannot be read: \(problem)")
            case .duplicatedKeysInMapping(let keys, let context):
                // Yams names the keys but not where they repeat: find each repeat at its own line.
                var repeats = YAMLContext.repeatedKeys(in: text).filter { keys.contains($0.key) }
                if repeats.isEmpty {  // a flow mapping: Yams points at its first key
                    let m = context.mark
                    repeats = YAMLContext.repeatedFlowKeys(in: text, line: m.line, column: m.column).filter { keys.contains($0.key) }
                }
                if repeats.isEmpty {
                    error(.duplicateKey, context.mark, "duplicate key\(keys.count == 1 ? "" : "s") \(keys.map { "'\($0)'" }.joined(separator: ", "))")
                }
                for r in repeats {
                    diagnostics.error(.duplicateKey,
                        SourceLocation(file: file, line: r.line + lineOffset, column: r.column),
                        "duplicate key '\(r.key)' (first given at line \(r.firstLine + lineOffset))")
                }
            default:
                error(.yamlUnreadable, nil, "YAML cannot be read: \(e)")
            }
            return nil
        } catch {
            self.error(.yamlUnreadable, nil, "YAML cannot be read: \(error)")
            return nil
        }
    }
}
