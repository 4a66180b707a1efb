import GenesysCore
public import Logging
import Tracing

extension RoutingSync {
    /// Reads what a scope needs: a file's objects, everything (export), or what the impact report needs.
    ///
    /// One `GenesysSpans.syncRead` span covers the reads (their requests are its children).
    /// - Throws: `GenesysError`.
    public func readOrg(scope: OrgSnapshot.Scope, logger: Logger? = nil) async throws -> OrgSnapshot {
        try await withSpan(GenesysSpans.syncRead) { span in
            let snapshot = try await readOrgUntraced(scope: scope, logger: logger)
            span.attributes[GenesysSpans.Attribute.requests] = snapshot.requests.total
            return snapshot
        }
    }

    /// ``plan(desired:current:options:)`` inside a ``GenesysSpans/syncPlan`` span, for a state the caller
    /// already checked with `requireValid()` before reading the org (so it is not validated twice).
    static func tracedPlan(desired: DesiredState, current: OrgSnapshot, options: PlanOptions) throws -> SyncPlan {
        try withSpan(GenesysSpans.syncPlan) { span in
            let plan = try Planner.plan(desired: desired, current: current, options: options)
            span.attributes[GenesysSpans.Attribute.changes] = plan.changes.count
            return plan
        }
    }

    /// Starts the ``GenesysSpans/syncApply`` span of one apply (the caller ends it).
    static func startApplySpan(_ plan: SyncPlan) -> any Span {
        let span = startSpan(GenesysSpans.syncApply)
        span.attributes[GenesysSpans.Attribute.changes] = plan.changes.count
        return span
    }

    /// Starts the ``GenesysSpans/syncApplyTier`` span of one tier, a child of the apply span.
    static func startTierSpan(_ tier: Tier, changes: Int, parent: any Span) -> any Span {
        let span = startSpan(GenesysSpans.syncApplyTier, context: parent.context)
        span.attributes[GenesysSpans.Attribute.tier] = tier.rawValue
        span.attributes[GenesysSpans.Attribute.changes] = changes
        return span
    }

    /// Counts every finished change in ``GenesysMetrics/syncChanges`` and marks the apply span failed when
    /// a change failed.
    static func recordApplied(_ results: [ChangeResult], span: any Span) {
        for result in results {
            GenesysMetrics.recordSyncChange(kind: result.kind.rawValue, action: result.action.rawValue, status: result.status.rawValue)
        }
        let failed = results.count { $0.status == .failed }
        span.attributes[GenesysSpans.Attribute.failed] = failed
        if failed > 0 { span.setStatus(SpanStatus(code: .error, message: "\(failed) change(s) failed")) }
    }
}
