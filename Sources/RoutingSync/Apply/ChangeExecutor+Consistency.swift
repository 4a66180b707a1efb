import GenesysCore
import GenesysRouting
import Logging

/// Waiting out the org's eventual consistency, and deletes that treat "already gone" as done.
extension ChangeExecutor {
    /// A delete that treats "already gone" (404) as done.
    func deleting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as GenesysError where error.code == .notFound {
            return
        }
    }

    /// Retries a write while the org has not caught up: 404 (an object created moments ago), or 400
    /// naming a skill or language created earlier in this run. Backoff on the client's clock, bounded (and
    /// never past the change's `GenesysDeadline`).
    ///
    /// With `idempotent`, a write whose effect does not depend on how often it is sent (set these skills to
    /// these proficiencies, add these members) is also sent again after a lost connection or a 5xx, which the
    /// client does not do for POST and PATCH.
    @discardableResult
    func untilConsistent<T>(
        mentioning names: [String], idempotent: Bool = false, _ body: () async throws -> T
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
                try GenesysDeadline.checkCurrent(operation: error.operation, before: delay, after: error)
                try await clock.sleep(for: delay)
                delay = min(delay * 2, .seconds(8))
            } catch let error as GenesysError where idempotent && resends < 3 && CreateOrAdopt.outcomeIsUnknown(error) {
                resends += 1
                logger.debug("routing sync sending an idempotent write again", metadata: [
                    "operation": "\(error.operation)", "attempt": "\(resends)", "error": "\(error)",
                ])
                try GenesysDeadline.checkCurrent(operation: error.operation, before: .milliseconds(500) * resends, after: error)
                try await clock.sleep(for: .milliseconds(500) * resends)
            }
        }
    }

    /// Whether a failure means the org has not caught up yet: 404, or 400 naming one of `names`.
    static func isConsistencyLag(_ error: GenesysError, names: [String]) -> Bool {
        if error.code == .notFound { return true }
        guard error.code == .badRequest, !names.isEmpty else { return false }
        let texts = [error.message, error.body?.entityName, error.body?.messageWithParams]
            .compactMap { $0 } + error.details.compactMap(\.entityName)
        return names.contains { name in texts.contains { $0.contains(name) } }
    }
}
