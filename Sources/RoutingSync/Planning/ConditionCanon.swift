import RoutingModels

/// Canonical forms of skill-group conditions: the leaves of a node, and lists of nodes, compare as sets;
/// a `Not` node keeps its order. Missing lists are empty lists.
enum ConditionCanon {
    static func key(_ conditions: [SkillGroupCondition]?) -> String {
        (conditions ?? []).map(key(node:)).sorted().joined(separator: ";")
    }

    static func key(node: SkillGroupCondition) -> String {
        let operation = node.operation?.rawValue ?? ""
        var leaves: [String] = []
        for leaf in node.routingSkillConditions ?? [] {
            leaves.append("S:\(escape(leaf.routingSkill ?? ""))|\(leaf.comparator?.rawValue ?? "")|\(leaf.proficiency.map(String.init) ?? "")|[\(key(leaf.childConditions))]")
        }
        for leaf in node.languageSkillConditions ?? [] {
            leaves.append("L:\(escape(leaf.languageSkill ?? ""))|\(leaf.comparator?.rawValue ?? "")|\(leaf.proficiency.map(String.init) ?? "")|[\(key(leaf.childConditions))]")
        }
        if node.operation != .not { leaves.sort() }
        return "\(operation)(\(leaves.joined(separator: ",")))"
    }

    private static func escape(_ name: String) -> String {
        name.replacing("\\", with: "\\\\").replacing("|", with: "\\|").replacing(",", with: "\\,")
            .replacing("(", with: "\\(").replacing(")", with: "\\)").replacing(";", with: "\\;")
            .replacing("[", with: "\\[").replacing("]", with: "\\]")
    }

    /// The tree as the API wants it on write: every node has both lists (possibly empty).
    static func normalized(_ conditions: [SkillGroupCondition]) -> [SkillGroupCondition] {
        conditions.map { node in
            SkillGroupCondition(
                routingSkillConditions: (node.routingSkillConditions ?? []).map { leaf in
                    var leaf = leaf
                    leaf.childConditions = leaf.childConditions.map(normalized)
                    return leaf
                },
                languageSkillConditions: (node.languageSkillConditions ?? []).map { leaf in
                    var leaf = leaf
                    leaf.childConditions = leaf.childConditions.map(normalized)
                    return leaf
                },
                operation: node.operation
            )
        }
    }

    /// Every skill name and language name the tree uses.
    static func names(_ conditions: [SkillGroupCondition]?) -> (skills: [String], languages: [String]) {
        var skills: [String] = []
        var languages: [String] = []
        func walk(_ nodes: [SkillGroupCondition]?) {
            for node in nodes ?? [] {
                for leaf in node.routingSkillConditions ?? [] {
                    if let name = leaf.routingSkill { skills.append(name) }
                    walk(leaf.childConditions)
                }
                for leaf in node.languageSkillConditions ?? [] {
                    if let name = leaf.languageSkill { languages.append(name) }
                    walk(leaf.childConditions)
                }
            }
        }
        walk(conditions)
        return (skills, languages)
    }
}
