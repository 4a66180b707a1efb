public import Logging
import RoutingModels

extension RoutingSync {
    /// The org's current routing configuration as a desired state: routing objects by name, never by id
    /// (what the package doesn't manage, such as flows and prompts, by id), in a stable order.
    ///
    /// Reads everything (``OrgSnapshot/Scope/everything``) and calls ``export(from:)``. Planning the result
    /// against the same org gives no changes.
    /// - Throws: `GenesysError`.
    public func export(logger: Logger? = nil) async throws -> DesiredState {
        Self.export(from: try await readOrg(scope: .everything, logger: logger))
    }

    /// A desired state describing `snapshot` (pure).
    ///
    /// Objects are sorted by name (case-insensitive, then exact). The home division becomes
    /// `defaults.division`, and objects in it name no division. A skill group's member divisions leave out
    /// its own division (the API always includes it) and are written as `["*"]` when they are every
    /// division; they are left out entirely when they are just the own division. A queue's `members` are
    /// its direct (user) members. Agents are the users holding at least one skill or language.
    ///
    /// Every other queue setting the org has is in the queue's ``QueueSpec/settings``: queues, skill groups
    /// and skills by name, flows, prompts, scripts, groups, teams and addresses by id; set-like lists
    /// sorted, empty ones left out. A setting referring to a queue, skill group or skill that is not in the
    /// snapshot (a deleted queue as a direct-routing backup, say) is left out, not managed, and reported in
    /// ``DesiredState/warnings``: an `id:` in its place would not validate, and dropping only the reference
    /// would change what the setting means.
    public static func export(from snapshot: OrgSnapshot) -> DesiredState {
        var state = DesiredState()
        let home = snapshot.homeDivision
        state.defaults.division = home?.name
        let divisionNames = namesByID(snapshot.divisions, id: \.id, name: \.name)
        func divisionName(_ id: String?) -> String? {
            guard let id, id != home?.id else { return nil }
            return divisionNames[id]
        }
        let byName: (String?, String?) -> Bool = { NameOrder.precedes($0 ?? "", $1 ?? "") }

        state.skills = (snapshot.skills ?? []).sorted { byName($0.name, $1.name) }.compactMap { skill in
            skill.name.map { SkillSpec(name: $0, division: divisionName(skill.division?.id)) }
        }
        state.languages = (snapshot.languages ?? []).sorted { byName($0.name, $1.name) }.compactMap { language in
            language.name.map { LanguageSpec(name: $0) }
        }
        state.wrapupCodes = (snapshot.wrapupCodes ?? []).sorted { byName($0.name, $1.name) }.compactMap { code in
            code.name.map { WrapupCodeSpec(name: $0, division: divisionName(code.division?.id)) }
        }

        let allDivisionIDs = Set((snapshot.divisions ?? []).compactMap(\.id))
        state.skillGroups = (snapshot.skillGroups ?? []).sorted { byName($0.group.name, $1.group.name) }.compactMap { entry in
            let group = entry.group
            guard let name = group.name else { return nil }
            var spec = SkillGroupSpec(name: name, description: group.description, division: divisionName(group.division?.id))
            if let ids = entry.memberDivisionIDs {
                let own = group.division?.id
                let others = ids.filter { $0 != own }
                if !allDivisionIDs.isEmpty, Set(ids) == allDivisionIDs, allDivisionIDs.count > 1 {
                    spec.memberDivisions = ["*"]
                } else if !others.isEmpty {
                    spec.memberDivisions = others.compactMap { divisionNames[$0] }
                        .sorted(by: NameOrder.precedes)
                }
            }
            if entry.conditionsRead { spec.conditions = group.skillConditions ?? [] }
            return spec
        }

        let groupNames = namesByID(snapshot.skillGroups, id: \.group.id, name: \.group.name)
        let codeNames = namesByID(snapshot.wrapupCodes, id: \.id, name: \.name)
        var settingsExport = QueueSettingsExport(snapshot: snapshot)
        let users = Dictionary((snapshot.agents ?? []).map { ($0.userID, $0) }, uniquingKeysWith: { first, _ in first })

        state.queues = (snapshot.queues ?? []).sorted { byName($0.queue.name, $1.queue.name) }.compactMap { entry in
            let queue = entry.queue
            guard let name = queue.name else { return nil }
            var spec = QueueSpec(
                name: name, description: queue.description, division: divisionName(queue.division?.id),
                skillEvaluationMethod: queue.skillEvaluationMethod, acwSettings: queue.acwSettings
            )
            if let settings = queue.mediaSettings {
                let tree = Planner.tree(of: settings)
                if case .object(let members) = tree, !members.isEmpty { spec.mediaSettings = tree }
            }
            let groups = (queue.memberGroups ?? []).filter { $0.type == .skillGroup }.compactMap { $0.id.flatMap { groupNames[$0] } }
            spec.skillGroups = groups.sorted(by: NameOrder.precedes)
            spec.settings = settingsExport.settings(of: queue, name: name)
            if let ids = entry.memberIDs {
                spec.members = ids.map { id in users[id]?.email.map(UserReference.email) ?? .id(id) }
                    .sorted { NameOrder.precedes($0.description, $1.description) }
            }
            if let ids = entry.wrapupCodeIDs {
                spec.wrapupCodes = ids.compactMap { codeNames[$0] }.sorted(by: NameOrder.precedes)
            }
            return spec
        }

        state.warnings = settingsExport.warnings
        let skillNames = namesByID(snapshot.skills, id: \.id, name: \.name)
        let languageNames = namesByID(snapshot.languages, id: \.id, name: \.name)
        state.agents = (snapshot.agents ?? [])
            .filter { !$0.skills.isEmpty || !$0.languages.isEmpty }
            .sorted { NameOrder.precedes($0.displayName, $1.displayName) }
            .map { agent in
                var skills: [String: Double] = [:]
                for skill in agent.skills {
                    guard let id = skill.id, let name = skillNames[id] ?? skill.name else { continue }
                    skills[name] = skill.proficiency ?? 0
                }
                var languages: [String: Double] = [:]
                for language in agent.languages {
                    guard let id = language.id, let name = languageNames[id] ?? language.name else { continue }
                    languages[name] = language.proficiency ?? 0
                }
                let user: UserReference = agent.email.map(UserReference.email) ?? .id(agent.userID)
                return AgentSpec(user: user, skills: skills, languages: languages)
            }
        return state
    }
}

/// Names by id (the first object with an id wins; objects without an id or a name are left out).
private func namesByID<Item>(_ items: [Item]?, id: (Item) -> String?, name: (Item) -> String?) -> [String: String] {
    var names: [String: String] = [:]
    for item in items ?? [] {
        guard let itemID = id(item), let itemName = name(item), names[itemID] == nil else { continue }
        names[itemID] = itemName
    }
    return names
}
