import Foundation
import RoutingSync

/// Encodes `Encodable` values (RoutingSync's plans and reports, the CLI's own results) as JSON whose
/// object keys keep the order the values encode them in, so output is stable and reads like cli.md
/// (`action`, `kind`, `name`, `fields`), which Foundation's `JSONEncoder` does not promise.
///
/// The value is first encoded into a ``ConfigValue`` tree, then written as `ConfigValue.prettyText`.
enum OrderedJSONEncoder {
    /// The pretty-printed JSON text of `value`, with a final line break.
    static func string(_ value: some Encodable) throws -> String {
        try tree(value).prettyText + "\n"
    }

    /// The value as an ordered tree.
    static func tree(_ value: some Encodable) throws -> ConfigValue {
        let root = TreeNode()
        try root.encode(value, codingPath: [])
        return root.value
    }
}

// MARK: - The encoder

/// One node of the tree being encoded. A class, because containers hand out nested containers that
/// write into their parent later.
private final class TreeNode {
    enum Storage {
        case empty
        case plain(ConfigValue)
        case object(keys: [String], children: [String: TreeNode])
        case array([TreeNode])
    }

    var storage: Storage = .empty

    var value: ConfigValue {
        switch storage {
        case .empty: return .object([])
        case .plain(let value): return value
        case .object(let keys, let children):
            // Every key in `keys` was added together with its child.
            return .object(keys.compactMap { key in children[key].map { ConfigValue.Member(key, $0.value) } })
        case .array(let nodes): return .array(nodes.map(\.value))
        }
    }

    func encode(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        switch value {
        case let value as ConfigValue: storage = .plain(value)
        case let value as String: storage = .plain(.string(value))
        case let value as Bool: storage = .plain(.bool(value))
        case let value as Date: storage = .plain(.string(value.formatted(.iso8601)))
        case let value as URL: storage = .plain(.string(value.absoluteString))
        default: try value.encode(to: TreeEncoder(node: self, codingPath: codingPath))
        }
    }

    func child(_ key: String) -> TreeNode {
        var (keys, children): ([String], [String: TreeNode])
        if case .object(let existingKeys, let existingChildren) = storage {
            (keys, children) = (existingKeys, existingChildren)
        } else {
            (keys, children) = ([], [:])
        }
        if let existing = children[key] { return existing }
        let node = TreeNode()
        keys.append(key)
        children[key] = node
        storage = .object(keys: keys, children: children)
        return node
    }

    func appendElement() -> TreeNode {
        var nodes: [TreeNode] = []
        if case .array(let existing) = storage { nodes = existing }
        let node = TreeNode()
        nodes.append(node)
        storage = .array(nodes)
        return node
    }

    func becomeObject() {
        if case .object = storage { return }
        storage = .object(keys: [], children: [:])
    }

    func becomeArray() {
        if case .array = storage { return }
        storage = .array([])
    }
}

private struct TreeEncoder: Encoder {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedTreeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(node: node, codingPath: codingPath)
    }
}

private func number<T: BinaryInteger>(_ value: T) -> ConfigValue { .number(Double(value)) }

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    let codingPath: [any CodingKey]

    func encodeNil(forKey key: Key) throws { node.child(key.stringValue).storage = .plain(.null) }
    func encode(_ value: Bool, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(.bool(value)) }
    func encode(_ value: String, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(.string(value)) }
    func encode(_ value: Double, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(.number(value)) }
    func encode(_ value: Float, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(.number(Double(value))) }
    func encode(_ value: Int, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(number(value)) }
    func encode(_ value: Int8, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(number(value)) }
    func encode(_ value: Int16, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(number(value)) }
    func encode(_ value: Int32, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(number(value)) }
    func encode(_ value: Int64, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(number(value)) }
    func encode(_ value: UInt, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(number(value)) }
    func encode(_ value: UInt8, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(number(value)) }
    func encode(_ value: UInt16, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(number(value)) }
    func encode(_ value: UInt32, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(number(value)) }
    func encode(_ value: UInt64, forKey key: Key) throws { node.child(key.stringValue).storage = .plain(number(value)) }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(key.stringValue).encode(value, codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(key.stringValue)
        child.becomeArray()
        return UnkeyedTreeContainer(node: child, codingPath: codingPath + [key])
    }

    func superEncoder() -> any Encoder {
        TreeEncoder(node: node.child("super"), codingPath: codingPath)
    }

    func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let nodes) = node.storage { return nodes.count }
        return 0
    }

    private func append(_ value: ConfigValue) { node.appendElement().storage = .plain(value) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.number(value)) }
    mutating func encode(_ value: Float) throws { append(.number(Double(value))) }
    mutating func encode(_ value: Int) throws { append(number(value)) }
    mutating func encode(_ value: Int8) throws { append(number(value)) }
    mutating func encode(_ value: Int16) throws { append(number(value)) }
    mutating func encode(_ value: Int32) throws { append(number(value)) }
    mutating func encode(_ value: Int64) throws { append(number(value)) }
    mutating func encode(_ value: UInt) throws { append(number(value)) }
    mutating func encode(_ value: UInt8) throws { append(number(value)) }
    mutating func encode(_ value: UInt16) throws { append(number(value)) }
    mutating func encode(_ value: UInt32) throws { append(number(value)) }
    mutating func encode(_ value: UInt64) throws { append(number(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count
        try node.appendElement().encode(value, codingPath: codingPath + [IndexKey(index)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = count
        let child = node.appendElement()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, codingPath: codingPath + [IndexKey(index)]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = count
        let child = node.appendElement()
        child.becomeArray()
        return UnkeyedTreeContainer(node: child, codingPath: codingPath + [IndexKey(index)])
    }

    mutating func superEncoder() -> any Encoder {
        let index = count
        return TreeEncoder(node: node.appendElement(), codingPath: codingPath + [IndexKey(index)])
    }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.storage = .plain(.null) }
    mutating func encode(_ value: Bool) throws { node.storage = .plain(.bool(value)) }
    mutating func encode(_ value: String) throws { node.storage = .plain(.string(value)) }
    mutating func encode(_ value: Double) throws { node.storage = .plain(.number(value)) }
    mutating func encode(_ value: Float) throws { node.storage = .plain(.number(Double(value))) }
    mutating func encode(_ value: Int) throws { node.storage = .plain(number(value)) }
    mutating func encode(_ value: Int8) throws { node.storage = .plain(number(value)) }
    mutating func encode(_ value: Int16) throws { node.storage = .plain(number(value)) }
    mutating func encode(_ value: Int32) throws { node.storage = .plain(number(value)) }
    mutating func encode(_ value: Int64) throws { node.storage = .plain(number(value)) }
    mutating func encode(_ value: UInt) throws { node.storage = .plain(number(value)) }
    mutating func encode(_ value: UInt8) throws { node.storage = .plain(number(value)) }
    mutating func encode(_ value: UInt16) throws { node.storage = .plain(number(value)) }
    mutating func encode(_ value: UInt32) throws { node.storage = .plain(number(value)) }
    mutating func encode(_ value: UInt64) throws { node.storage = .plain(number(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value, codingPath: codingPath) }
}
