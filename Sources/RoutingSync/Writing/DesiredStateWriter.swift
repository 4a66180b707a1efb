#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
import RoutingModels
import Yams

/// Writes a ``DesiredState`` as a desired-state file (YAML or JSON) that ``DesiredStateLoader`` reads back
/// to an equal state.
///
/// Output is stable: sections and keys in the format's order, objects in the order of the state (export
/// sorts them by name), agents' skills and languages sorted by name. Fields that are `nil` are left out.
public enum DesiredStateWriter {
    /// The file text.
    public static func string(_ state: DesiredState, format: DesiredStateFormat) -> String {
        let tree = configValue(of: state)
        switch format {
        case .json:
            return JSONText.render(tree, pretty: true) + "\n"
        case .yaml:
            return yaml(tree)
        }
    }

    /// The file contents as UTF-8.
    public static func data(_ state: DesiredState, format: DesiredStateFormat) -> Data {
        Data(string(state, format: format).utf8)
    }

    // MARK: - Tree

    static func configValue(of state: DesiredState) -> ConfigValue {
        var root: [ConfigValue.Member] = [.init("version", .number(Double(state.version)))]
        let policy = state.policy
        root.append(.init("policy", .object([
            .init("prune", .bool(policy.prune)),
            .init("agentSkills", .string(policy.agentSkills.rawValue)),
            .init("agentLanguages", .string(policy.agentLanguages.rawValue)),
            .init("queueMembers", .string(policy.queueMembers.rawValue)),
        ])))
        if let division = state.defaults.division {
            root.append(.init("defaults", .object([.init("division", .string(division))])))
        }
        if !state.skills.isEmpty {
            root.append(.init("skills", .array(state.skills.map { skill in
                var members: [ConfigValue.Member] = [.init("name", .string(skill.name))]
                if let division = skill.division { members.append(.init("division", .string(division))) }
                return .object(members)
            })))
        }
        if !state.languages.isEmpty {
            root.append(.init("languages", .array(state.languages.map { .object([.init("name", .string($0.name))]) })))
        }
        if !state.wrapupCodes.isEmpty {
            root.append(.init("wrapupCodes", .array(state.wrapupCodes.map { code in
                var members: [ConfigValue.Member] = [.init("name", .string(code.name))]
                if let division = code.division { members.append(.init("division", .string(division))) }
                return .object(members)
            })))
        }
        if !state.skillGroups.isEmpty {
            root.append(.init("skillGroups", .array(state.skillGroups.map(configValue(of:)))))
        }
        if !state.queues.isEmpty {
            root.append(.init("queues", .array(state.queues.map(configValue(of:)))))
        }
        if !state.agents.isEmpty {
            root.append(.init("agents", .array(state.agents.map { agent in
                var members: [ConfigValue.Member] = [.init("user", .string(agent.user.description))]
                if let skills = agent.skills { members.append(.init("skills", proficiencies(skills))) }
                if let languages = agent.languages { members.append(.init("languages", proficiencies(languages))) }
                return .object(members)
            })))
        }
        return .object(root)
    }

    static func proficiencies(_ map: [String: Double]) -> ConfigValue {
        .object(map.sorted { NameOrder.precedes($0.key, $1.key) }.map { .init($0.key, .number($0.value)) })
    }

    static func strings(_ values: [String]) -> ConfigValue { .array(values.map(ConfigValue.string)) }

    static func configValue(of group: SkillGroupSpec) -> ConfigValue {
        var members: [ConfigValue.Member] = [.init("name", .string(group.name))]
        if !group.previousNames.isEmpty { members.append(.init("previousNames", strings(group.previousNames))) }
        if let description = group.description { members.append(.init("description", .string(description))) }
        if let division = group.division { members.append(.init("division", .string(division))) }
        if let divisions = group.memberDivisions { members.append(.init("memberDivisions", strings(divisions))) }
        if let conditions = group.conditions { members.append(.init("conditions", .array(conditions.map(configValue(of:))))) }
        return .object(members)
    }

    static func configValue(of condition: SkillGroupCondition) -> ConfigValue {
        var members: [ConfigValue.Member] = []
        if let operation = condition.operation { members.append(.init("operation", .string(operation.rawValue))) }
        if let leaves = condition.routingSkillConditions, !leaves.isEmpty {
            members.append(.init("routingSkillConditions", .array(leaves.map { leaf in
                leafValue(nameKey: "routingSkill", name: leaf.routingSkill, comparator: leaf.comparator,
                          proficiency: leaf.proficiency, children: leaf.childConditions)
            })))
        }
        if let leaves = condition.languageSkillConditions, !leaves.isEmpty {
            members.append(.init("languageSkillConditions", .array(leaves.map { leaf in
                leafValue(nameKey: "languageSkill", name: leaf.languageSkill, comparator: leaf.comparator,
                          proficiency: leaf.proficiency, children: leaf.childConditions)
            })))
        }
        return .object(members)
    }

    static func leafValue(
        nameKey: String, name: String?, comparator: ProficiencyComparator?, proficiency: Int?, children: [SkillGroupCondition]?
    ) -> ConfigValue {
        var members: [ConfigValue.Member] = []
        if let name { members.append(.init(nameKey, .string(name))) }
        if let comparator { members.append(.init("comparator", .string(comparator.rawValue))) }
        if let proficiency { members.append(.init("proficiency", .number(Double(proficiency)))) }
        if let children, !children.isEmpty { members.append(.init("childConditions", .array(children.map(configValue(of:))))) }
        return .object(members)
    }

    static func configValue(of queue: QueueSpec) -> ConfigValue {
        var members: [ConfigValue.Member] = [.init("name", .string(queue.name))]
        if !queue.previousNames.isEmpty { members.append(.init("previousNames", strings(queue.previousNames))) }
        if let description = queue.description { members.append(.init("description", .string(description))) }
        if let division = queue.division { members.append(.init("division", .string(division))) }
        if let method = queue.skillEvaluationMethod { members.append(.init("skillEvaluationMethod", .string(method.rawValue))) }
        if let acw = queue.acwSettings {
            var settings: [ConfigValue.Member] = []
            if let prompt = acw.wrapupPrompt { settings.append(.init("wrapupPrompt", .string(prompt.rawValue))) }
            if let timeout = acw.timeoutMs { settings.append(.init("timeoutMs", .number(Double(timeout)))) }
            members.append(.init("acwSettings", .object(settings)))
        }
        if let media = queue.mediaSettings { members.append(.init("mediaSettings", media)) }
        if let groups = queue.skillGroups { members.append(.init("skillGroups", strings(groups))) }
        if let users = queue.members { members.append(.init("members", strings(users.map(\.description)))) }
        if let codes = queue.wrapupCodes { members.append(.init("wrapupCodes", strings(codes))) }
        members += queueSettingsMembers(queue.settings)
        return .object(members)
    }

    // MARK: - YAML

    static func yaml(_ tree: ConfigValue) -> String {
        let node = yamlNode(tree, parentIsKey: false, depth: 0)
        do {
            return try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true)
        } catch {
            // The tree holds only strings, numbers, booleans, lists and mappings; the emitter accepts all of them.
            return JSONText.render(tree, pretty: true) + "\n"
        }
    }

    /// Scalars that would read back as something else are double-quoted; lists of scalars and small
    /// mappings of scalars (agent skills, ACW settings) use flow style.
    static func yamlNode(_ value: ConfigValue, parentIsKey: Bool, depth: Int) -> Node {
        switch value {
        case .null:
            return .scalar(.init("null", .implicit, .plain))
        case .bool(let flag):
            return .scalar(.init(flag ? "true" : "false", .implicit, .plain))
        case .number(let number):
            return .scalar(.init(JSONText.numberText(number), .implicit, .plain))
        case .string(let text):
            return .scalar(.init(text, .implicit, scalarStyle(text)))
        case .array(let values):
            let flow = !values.isEmpty && values.allSatisfy(\.isScalar)
            return .sequence(.init(values.map { yamlNode($0, parentIsKey: false, depth: depth + 1) }, .implicit,
                                   values.isEmpty || flow ? .flow : .block))
        case .object(let members):
            let flow = members.isEmpty
                || (parentIsKey && depth > 1 && members.count <= 6 && members.allSatisfy { $0.value.isScalar })
            let pairs = members.map { member in
                (Node.scalar(.init(member.key, .implicit, scalarStyle(member.key))),
                 yamlNode(member.value, parentIsKey: true, depth: depth + 1))
            }
            return .mapping(.init(pairs, .implicit, flow ? .flow : .block))
        }
    }

    /// Plain when the text reads back as this very string; double-quoted otherwise.
    static func scalarStyle(_ text: String) -> Node.Scalar.Style {
        if case .string(let same) = SourceNode.resolvePlain(text), same == text, text.trimmed == text, !looksSpecial(text) {
            return .plain
        }
        return .doubleQuoted
    }

    /// Text YAML would read as a date, an octal/hex number or a special float.
    static func looksSpecial(_ text: String) -> Bool {
        if text.isEmpty { return true }
        let lower = text.lowercased()
        if [".inf", "-.inf", "+.inf", ".nan", "<<", "=", "y", "n"].contains(lower) { return true }
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") { return true }
        if let first = text.first, first.isNumber, text.contains("-") || text.contains(":") || text.contains("_") { return true }
        return false
    }
}

/// The ordering used for names in exports and reports: case-insensitive, then exact.
enum NameOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        let (la, lb) = (a.lowercased(), b.lowercased())
        return la != lb ? la < lb : a < b
    }
}
