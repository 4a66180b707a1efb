import GenesysCore
import GenesysRouting
public import Logging
import RoutingModels

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
    ///   ``Configuration/consistencyTimeout``, because the search index lags behind writes. If it is found,
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
    /// - Parameters:
    ///   - plan: A plan from ``plan(_:options:logger:)`` or ``plan(desired:current:options:)``.
    ///   - concurrency: The most writes in flight at once; ``Configuration/concurrency`` when `nil`. With a
    ///     client over a `TokenPool`, fewer when fewer keep the pool's budget busy at the observed latency.
    ///   - logger: Logger for this run; the client's logger when `nil`.
    /// - Returns: One result per change, and the requests the apply sent.
    public func apply(_ plan: SyncPlan, concurrency: Int? = nil, logger: Logger? = nil) async -> SyncReport {
        let logger = logger ?? routing.client.logger
        let before = await routing.client.counters.snapshot()
        let width = max(1, concurrency ?? configuration.concurrency)
        let progress = ApplyProgress()
        var results = [ChangeResult?](repeating: nil, count: plan.changes.count)

        let tiers = Dictionary(grouping: plan.changes.indices, by: { Self.tier(of: plan.changes[$0]) })
        for tier in tiers.keys.sorted() {
            let indices = tiers[tier]!
            await withTaskGroup(of: (Int, ChangeResult).self) { group in
                var next = 0
                func start(_ group: inout TaskGroup<(Int, ChangeResult)>) {
                    let index = indices[next]
                    next += 1
                    let change = plan.changes[index]
                    group.addTask { (index, await self.run(change, progress: progress, logger: logger)) }
                }
                // In flight follows the budget: a pooled client sizes it by Little's law (its rate × the
                // latency it observes), `width` is the cap.
                var inFlight = 0
                func limit() async -> Int { await routing.client.tokenPool?.suggestedConcurrency(cap: width) ?? width }
                while next < indices.count, inFlight < (await limit()) {
                    start(&group)
                    inFlight += 1
                }
                while let (index, result) = await group.next() {
                    results[index] = result
                    inFlight -= 1
                    while next < indices.count, inFlight < (await limit()) || inFlight == 0 {
                        start(&group)
                        inFlight += 1
                    }
                }
            }
        }

        if configuration.waitForSkillGroupMembership {
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
            plan: plan, results: results.map { $0! }, requests: RequestSummary(after.since(before)),
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
        if Task.isCancelled {
            await progress.markFailed(change.object)
            return result(.skipped, "not attempted: cancelled")
        }
        if let failed = await progress.firstFailed(of: change.dependsOn) {
            await progress.markFailed(change.object)
            return result(.skipped, "depends on \(failed), which was not applied")
        }
        guard let operation = change.operation else {
            await progress.markFailed(change.object)
            return result(.skipped, "this plan was decoded from JSON and cannot be applied; plan again")
        }
        do {
            try await execute(operation, change: change, progress: progress, logger: logger)
            logger.debug("routing sync applied", metadata: ["change": "\(change.action.rawValue) \(change.kind.rawValue) \(change.name)"])
            return result(.applied)
        } catch let error as GenesysError {
            await progress.markFailed(change.object)
            if error.code == .unauthorized || error.code == .authenticationFailed {
                await progress.halt("authentication failed: \(error.localizedMessage)")
            }
            logger.debug("routing sync change failed", metadata: ["change": "\(change.id)", "error": "\(error)"])
            return result(.failed, error.localizedMessage)
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

    // MARK: - Resilience

    /// A create that survives lost answers without relying on the API refusing duplicate names.
    ///
    /// When `post` fails so that the object may or may not exist (`outcomeIsUnknown(_:)`), the object is
    /// looked up by exact name with `find` (see `lookUpAfterUnknownOutcome(name:logger:_:)`) before
    /// anything is sent again; a found id is adopted. The create is sent again (at most 3 resends) only when
    /// the lookup ends in a definite "not found". A 409 naming an existing object (id and exactly this name)
    /// is adopted too, as a second safety net; whether Genesys answers a duplicate name that way is not
    /// established. Any other 409 fails the change (see `unadoptedConflict(_:name:)`).
    private func create(
        name: String, logger: Logger, _ post: () async throws -> String?, find: () async throws -> String?
    ) async throws -> String {
        var resends = 0
        while true {
            let failure: GenesysError
            do {
                guard let id = try await post() else {
                    throw GenesysError(code: .decoding, operation: "routingSync.create", message: "the create response carried no id")
                }
                return id
            } catch let error as GenesysError where error.code == .conflict {
                if let id = Self.existingID(in: error, name: name) {
                    logger.debug("routing sync adopted an existing object named in a 409", metadata: ["name": "\(name)", "id": "\(id)"])
                    return id
                }
                logger.debug("routing sync did not adopt a 409 that names no object called exactly this", metadata: [
                    "name": "\(name)", "error": "\(error)",
                ])
                throw Self.unadoptedConflict(error, name: name)
            } catch let error as GenesysError where Self.outcomeIsUnknown(error) {
                failure = error
            }
            switch try await lookUpAfterUnknownOutcome(name: name, logger: logger, find) {
            case .found(let id):
                logger.debug("routing sync adopted the object a create with a lost answer made", metadata: [
                    "name": "\(name)", "id": "\(id)", "error": "\(failure)",
                ])
                return id
            case .absent where resends < 3:
                resends += 1
                logger.debug("routing sync create had no effect; sending it again", metadata: [
                    "name": "\(name)", "attempt": "\(resends)", "error": "\(failure)",
                ])
            case .absent, .unanswered:
                throw failure
            }
        }
    }

    /// Whether a failed write may nonetheless have taken effect: the connection was lost, the request timed
    /// out (including 408 and 504), or the server failed (5xx) — after the request may have been processed.
    static func outcomeIsUnknown(_ error: GenesysError) -> Bool {
        [.transport, .timedOut, .serverError].contains(error.code)
    }

    /// What a lookup after a create with an unknown outcome found.
    enum LookupOutcome: Equatable, Sendable {
        /// An object with exactly the name exists: its id.
        case found(String)
        /// The last lookup answered: no object has the name.
        case absent
        /// No lookup could be answered (each failed with a transient error).
        case unanswered
    }

    /// Looks an object up by exact name after a create whose outcome is unknown, polling with exponential
    /// backoff (250 ms doubling, at most 8 s apart) on the client's clock for up to
    /// ``Configuration/consistencyTimeout``: the search index lags behind writes, so "not found" right after
    /// the create proves little. Stops at the first hit.
    ///
    /// A lookup that fails transiently (lost connection, timeout, 5xx, 429 after the client's own retries)
    /// counts as "no answer" and polling continues; any other error (several objects with exactly this name,
    /// an authentication failure, …) is thrown.
    func lookUpAfterUnknownOutcome(
        name: String, logger: Logger, _ find: () async throws -> String?
    ) async throws -> LookupOutcome {
        let clock = routing.client.clock
        let stopwatch = Stopwatch(clock: clock)
        var delay = Duration.milliseconds(250)
        var outcome = LookupOutcome.unanswered
        var lookups = 0
        while true {
            try Task.checkCancellation()
            lookups += 1
            do {
                if let id = try await find() { return .found(id) }
                outcome = .absent
            } catch let error as GenesysError where Self.outcomeIsUnknown(error) || error.code == .rateLimited {
                outcome = .unanswered
                logger.debug("routing sync lookup after a lost create failed", metadata: ["name": "\(name)", "error": "\(error)"])
            }
            guard stopwatch.elapsed + delay <= configuration.consistencyTimeout else {
                logger.debug("routing sync lookup after a lost create gave up", metadata: [
                    "name": "\(name)", "lookups": "\(lookups)", "outcome": "\(outcome)",
                ])
                return outcome
            }
            try await clock.sleep(for: delay)
            delay = min(delay * 2, .seconds(8))
        }
    }

    /// The id of the object a 409 says already has `name`: only when the body (or one of its details)
    /// names both the object's id and exactly this name. A 409 with an id but no name, or another name,
    /// could be about an unrelated object and is never adopted.
    static func existingID(in error: GenesysError, name: String) -> String? {
        if let body = error.body, let id = body.entityId, !id.isEmpty, body.entityName == name {
            return id
        }
        if let detail = error.details.first(where: { $0.entityName == name && !($0.entityId ?? "").isEmpty }) {
            return detail.entityId
        }
        return nil
    }

    /// The error for a create refused with a 409 that ``existingID(in:name:)`` did not adopt: the same
    /// error (status, correlation id, body kept) with a message saying why the change failed.
    static func unadoptedConflict(_ error: GenesysError, name: String) -> GenesysError {
        let named = ([(id: error.body?.entityId, name: error.body?.entityName)] + error.details.map { (id: $0.entityId, name: $0.entityName) })
            .first { !($0.id ?? "").isEmpty }
        let server = error.message.flatMap { $0.split(whereSeparator: \.isNewline).first.map(String.init) }
            .map { $0.count > 200 ? String($0.prefix(200)) + "…" : $0 }
        var message = "creating \"\(name)\" was refused with a conflict (HTTP 409)"
        if let named, let id = named.id {
            let what = named.name.map { "an object named \"\($0)\"" } ?? "an object without a name"
            message += " naming \(what) (id \(id)), not one named exactly \"\(name)\", so it was not adopted"
        } else {
            message += " that names no existing object"
        }
        if let server, !server.isEmpty { message += "; the server said: \(server)" }
        message += "; check the org for an object with this name, then run again"
        var failure = error
        failure.message = message
        return failure
    }

    /// A delete that treats "already gone" (404) as done.
    private func deleting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as GenesysError where error.code == .notFound {
            return
        }
    }

    /// Retries a write while the org has not caught up: 404 (an object created moments ago), or 400
    /// naming a skill or language created earlier in this run. Backoff on the client's clock, bounded.
    ///
    /// With `idempotent`, a write whose effect does not depend on how often it is sent (set these skills to
    /// these proficiencies, add these members) is also sent again after a lost connection or a 5xx, which the
    /// client does not do for POST and PATCH.
    @discardableResult
    private func untilConsistent<T>(
        mentioning names: [String], idempotent: Bool = false, logger: Logger, _ body: () async throws -> T
    ) async throws -> T {
        let clock = routing.client.clock
        let stopwatch = Stopwatch(clock: clock)
        var delay = Duration.milliseconds(250)
        var attempt = 0
        var resends = 0
        while true {
            do {
                return try await body()
            } catch let error as GenesysError where attempt < configuration.consistencyRetries
                && stopwatch.elapsed + delay <= configuration.consistencyTimeout
                && Self.isConsistencyLag(error, names: names) {
                attempt += 1
                logger.debug("routing sync waiting for the org to catch up", metadata: [
                    "operation": "\(error.operation)", "attempt": "\(attempt)", "delayMs": "\(delay / .milliseconds(1))",
                ])
                try await clock.sleep(for: delay)
                delay = min(delay * 2, .seconds(8))
            } catch let error as GenesysError where idempotent && resends < 3 && Self.outcomeIsUnknown(error) {
                resends += 1
                logger.debug("routing sync sending an idempotent write again", metadata: [
                    "operation": "\(error.operation)", "attempt": "\(resends)", "error": "\(error)",
                ])
                try await clock.sleep(for: .milliseconds(500) * resends)
            }
        }
    }

    static func isConsistencyLag(_ error: GenesysError, names: [String]) -> Bool {
        if error.code == .notFound { return true }
        guard error.code == .badRequest, !names.isEmpty else { return false }
        let texts = [error.message, error.body?.entityName, error.body?.messageWithParams]
            .compactMap { $0 } + error.details.compactMap(\.entityName)
        return names.contains { name in texts.contains { $0.contains(name) } }
    }
}

/// Shared state of one apply run.
actor ApplyProgress {
    private var createdIDs: [ObjectRef: String] = [:]
    private var failed: Set<ObjectRef> = []
    private(set) var halted: String?
    private(set) var touchedGroups: [String] = []

    func register(_ ref: ObjectRef, id: String) { createdIDs[ref] = id }

    func markFailed(_ ref: ObjectRef) { failed.insert(ref) }

    func firstFailed(of refs: [ObjectRef]) -> ObjectRef? { refs.first { failed.contains($0) } }

    func halt(_ reason: String) {
        if halted == nil { halted = reason }
    }

    func touched(group id: String) {
        if !touchedGroups.contains(id) { touchedGroups.append(id) }
    }

    func id(of target: ObjectID) throws -> String {
        switch target {
        case .existing(let id): return id
        case .created(let ref):
            guard let id = createdIDs[ref] else {
                throw GenesysError(code: .invalidRequest, operation: "routingSync.apply", message: "\(ref) was not created")
            }
            return id
        }
    }
}

extension Array where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
