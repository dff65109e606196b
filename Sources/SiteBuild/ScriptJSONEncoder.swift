import SiteContent

/// Writes an `Encodable` value as compact JSON that is also safe inside a script file (`jsonString`: `<`, `>`
/// and the JavaScript line separators escaped): the search index's files come from the `Encodable` types in
/// `SearchIndex`. Keys keep the order the type encodes them in; an array wrapped in `OneItemPerLine` is
/// written one element per line. Supports strings, integers, booleans, nil, arrays and keyed values.
enum ScriptJSONEncoder {
    struct Unsupported: Error { var type: String }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let slot = Slot()
        try slot.encode(value)
        var out = ""
        slot.write(into: &out)
        return out
    }

    /// One value of the tree being encoded.
    final class Slot {
        var scalar = "null"
        var array: [Slot]?
        var object: [(key: String, value: Slot)]?
        var onePerLine = false

        func encode<T: Encodable>(_ v: T) throws {
            switch v {
            case let s as String: scalar = jsonString(s)
            case let b as Bool: scalar = b ? "true" : "false"
            case let i as Int: scalar = String(i)
            case is Double, is Float: throw Unsupported(type: "\(T.self)")
            default:
                if v is any OneItemPerLineMarker { onePerLine = true }
                try v.encode(to: SlotEncoder(slot: self))
            }
        }

        func write(into out: inout String) {
            if let array {
                out += onePerLine ? "[\n" : "["
                for (i, s) in array.enumerated() {
                    if i > 0 { out += onePerLine ? ",\n" : "," }
                    s.write(into: &out)
                }
                out += onePerLine ? "\n]" : "]"
            } else if let object {
                out += "{"
                for (i, entry) in object.enumerated() {
                    if i > 0 { out += "," }
                    out += jsonString(entry.key)
                    out += ":"
                    entry.value.write(into: &out)
                }
                out += "}"
            } else {
                out += scalar
            }
        }
    }

    struct SlotEncoder: Encoder {
        let slot: Slot
        var codingPath: [CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if slot.object == nil { slot.object = [] }
            return KeyedEncodingContainer(Keyed<Key>(slot: slot))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            if slot.array == nil { slot.array = [] }
            return Unkeyed(slot: slot)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(slot: slot) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [CodingKey] { [] }

        func child(_ key: Key) -> Slot {
            let s = Slot()
            slot.object!.append((key.stringValue, s))
            return s
        }

        mutating func encodeNil(forKey key: Key) throws { _ = child(key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).encode(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            SlotEncoder(slot: child(key)).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            SlotEncoder(slot: child(key)).unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { SlotEncoder(slot: slot) }
        mutating func superEncoder(forKey key: Key) -> Encoder { SlotEncoder(slot: child(key)) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [CodingKey] { [] }
        var count: Int { slot.array!.count }

        func next() -> Slot {
            let s = Slot()
            slot.array!.append(s)
            return s
        }

        mutating func encodeNil() throws { _ = next() }
        mutating func encode<T: Encodable>(_ value: T) throws { try next().encode(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            SlotEncoder(slot: next()).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { SlotEncoder(slot: next()).unkeyedContainer() }
        mutating func superEncoder() -> Encoder { SlotEncoder(slot: next()) }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { slot.scalar = "null" }
        mutating func encode<T: Encodable>(_ value: T) throws { try slot.encode(value) }
    }
}

/// Marks `OneItemPerLine` for `ScriptJSONEncoder` (whatever its element type).
protocol OneItemPerLineMarker {}

/// An array that `ScriptJSONEncoder` writes one element per line (other encoders: a plain array), so a long
/// index stays readable and diffs line by line.
struct OneItemPerLine<Element: Encodable>: Encodable, OneItemPerLineMarker {
    var items: [Element]
    func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        for item in items { try c.encode(item) }
    }
}
