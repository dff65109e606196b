import SiteContent
/// Encodes an `Encodable` value into a `JSONValue` tree, which renders with sorted keys and two-space
/// indentation (`JSONValue.rendered`): `calc --json` output comes from `Encodable` types, with stable bytes.
///
/// Unlike the standard encoders, a nil optional keeps its key, as `null` (`encodeIfPresent` writes null),
/// so every key of a report is always present. Supports `String`, `Bool`, `Int`, optionals, arrays, nested
/// keyed values and types with their own `encode(to:)`; other numbers are an encoding error.
package enum JSONTreeEncoder {
    package static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let box = Box()
        try box.encode(value, path: [])
        return box.tree
    }

    package struct Unsupported: Error { var type: String }

    final class Box {
        var value: JSONValue = .null
        var object: [String: Box]? = nil
        var array: [Box]? = nil

        var tree: JSONValue {
            if let object { return .object(object.mapValues(\.tree)) }
            if let array { return .array(array.map(\.tree)) }
            return value
        }

        func encode<T: Encodable>(_ v: T, path: [CodingKey]) throws {
            switch v {
            case let s as String: value = .string(s)
            case let b as Bool: value = .bool(b)
            case let i as Int: value = .int(i)
            default:
                if let d = v as? Double { throw Unsupported(type: "\(type(of: d))") }
                try v.encode(to: TreeEncoder(box: self, codingPath: path))
            }
        }
    }

    struct TreeEncoder: Encoder {
        let box: Box
        var codingPath: [CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if box.object == nil { box.object = [:] }
            return KeyedEncodingContainer(Keyed<Key>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            if box.array == nil { box.array = [] }
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(box: box, codingPath: codingPath) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [CodingKey]

        func child(_ key: Key) -> Box {
            let b = Box()
            box.object![key.stringValue] = b
            return b
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).value = .null }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try child(key).encode(value, path: codingPath + [key])
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(box: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            TreeEncoder(box: child(key), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { TreeEncoder(box: box, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> Encoder {
            TreeEncoder(box: child(key), codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [CodingKey]
        var count: Int { box.array!.count }

        func next() -> Box {
            let b = Box()
            box.array!.append(b)
            return b
        }

        mutating func encodeNil() throws { next().value = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { try next().encode(value, path: codingPath) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(box: next(), codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            TreeEncoder(box: next(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { TreeEncoder(box: next(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [CodingKey]

        mutating func encodeNil() throws { box.value = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { try box.encode(value, path: codingPath) }
    }
}
