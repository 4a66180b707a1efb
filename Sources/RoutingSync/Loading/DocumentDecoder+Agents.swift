/// `agents`, and the shorthand skill list (`[{"name", "description", "assign_to_users", "assign_to_profiles"}]`).
extension DocumentDecoder {
    mutating func decodeAgents(_ node: SourceNode) -> [AgentSpec] {
        guard let elements = sequence(node, object: "", field: "agents") else { return [] }
        var agents: [AgentSpec] = []
        var seen: [String: Int?] = [:]
        for (index, element) in elements.enumerated() {
            var object = "agents[\(index)]"
            guard case .mapping(let entries) = element.value else {
                report(.invalidType, at: element, object: object, field: nil, "expected a mapping, found \(element.typeDescription)")
                continue
            }
            var reference: UserReference?
            if let userEntry = entries.first(where: { $0.key == "user" }) {
                reference = userReference(userEntry.value, object: object, field: "user")
                if let reference { object = "agents[\(reference)]" }
            } else {
                report(.missingField, line: element.line, column: element.column, object: object, field: "user", "is required")
            }
            guard let fields = read(element, object: object, field: nil, table: DocumentSchema.agent) else { continue }
            remember(element, object: object, field: nil)
            guard let reference else { continue }
            let key = Self.userKey(reference)
            if let earlier = seen[key] {
                let place = earlier.flatMap { $0 }.map { " (first declared at line \($0))" } ?? ""
                report(.duplicateName, at: fields["user"] ?? element, object: object, field: "user",
                       "'\(reference)' is declared twice\(place)")
                continue
            }
            seen[key] = .some(element.line)
            var spec = AgentSpec(user: reference)
            if let skills = fields["skills"] { spec.skills = proficiencyMap(skills, object: object, field: "skills") }
            if let languages = fields["languages"] { spec.languages = proficiencyMap(languages, object: object, field: "languages") }
            agents.append(spec)
        }
        return agents
    }

    /// Skills plus agents holding each listed skill at proficiency 1, applied additively.
    mutating func decodeShorthand(_ root: SourceNode) -> DesiredState {
        var state = DesiredState()
        state.policy.agentSkills = .additive
        var agentOrder: [String] = []
        var agents: [String: AgentSpec] = [:]
        state.skills = decodeNamed(root, kind: "skills", table: DocumentSchema.shorthandSkill) { decoder, fields, name, object in
            if let description = fields["description"] {
                decoder.report(.ignoredField, line: description.line, column: description.column, object: object,
                               field: "description", "Genesys skills have no description; it is ignored", severity: .warning)
            }
            for key in ["assign_to_users", "assign_to_profiles"] {
                for user in fields.users(key) ?? [] {
                    let userKey = DocumentDecoder.userKey(user)
                    if agents[userKey] == nil {
                        agents[userKey] = AgentSpec(user: user, skills: [:])
                        agentOrder.append(userKey)
                    }
                    agents[userKey]?.skills?[name] = 1
                }
            }
            return SkillSpec(name: name)
        }
        state.agents = agentOrder.compactMap { agents[$0] }
        return state
    }
}
