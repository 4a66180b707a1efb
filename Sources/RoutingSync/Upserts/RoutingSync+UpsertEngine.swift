import GenesysCore
import Logging
import RoutingModels

/// One object an upsert call asks about, to find its change (or its id) after the plan.
struct UpsertTarget: Sendable, Hashable {
    var kind: PlannedChange.Kind
    /// The object's name; for an agent, the user as given.
    var name: String
    /// The user, for an agent.
    var user: UserReference?

    init(_ kind: PlannedChange.Kind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    init(agent: AgentSpec) {
        self.kind = .agent
        self.name = agent.user.description
        self.user = agent.user
    }
}

extension RoutingSync {
    /// The one path every upsert takes: validate, read what `state` needs, plan, apply — exactly what
    /// ``apply(_:options:concurrency:logger:)`` does with a file — then report each target's id and outcome.
    ///
    /// `state` never prunes. A plan that fails only because a reference resolves to nothing is planned again
    /// (from a fresh read, backing off on the client's clock, within ``Configuration/consistencyTimeout`` and
    /// ``Configuration/consistencyRetries``): an object created moments ago, by an earlier upsert or another
    /// process, is missing from listings until the org's search index catches up.
    ///
    /// - Throws: ``SyncError`` as for a file (invalid values, ambiguous names, references that still resolve to
    ///   nothing), `GenesysError` for a failed read, and for a failed write the change's own `GenesysError`
    ///   with the object named in its message; `CancellationError` when cancelled.
    func upsert(_ state: DesiredState, targets: [UpsertTarget], logger: Logger?) async throws -> [UpsertResult] {
        let logger = logger ?? routing.client.logger
        try state.requireValid()
        let (plan, current) = try await planAllowingIndexLag(state, logger: logger)
        let report = await apply(plan, logger: logger)
        if report.halted == "cancelled" || Task.isCancelled { throw CancellationError() }

        var results: [UpsertResult] = []
        var failures: [(target: UpsertTarget, result: ChangeResult)] = []
        for target in targets {
            let userID = target.user.flatMap { Self.userID($0, in: current) }
            let index = plan.changes.firstIndex { change in
                guard change.kind == target.kind, change.action != .delete else { return false }
                return target.kind == .agent ? change.existingID == userID && userID != nil : change.name == target.name
            }
            guard let index else {
                guard let id = userID ?? Self.existingID(of: target, in: current) else {
                    throw GenesysError(code: .inconsistentListing, operation: "routingSync.upsert",
                                       message: "\(target.kind.rawValue) \"\(target.name)\" is listed without an id; it cannot be reported")
                }
                results.append(UpsertResult(kind: target.kind, name: target.name, id: id, outcome: .unchanged))
                continue
            }
            let change = plan.changes[index]
            let result = report.results[index]
            guard result.status == .applied, let id = result.objectID else {
                failures.append((target, result))
                continue
            }
            results.append(UpsertResult(
                kind: target.kind, name: target.name, id: id, outcome: change.action == .create ? .created : .updated,
                changes: change.fields
            ))
        }
        if !failures.isEmpty { throw Self.upsertFailure(failures, of: targets.count) }
        return results
    }

    /// Reads and plans; plans again from a fresh read while the only problems are unresolved references.
    private func planAllowingIndexLag(_ state: DesiredState, logger: Logger) async throws -> (SyncPlan, OrgSnapshot) {
        let clock = routing.client.clock
        let stopwatch = Stopwatch(clock: clock)
        var delay = Duration.milliseconds(250)
        var attempt = 0
        while true {
            let current = try await readOrg(scope: .declared(state), logger: logger)
            do {
                return (try Self.tracedPlan(desired: state, current: current, options: PlanOptions()), current)
            } catch let error as SyncError where error.code == .unresolvedReference
                && error.problems.allSatisfy({ $0.code == .unresolvedReference })
                && attempt < configuration.consistencyRetries
                && stopwatch.elapsed + delay <= configuration.consistencyTimeout {
                attempt += 1
                logger.debug("routing sync upsert waiting for a referenced object to be listed", metadata: [
                    "attempt": "\(attempt)", "delayMs": "\(delay / .milliseconds(1))", "problem": "\(error.problems.first?.message ?? "")",
                ])
                try await clock.sleep(for: delay)
                delay = min(delay * 2, .seconds(8))
            }
        }
    }

    /// The id of an object the plan left unchanged, from the snapshot it was planned against (the planner
    /// has checked that exactly one object has the name).
    private static func existingID(of target: UpsertTarget, in current: OrgSnapshot) -> String? {
        let name = target.name
        switch target.kind {
        case .skill: return current.skills?.first { $0.name == name }?.id
        case .language: return current.languages?.first { $0.name == name }?.id
        case .wrapupCode: return current.wrapupCodes?.first { $0.name == name }?.id
        case .skillGroup: return current.skillGroups?.first { $0.group.name == name }?.group.id
        case .queue: return current.queues?.first { $0.queue.name == name }?.queue.id
        case .agent: return nil
        }
    }

    /// The id of the user a reference names (by id, or by email without regard to case), as the planner
    /// resolved it.
    private static func userID(_ user: UserReference, in current: OrgSnapshot) -> String? {
        switch user {
        case .id(let id): return current.agents?.first { $0.userID == id }?.userID
        case .email(let email):
            let wanted = email.lowercased()
            return current.agents?.first { $0.email?.lowercased() == wanted }?.userID
        }
    }

    /// The error for upserts whose change failed or was skipped: the first `GenesysError` among them (the
    /// object named in its message, and how many failed when several were asked for).
    private static func upsertFailure(_ failures: [(target: UpsertTarget, result: ChangeResult)], of total: Int) -> GenesysError {
        let first = failures.first { $0.result.failure != nil } ?? failures[0]
        var error = first.result.failure ?? GenesysError(
            code: .invalidRequest, operation: "routingSync.upsert", message: first.result.error ?? "the change was not applied")
        var message = "\(first.target.kind.rawValue) \"\(first.target.name)\": \(error.message ?? error.description)"
        if total > 1 {
            message += " (\(failures.count) of \(total) failed; the others were applied, and calling again converges)"
        }
        error.message = message
        return error
    }
}
