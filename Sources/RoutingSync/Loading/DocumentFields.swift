import RoutingModels

/// What ``DocumentDecoder/read(_:object:field:table:)`` read from a mapping: the nodes by key and the value
/// of every key that read without a problem.
struct DocumentFields {
    /// One value read.
    indirect enum Value {
        case text(String)
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case names([String])
        case users([UserReference])
        case map([String: String])
        case section(DocumentFields)
        case list([DocumentFields])
    }

    /// The mapping itself.
    var node: SourceNode
    /// The entries, by key (known keys only).
    var nodes: [String: SourceNode]
    /// The values read, by key.
    var values: [String: Value]

    subscript(_ key: String) -> SourceNode? { nodes[key] }

    func text(_ key: String) -> String? {
        if case .text(let value)? = values[key] { return value }
        return nil
    }

    func bool(_ key: String) -> Bool? {
        if case .bool(let value)? = values[key] { return value }
        return nil
    }

    func integer(_ key: String) -> Int? {
        if case .integer(let value)? = values[key] { return value }
        return nil
    }

    func number(_ key: String) -> Double? {
        if case .number(let value)? = values[key] { return value }
        return nil
    }

    func names(_ key: String) -> [String]? {
        if case .names(let value)? = values[key] { return value }
        return nil
    }

    func users(_ key: String) -> [UserReference]? {
        if case .users(let value)? = values[key] { return value }
        return nil
    }

    func map(_ key: String) -> [String: String]? {
        if case .map(let value)? = values[key] { return value }
        return nil
    }

    func section(_ key: String) -> DocumentFields? {
        if case .section(let value)? = values[key] { return value }
        return nil
    }

    func list(_ key: String) -> [DocumentFields]? {
        if case .list(let value)? = values[key] { return value }
        return nil
    }

    /// An enum value read from a `.choice` key.
    func choice<E: GenesysEnum>(_ key: String, as _: E.Type = E.self) -> E? {
        text(key).map(E.init(rawValue:))
    }
}
