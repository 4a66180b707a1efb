import Foundation
import GenesysCore
import RoutingSync

/// A plan made against a connected org, with what `apply` needs to carry on from it.
struct PlannedSync {
    /// The org the plan was made against (still connected while the body of ``CommandContext/withPlan(_:connection:impact:_:)`` runs).
    let org: OrgConnection
    /// The sync engine the plan was made with.
    let sync: RoutingSync
    /// The plan.
    let plan: SyncPlan
    /// The client's request counts before the org was read.
    let countsBefore: RequestCounts
}

extension CommandContext {
    /// What `plan` and `apply` share: loads the desired-state file (printing its warnings), connects,
    /// reads the org and plans (printing the warnings the plan adds), then runs `body` with the
    /// connection still open.
    ///
    /// - Throws: What loading the file, connecting, reading the org (as an ``ActivityError``) or `body`
    ///   throws.
    func withPlan<T>(
        _ options: SyncOptions, connection: ConnectionOptions, impact: ImpactOptions, _ body: (PlannedSync) async throws -> T
    ) async throws -> T {
        let desired = try DesiredStateLoader.load(path: options.file)
        for warning in desired.warnings { printError(warning.description) }
        return try await withConnection(connection) { org in
            let sync = RoutingSync(client: org.client, configuration: options.configuration)
            let before = await org.client.counters.snapshot()
            let plan = try await readingOrg(org) {
                try await sync.plan(desired, options: options.planOptions, previewingImpact: !impact.noImpact, logger: logger)
            }
            for warning in plan.warnings where !desired.warnings.contains(warning) { printError(warning.description) }
            try checkImpact(plan, impact)
            return try await body(PlannedSync(org: org, sync: sync, plan: plan, countsBefore: before))
        }
    }

    /// Warns on stderr about each queue the plan leaves without eligible agents; with
    /// `--fail-on-empty-queue` that is an error (thrown before anything is written).
    func checkImpact(_ plan: SyncPlan, _ options: ImpactOptions) throws {
        let empty = plan.impact?.emptyQueues ?? []
        guard !empty.isEmpty else { return }
        if options.failOnEmptyQueue {
            let names = empty.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw CLIError("the plan leaves \(empty.count == 1 ? "queue" : "queues") \(names) with no eligible agent; nothing was written (--fail-on-empty-queue)")
        }
        for entry in empty { printError(PlanRenderer.emptyQueueWarning(entry)) }
    }
}

extension SyncOptions {
    /// The error line when `planned`'s plan deletes more than `--max-deletes` allows (the count, and how
    /// to lift the budget); `nil` within the budget.
    func deleteBudgetProblem(_ planned: PlannedSync) -> String? {
        do {
            try planned.sync.checkDeleteBudget(planned.plan)
            return nil
        } catch {
            let deletes = RoutingSync.deleteCount(of: planned.plan)
            return "error: the plan deletes \(deletes) objects, more than --max-deletes \(maxDeletes) allows; nothing was written. "
                + "Review the deletes, then run again with --max-deletes \(deletes) (or --max-deletes all)"
        }
    }
}
