import Foundation
import GenesysCore
import RoutingSync

/// A plan made against a connected org, with what `apply` needs to carry on from it.
struct PlannedSync {
    /// The org the plan was made against (still connected while the body of ``CommandContext/withPlan(_:connection:_:)`` runs).
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
        _ options: SyncOptions, connection: ConnectionOptions, _ body: (PlannedSync) async throws -> T
    ) async throws -> T {
        let desired = try DesiredStateLoader.load(path: options.file)
        for warning in desired.warnings { printError(warning.description) }
        return try await withConnection(connection) { org in
            let sync = RoutingSync(client: org.client, configuration: options.configuration)
            let before = await org.client.counters.snapshot()
            let plan = try await readingOrg(org) {
                try await sync.plan(desired, options: options.planOptions, logger: logger)
            }
            for warning in plan.warnings where !desired.warnings.contains(warning) { printError(warning.description) }
            return try await body(PlannedSync(org: org, sync: sync, plan: plan, countsBefore: before))
        }
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
