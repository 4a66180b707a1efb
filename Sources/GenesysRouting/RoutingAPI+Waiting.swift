import GenesysCore
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// Polls until `condition` returns `true`: for writes that Genesys applies in the background (skill-group
    /// membership, queue member joins, the search index after a create).
    ///
    /// Checks at once, then after `initialDelay`, doubling the delay up to `maxDelay`, with a last check at
    /// the deadline. Sleeps on the client's clock (a manual clock in tests), never for real. A
    /// `GenesysError.Code.notFound` thrown by `condition` counts as "not yet" (new objects can briefly
    /// answer 404); any other error ends the wait and is rethrown.
    ///
    /// ```swift
    /// try await routing.addQueueMembers(queueID: queue, userIDs: [agent])
    /// try await routing.waitForCondition(timeout: .seconds(20)) {
    ///     try await routing.listQueueMembers(queueID: queue).items.contains { $0.id == agent }
    /// }
    /// ```
    /// - Throws: `GenesysError.Code.timedOut` when the condition still fails at the deadline (with the
    ///   last `notFound` error, if any, as `GenesysError.underlying`);
    ///   `GenesysError.Code.deadlineExceeded` when the current `GenesysDeadline` would pass during the
    ///   next wait; `CancellationError`.
    public func waitForCondition(
        timeout: Duration = .seconds(30),
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(5),
        _ condition: () async throws -> Bool,
        logger: Logger? = nil
    ) async throws {
        _ = try await poll(
            operation: Self.operation(), timeout: timeout, initialDelay: initialDelay, maxDelay: maxDelay, logger: logger
        ) { try await condition() ? () : nil }
    }

    /// Polls `lookup` until it returns a value: typically a search right after a create.
    ///
    /// ```swift
    /// let skill = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
    /// _ = try await routing.waitForValue { try await routing.findSkill(named: "Billing") }
    /// ```
    ///
    /// Same schedule and rules as ``waitForCondition(timeout:initialDelay:maxDelay:_:logger:)``: backoff on the
    /// client's clock, `notFound` counts as "not yet".
    /// - Returns: The first non-`nil` value.
    /// - Throws: `GenesysError.Code.timedOut` at the deadline; other errors of `lookup`.
    public func waitForValue<Value>(
        timeout: Duration = .seconds(30),
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(5),
        _ lookup: () async throws -> Value?,
        logger: Logger? = nil
    ) async throws -> Value {
        try await poll(
            operation: Self.operation(), timeout: timeout, initialDelay: initialDelay, maxDelay: maxDelay,
            logger: logger, lookup)
    }

    /// Waits until Genesys has finished computing a skill group's members (`status == Complete`).
    ///
    /// Polls `GET /api/v2/routing/skillgroups/{skillGroupId}` with backoff on the client's clock. A group
    /// whose response has no `status` is treated as complete (there is nothing to wait for).
    /// - Returns: The group as last read.
    /// - Throws: `GenesysError.Code.timedOut` if the status is still `InProgress` at the deadline.
    @discardableResult
    public func waitForSkillGroupMembership(
        skillGroupID: String, timeout: Duration = .seconds(60), logger: Logger? = nil
    ) async throws -> SkillGroup {
        let operation = Self.operation()
        try Validate.id(skillGroupID, "skillGroupID", operation)
        return try await poll(
            operation: operation, timeout: timeout, initialDelay: .milliseconds(500), maxDelay: .seconds(5), logger: logger
        ) {
            let group = try await getSkillGroup(id: skillGroupID, logger: logger)
            guard let status = group.status else { return group }
            return status == .complete ? group : nil
        }
    }

    /// The bounded polling loop behind the waits.
    func poll<Value>(
        operation: String, timeout: Duration, initialDelay: Duration, maxDelay: Duration, logger: Logger?,
        _ lookup: () async throws -> Value?
    ) async throws -> Value {
        guard timeout >= .zero, initialDelay > .zero, maxDelay >= initialDelay else {
            throw Validate.invalid(operation, "timeout must be ≥ 0 and 0 < initialDelay ≤ maxDelay")
        }
        let logger = logger ?? client.logger
        let stopwatch = Stopwatch(clock: client.clock)
        var delay = initialDelay
        var attempt = 0
        var lastNotFound: GenesysError?
        while true {
            try Task.checkCancellation()
            do {
                if let value = try await lookup() { return value }
            } catch let error as GenesysError where error.code == .notFound {
                lastNotFound = error
            }
            let elapsed = stopwatch.elapsed
            guard elapsed < timeout else {
                throw GenesysError(
                    code: .timedOut, operation: operation, correlationID: lastNotFound?.correlationID,
                    message: "still not done after \(timeout) (\(attempt + 1) checks)", underlying: lastNotFound)
            }
            let sleep = min(delay, timeout - elapsed)
            try GenesysDeadline.checkCurrent(operation: operation, before: sleep, after: lastNotFound)
            logger.trace("genesys waiting", metadata: [
                "operation": "\(operation)", "check": "\(attempt + 1)", "delayMs": "\(sleep / .milliseconds(1))",
            ])
            try await client.clock.sleep(for: sleep)
            attempt += 1
            delay = min(maxDelay, delay * 2)
        }
    }
}
