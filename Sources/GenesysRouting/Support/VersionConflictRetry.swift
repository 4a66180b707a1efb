import GenesysCore
import Logging

extension RoutingAPI {
    /// Retries for user-related writes that fail because the user's version moved underneath them.
    ///
    /// Writes to a user (bulk skill/language assignment included) can fail with 409, or with 400 whose
    /// message says the version "does not match the current version"; the official Genesys Terraform
    /// provider simply retries those. The writes this wraps are idempotent (PUT/PATCH of the
    /// same values), so a retry is safe. Sleeps on the client's clock, never past the current
    /// `GenesysDeadline` (it fails with `deadlineExceeded` instead).
    static let versionConflictRetries = 3

    func retryingVersionConflicts<T>(
        operation: String, logger: Logger?, _ body: () async throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let error as GenesysError where attempt < Self.versionConflictRetries && Self.isVersionConflict(error) {
                let delay = Duration.milliseconds(500) * (1 << attempt)
                (logger ?? client.logger).debug("genesys user version conflict; retrying", metadata: [
                    "operation": "\(operation)", "attempt": "\(attempt + 1)", "delayMs": "\(delay / .milliseconds(1))",
                    "correlationId": "\(error.correlationID ?? "-")",
                ])
                attempt += 1
                try GenesysDeadline.checkCurrent(operation: operation, before: delay, after: error)
                try await client.clock.sleep(for: delay)
            }
        }
    }

    static func isVersionConflict(_ error: GenesysError) -> Bool {
        if error.code == .conflict, error.status != nil { return true }
        if error.code == .badRequest, let message = error.message?.lowercased() {
            return message.contains("does not match the current version")
        }
        return false
    }
}
