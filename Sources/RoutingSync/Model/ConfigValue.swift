#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoutingModels

/// A JSON-like value with ordered object keys: what a desired-state file says about a free-form setting
/// (a queue's `mediaSettings`), and the `from`/`to` of a ``FieldChange``.
///
/// Numbers are `Double`; integral numbers are written without a fraction (`8`, not `8.0`). Objects keep
/// the order their keys were written in, so writers produce stable output. Two values compare equal only
/// when their objects list the same keys in the same order; the planner compares settings key by key
/// instead (see ``SyncPlan``).
public enum ConfigValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([ConfigValue])
    /// An object, keys in order.
    case object([Member])

    /// One key of an ``ConfigValue/object(_:)``.
    public struct Member: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: ConfigValue

        /// Creates a member.
        public init(_ key: String, _ value: ConfigValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value of `key` when this is an object that has it.
    public subscript(key: String) -> ConfigValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The members when this is an object.
    public var members: [Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Whether two values mean the same: numbers by value, objects regardless of key order, arrays in order.
    public func isEquivalent(to other: ConfigValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in
                b.first { $0.key == member.key }.map { member.value.isEquivalent(to: $0.value) } ?? false
            }
        default: return false
        }
    }

    /// A compact one-line JSON rendering (`{"call":{"alertingTimeoutSeconds":8}}`), for messages and plans.
    public var compactText: String { JSONText.render(self, pretty: false) }
    /// The value as indented JSON (two spaces; arrays of plain values on one line; keys in their order).
    public var prettyText: String { JSONText.render(self, pretty: true) }
}

extension ConfigValue: Codable {
    /// Decodes any JSON value. Object keys come out sorted (a `Decoder` does not keep key order).
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [Member] = []
            for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append(Member(key.stringValue, try container.decode(ConfigValue.self, forKey: key)))
            }
            self = .object(members)
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var values: [ConfigValue] = []
            while !container.isAtEnd { values.append(try container.decode(ConfigValue.self)) }
            self = .array(values)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes as the natural JSON value, object keys in order.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            if let integer = ConfigValue.exactInteger(value) {
                try container.encode(integer)
            } else {
                try container.encode(value)
            }
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let members):
            var container = encoder.container(keyedBy: AnyKey.self)
            for member in members { try container.encode(member.value, forKey: AnyKey(member.key)) }
        }
    }

    /// `value` as an `Int` when it is integral and fits exactly.
    static func exactInteger(_ value: Double) -> Int? {
        guard value.isFinite, value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }
}

/// A coding key for arbitrary strings.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension ConfigValue: CustomStringConvertible {
    /// The compact JSON text.
    public var description: String { compactText }
}

extension ConfigValue {
    /// `value` as the JSON tree the API would send (Genesys coders); `nil` when it does not encode.
    init?(encoding value: some Encodable) {
        guard let data = try? GenesysJSON.makeEncoder().encode(value),
              let tree = try? GenesysJSON.makeDecoder().decode(ConfigValue.self, from: data) else { return nil }
        self = tree
    }

    /// The tree read as `type` (Genesys coders).
    func decoded<T: Decodable>(as type: T.Type) throws -> T {
        try GenesysJSON.makeDecoder().decode(type, from: GenesysJSON.makeEncoder().encode(self))
    }
}
