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
        let progress = ApplyProgress()
        let executor = ChangeExecutor(routing: routing, configuration: configuration, progress: progress, logger: logger)
        let scheduler = ApplyScheduler(
            changes: plan.changes, width: max(1, concurrency ?? configuration.concurrency), tokenPool: routing.client.tokenPool
        )
        var counts = SyncProgress(total: plan.changes.count)
        var results = await scheduler.run(parent: applySpan, { await executor.run($0) }) { result in
            counts.record(result.status)
            onProgress?(counts)
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
}
