import RoutingModels

extension Planner {
    // MARK: - Agents

    mutating func planAgents() {
        guard !desired.agents.isEmpty else { return }
        guard let users = userIndex else {
            report(.invalidValue, object: "agents", field: nil, "the org snapshot does not include users")
            return
        }
        let skillIndex = current.skills.map { NameIndex($0, name: \.name) }
        let languageIndex = current.languages.map { NameIndex($0, name: \.name) }
        var seenUsers: Set<String> = []
        for spec in desired.agents {
            let object = "agents[\(spec.user)]"
            guard let agent = user(spec.user, index: users, object: object, field: "user") else { continue }
            guard seenUsers.insert(agent.userID).inserted else {
                report(.invalidValue, object: object, field: "user", "the same user is declared twice (by email and by id)")
                continue
            }
            var profile = AgentProfileDiff(write: AgentWrite(
                userID: agent.userID, replaceSkills: nil, upsertSkills: [], upsertLanguages: [], removeLanguages: []
            ))
            if let skills = spec.skills {
                planAgentSkills(skills, agent: agent, object: object, index: skillIndex, into: &profile)
            }
            if let languages = spec.languages {
                planAgentLanguages(languages, agent: agent, object: object, index: languageIndex, into: &profile)
            }
            guard profile.resolved else { continue }
            let name = agent.displayName
            if profile.fields.isEmpty {
                unchanged.append(ObjectRef(kind: .agent, name: name))
                continue
            }
            changes.append(PlannedChange(
                action: .update, kind: .agent, name: name, existingID: agent.userID, fields: profile.fields,
                dependsOn: profile.dependsOn, operation: .updateAgent(profile.write)
            ))
        }
    }

    /// What changes in one agent's routing profile.
    struct AgentProfileDiff {
        var write: AgentWrite
        var fields: [FieldChange] = []
        var dependsOn: [ObjectRef] = []
        /// Whether every skill and language resolved (the problems are reported).
        var resolved = true
    }

    /// The skills an agent should have: each one the file names, at its proficiency; the others removed
    /// when `policy.agentSkills` is authoritative (then the whole set is replaced in one request).
    mutating func planAgentSkills(
        _ skills: [String: Double], agent: AgentSnapshot, object: String, index: NameIndex<RoutingSkill>?,
        into profile: inout AgentProfileDiff
    ) {
        let declared = compareProficiencies(
            skills, current: agent.skills.map { ($0.id, $0.proficiency) }, declared: skillIDs, index: index, kind: "skill",
            section: "skills", object: object, id: \.id, into: &profile
        )
        var removals = false
        if desired.policy.agentSkills == .authoritative {
            for have in agent.skills where !declared.existingIDs.contains(have.id ?? "") {
                removals = true
                let name = have.name ?? current.skills?.first { $0.id == have.id }?.name ?? have.id ?? "?"
                profile.fields.append(FieldChange(field: "skills[\(name)]", from: have.proficiency.map(ConfigValue.number), to: nil))
            }
        }
        if removals {
            profile.write.replaceSkills = declared.wanted
        } else {
            profile.write.upsertSkills = declared.changed
        }
    }

    /// The languages an agent should have; the others removed one by one when `policy.agentLanguages` is
    /// authoritative.
    mutating func planAgentLanguages(
        _ languages: [String: Double], agent: AgentSnapshot, object: String, index: NameIndex<Language>?,
        into profile: inout AgentProfileDiff
    ) {
        let declared = compareProficiencies(
            languages, current: agent.languages.map { ($0.id, $0.proficiency) }, declared: languageIDs, index: index,
            kind: "language", section: "languages", object: object, id: \.id, into: &profile
        )
        profile.write.upsertLanguages += declared.changed
        if desired.policy.agentLanguages == .authoritative {
            for have in agent.languages where !declared.existingIDs.contains(have.id ?? "") {
                guard let id = have.id else { continue }
                profile.write.removeLanguages.append(id)
                let name = have.name ?? current.languages?.first { $0.id == id }?.name ?? id
                profile.fields.append(FieldChange(field: "languages[\(name)]", from: have.proficiency.map(ConfigValue.number), to: nil))
            }
        }
    }

    /// An agent's declared skills or languages, resolved by name and compared with what the agent has
    /// (`current`: id and proficiency); each one to add or change is a field of `profile`.
    /// - Returns: Every declared assignment, the ones that change, and the ids of the existing objects named.
    mutating func compareProficiencies<Item>(
        _ proficiencies: [String: Double], current: [(id: String?, proficiency: Double?)], declared: [String: Resolution],
        index: NameIndex<Item>?, kind: String, section: String, object: String, id: (Item) -> String?,
        into profile: inout AgentProfileDiff
    ) -> (wanted: [Assignment], changed: [Assignment], existingIDs: Set<String>) {
        var have: [String: Double?] = [:]
        for entry in current {
            if let id = entry.id, have[id] == nil { have[id] = entry.proficiency }
        }
        var wanted: [Assignment] = []
        var changed: [Assignment] = []
        var existingIDs: Set<String> = []
        for (name, proficiency) in Self.inNameOrder(proficiencies) {
            let field = "\(section)[\(name)]"
            let resolution = reference(name, declared: declared, index: index, kind: kind, object: object, field: field, id: id)
            guard let target = resolution.id else {
                profile.resolved = false
                continue
            }
            let assignment = Assignment(target: target, proficiency: proficiency)
            wanted.append(assignment)
            switch target {
            case .created(let ref):
                profile.dependsOn.append(ref)
                changed.append(assignment)
                profile.fields.append(FieldChange(field: field, from: nil, to: .number(proficiency)))
            case .existing(let targetID):
                existingIDs.insert(targetID)
                let current = have[targetID] ?? nil
                if Self.sameProficiency(current, proficiency) { continue }
                changed.append(assignment)
                profile.fields.append(FieldChange(field: field, from: current.map(ConfigValue.number), to: .number(proficiency)))
            }
        }
        return (wanted, changed, existingIDs)
    }

    /// Whether the agent already has the proficiency (a missing one never matches).
    static func sameProficiency(_ current: Double?, _ desired: Double) -> Bool {
        guard let current else { return false }
        return abs(current - desired) < 1e-9
    }
}
