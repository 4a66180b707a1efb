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
    /// A model type, by identity: its shape is in ``CodableSchema/types`` (so a type that holds itself, as the
    /// API's `InboundRoute` holds a `QueueEmailAddress` that holds an `InboundRoute`, is described once).
    case type(ObjectIdentifier)
    /// Anything (a type that could not be recorded).
    case any

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

/// A model's shape and the shapes of every type it holds.
struct CodableSchema: Sendable {
    /// The model's own shape.
    let root: CodableShape
    /// Every model type met, by identity.
    let types: [ObjectIdentifier: CodableShape]

    /// The schema of `type`.
    static func of(_ type: any Decodable.Type) -> CodableSchema {
        let registry = ShapeRegistry()
        let root = registry.shape(of: type)
        return CodableSchema(root: root, types: registry.types)
    }

    /// `shape`, with a ``CodableShape/type(_:)`` replaced by the type's shape (through wrappers such as
    /// `RoutingModels`' `Indirect`, whose shape is another type's).
    func resolved(_ shape: CodableShape) -> CodableShape {
        var shape = shape
        var seen: Set<ObjectIdentifier> = []
        while case .type(let identity) = shape {
            guard seen.insert(identity).inserted, let next = types[identity] else { return .any }
            shape = next
        }
        return shape
    }
}

/// The types recorded so far; each is recorded once.
private final class ShapeRegistry {
    var types: [ObjectIdentifier: CodableShape] = [:]
    var recording: Set<ObjectIdentifier> = []

    func shape(of type: any Decodable.Type) -> CodableShape {
        if let scalar = CodableShape.scalar(type) { return scalar }
        let identity = ObjectIdentifier(type)
        if types[identity] == nil, recording.insert(identity).inserted {
            let recorder = ShapeRecorder(registry: self)
            _ = try? type.init(from: recorder)
            types[identity] = recorder.shape
            recording.remove(identity)
        }
        return .type(identity)
    }
}
/// Records what a model's `init(from:)` asks for. Keyed containers list no keys (so a struct reads every
/// optional property as absent) except for dictionaries, which get one key whose value shape is recorded.
private final class ShapeRecorder: Decoder {
    let registry: ShapeRegistry
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var shape: CodableShape = .any
    var members: [(key: String, shape: CodableShape)] = []

    init(registry: ShapeRegistry) { self.registry = registry }

    func record(_ key: some CodingKey, _ shape: CodableShape) {
        if key.stringValue == Self.anyKey, key.intValue == nil, members.isEmpty {
            self.shape = .dictionary(shape)
        } else {
            members.append((key.stringValue, shape))
            self.shape = .object(members)
        }
    }

    func shape(of type: any Decodable.Type) -> CodableShape {
        registry.shape(of: type)
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
            return try T(from: ShapeRecorder(registry: recorder.registry))
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
            return try T(from: ShapeRecorder(registry: recorder.registry))
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
