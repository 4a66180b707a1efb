import RoutingModels

/// The org's routing as the preview models it, before or after a plan: profiles, skill groups and queues
/// keyed by id (objects the plan creates by `+name`).
struct RoutingModel {
    struct Agent {
        var profile: SkillGroupEvaluation.Profile
        var divisionID: String?
        var active: Bool
    }

    struct Group {
        var name: String
        var conditions: [SkillGroupCondition]
        var memberDivisionIDs: Set<String>
    }

    struct Queue {
        var name: String
        /// Keys of the `SKILLGROUP` member groups.
        var skillGroups: [String]
        /// Keys of the `SKILLGROUP` groups of the bullseye rings and conditional group routing and
        /// activation rules.
        var routingSkillGroups: [String] = []
        /// Whether `GROUP` or `TEAM` member groups (not read), of the queue or of its rings and rules, add
        /// agents.
        var otherGroups: Bool
        var directMembers: Set<String>

        /// Every skill group key the queue reaches.
        var allSkillGroups: [String] { skillGroups + routingSkillGroups }

        /// Takes the rings' and rules' groups from `groups` (their `SKILLGROUP` ids, and whether any other
        /// type is there), keeping whether the queue's own member groups hold other types.
        mutating func setRouting(_ groups: [MemberGroup], ownOtherGroups: Bool) {
            routingSkillGroups = groups.filter { $0.type == .skillGroup }.compactMap(\.id)
            otherGroups = ownOtherGroups || groups.contains { $0.type != .skillGroup }
        }

        /// Takes the rings' and rules' groups from the settings a plan writes: skill groups by the ids the
        /// plan resolved their names to (`+name` for groups it creates), GROUP and TEAM groups of the queue
        /// and of its rings and rules as "not exact".
        mutating func setRouting(_ write: QueueSettingsWrite, ownOtherGroups: Bool) {
            let settings = write.settings
            let names = settings.referencedSkillGroupNames.sorted()
            routingSkillGroups = names.compactMap { write.references[.skillGroup]?[$0].map(RoutingModel.key) }
            let others = [settings.groups, settings.teams] + settings.memberGroupLists.flatMap { [$0.groups, $0.teams] }
            otherGroups = ownOtherGroups || others.contains { !($0 ?? []).isEmpty }
        }
    }

    var agents: [String: Agent] = [:]
    var groups: [String: Group] = [:]
    var queues: [String: Queue] = [:]

    static func key(_ id: ObjectID) -> String {
        switch id {
        case .existing(let id): id
        case .created(let ref): "+" + ref.name
        }
    }

    /// Eligible agents of a group.
    func members(ofGroup key: String) -> Set<String> {
        guard let group = groups[key] else { return [] }
        var members = Set<String>()
        for (id, agent) in agents where SkillGroupEvaluation.isMember(
            agent.profile, active: agent.active, divisionID: agent.divisionID, conditions: group.conditions,
            memberDivisionIDs: group.memberDivisionIDs
        ) { members.insert(id) }
        return members
    }

    /// Eligible agents of a queue: direct members plus members of its skill groups and of the skill groups
    /// of its bullseye rings and conditional group routing and activation rules.
    func members(ofQueue key: String, groupMembers: [String: Set<String>]) -> Set<String> {
        guard let queue = queues[key] else { return [] }
        var members = queue.directMembers
        for group in queue.allSkillGroups { members.formUnion(groupMembers[group] ?? []) }
        return members
    }
}

extension RoutingModel {
    /// The org as read.
    init(_ snapshot: OrgSnapshot) {
        let skillNames = Self.names(snapshot.skills ?? [], id: \.id, name: \.name)
        let languageNames = Self.names(snapshot.languages ?? [], id: \.id, name: \.name)
        for agent in snapshot.agents ?? [] {
            var profile = SkillGroupEvaluation.Profile()
            for skill in agent.skills where skill.state == nil || skill.state == .active {
                if let name = skill.id.flatMap({ skillNames[$0] }), let proficiency = skill.proficiency { profile.skills[name] = proficiency }
            }
            for language in agent.languages where language.state == nil || language.state == .active {
                if let name = language.id.flatMap({ languageNames[$0] }), let proficiency = language.proficiency {
                    profile.languages[name] = proficiency
                }
            }
            agents[agent.userID] = Agent(profile: profile, divisionID: agent.divisionID, active: agent.active)
        }
        for snapshot in snapshot.skillGroups ?? [] {
            guard let id = snapshot.group.id else { continue }
            groups[id] = Group(
                name: snapshot.group.name ?? id, conditions: snapshot.group.skillConditions ?? [],
                memberDivisionIDs: Set(snapshot.memberDivisionIDs ?? [])
            )
        }
        for snapshot in snapshot.queues ?? [] {
            guard let id = snapshot.queue.id else { continue }
            let memberGroups = snapshot.queue.memberGroups ?? []
            let ownOthers = memberGroups.contains { $0.type != .skillGroup }
            var queue = Queue(
                name: snapshot.queue.name ?? id,
                skillGroups: memberGroups.filter { $0.type == .skillGroup }.compactMap(\.id),
                otherGroups: ownOthers,
                directMembers: Set(snapshot.memberIDs ?? [])
            )
            queue.setRouting(RoutingMemberGroups.of(snapshot.queue), ownOtherGroups: ownOthers)
            queues[id] = queue
        }
    }

    static func names<Item>(_ items: [Item], id: KeyPath<Item, String?>, name: KeyPath<Item, String?>) -> [String: String] {
        var names: [String: String] = [:]
        for item in items { if let key = item[keyPath: id], let value = item[keyPath: name] { names[key] = value } }
        return names
    }

    /// The org once `plan` is applied, as apply writes it.
    func applying(_ plan: SyncPlan, current: OrgSnapshot) -> RoutingModel {
        var model = self
        let skillNames = Self.names(current.skills ?? [], id: \.id, name: \.name)
        let languageNames = Self.names(current.languages ?? [], id: \.id, name: \.name)
        let allDivisions = Set((current.divisions ?? []).compactMap(\.id))
        func divisions(_ ids: [String]) -> Set<String> {
            ids.contains("*") ? allDivisions.union(ids.filter { $0 != "*" }) : Set(ids)
        }
        func name(_ target: ObjectID, _ names: [String: String]) -> String? {
            switch target {
            case .existing(let id): names[id]
            case .created(let ref): ref.name
            }
        }
        for change in plan.changes {
            switch change.operation {
            case .createSkillGroup(let write)?:
                let own = write.group.division?.id ?? current.homeDivision?.id
                model.groups["+" + change.name] = Group(
                    name: change.name, conditions: write.group.skillConditions ?? [],
                    memberDivisionIDs: divisions((own.map { [$0] } ?? []) + (write.memberDivisionIDs ?? []))
                )
            case .updateSkillGroup(let id, let write)?:
                guard var group = model.groups[id] else { continue }
                group.name = change.name
                if write.patch, !write.needsCurrentConditions, let conditions = write.group.skillConditions { group.conditions = conditions }
                group.memberDivisionIDs.formUnion(divisions(write.addMemberDivisions))
                group.memberDivisionIDs.subtract(write.removeMemberDivisions)
                model.groups[id] = group
            case .deleteSkillGroup(let id)?:
                model.groups[id] = nil
            case .createQueue(let write)?:
                let others = !(write.request?.memberGroups ?? []).filter { $0.type != .skillGroup }.isEmpty
                var queue = Queue(
                    name: change.name, skillGroups: (write.skillGroups ?? []).map(Self.key), otherGroups: others,
                    directMembers: Set(write.addMembers)
                )
                if let settings = write.settings {
                    queue.setRouting(settings, ownOtherGroups: others)
                } else if let request = write.request {
                    queue.setRouting(RoutingMemberGroups.of(request), ownOtherGroups: others)
                }
                model.queues["+" + change.name] = queue
            case .updateQueue(let id, let write)?:
                guard var queue = model.queues[id] else { continue }
                queue.name = change.name
                if let groups = write.skillGroups { queue.skillGroups = groups.map(Self.key) }
                // The queue as it will be: its rings' and rules' groups replace the current ones.
                let others = (write.request?.memberGroups ?? []).contains { $0.type != .skillGroup }
                if let settings = write.settings {
                    queue.setRouting(settings, ownOtherGroups: others)
                } else if let request = write.request {
                    queue.setRouting(RoutingMemberGroups.of(request), ownOtherGroups: others)
                }
                queue.directMembers.formUnion(write.addMembers)
                queue.directMembers.subtract(write.removeMembers)
                model.queues[id] = queue
            case .deleteQueue(let id)?:
                model.queues[id] = nil
            case .updateAgent(let write)?:
                guard var agent = model.agents[write.userID] else { continue }
                if let skills = write.replaceSkills { agent.profile.skills = [:]; model.set(skills, into: &agent.profile.skills, skillNames) }
                model.set(write.upsertSkills, into: &agent.profile.skills, skillNames)
                model.set(write.upsertLanguages, into: &agent.profile.languages, languageNames)
                for id in write.removeLanguages { if let name = languageNames[id] { agent.profile.languages[name] = nil } }
                model.agents[write.userID] = agent
            case .deleteSkill(let id)?:
                if let name = skillNames[id] { model.forEachAgent { $0.profile.skills[name] = nil } }
            case .deleteLanguage(let id)?:
                if let name = languageNames[id] { model.forEachAgent { $0.profile.languages[name] = nil } }
            default:
                continue
            }
        }
        return model
    }

    private func set(_ assignments: [Assignment], into values: inout [String: Double], _ names: [String: String]) {
        for assignment in assignments {
            switch assignment.target {
            case .existing(let id): if let name = names[id] { values[name] = assignment.proficiency }
            case .created(let ref): values[ref.name] = assignment.proficiency
            }
        }
    }

    private mutating func forEachAgent(_ body: (inout Agent) -> Void) {
        for key in agents.keys {
            guard var agent = agents[key] else { continue }
            body(&agent)
            agents[key] = agent
        }
    }
}

extension RoutingImpact {
    /// The entries for the groups and queues whose eligible agents differ between `before` and `after`
    /// (objects the plan creates always have an entry; objects it deletes have none).
    static func entries(before: RoutingModel, after: RoutingModel) -> [Entry] {
        var groupsBefore: [String: Set<String>] = [:]
        var groupsAfter: [String: Set<String>] = [:]
        for key in before.groups.keys { groupsBefore[key] = before.members(ofGroup: key) }
        for key in after.groups.keys { groupsAfter[key] = after.members(ofGroup: key) }
        var groupEntries: [Entry] = []
        for (key, group) in after.groups {
            let old = groupsBefore[key]
            let new = groupsAfter[key] ?? []
            guard old != new else { continue }
            groupEntries.append(Entry(kind: .skillGroup, name: group.name, agentsBefore: old?.count ?? 0, agentsAfter: new.count))
        }
        var queueEntries: [Entry] = []
        for (key, queue) in after.queues {
            let old = before.queues[key] == nil ? nil : before.members(ofQueue: key, groupMembers: groupsBefore)
            let new = after.members(ofQueue: key, groupMembers: groupsAfter)
            guard old != new else { continue }
            queueEntries.append(Entry(
                kind: .queue, name: queue.name, agentsBefore: old?.count ?? 0, agentsAfter: new.count, exact: !queue.otherGroups
            ))
        }
        return groupEntries.sorted { $0.name < $1.name } + queueEntries.sorted { $0.name < $1.name }
    }
}
