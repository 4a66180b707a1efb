/// The shape of a `Decodable` model: its keys and what each holds, learned from the model itself by decoding it
/// once with a decoder that records what the model asks for (no instance, no error text, no type names as
/// strings). `mediaSettings` is checked against the shape of the API's `QueueMediaSettings`.
indirect enum CodableShape: Sendable {
    case bool
    case integer
    case number
    case text
    /// A struct: its keys in the order the model declares them.
    case object([(key: String, shape: CodableShape)])
    /// A list of one shape.
    case list(CodableShape)
    /// A mapping from any key to one shape (`[String: T]`).
    case dictionary(CodableShape)
    /// A type met again inside itself (the API's `InboundRoute` holds a `QueueEmailAddress` that holds an
    /// `InboundRoute`): anything is accepted there.
    case any

    /// The shape of `type`.
    static func of(_ type: any Decodable.Type) -> CodableShape {
        shape(of: type, inside: [])
    }

    fileprivate static func shape(of type: any Decodable.Type, inside stack: Set<ObjectIdentifier>) -> CodableShape {
        if let scalar = scalar(type) { return scalar }
        let identity = ObjectIdentifier(type)
        guard !stack.contains(identity) else { return .any }
        let recorder = ShapeRecorder(stack: stack.union([identity]))
        _ = try? type.init(from: recorder)
        return recorder.shape
    }

    fileprivate static func scalar(_ type: Any.Type) -> CodableShape? {
        switch type {
        case is Bool.Type: .bool
        case is String.Type: .text
        case is Double.Type, is Float.Type: .number
        case is Int.Type, is Int32.Type, is Int64.Type, is Int16.Type, is Int8.Type,
             is UInt.Type, is UInt32.Type, is UInt64.Type, is UInt16.Type, is UInt8.Type: .integer
        default: nil
        }
    }
}

/// Records what a model's `init(from:)` asks for. Keyed containers list no keys (so a struct reads every
/// optional property as absent) except for dictionaries, which get one key whose value shape is recorded.
private final class ShapeRecorder: Decoder {
    let stack: Set<ObjectIdentifier>
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var shape: CodableShape = .any
    var members: [(key: String, shape: CodableShape)] = []

    init(stack: Set<ObjectIdentifier>) { self.stack = stack }

    func record(_ key: some CodingKey, _ shape: CodableShape) {
        if key.stringValue == Self.anyKey, key.intValue == nil, members.isEmpty {
            self.shape = .dictionary(shape)
        } else {
            members.append((key.stringValue, shape))
            self.shape = .object(members)
        }
    }

    func shape(of type: any Decodable.Type) -> CodableShape {
        CodableShape.shape(of: type, inside: stack)
    }

    /// The key offered to a keyed container: a struct's `CodingKeys` has no such case; a dictionary takes it.
    static let anyKey = "\u{0}*"

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        shape = .object([])
        return KeyedDecodingContainer(Keyed<Key>(recorder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(recorder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(recorder: self) }

    struct Stop: Error {}

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recorder: ShapeRecorder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { Key(stringValue: ShapeRecorder.anyKey).map { [$0] } ?? [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            recorder.record(key, recorder.shape(of: type))
            return nil
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            recorder.record(key, recorder.shape(of: type))
            if let value = Self.placeholder(type) { return value }
            return try T(from: ShapeRecorder(stack: recorder.stack))
        }

        /// A value of a scalar type (what a model asks for is recorded; the value itself is never used).
        static func placeholder<T>(_ type: T.Type) -> T? {
            (false as? T) ?? ("" as? T) ?? (0 as? T) ?? (0.0 as? T) ?? (Int32(0) as? T) ?? (Int64(0) as? T) ?? (Float(0) as? T)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw Stop()
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw Stop() }
        func superDecoder() throws -> any Decoder { throw Stop() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Stop() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let recorder: ShapeRecorder
        var codingPath: [any CodingKey] { [] }
        var count: Int? { nil }
        var isAtEnd: Bool { currentIndex > 0 }
        var currentIndex = 0

        mutating func decodeNil() throws -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            recorder.shape = .list(recorder.shape(of: type))
            if let value = Keyed<AnyKey>.placeholder(type) { return value }
            return try T(from: ShapeRecorder(stack: recorder.stack))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw Stop()
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Stop() }
        mutating func superDecoder() throws -> any Decoder { throw Stop() }
    }

    struct Single: SingleValueDecodingContainer {
        let recorder: ShapeRecorder
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            recorder.shape = recorder.shape(of: type)
            if let value = Keyed<AnyKey>.placeholder(type) { return value }
            throw Stop()
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
