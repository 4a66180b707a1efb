/// A parsed YAML or JSON document that remembers where each value was written, so validation problems
/// can name a line. Both parsers produce this one tree.
struct SourceNode: Sendable {
    enum Value: Sendable {
        /// A scalar's text; `plain` when it was unquoted (YAML plain scalar, JSON number/true/false/null).
        case scalar(String, plain: Bool)
        case sequence([SourceNode])
        case mapping([Entry])
    }

    struct Entry: Sendable {
        var key: String
        var keyLine: Int?
        var keyColumn: Int?
        var value: SourceNode
    }

    var value: Value
    var line: Int?
    var column: Int?

    /// The value a plain scalar resolves to: `null`, a boolean, a number, or else a string.
    static func resolvePlain(_ text: String) -> ConfigValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        default: break
        }
        if let number = parseNumber(text) { return .number(number) }
        return .string(text)
    }

    /// A decimal number in JSON/YAML syntax (`-1`, `2.5`, `1e3`, `+4`), else `nil`.
    static func parseNumber(_ text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        var index = 0
        if scalars[index] == "-" || scalars[index] == "+" { index += 1 }
        var digits = 0
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1; digits += 1 }
        if index < scalars.count, scalars[index] == "." {
            index += 1
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            index += 1
            if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" { index += 1 }
            var exponentDigits = 0
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        guard index == scalars.count else { return nil }
        return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// The tree as a ``ConfigValue`` (plain scalars resolved, quoted scalars as strings).
    var configValue: ConfigValue {
        switch value {
        case .scalar(let text, let plain): plain ? Self.resolvePlain(text) : .string(text)
        case .sequence(let nodes): .array(nodes.map(\.configValue))
        case .mapping(let entries): .object(entries.map { ConfigValue.Member($0.key, $0.value.configValue) })
        }
    }

    /// A short description of the node's type for messages: `a mapping`, `a list`, `a number`, `text`.
    var typeDescription: String {
        switch value {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, let plain):
            guard plain else { return "text" }
            switch Self.resolvePlain(text) {
            case .null: return "nothing (null)"
            case .bool: return "a boolean"
            case .number: return "a number"
            default: return "text"
            }
        }
    }
}
