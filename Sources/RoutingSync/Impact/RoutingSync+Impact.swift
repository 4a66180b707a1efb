public import Logging
import RoutingModels

extension RoutingSync {
    /// The routing impact of `plan` on the org `current` describes (pure, no I/O).
    ///
    /// Exact only when `current` holds what the preview needs: the users with their skills, languages and
    /// divisions, the skills and languages, and the conditions and member divisions of every skill group
    /// and the direct members of every queue the plan affects. ``previewImpact(of:current:logger:)``
    /// reads what is missing.
    public static func impact(of plan: SyncPlan, current: OrgSnapshot) -> RoutingImpact {
        guard plan.hasChanges else { return RoutingImpact() }
        let before = RoutingModel(current)
        return RoutingImpact(entries: RoutingImpact.entries(before: before, after: before.applying(plan, current: current)))
    }

    /// Reads what the routing-impact preview of `plan` needs and `current` does not hold, then evaluates it.
    ///
    /// A plan without changes costs no request. Otherwise: the lists not read yet (users with skills and
    /// languages, skills, languages, skill groups, queues, divisions when a skill group changes), then the
    /// conditions and member divisions of each skill group whose members the plan may change (every group
    /// when agents' skills or languages change) and of the groups of each affected queue, and the direct
    /// members of each affected queue, each at most once. ``RoutingImpact/requests`` says how many
    /// requests that took.
    /// - Throws: `GenesysError` when a read fails.
    public func previewImpact(of plan: SyncPlan, current: OrgSnapshot, logger: Logger? = nil) async throws -> RoutingImpact {
        guard plan.hasChanges else { return RoutingImpact() }
        var snapshot = current
        let start = snapshot.requests

        var lists = ReadNeeds()
        lists.skills = true
        lists.languages = true
        lists.skillGroups = true
        lists.queues = true
        lists.users = true
        lists.divisions = plan.changes.contains { $0.kind == .skillGroup }
        try await fill(&snapshot, needs: lists, logger: logger)

        // The groups whose members the plan may change, and the groups of the queues it changes.
        let groupNames = Self.names(snapshot.skillGroups ?? [], id: \.group.id, name: \.group.name)
        let queueNames = Self.names(snapshot.queues ?? [], id: \.queue.id, name: \.queue.name)
        let agentsChange = plan.changes.contains {
            $0.kind == .agent || ($0.action == .delete && ($0.kind == .skill || $0.kind == .language))
        }
        var groups = agentsChange ? Set(groupNames.values) : []
        var queues = Set<String>()
        for change in plan.changes {
            if change.kind == .skillGroup, let id = change.existingID, let name = groupNames[id] { groups.insert(name) }
            if change.kind == .queue, let id = change.existingID, let name = queueNames[id] { queues.insert(name) }
        }
        try await fillDetails(&snapshot, groups: groups, queues: queues, plan: plan, logger: logger)

        // The queues that reach a group whose members change.
        var before = RoutingModel(snapshot)
        var after = before.applying(plan, current: snapshot)
        let changedGroups = Set(before.groups.keys.filter { before.members(ofGroup: $0) != after.members(ofGroup: $0) })
        for (id, queue) in before.queues where !changedGroups.isDisjoint(with: queue.allSkillGroups) {
            if let name = queueNames[id], !queues.contains(name) { queues.insert(name) }
        }
        if try await fillDetails(&snapshot, groups: groups, queues: queues, plan: plan, logger: logger) {
            before = RoutingModel(snapshot)
            after = before.applying(plan, current: snapshot)
        }
        let spent = snapshot.requests
        return RoutingImpact(
            entries: RoutingImpact.entries(before: before, after: after),
            requests: RequestSummary(
                total: spent.total - start.total, writes: spent.writes - start.writes, retries: spent.retries - start.retries
            )
        )
    }

    /// Reads the conditions and member divisions of `groups` and of every group the `queues` reach (now or
    /// after the plan), and the direct members of `queues`. Returns whether anything was read.
    @discardableResult
    private func fillDetails(
        _ snapshot: inout OrgSnapshot, groups: Set<String>, queues: Set<String>, plan: SyncPlan, logger: Logger?
    ) async throws -> Bool {
        let groupNames = Self.names(snapshot.skillGroups ?? [], id: \.group.id, name: \.group.name)
        var groups = groups
        for queue in snapshot.queues ?? [] where queue.queue.name.map(queues.contains) == true {
            for id in RoutingMemberGroups.skillGroupIDs(of: queue.queue) {
                if let name = groupNames[id] { groups.insert(name) }
            }
        }
        for change in plan.changes {
            let write: QueueWrite
            switch change.operation {
            case .updateQueue(_, let queue)?, .createQueue(let queue)?: write = queue
            default: continue
            }
            for case .existing(let id) in write.skillGroups ?? [] { if let name = groupNames[id] { groups.insert(name) } }
            // The skill groups of the rings and rules the plan writes, and of those the body keeps.
            for case .existing(let id) in (write.settings?.references[.skillGroup] ?? [:]).values {
                if let name = groupNames[id] { groups.insert(name) }
            }
            let routing = write.request.map { RoutingMemberGroups.of($0) } ?? []
            for group in routing where group.type == .skillGroup {
                if let name = group.id.flatMap({ groupNames[$0] }) { groups.insert(name) }
            }
        }
        var needs = ReadNeeds()
        needs.conditionGroups = groups
        needs.memberDivisionGroups = groups
        needs.memberQueues = queues
        let before = snapshot.requests.total
        try await fill(&snapshot, needs: needs, logger: logger)
        return snapshot.requests.total != before
    }

    private static func names<Item>(_ items: [Item], id: KeyPath<Item, String?>, name: KeyPath<Item, String?>) -> [String: String] {
        RoutingModel.names(items, id: id, name: name)
    }

    /// Reads the org, plans, and (with `previewingImpact`) adds the routing-impact preview to the plan
    /// (``SyncPlan/impact``). Writes nothing.
    /// - Throws: What ``plan(_:options:logger:)`` and ``previewImpact(of:current:logger:)`` throw.
    public func plan(
        _ desired: DesiredState, options: PlanOptions = PlanOptions(), previewingImpact: Bool, logger: Logger? = nil
    ) async throws -> SyncPlan {
        try desired.requireValid()
        let current = try await readOrg(scope: .declared(Self.withPrune(desired, options)), logger: logger)
        var plan = try Self.tracedPlan(desired: desired, current: current, options: options)
        if previewingImpact { plan.impact = try await previewImpact(of: plan, current: current, logger: logger) }
        return plan
    }
}
