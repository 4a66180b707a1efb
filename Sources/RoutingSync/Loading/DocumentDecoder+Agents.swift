/// `agents`, and the shorthand skill list (`[{"name", "description", "assign_to_users", "assign_to_profiles"}]`).
extension DocumentDecoder {
    mutating func decodeAgents(_ node: SourceNode) -> [AgentSpec] {
        decodeIdentified(
            node, kind: "agents", identityKey: "user", table: DocumentSchema.agent,
            identity: { decoder, node, object in decoder.userReference(node, object: object, field: "user") },
            label: \.description, key: Self.userKey, unique: ""
        ) { decoder, fields, user, object in
            var spec = AgentSpec(user: user)
            if let skills = fields["skills"] { spec.skills = decoder.proficiencyMap(skills, object: object, field: "skills") }
            if let languages = fields["languages"] {
                spec.languages = decoder.proficiencyMap(languages, object: object, field: "languages")
            }
            return spec
        }
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
