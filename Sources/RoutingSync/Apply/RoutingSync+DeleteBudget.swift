public import GenesysCore

extension RoutingSync {
    /// Objects `plan` deletes: its deletes and its replaces (a replace deletes the object first).
    public static func deleteCount(of plan: SyncPlan) -> Int {
        plan.changes.count { $0.action == .delete || $0.action == .replace }
    }

    /// Refuses a plan that deletes more objects than the delete budget (``Configuration/maxDeletes``)
    /// allows; a plan within it (or any plan when the budget is `nil`) passes.
    ///
    /// ``apply(_:options:concurrency:logger:)`` calls it before any write and throws what it throws;
    /// ``apply(_:concurrency:logger:onProgress:)``, which never throws, returns a report with every change
    /// skipped instead. Reading and planning are never refused: they write nothing, and the plan shows
    /// what would be deleted.
    ///
    /// The error is a `GenesysError` with code `invalidRequest` (the SDK rejects the request before
    /// sending anything), operation `routingSync.deleteBudget`, not a ``SyncError``: the file is valid,
    /// the plan is only bigger than the caller allowed.
    /// - Throws: `GenesysError` (`invalidRequest`) giving the count, the budget and how to lift it.
    public func checkDeleteBudget(_ plan: SyncPlan) throws(GenesysError) {
        guard let budget = configuration.maxDeletes else { return }
        let deletes = Self.deleteCount(of: plan)
        guard deletes > budget else { return }
        throw GenesysError(
            code: .invalidRequest, operation: Self.deleteBudgetOperation,
            message: "the plan deletes \(deletes) objects, more than the delete budget of \(max(budget, 0)) allows; "
                + "nothing was written. Review the deletes, then raise RoutingSync.Configuration.maxDeletes "
                + "(nil lifts the budget)"
        )
    }

    /// The `operation` of the delete-budget error.
    public static let deleteBudgetOperation = "routingSync.deleteBudget"
}

/// How far an apply has got: passed to the `onProgress` callback of
/// ``RoutingSync/apply(_:concurrency:logger:onProgress:)`` after each change.
public struct SyncProgress: Sendable, Hashable, CustomStringConvertible {
    /// Changes in the plan.
    public var total: Int
    /// Changes applied so far.
    public var applied = 0
    /// Changes that failed so far.
    public var failed = 0
    /// Changes skipped so far.
    public var skipped = 0

    /// Creates counts with nothing done yet.
    public init(total: Int) { self.total = total }

    /// Changes that have ended, whatever their outcome.
    public var done: Int { applied + failed + skipped }

    /// `applied 120/3350, failed 0, skipped 0`.
    public var description: String { "applied \(applied)/\(total), failed \(failed), skipped \(skipped)" }

    mutating func record(_ status: ChangeResult.Status) {
        switch status {
        case .applied: applied += 1
        case .failed: failed += 1
        case .skipped: skipped += 1
        }
    }
}
