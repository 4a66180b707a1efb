import RoutingModels

/// The shape of a desired-state document, declared as one key table per section: each key's kind (text,
/// name, boolean, integer with its range, one of the API's enum values, a list of names, an `id:` reference,
/// a nested section…) and whether it is required. ``DocumentDecoder/read(_:object:field:table:)`` checks a
/// mapping against its table; the tables themselves are in `DocumentSchema+Tables.swift`.
enum DocumentSchema {
    /// An integer's range and the words its messages use.
    struct IntegerRule: Sendable {
        /// The values allowed.
        var range: ClosedRange<Double>
        /// What a non-number is said to be instead of (`expected an integer 0–5, found 'high'`).
        var expected: String
        /// Added after `2.5 is not an integer`.
        var notIntegerNote: String = ""
        /// The range as messages show it (`2.5 is out of range (integer 0–5)`).
        var rangeText: String

        /// A 32-bit integer (the API's `int32`), optionally within the spec's own minimum and maximum.
        static func int32(_ range: ClosedRange<Int32>? = nil) -> IntegerRule {
            guard let range else {
                return IntegerRule(range: Double(Int32.min)...Double(Int32.max), expected: "an integer",
                                   rangeText: "a 32-bit integer, \(Int32.min)–\(Int32.max)")
            }
            return IntegerRule(range: Double(range.lowerBound)...Double(range.upperBound), expected: "an integer",
                               rangeText: "\(range.lowerBound)–\(range.upperBound)")
        }
    }

    /// What a key holds.
    indirect enum Kind: Sendable {
        /// The object's name (or user) that identifies it; read before the other keys, by the section.
        case identity
        /// Any text, as written.
        case text
        /// Trimmed, non-empty text.
        case name
        /// `true` or `false`.
        case bool
        /// One of the API's values, spelled exactly as the API spells them.
        case choice([String])
        /// An integer within a range.
        case integer(IntegerRule)
        /// Any number.
        case number
        /// Names, each listed once (ignoring case); compared as a set.
        case names
        /// Users (`email` or `id:<userId>`), each listed once.
        case users
        /// One reference by id: `id:<id>` when `prefixed`, else the bare id.
        case id(prefixed: Bool)
        /// References by id, each listed once; compared as a set.
        case ids(prefixed: Bool)
        /// A mapping from trimmed keys to `id:<id>` references (`defaultScripts`).
        case idMap
        /// A nested section.
        case section(Table)
        /// An ordered list of sections.
        case list(Table)
        /// Read by the section's own decoder (condition trees, `mediaSettings`, proficiencies).
        case custom

        /// One of the values of an API enum.
        static func choice<E: GenesysEnum>(_: E.Type) -> Kind { .choice(E.knownCases.map(\.rawValue)) }
    }

    /// One key of a section.
    struct Key: Sendable {
        /// The key as written in files.
        var name: String
        /// What it holds.
        var kind: Kind
        /// The message when the key is missing (`is required`); `nil` when it is optional.
        var required: String?

        init(_ name: String, _ kind: Kind, required: String? = nil) {
            self.name = name
            self.kind = kind
            self.required = required
        }
    }

    /// A section's keys, in the format's order.
    struct Table: Sendable {
        var keys: [Key]

        init(_ keys: [Key]) { self.keys = keys }

        /// The keys' names, in order (unknown-key messages list them).
        var names: [String] { keys.map(\.name) }
    }
}

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

extension DocumentDecoder {
    /// Checks `node` against `table` (a mapping; no unknown or duplicate keys; required keys present) and
    /// reads every key whose kind is not `.identity` or `.custom`. `nil` when `node` is not a mapping.
    mutating func read(_ node: SourceNode, object: String, field: String?, table: DocumentSchema.Table) -> DocumentFields? {
        guard let nodes = mapping(node, object: object, field: field, allowed: table.names) else { return nil }
        var values: [String: DocumentFields.Value] = [:]
        for key in table.keys {
            let keyField = Self.join(field, key.name)
            guard let valueNode = nodes[key.name] else {
                if let required = key.required {
                    report(.missingField, at: node, object: object, field: keyField, required)
                }
                continue
            }
            if let value = readValue(valueNode, kind: key.kind, object: object, field: keyField) {
                values[key.name] = value
            }
        }
        return DocumentFields(node: node, nodes: nodes, values: values)
    }

    private mutating func readValue(
        _ node: SourceNode, kind: DocumentSchema.Kind, object: String, field: String
    ) -> DocumentFields.Value? {
        switch kind {
        case .identity, .custom:
            return nil
        case .text:
            return text(node, object: object, field: field).map { .text($0) }
        case .name:
            return name(node, object: object, field: field).map { .text($0) }
        case .bool:
            return bool(node, object: object, field: field).map { .bool($0) }
        case .choice(let values):
            return choice(node, object: object, field: field, among: values).map { .text($0) }
        case .integer(let rule):
            return integer(node, object: object, field: field, rule: rule).map { .integer($0) }
        case .number:
            return number(node, object: object, field: field, expected: "a number").map { .number($0.0) }
        case .names:
            return nameList(node, object: object, field: field).map { .names($0) }
        case .users:
            return userList(node, object: object, field: field).map { .users($0) }
        case .id(let prefixed):
            return idReference(node, object: object, field: field, prefixed: prefixed).map { .text($0) }
        case .ids(let prefixed):
            return idList(node, object: object, field: field, prefixed: prefixed).map { .names($0) }
        case .idMap:
            return idMap(node, object: object, field: field).map { .map($0) }
        case .section(let table):
            return read(node, object: object, field: field, table: table).map { .section($0) }
        case .list(let table):
            guard let elements = sequence(node, object: object, field: field) else { return nil }
            var sections: [DocumentFields] = []
            for (index, element) in elements.enumerated() {
                if let section = read(element, object: object, field: "\(field)[\(index)]", table: table) {
                    sections.append(section)
                }
            }
            return .list(sections)
        }
    }

    /// `{ KEY: id:<id> }` with trimmed, non-empty keys, each once (`defaultScripts`).
    mutating func idMap(_ node: SourceNode, object: String, field: String) -> [String: String]? {
        keyedMap(node, object: object, field: field, expected: "a mapping") { decoder, valueNode, entryField in
            decoder.idReference(valueNode, object: object, field: entryField, prefixed: true)
        }
    }
}
