/// Reading a mapping against its key table (``DocumentSchema``).
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
