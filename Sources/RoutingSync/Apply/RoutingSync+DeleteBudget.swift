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
