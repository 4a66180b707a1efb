import GenesysCore
import GenesysRouting
import Logging

/// A create that survives lost answers without relying on the API refusing duplicate names.
///
/// When `post` fails so that the object may or may not exist (``outcomeIsUnknown(_:)``), the object is
/// looked up by exact name with `find` (``lookUp(name:_:)``) before anything is sent again; a found id is
/// adopted. The create is sent again (at most 3 resends) only when the lookup ends in a definite "not
/// found". A 409 naming an existing object (id and exactly this name) is adopted too, as a second safety
/// net; whether Genesys answers a duplicate name that way is not established. Any other 409 fails the
/// change (``unadoptedConflict(_:name:)``).
struct CreateOrAdopt: Sendable {
    /// The client's clock (lookups poll on it).
    let clock: any Clock<Duration>
    /// How long lookups poll for (``RoutingSync/Configuration/consistencyTimeout``).
    let consistencyTimeout: Duration
    let logger: Logger

    /// Creates the object, or adopts the one a lost create (or another writer) made.
    /// - Returns: The object's id.
    func create(name: String, _ post: () async throws -> String?, find: () async throws -> String?) async throws -> String {
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
            switch try await lookUp(name: name, find) {
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
                // Out of time (the change's deadline cut the lookups short): say so, naming the create's failure.
                if let deadline = GenesysDeadline.current, !GenesysDeadline.allows(waiting: Self.firstLookupDelay) {
                    throw deadline.exceeded(operation: failure.operation, after: failure)
                }
                throw failure
            }
        }
    }

    /// The first wait between lookups after a create whose outcome is unknown (it doubles, to 8 s).
    static let firstLookupDelay = Duration.milliseconds(250)

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
    /// backoff (250 ms doubling, at most 8 s apart) on the client's clock for up to ``consistencyTimeout``:
    /// the search index lags behind writes, so "not found" right after the create proves little. Stops at
    /// the first hit, and (with what it found so far) where the change's `GenesysDeadline` would pass
    /// during the next wait.
    ///
    /// A lookup that fails transiently (lost connection, timeout, 5xx, 429 after the client's own retries)
    /// counts as "no answer" and polling continues; any other error (several objects with exactly this name,
    /// an authentication failure, …) is thrown.
    func lookUp(name: String, _ find: () async throws -> String?) async throws -> LookupOutcome {
        let stopwatch = Stopwatch(clock: clock)
        var delay = Self.firstLookupDelay
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
            guard stopwatch.elapsed + delay <= consistencyTimeout, GenesysDeadline.allows(waiting: delay) else {
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
}
