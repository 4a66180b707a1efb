import GenesysCore
import GenesysRouting
public import Logging
import RoutingModels
import Tracing

extension RoutingSync {
    /// Applies a plan: writes in dependency order, never throwing.
    ///
    /// Order: skills, languages and wrap-up codes; skill groups; queues; agents; then deletions in reverse
    /// (queues, skill groups, then skills, languages, wrap-up codes). Changes within a tier run concurrently,
    /// at most `concurrency` at once, through the client (its rate limiter and retry policy).
    ///
    /// - A change whose dependency failed (a queue whose new skill group could not be created) is skipped;
    ///   independent work continues.
    /// - An authentication failure (`GenesysError.Code.unauthorized`,
    ///   `GenesysError.Code.authenticationFailed`) halts at once: changes not yet started are
    ///   skipped, and ``SyncReport/halted`` says why.
    /// - Eventual consistency is waited out by polling with backoff on the client's clock: a write that
    ///   fails with 404, or with 400 naming a skill or language created earlier in the run, is retried
    ///   (bounded by ``Configuration/consistencyTimeout`` and ``Configuration/consistencyRetries``). Ids of
    ///   created objects are taken from the create responses when they arrive.
    /// - A create (skill, language, wrap-up code, skill group, queue) whose outcome is unknown — a lost
    ///   connection, a timeout (`GenesysError.Code.timedOut`, including 408/504) or another 5xx that the
    ///   client did not retry, after which the org may or may not have created the object — is **not**
    ///   simply sent again. The object is first looked up by its exact name (`RoutingAPI.findSkill(named:logger:)`
    ///   and its siblings), polling with exponential backoff on the client's clock for up to
    ///   ``Configuration/consistencyTimeout`` (or until the change's deadline, whichever comes first),
    ///   because the search index lags behind writes. If it is found,
    ///   its id is adopted; the create is sent again (at most 3 times in all) only when it is still not found
    ///   at the end of that bound. If no lookup could be answered, or several objects already have the name,
    ///   the change fails instead of risking a duplicate, and a re-run (which re-reads the org) picks it up.
    /// - What is and is not established: these POSTs are sent without any idempotency key, and whether
    ///   Genesys refuses a duplicate name with 409 (naming the existing object) is **not** established — only
    ///   the in-memory `FakeGenesysOrg` is known to. The lookup above is what prevents duplicates; a 409 whose
    ///   body names an existing object's id together with exactly this name is still adopted, as a second
    ///   safety net (a 409 with an id but no name, or another name, fails the change). Two limits
    ///   remain: an object created by the lost request that stays invisible to search for longer than the
    ///   bound is created again, and an object another writer creates under the same name at the same moment
    ///   is adopted as if it were ours (identity is the exact name).
    ///
    /// - One overall deadline per change (``Configuration/changeTimeout``, on the client's clock) bounds
    ///   everything the change does: the client's retries, version-conflict retries, consistency polling
    ///   and the re-sends above share it (`GenesysDeadline`). When it passes, the change fails with
    ///   `GenesysError.Code.deadlineExceeded`; its dependents are skipped and independent work continues.
    /// - A plan that deletes more objects than ``Configuration/maxDeletes`` is refused before any write:
    ///   every change is skipped and ``SyncReport/halted`` says why (see ``checkDeleteBudget(_:)``).
    /// - Cancelling the task that runs `apply` stops starting changes; changes already in flight are
    ///   **not** cancelled but run to their end (bounded by their deadline), so no write is cut off
    ///   half-way with an unknown outcome. The report is returned as usual: changes never started are
    ///   ``ChangeResult/Status/skipped`` with the reason `not started: cancelled`, and
    ///   ``SyncReport/halted`` is `cancelled`. Running again converges.
    ///
    /// - Parameters:
    ///   - plan: A plan from ``plan(_:options:logger:)`` or ``plan(desired:current:options:)``.
    ///   - concurrency: The most writes in flight at once; ``Configuration/concurrency`` when `nil`. With a
    ///     client over a `TokenPool`, fewer when fewer keep the pool's budget busy at the observed latency.
    ///   - logger: Logger for this run; the client's logger when `nil`.
    ///   - onProgress: Called after each change ends (from any task) with the counts so far.
    /// - Returns: One result per change, and the requests the apply sent.
    public func apply(
        _ plan: SyncPlan, concurrency: Int? = nil, logger: Logger? = nil,
        onProgress: (@Sendable (SyncProgress) -> Void)? = nil
    ) async -> SyncReport {
        let logger = logger ?? routing.client.logger
        let applySpan = Self.startApplySpan(plan)
        defer { applySpan.end() }
        let before = await routing.client.counters.snapshot()
        do {
            try checkDeleteBudget(plan)
        } catch {
            logger.warning("routing sync refused a plan over the delete budget", metadata: ["error": "\(error)"])
            let reason = error.message ?? error.description
            let results = plan.changes.map {
                ChangeResult(kind: $0.kind, name: $0.name, action: $0.action, status: .skipped, error: "not attempted: \(reason)")
            }
            return SyncReport(plan: plan, results: results, requests: RequestSummary(), halted: reason)
        }
        let width = max(1, concurrency ?? configuration.concurrency)
        let progress = ApplyProgress()
        var results = [ChangeResult?](repeating: nil, count: plan.changes.count)
        var counts = SyncProgress(total: plan.changes.count)

        let tiers = Dictionary(grouping: plan.changes.indices, by: { Self.tier(of: plan.changes[$0]) })
        for tier in tiers.keys.sorted() where !Task.isCancelled {
            let indices = tiers[tier] ?? []
            let tierSpan = Self.startTierSpan(tier, changes: indices.count, parent: applySpan)
            await withTaskGroup(of: (Int, ChangeResult).self) { group in
                var next = 0
                func start(_ group: inout TaskGroup<(Int, ChangeResult)>) {
                    let index = indices[next]
                    next += 1
                    let change = plan.changes[index]
                    // An unstructured task: cancelling `apply` stops starting changes but lets this one finish.
                    // It inherits the tier span's context, so the change's requests are traced under the tier.
                    group.addTask {
                        await ServiceContext.withValue(tierSpan.context) {
                            (index, await Task { await self.run(change, progress: progress, logger: logger) }.value)
                        }
                    }
                }
                // In flight follows the budget: a pooled client sizes it by Little's law (its rate × the
                // latency it observes), `width` is the cap. Once cancelled, nothing new starts.
                var inFlight = 0
                func limit() async -> Int { await routing.client.tokenPool?.suggestedConcurrency(cap: width) ?? width }
                while next < indices.count, !Task.isCancelled, inFlight < (await limit()) {
                    start(&group)
                    inFlight += 1
                }
                while let (index, result) = await group.next() {
                    results[index] = result
                    inFlight -= 1
                    counts.record(result.status)
                    onProgress?(counts)
                    while next < indices.count, !Task.isCancelled, inFlight < (await limit()) || inFlight == 0 {
                        start(&group)
                        inFlight += 1
                    }
                }
            }
            tierSpan.end()
        }
        let cancelled = Task.isCancelled
        for index in results.indices where results[index] == nil {
            let change = plan.changes[index]
            results[index] = ChangeResult(kind: change.kind, name: change.name, action: change.action, status: .skipped, error: "not started: cancelled")
        }
        if cancelled {
            await progress.halt("cancelled")
            logger.debug("routing sync apply cancelled", metadata: ["notStarted": "\(counts.total - counts.done)"])
        }
        Self.recordApplied(results.compactMap { $0 }, span: applySpan)

        if configuration.waitForSkillGroupMembership, !cancelled {
            for id in await progress.touchedGroups {
                do {
                    try await routing.waitForSkillGroupMembership(skillGroupID: id, timeout: configuration.consistencyTimeout, logger: logger)
                } catch {
                    logger.debug("skill group membership still in progress", metadata: ["skillGroupId": "\(id)", "error": "\(error)"])
                }
            }
        }

        let after = await routing.client.counters.snapshot()
        return SyncReport(
            plan: plan, results: results.compactMap { $0 }, requests: RequestSummary(after.since(before)),
            halted: await progress.halted
        )
    }

    /// Tiers in apply order.
    static func tier(of change: PlannedChange) -> Int {
        switch (change.action, change.kind) {
        case (.delete, .queue): return 4
        case (.delete, .skillGroup): return 5
        case (.delete, _): return 6
        case (_, .skill), (_, .language), (_, .wrapupCode): return 0
        case (_, .skillGroup): return 1
        case (_, .queue): return 2
        case (_, .agent): return 3
        }
    }

    /// Runs one change and records its outcome.
    private func run(_ change: PlannedChange, progress: ApplyProgress, logger: Logger) async -> ChangeResult {
        func result(_ status: ChangeResult.Status, _ error: String? = nil) -> ChangeResult {
            ChangeResult(kind: change.kind, name: change.name, action: change.action, status: status, error: error)
        }
        if let reason = await progress.halted {
            await progress.markFailed(change.object)
            return result(.skipped, "not attempted: the run halted (\(reason))")
        }
        if let failed = await progress.firstFailed(of: change.dependsOn) {
            await progress.markFailed(change.object)
            return result(.skipped, "depends on \(failed), which was not applied")
        }
        guard let operation = change.operation else {
            await progress.markFailed(change.object)
            return result(.skipped, "this plan was decoded from JSON and cannot be applied; plan again")
        }
        let deadline = GenesysDeadline(
            timeout: configuration.changeTimeout, clock: routing.client.clock,
            label: "\(change.action.rawValue) \(change.kind.rawValue) \"\(change.name)\"")
        do {
            try await deadline.run { try await execute(operation, change: change, progress: progress, logger: logger) }
            logger.debug("routing sync applied", metadata: ["change": "\(change.action.rawValue) \(change.kind.rawValue) \(change.name)"])
            var applied = result(.applied)
            applied.objectID = await progress.createdID(of: change.object) ?? change.existingID
            return applied
        } catch let error as GenesysError {
            await progress.markFailed(change.object)
            if error.code == .unauthorized || error.code == .authenticationFailed {
                await progress.halt("authentication failed: \(error.localizedMessage)")
            }
            logger.debug("routing sync change failed", metadata: ["change": "\(change.id)", "error": "\(error)"])
            var failed = result(.failed, error.localizedMessage)
            failed.failure = error
            return failed
        } catch is CancellationError {
            await progress.markFailed(change.object)
            await progress.halt("cancelled")
            return result(.failed, "cancelled")
        } catch {
            await progress.markFailed(change.object)
            return result(.failed, "\(error)")
        }
    }

    // MARK: - Operations

    private func execute(_ operation: Operation, change: PlannedChange, progress: ApplyProgress, logger: Logger) async throws {
        let routing = self.routing
        let ref = change.object
        switch operation {
        case .createSkill(let name, let divisionID):
            let id = try await create(name: name, logger: logger) {
                try await routing.createSkill(name: name, divisionID: divisionID, logger: logger).id
            } find: {
                try await routing.findSkill(named: name, logger: logger)?.id
            }
            await progress.register(ref, id: id)
        case .moveSkill(let id, let divisionID):
            _ = try await routing.updateSkillDivision(id: id, divisionID: divisionID, logger: logger)
        case .deleteSkill(let id):
            try await deleting { try await routing.deleteSkill(id: id, logger: logger) }
        case .createLanguage(let name):
            let id = try await create(name: name, logger: logger) {
                try await routing.createLanguage(name: name, logger: logger).id
            } find: {
                try await routing.findLanguage(named: name, logger: logger)?.id
            }
            await progress.register(ref, id: id)
        case .deleteLanguage(let id):
            try await deleting { try await routing.deleteLanguage(id: id, logger: logger) }
        case .createWrapupCode(let name, let divisionID):
            let request = WrapupCodeRequest(name: name, division: divisionID.map { Division(id: $0) })
            let id = try await create(name: name, logger: logger) {
                try await routing.createWrapupCode(request, logger: logger).id
            } find: {
                try await routing.findWrapupCode(named: name, logger: logger)?.id
            }
            await progress.register(ref, id: id)
        case .updateWrapupCode(let id, let request):
            _ = try await routing.updateWrapupCode(id: id, request, logger: logger)
        case .deleteWrapupCode(let id):
            try await deleting { try await routing.deleteWrapupCode(id: id, logger: logger) }

        case .createSkillGroup(let write):
            let group = write.group
            let body = SkillGroupWithMemberDivisions(
                name: group.name, division: group.division, description: group.description,
                skillConditions: group.skillConditions, memberDivisions: write.memberDivisionIDs
            )
            let name = group.name ?? change.name
            let id = try await untilConsistent(mentioning: write.newSkillNames, logger: logger) {
                try await self.create(name: name, logger: logger) {
                    try await routing.createSkillGroup(body, logger: logger).id
                } find: {
                    try await routing.findSkillGroup(named: name, logger: logger)?.id
                }
            }
            await progress.register(ref, id: id)
            await progress.touched(group: id)
        case .updateSkillGroup(let id, let write):
            if write.patch {
                var group = write.group
                if write.needsCurrentConditions {
                    group.skillConditions = try await routing.getSkillGroup(id: id, logger: logger).skillConditions
                }
                _ = try await untilConsistent(mentioning: write.newSkillNames, idempotent: true, logger: logger) {
                    try await routing.updateSkillGroup(id: id, group, logger: logger)
                }
            }
            if !write.addMemberDivisions.isEmpty || !write.removeMemberDivisions.isEmpty {
                try await routing.updateSkillGroupMemberDivisions(
                    skillGroupID: id, add: write.addMemberDivisions, remove: write.removeMemberDivisions, logger: logger)
            }
            await progress.touched(group: id)
        case .deleteSkillGroup(let id):
            try await deleting { try await routing.deleteSkillGroup(id: id, logger: logger) }

        case .createQueue(let write):
            guard var request = write.request else { return }
            if let groups = write.skillGroups {
                request.memberGroups = try await groups.asyncMap { MemberGroup(id: try await progress.id(of: $0), type: .skillGroup) }
            }
            let body = CreateQueueRequest(queue: request)
            let name = change.name
            let id = try await untilConsistent(mentioning: [], logger: logger) {
                try await self.create(name: name, logger: logger) {
                    try await routing.createQueue(body, logger: logger).id
                } find: {
                    try await routing.findQueue(named: name, logger: logger)?.id
                }
            }
            await progress.register(ref, id: id)
            try await queueMembership(queueID: id, write, progress: progress, logger: logger)
        case .updateQueue(let id, let write):
            if var request = write.request {
                if let groups = write.skillGroups {
                    let others = (request.memberGroups ?? []).filter { $0.type != .skillGroup }
                    let skillGroups = try await groups.asyncMap { MemberGroup(id: try await progress.id(of: $0), type: .skillGroup) }
                    request.memberGroups = others + skillGroups
                }
                let body = request
                _ = try await untilConsistent(mentioning: [], idempotent: true, logger: logger) {
                    try await routing.updateQueue(id: id, body, logger: logger)
                }
            }
            try await queueMembership(queueID: id, write, progress: progress, logger: logger)
        case .deleteQueue(let id):
            try await deleting { try await routing.deleteQueue(id: id, logger: logger) }

        case .updateAgent(let write):
            let userID = write.userID
            if let skills = write.replaceSkills {
                let posts = try await skills.asyncMap { UserRoutingSkillPost(id: try await progress.id(of: $0.target), proficiency: $0.proficiency) }
                _ = try await untilConsistent(mentioning: [], idempotent: true, logger: logger) {
                    try await routing.replaceUserRoutingSkills(userID: userID, posts, logger: logger)
                }
            } else if !write.upsertSkills.isEmpty {
                let posts = try await write.upsertSkills.asyncMap {
                    UserRoutingSkillPost(id: try await progress.id(of: $0.target), proficiency: $0.proficiency)
                }
                _ = try await untilConsistent(mentioning: [], idempotent: true, logger: logger) {
                    try await routing.addOrUpdateUserRoutingSkills(userID: userID, posts, logger: logger)
                }
            }
            if !write.upsertLanguages.isEmpty {
                let posts = try await write.upsertLanguages.asyncMap {
                    UserRoutingLanguagePost(id: try await progress.id(of: $0.target), proficiency: $0.proficiency)
                }
                _ = try await untilConsistent(mentioning: [], idempotent: true, logger: logger) {
                    try await routing.addOrUpdateUserRoutingLanguages(userID: userID, posts, logger: logger)
                }
            }
            for languageID in write.removeLanguages {
                try await deleting { try await routing.removeUserRoutingLanguage(userID: userID, languageID: languageID, logger: logger) }
            }
        }
    }

    private func queueMembership(queueID: String, _ write: QueueWrite, progress: ApplyProgress, logger: Logger) async throws {
        let routing = self.routing
        if !write.addMembers.isEmpty {
            try await untilConsistent(mentioning: [], idempotent: true, logger: logger) {
                try await routing.addQueueMembers(queueID: queueID, userIDs: write.addMembers, logger: logger)
            }
        }
        if !write.removeMembers.isEmpty {
            try await untilConsistent(mentioning: [], idempotent: true, logger: logger) {
                try await routing.removeQueueMembers(queueID: queueID, userIDs: write.removeMembers, logger: logger)
            }
        }
        if !write.addWrapupCodes.isEmpty {
            let ids = try await write.addWrapupCodes.asyncMap { try await progress.id(of: $0) }
            _ = try await untilConsistent(mentioning: [], idempotent: true, logger: logger) {
                try await routing.addQueueWrapupCodes(queueID: queueID, codeIDs: ids, logger: logger)
            }
        }
        for codeID in write.removeWrapupCodes {
            try await deleting { try await routing.removeQueueWrapupCode(queueID: queueID, codeID: codeID, logger: logger) }
        }
    }
}
