import RoutingSync

/// A skill group's `conditions` tree (as a plan's field value) in words:
/// `skill "Billing" >= 3 AND language "English" >= 4`.
///
/// A node joins its leaves with its operation (`And`: AND, `Or`: OR, `Not`: none of them, written
/// `NOT (…)`); a leaf with `childConditions` also needs them (`(skill "Billing" >= 2 AND (…))`); the
/// top-level nodes are joined with AND. Returns `nil` for a value of another shape, which is then shown as
/// JSON.
enum ConditionText {
    static func render(_ value: ConfigValue) -> String? {
        guard case .array(let nodes) = value, !nodes.isEmpty else { return nil }
        let parts = nodes.map(node)
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        let texts = parts.compactMap { $0 }
        return texts.count == 1 ? texts[0] : texts.map { "(\($0))" }.joined(separator: " AND ")
    }

    private static func node(_ value: ConfigValue) -> String? {
        guard case .object = value, case .string(let operation)? = value["operation"] else { return nil }
        var leaves: [String] = []
        for (key, kind, nameKey) in [("routingSkillConditions", "skill", "routingSkill"), ("languageSkillConditions", "language", "languageSkill")] {
            guard let list = value[key] else { continue }
            guard case .array(let items) = list else { return nil }
            for item in items {
                guard let text = leaf(item, kind: kind, nameKey: nameKey) else { return nil }
                leaves.append(text)
            }
        }
        guard !leaves.isEmpty else { return nil }
        switch operation {
        case "And": return leaves.joined(separator: " AND ")
        case "Or": return leaves.joined(separator: " OR ")
        case "Not": return "NOT (" + leaves.joined(separator: " OR ") + ")"
        default: return nil
        }
    }

    private static func leaf(_ value: ConfigValue, kind: String, nameKey: String) -> String? {
        guard case .string(let name)? = value[nameKey], case .string(let comparator)? = value["comparator"],
              let symbol = symbols[comparator], let proficiency = value["proficiency"] else { return nil }
        let text = "\(kind) \"\(InertText.escape(name))\" \(symbol) \(proficiency.compactText)"
        guard let children = value["childConditions"], case .array(let nodes) = children, !nodes.isEmpty else { return text }
        let parts = nodes.map(node)
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        return "(\(text) AND " + parts.compactMap { $0 }.map { "(\($0))" }.joined(separator: " AND ") + ")"
    }

    private static let symbols = [
        "EqualTo": "=", "NotEqualTo": "!=", "LessThan": "<", "GreaterThan": ">",
        "GreaterThanOrEqualTo": ">=", "LessThanOrEqualTo": "<=",
    ]
}
