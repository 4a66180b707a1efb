import GenesysCore
import GenesysRouting
public import Logging
import RoutingModels

extension RoutingSync {
    /// Reads what planning `desired` needs, with the fewest requests the API allows.
    ///
    /// Lists at the largest page sizes (skills, queues and users 500; the rest 100), each only when the file
    /// needs it; one `GET` per declared skill group whose `conditions` are managed (lists carry no
    /// conditions); member divisions only for groups that declare `memberDivisions`; queue members only for
    /// queues that declare `members`, their wrap-up codes only for queues that declare `wrapupCodes`;
    /// agents' skills and languages through `GET /api/v2/users?expand=skills,languages` (which also maps
    /// emails to ids without searches).
    ///
    /// Reads run in two phases. First the lists the file needs run together (at most seven, one per kind:
    /// divisions, skills, languages, wrap-up codes, skill groups, queues, routing profiles; each list's pages
    /// are read one after another); ``Configuration/concurrency`` does not apply to them. Then the
    /// per-object reads (skill-group conditions and member divisions, queue members and wrap-up codes) run
    /// with at most ``Configuration/concurrency`` in flight. The client's rate limiter, when set, paces both.
    /// - Throws: `GenesysError`.
    public func readOrg(for desired: DesiredState, logger: Logger? = nil) async throws -> OrgSnapshot {
        try await readOrg(scope: .declared(desired), logger: logger)
    }

    /// The reads of ``readOrg(scope:logger:)`` (its public wrapper, in `RoutingSync+Tracing.swift`, opens
    /// the read span).
    /// - Throws: `GenesysError`.
    func readOrgUntraced(scope: OrgSnapshot.Scope, logger: Logger?) async throws -> OrgSnapshot {
        var snapshot = OrgSnapshot()
        try await fill(&snapshot, needs: ReadNeeds(scope), logger: logger)
        return snapshot
    }

    /// Reads what `needs` asks for and `snapshot` does not hold yet (a list that is `nil`, conditions not
    /// read, member divisions, queue members or wrap-up codes that are `nil`); nothing is read twice.
    /// `snapshot.requests` grows by the requests this took.
    func fill(_ snapshot: inout OrgSnapshot, needs: ReadNeeds, logger: Logger?) async throws {
        let logger = logger ?? routing.client.logger
        let before = await routing.client.counters.snapshot()
        let routing = self.routing
        var needs = needs
        needs.divisions = needs.divisions && snapshot.divisions == nil
        needs.skills = needs.skills && snapshot.skills == nil
        needs.languages = needs.languages && snapshot.languages == nil
        needs.wrapupCodes = needs.wrapupCodes && snapshot.wrapupCodes == nil
        needs.skillGroups = needs.skillGroups && snapshot.skillGroups == nil
        needs.queues = needs.queues && snapshot.queues == nil
        needs.users = needs.users && snapshot.agents == nil

        // Phase 1: the lists, all at once (a fixed set of at most seven; not bounded by `concurrency`).
        try await withThrowingTaskGroup(of: ListResult.self) { group in
            if needs.divisions {
                group.addTask { .divisions(try await routing.listDivisions(pageSize: 100, logger: logger).collectItems()) }
            }
            if needs.skills {
                group.addTask { .skills(try await routing.listSkills(pageSize: 500, logger: logger).collectItems()) }
            }
            if needs.languages {
                group.addTask { .languages(try await routing.listLanguages(pageSize: 100, logger: logger).collectItems()) }
            }
            if needs.wrapupCodes {
                group.addTask { .wrapupCodes(try await routing.listWrapupCodes(pageSize: 100, logger: logger).collectItems()) }
            }
            if needs.skillGroups {
                group.addTask { .skillGroups(try await routing.listSkillGroups(pageSize: 100, logger: logger).collectItems()) }
            }
            if needs.queues {
                group.addTask { .queues(try await routing.listQueues(pageSize: 500, logger: logger).collectItems()) }
            }
            if needs.users {
                group.addTask { .users(try await routing.listRoutingProfiles(pageSize: 500, logger: logger).collectItems()) }
            }
            for try await result in group {
                switch result {
                case .divisions(let divisions): snapshot.divisions = divisions
                case .skills(let skills): snapshot.skills = skills.filter { $0.state != .deleted }
                case .languages(let languages): snapshot.languages = languages.filter { $0.state != .deleted }
                case .wrapupCodes(let codes): snapshot.wrapupCodes = codes
                case .skillGroups(let groups):
                    snapshot.skillGroups = groups.map { definition in
                        SkillGroupSnapshot(group: SkillGroup(
                            id: definition.id, name: definition.name, division: definition.division,
                            description: definition.description, memberCount: definition.memberCount,
                            dateModified: definition.dateModified, dateCreated: definition.dateCreated, selfUri: definition.selfUri
                        ))
                    }
                case .queues(let queues): snapshot.queues = queues.map { QueueSnapshot(queue: $0) }
                case .users(let profiles):
                    snapshot.agents = profiles.map { profile in
                        AgentSnapshot(
                            userID: profile.userID, email: profile.user?.email, name: profile.user?.name,
                            skills: profile.skills.filter { $0.state != .deleted },
                            languages: profile.languages.filter { $0.state != .deleted },
                            divisionID: profile.user?.division?.id, active: profile.user?.state.map { $0 == .active } ?? true
                        )
                    }
                }
            }
        }

        // Phase 2: per-object reads for the objects that need them, at most `concurrency` in flight.
        var tasks: [DetailTask] = []
        for (index, group) in (snapshot.skillGroups ?? []).enumerated() {
            guard let id = group.group.id, let name = group.group.name else { continue }
            if needs.groupConditions(name), !group.conditionsRead { tasks.append(.groupConditions(index: index, id: id)) }
            if needs.groupMemberDivisions(name), group.memberDivisionIDs == nil {
                tasks.append(.groupMemberDivisions(index: index, id: id))
            }
        }
        for (index, queue) in (snapshot.queues ?? []).enumerated() {
            guard let id = queue.queue.id, let name = queue.queue.name else { continue }
            if needs.queueMembers(name), queue.memberIDs == nil { tasks.append(.queueMembers(index: index, id: id)) }
            if needs.queueWrapupCodes(name), queue.wrapupCodeIDs == nil { tasks.append(.queueWrapupCodes(index: index, id: id)) }
        }
        let details = try await Self.forEach(tasks, concurrency: max(1, configuration.concurrency)) { task -> DetailResult in
            switch task {
            case .groupConditions(let index, let id):
                return .group(index: index, try await routing.getSkillGroup(id: id, logger: logger))
            case .groupMemberDivisions(let index, let id):
                let list = try await routing.getSkillGroupMemberDivisions(skillGroupID: id, logger: logger)
                return .memberDivisions(index: index, (list.entities ?? []).compactMap(\.id))
            case .queueMembers(let index, let id):
                let members = try await routing.listQueueMembers(queueID: id, pageSize: 100, memberBy: .user, logger: logger).collectItems()
                return .members(index: index, members.compactMap(\.id))
            case .queueWrapupCodes(let index, let id):
                let codes = try await routing.listQueueWrapupCodes(queueID: id, pageSize: 100, logger: logger).collectItems()
                return .wrapupCodes(index: index, codes.compactMap(\.id))
            }
        }
        for detail in details {
            switch detail {
            case .group(let index, let group):
                var read = group
                read.skillConditions = group.skillConditions ?? []
                snapshot.skillGroups?[index].group = read
                snapshot.skillGroups?[index].conditionsRead = true
            case .memberDivisions(let index, let ids): snapshot.skillGroups?[index].memberDivisionIDs = ids
            case .members(let index, let ids): snapshot.queues?[index].memberIDs = ids
            case .wrapupCodes(let index, let ids): snapshot.queues?[index].wrapupCodeIDs = ids
            }
        }
        let spent = RequestSummary(await routing.client.counters.snapshot().since(before))
        snapshot.requests = RequestSummary(
            total: snapshot.requests.total + spent.total, writes: snapshot.requests.writes + spent.writes,
            retries: snapshot.requests.retries + spent.retries
        )
        logger.debug("routing sync read the org", metadata: [
            "requests": "\(spent.total)", "detailReads": "\(tasks.count)",
        ])
    }

    /// Runs `body` for every element with at most `concurrency` in flight; results in input order.
    static func forEach<Element: Sendable, Result: Sendable>(
        _ elements: [Element], concurrency: Int, _ body: @escaping @Sendable (Element) async throws -> Result
    ) async throws -> [Result] {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: elements.count)
            var next = 0
            while next < elements.count, next < concurrency {
                let index = next
                group.addTask { (index, try await body(elements[index])) }
                next += 1
            }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < elements.count {
                    let index = next
                    group.addTask { (index, try await body(elements[index])) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}

private enum ListResult: Sendable {
    case divisions([AuthzDivision])
    case skills([RoutingSkill])
    case languages([Language])
    case wrapupCodes([WrapupCode])
    case skillGroups([SkillGroupDefinition])
    case queues([RoutingQueue])
    case users([RoutingProfile])
}

private enum DetailTask: Sendable {
    case groupConditions(index: Int, id: String)
    case groupMemberDivisions(index: Int, id: String)
    case queueMembers(index: Int, id: String)
    case queueWrapupCodes(index: Int, id: String)
}

private enum DetailResult: Sendable {
    case group(index: Int, SkillGroup)
    case memberDivisions(index: Int, [String])
    case members(index: Int, [String])
    case wrapupCodes(index: Int, [String])
}

/// Which reads a scope needs.
struct ReadNeeds: Sendable {
    var divisions = false
    var skills = false
    var languages = false
    var wrapupCodes = false
    var skillGroups = false
    var queues = false
    var users = false
    var everyGroupCondition = false
    var everyGroupMemberDivision = false
    var everyQueueMembers = false
    var everyQueueWrapupCodes = false
    /// Names (current and previous) of declared groups whose conditions / member divisions are managed.
    var conditionGroups: Set<String> = []
    var memberDivisionGroups: Set<String> = []
    var memberQueues: Set<String> = []
    var wrapupCodeQueues: Set<String> = []

    /// Nothing.
    init() {}

    init(_ scope: OrgSnapshot.Scope) {
        switch scope {
        case .everything:
            divisions = true
            skills = true
            languages = true
            wrapupCodes = true
            skillGroups = true
            queues = true
            users = true
            everyGroupCondition = true
            everyGroupMemberDivision = true
            everyQueueMembers = true
            everyQueueWrapupCodes = true
        case .impact:
            skills = true
            skillGroups = true
            queues = true
            users = true
            everyGroupCondition = true
        case .declared(let state):
            let prune = state.policy.prune
            let conditionNames = state.skillGroups.map { ConditionCanon.names($0.conditions) }
            divisions = state.defaults.division != nil
                || state.skills.contains { $0.division != nil }
                || state.wrapupCodes.contains { $0.division != nil }
                || state.skillGroups.contains { $0.division != nil || $0.memberDivisions != nil }
                || state.queues.contains { $0.division != nil }
            skills = prune || !state.skills.isEmpty || conditionNames.contains { !$0.skills.isEmpty }
                || state.agents.contains { $0.skills != nil } || state.queues.contains { !$0.settings.referencedSkillNames.isEmpty }
            languages = prune || !state.languages.isEmpty || conditionNames.contains { !$0.languages.isEmpty }
                || state.agents.contains { $0.languages != nil }
            wrapupCodes = prune || !state.wrapupCodes.isEmpty || state.queues.contains { $0.wrapupCodes != nil }
            skillGroups = prune || !state.skillGroups.isEmpty
                || state.queues.contains { $0.skillGroups != nil || !$0.settings.referencedSkillGroupNames.isEmpty }
            queues = prune || !state.queues.isEmpty
            users = !state.agents.isEmpty || state.queues.contains { $0.members != nil }
            for group in state.skillGroups {
                let names = [group.name] + group.previousNames
                if group.conditions != nil { conditionGroups.formUnion(names) }
                if group.memberDivisions != nil { memberDivisionGroups.formUnion(names) }
            }
            for queue in state.queues {
                let names = [queue.name] + queue.previousNames
                if queue.members != nil { memberQueues.formUnion(names) }
                if queue.wrapupCodes != nil { wrapupCodeQueues.formUnion(names) }
            }
        }
    }

    func groupConditions(_ name: String) -> Bool { everyGroupCondition || conditionGroups.contains(name) }
    func groupMemberDivisions(_ name: String) -> Bool { everyGroupMemberDivision || memberDivisionGroups.contains(name) }
    func queueMembers(_ name: String) -> Bool { everyQueueMembers || memberQueues.contains(name) }
    func queueWrapupCodes(_ name: String) -> Bool { everyQueueWrapupCodes || wrapupCodeQueues.contains(name) }
}
