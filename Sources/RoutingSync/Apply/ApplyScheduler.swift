import GenesysCore
import Tracing

/// When each change of a plan runs: tier by tier (``Tier``), a tier starting only when the one before it
/// has ended; within a tier, concurrently, at most ``width`` at once — fewer when the client's
/// `TokenPool` suggests fewer keep its budget busy at the latency it observes (Little's law).
///
/// Once the task running the scheduler is cancelled, nothing new starts; changes in flight run to their
/// end (each in an unstructured task, so the cancellation does not cut a write off half-way).
struct ApplyScheduler: Sendable {
    /// The changes, in plan order.
    let changes: [PlannedChange]
    /// The most changes in flight at once.
    let width: Int
    /// The client's token pool, which sizes the concurrency below ``width`` (`nil`: always ``width``).
    let tokenPool: TokenPool?

    /// The changes' indices per tier, tiers in the order they run.
    var tiers: [(tier: Tier, indices: [Int])] {
        Dictionary(grouping: changes.indices, by: { Tier(of: changes[$0]) })
            .sorted { $0.key < $1.key }
            .map { (tier: $0.key, indices: $0.value) }
    }

    /// Runs every tier (each in a ``GenesysSpans/syncApplyTier`` span, a child of `parent`).
    /// - Parameters:
    ///   - parent: The apply's span.
    ///   - run: Runs one change (from any task).
    ///   - finished: Called, on the scheduler's task, each time a change has ended.
    /// - Returns: One result per change, by plan index; `nil` for a change never started (cancelled).
    func run(
        parent: any Span,
        _ run: @escaping @Sendable (PlannedChange) async -> ChangeResult,
        finished: (ChangeResult) -> Void
    ) async -> [ChangeResult?] {
        var results = [ChangeResult?](repeating: nil, count: changes.count)
        for (tier, indices) in tiers where !Task.isCancelled {
            let tierSpan = RoutingSync.startTierSpan(tier, changes: indices.count, parent: parent)
            await withTaskGroup(of: (Int, ChangeResult).self) { group in
                var next = 0
                func start(_ group: inout TaskGroup<(Int, ChangeResult)>) {
                    let index = indices[next]
                    next += 1
                    let change = changes[index]
                    // An unstructured task: cancelling the apply stops starting changes but lets this one finish.
                    // It inherits the tier span's context, so the change's requests are traced under the tier.
                    group.addTask {
                        await ServiceContext.withValue(tierSpan.context) {
                            (index, await Task { await run(change) }.value)
                        }
                    }
                }
                // In flight follows the budget: a pooled client sizes it by Little's law (its rate × the
                // latency it observes), `width` is the cap. Once cancelled, nothing new starts.
                var inFlight = 0
                while next < indices.count, !Task.isCancelled, inFlight < (await limit()) {
                    start(&group)
                    inFlight += 1
                }
                while let (index, result) = await group.next() {
                    results[index] = result
                    inFlight -= 1
                    finished(result)
                    while next < indices.count, !Task.isCancelled, inFlight < (await limit()) || inFlight == 0 {
                        start(&group)
                        inFlight += 1
                    }
                }
            }
            tierSpan.end()
        }
        return results
    }

    /// How many changes may be in flight now.
    private func limit() async -> Int {
        await tokenPool?.suggestedConcurrency(cap: width) ?? width
    }
}
