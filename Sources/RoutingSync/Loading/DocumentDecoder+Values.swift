/// The value shapes every section is made of: mappings, lists, text, names, numbers, booleans, choices, id
/// references and users. Each reports its own problem, located at the value, and returns `nil` for it.
extension DocumentDecoder {
    /// The entries of a mapping, keyed by key; reports a non-mapping, unknown keys and duplicate keys.
    mutating func mapping(
        _ node: SourceNode, object: String, field: String?, allowed: [String]
    ) -> [String: SourceNode]? {
        guard case .mapping(let entries) = node.value else {
            report(.invalidType, at: node, object: object, field: field, "expected a mapping, found \(node.typeDescription)")
            return nil
        }
        var result: [String: SourceNode] = [:]
        for entry in entries {
            let keyField = Self.join(field, entry.key)
            if result[entry.key] != nil {
                report(.invalidValue, line: entry.keyLine ?? entry.value.line, column: entry.keyColumn, object: object,
                       field: keyField, "duplicate key")
                continue
            }
            guard allowed.contains(entry.key) else {
                var message = "unknown key"
                if let suggestion = Self.suggestion(for: entry.key, among: allowed) {
                    message += " (did you mean '\(suggestion)'?)"
                } else {
                    message += " (expected \(allowed.joined(separator: ", ")))"
                }
                report(.unknownKey, line: entry.keyLine ?? entry.value.line, column: entry.keyColumn, object: object,
                       field: keyField, message)
                continue
            }
            result[entry.key] = entry.value
        }
        return result
    }

    /// The elements of a list; reports a non-list.
    mutating func sequence(_ node: SourceNode, object: String, field: String?) -> [SourceNode]? {
        guard case .sequence(let nodes) = node.value else {
            report(.invalidType, at: node, object: object, field: field, "expected a list, found \(node.typeDescription)")
            return nil
        }
        return nodes
    }

    /// A scalar's text (any non-null scalar: YAML names such as `2024` or `Yes` are names too).
    mutating func text(_ node: SourceNode, object: String, field: String?) -> String? {
        remember(node, object: object, field: field)
        guard case .scalar(let text, let plain) = node.value else {
            report(.invalidType, at: node, object: object, field: field, "expected text, found \(node.typeDescription)")
            return nil
        }
        if plain, case .null = SourceNode.resolvePlain(text) {
            report(.missingField, at: node, object: object, field: field, "has no value")
            return nil
        }
        return text
    }

    /// A trimmed, non-empty name.
    mutating func name(_ node: SourceNode, object: String, field: String?) -> String? {
        guard let raw = text(node, object: object, field: field) else { return nil }
        let trimmed = Self.trim(raw)
        if trimmed.isEmpty {
            report(.missingField, at: node, object: object, field: field, "is empty")
            return nil
        }
        return trimmed
    }

    /// A number (an unquoted scalar), with the text it was written as.
    mutating func number(_ node: SourceNode, object: String, field: String?, expected: String) -> (Double, String)? {
        remember(node, object: object, field: field)
        guard case .scalar(let text, let plain) = node.value, plain, case .number(let value) = SourceNode.resolvePlain(text) else {
            report(.invalidType, at: node, object: object, field: field, "expected \(expected), found \(Self.describe(node))")
            return nil
        }
        return (value, text)
    }

    /// An integer within `rule`'s range.
    mutating func integer(_ node: SourceNode, object: String, field: String?, rule: DocumentSchema.IntegerRule) -> Int? {
        guard let (value, text) = number(node, object: object, field: field, expected: rule.expected) else { return nil }
        if value.rounded() != value {
            report(.invalidType, at: node, object: object, field: field, "\(text) is not an integer\(rule.notIntegerNote)")
            return nil
        }
        guard rule.range.contains(value) else {
            report(.outOfRange, at: node, object: object, field: field, "\(text) is out of range (\(rule.rangeText))")
            return nil
        }
        return Int(value)
    }

    /// A boolean.
    mutating func bool(_ node: SourceNode, object: String, field: String?) -> Bool? {
        guard case .scalar(let text, let plain) = node.value, plain, case .bool(let value) = SourceNode.resolvePlain(text) else {
            report(.invalidType, at: node, object: object, field: field, "expected true or false, found \(Self.describe(node))")
            return nil
        }
        return value
    }

    /// One of a fixed set of strings.
    mutating func choice(_ node: SourceNode, object: String, field: String?, among values: [String]) -> String? {
        guard let value = text(node, object: object, field: field) else { return nil }
        let trimmed = Self.trim(value)
        guard values.contains(trimmed) else {
            var message = "'\(value)' is not one of \(values.joined(separator: ", "))"
            if let match = values.first(where: { $0.lowercased() == trimmed.lowercased() }) {
                message += " (did you mean '\(match)'?)"
            }
            report(.invalidValue, at: node, object: object, field: field, message)
            return nil
        }
        return trimmed
    }

    /// A reference to an object this package doesn't manage, by id: `id:<id>` when `prefixed`, else the bare
    /// id. Returns the bare id.
    mutating func idReference(_ node: SourceNode, object: String, field: String?, prefixed: Bool) -> String? {
        guard let raw = name(node, object: object, field: field) else { return nil }
        let hasPrefix = raw.lowercased().hasPrefix("id:")
        switch (prefixed, hasPrefix) {
        case (true, true):
            let id = Self.trim(String(raw.dropFirst(3)))
            guard !id.isEmpty else {
                report(.missingField, at: node, object: object, field: field, "'\(raw)' has no id (write id:<id>)")
                return nil
            }
            return id
        case (true, false):
            report(.invalidValue, at: node, object: object, field: field,
                   "'\(raw)' is not an id reference (this field refers by id: write id:<id>)")
            return nil
        case (false, true):
            report(.invalidValue, at: node, object: object, field: field,
                   "'\(raw)' has the id: prefix (this field takes the bare id: write \(Self.trim(String(raw.dropFirst(3)))))")
            return nil
        case (false, false):
            return raw
        }
    }

    /// A list whose entries are read by `entry` and compared by `key`; reports entries listed twice. `nil` when
    /// any entry has a problem.
    mutating func uniqueList<Value>(
        _ node: SourceNode, object: String, field: String,
        entry: (inout DocumentDecoder, SourceNode, String) -> Value?, key: (Value) -> String, shown: (Value) -> String
    ) -> [Value]? {
        guard let nodes = sequence(node, object: object, field: field) else { return nil }
        var values: [Value] = []
        var seen: Set<String> = []
        var valid = true
        for (index, element) in nodes.enumerated() {
            let elementField = "\(field)[\(index)]"
            guard let value = entry(&self, element, elementField) else {
                valid = false
                continue
            }
            guard seen.insert(key(value)).inserted else {
                report(.duplicateName, at: element, object: object, field: elementField, "'\(shown(value))' is listed twice")
                valid = false
                continue
            }
            values.append(value)
        }
        return valid ? values : nil
    }

    /// A list of trimmed names; reports empty entries and entries listed twice (after case folding).
    mutating func nameList(_ node: SourceNode, object: String, field: String) -> [String]? {
        uniqueList(node, object: object, field: field, entry: { decoder, element, elementField in
            decoder.name(element, object: object, field: elementField)
        }, key: Self.fold, shown: { $0 })
    }

    /// A list of id references (see ``idReference(_:object:field:prefixed:)``), each listed once.
    mutating func idList(_ node: SourceNode, object: String, field: String, prefixed: Bool) -> [String]? {
        uniqueList(node, object: object, field: field, entry: { decoder, element, elementField in
            decoder.idReference(element, object: object, field: elementField, prefixed: prefixed)
        }, key: Self.fold, shown: { prefixed ? "id:\($0)" : $0 })
    }

    // MARK: - Users

    mutating func userReference(_ node: SourceNode, object: String, field: String) -> UserReference? {
        guard let raw = text(node, object: object, field: field) else { return nil }
        guard let reference = UserReference(parsing: raw) else {
            report(.missingField, at: node, object: object, field: field, "is empty")
            return nil
        }
        if case .email(let email) = reference, !email.contains("@") || email.contains(" ") {
            report(.invalidValue, at: node, object: object, field: field,
                   "'\(raw)' is not an email address (write an email, or id:<userId>)")
            return nil
        }
        return reference
    }

    static func userKey(_ reference: UserReference) -> String {
        switch reference {
        case .email(let email): "email:" + email.lowercased()
        case .id(let id): "id:" + id.lowercased()
        }
    }

    /// A list of users, each listed once.
    mutating func userList(_ node: SourceNode, object: String, field: String) -> [UserReference]? {
        uniqueList(node, object: object, field: field, entry: { decoder, element, elementField in
            decoder.userReference(element, object: object, field: elementField)
        }, key: Self.userKey, shown: \.description)
    }

    /// A mapping from trimmed, non-empty keys, each written once (ignoring case), to values read by `value`
    /// (field `field[key]`); `expected` names the mapping in a type mismatch.
    mutating func keyedMap<Value>(
        _ node: SourceNode, object: String, field: String, expected: String,
        _ value: (inout DocumentDecoder, SourceNode, String) -> Value?
    ) -> [String: Value]? {
        guard case .mapping(let entries) = node.value else {
            report(.invalidType, at: node, object: object, field: field, "expected \(expected), found \(node.typeDescription)")
            return nil
        }
        var result: [String: Value] = [:]
        var seen: Set<String> = []
        var valid = true
        for entry in entries {
            let name = Self.trim(entry.key)
            let entryField = "\(field)[\(name)]"
            if name.isEmpty {
                report(.missingField, line: entry.keyLine, column: entry.keyColumn, object: object, field: entryField, "a name is empty")
                valid = false
                continue
            }
            guard seen.insert(Self.fold(name)).inserted else {
                report(.duplicateName, line: entry.keyLine, column: entry.keyColumn, object: object, field: entryField,
                       "'\(name)' is listed twice")
                valid = false
                continue
            }
            guard let read = value(&self, entry.value, entryField) else {
                valid = false
                continue
            }
            result[name] = read
        }
        return valid ? result : nil
    }

    /// `{ Name: proficiency }` with proficiencies 0.0–5.0 and names unique after case folding.
    mutating func proficiencyMap(_ node: SourceNode, object: String, field: String) -> [String: Double]? {
        keyedMap(node, object: object, field: field, expected: "a mapping of names to proficiencies") { decoder, valueNode, entryField in
            guard let (value, text) = decoder.number(valueNode, object: object, field: entryField, expected: "a proficiency 0.0–5.0") else {
                return nil
            }
            guard value >= 0, value <= 5 else {
                decoder.report(.outOfRange, at: valueNode, object: object, field: entryField, "\(text) is out of range (0.0–5.0)")
                return nil
            }
            return value
        }
    }
}
