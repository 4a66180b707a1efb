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
            changes.agents.append(PlannedChange(
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
        var wanted: [Assignment] = []
        var changed: [Assignment] = []
        var wantedIDs: Set<String> = []
        for (name, proficiency) in skills.sorted(by: { NameOrder.precedes($0.key, $1.key) }) {
            let field = "skills[\(name)]"
            let resolution = reference(name, declared: skillIDs, index: index, kind: "skill", object: object, field: field, id: \.id)
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
            case .existing(let skillID):
                wantedIDs.insert(skillID)
                let have = agent.skills.first { $0.id == skillID }
                if Self.sameProficiency(have?.proficiency, proficiency) { continue }
                changed.append(assignment)
                profile.fields.append(FieldChange(field: field, from: have?.proficiency.map(ConfigValue.number), to: .number(proficiency)))
            }
        }
        var removals = false
        if desired.policy.agentSkills == .authoritative {
            for have in agent.skills where !wantedIDs.contains(have.id ?? "") {
                removals = true
                let name = have.name ?? current.skills?.first { $0.id == have.id }?.name ?? have.id ?? "?"
                profile.fields.append(FieldChange(field: "skills[\(name)]", from: have.proficiency.map(ConfigValue.number), to: nil))
            }
        }
        if removals {
            profile.write.replaceSkills = wanted
        } else {
            profile.write.upsertSkills = changed
        }
    }

    /// The languages an agent should have; the others removed one by one when `policy.agentLanguages` is
    /// authoritative.
    mutating func planAgentLanguages(
        _ languages: [String: Double], agent: AgentSnapshot, object: String, index: NameIndex<Language>?,
        into profile: inout AgentProfileDiff
    ) {
        var wantedIDs: Set<String> = []
        for (name, proficiency) in languages.sorted(by: { NameOrder.precedes($0.key, $1.key) }) {
            let field = "languages[\(name)]"
            let resolution = reference(name, declared: languageIDs, index: index, kind: "language", object: object, field: field, id: \.id)
            guard let target = resolution.id else {
                profile.resolved = false
                continue
            }
            let assignment = Assignment(target: target, proficiency: proficiency)
            switch target {
            case .created(let ref):
                profile.dependsOn.append(ref)
                profile.write.upsertLanguages.append(assignment)
                profile.fields.append(FieldChange(field: field, from: nil, to: .number(proficiency)))
            case .existing(let languageID):
                wantedIDs.insert(languageID)
                let have = agent.languages.first { $0.id == languageID }
                if Self.sameProficiency(have?.proficiency, proficiency) { continue }
                profile.write.upsertLanguages.append(assignment)
                profile.fields.append(FieldChange(field: field, from: have?.proficiency.map(ConfigValue.number), to: .number(proficiency)))
            }
        }
        if desired.policy.agentLanguages == .authoritative {
            for have in agent.languages where !wantedIDs.contains(have.id ?? "") {
                guard let id = have.id else { continue }
                profile.write.removeLanguages.append(id)
                let name = have.name ?? current.languages?.first { $0.id == id }?.name ?? id
                profile.fields.append(FieldChange(field: "languages[\(name)]", from: have.proficiency.map(ConfigValue.number), to: nil))
            }
        }
    }

    /// Whether the agent already has the proficiency (a missing one never matches).
    static func sameProficiency(_ current: Double?, _ desired: Double) -> Bool {
        guard let current else { return false }
        return abs(current - desired) < 1e-9
    }
}
