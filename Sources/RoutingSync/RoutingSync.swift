public import GenesysCore
public import GenesysRouting
public import Logging

/// Keeps an org's routing configuration equal to a desired-state file: read, plan (a pure diff), apply.
///
/// ```swift
/// let state = try DesiredStateLoader.load(contentsOf: URL(fileURLWithPath: "routing.yaml"))
/// let sync = RoutingSync(routing: routing)
/// let plan = try await sync.plan(state)          // reads the org, writes nothing
/// let report = await sync.apply(plan)            // writes in dependency order
/// ```
///
/// - Reading costs the fewest requests the API allows (lists at the largest page sizes, one GET per
///   declared skill group whose conditions are managed, …); a plan on an org that already matches costs
///   reads only. ``OrgSnapshot/requests`` says how many.
/// - Planning is pure (``plan(desired:current:options:)``) and throws ``SyncError`` for ambiguous names
///   and references that resolve to nothing, before anything is written.
/// - Applying never throws: every change gets a ``ChangeResult``. Dependents of a failed change are
///   skipped, independent work continues, and an authentication failure halts the run at once. Running
///   again after any failure converges and creates nothing twice.
///
/// A `Sendable` value of `let`s; every operation takes `logger` last (`nil`: the client's logger).
public struct RoutingSync: Sendable {
    /// Tuning for reads and writes.
    public struct Configuration: Sendable, Hashable {
        /// The most writes (and per-object reads) in flight at once within a tier; at least 1. With a client
        /// over a `TokenPool`, apply keeps fewer in flight when fewer use the pool's budget at the observed
        /// latency (Little's law). 16 by default.
        public var concurrency: Int
        /// How long to keep retrying a write that fails only because the org has not caught up yet (a skill
        /// created moments ago not yet usable in a condition, a new queue answering 404).
        public var consistencyTimeout: Duration
        /// At most this many such retries per write.
        public var consistencyRetries: Int
        /// After apply, wait until every created or changed skill group has finished computing its members
        /// (`status == Complete`). Off by default: nothing in the apply depends on it.
        public var waitForSkillGroupMembership: Bool
        /// The delete budget: the most objects a plan may delete (or replace) and still be applied; `nil`
        /// lifts it. A plan over the budget is refused before any write (see ``checkDeleteBudget(_:)``).
        public var maxDeletes: Int?
        /// One overall deadline per change, on the client's clock: the client's retries, version-conflict
        /// retries, consistency polling and apply's own re-sends all stop there, and the change fails with
        /// `GenesysError.Code.deadlineExceeded` (independent changes continue). See `GenesysDeadline`.
        public var changeTimeout: Duration

        /// The default delete budget: 25 objects.
        public static let defaultMaxDeletes = 25

        /// Creates a configuration.
        public init(
            concurrency: Int = 16, consistencyTimeout: Duration = .seconds(60), consistencyRetries: Int = 8,
            waitForSkillGroupMembership: Bool = false, maxDeletes: Int? = Configuration.defaultMaxDeletes,
            changeTimeout: Duration = .seconds(60)
        ) {
            self.concurrency = concurrency
            self.consistencyTimeout = consistencyTimeout
            self.consistencyRetries = consistencyRetries
            self.waitForSkillGroupMembership = waitForSkillGroupMembership
            self.maxDeletes = maxDeletes
            self.changeTimeout = changeTimeout
        }
    }

    /// The routing API every request goes through (its client's rate limiter, retries and clock).
    public let routing: RoutingAPI
    /// Tuning.
    public var configuration: Configuration

    /// Creates a sync over a routing API.
    public init(routing: RoutingAPI, configuration: Configuration = Configuration()) {
        self.routing = routing
        self.configuration = configuration
    }

    /// Creates a sync over a client.
    public init(client: GenesysClient, configuration: Configuration = Configuration()) {
        self.init(routing: RoutingAPI(client: client), configuration: configuration)
    }

    // MARK: - Plan

    /// The pure diff between a desired state and what was read (no I/O).
    /// - Parameters:
    ///   - desired: The file.
    ///   - current: What ``readOrg(for:logger:)`` returned for this file.
    ///   - options: Overrides (`prune`).
    /// - Throws: ``SyncError`` with every ambiguous name and unresolved reference (file, object, field), or
    ///   ``SyncError/Code/invalidDesiredState`` when ``DesiredState/validate()`` finds an error.
    public static func plan(desired: DesiredState, current: OrgSnapshot, options: PlanOptions = PlanOptions()) throws(SyncError) -> SyncPlan {
        try desired.requireValid()
        return try Planner.plan(desired: desired, current: current, options: options)
    }

    /// Validates the state (``DesiredState/validate()``, before any request), reads the org (only what the
    /// file needs) and plans. Writes nothing.
    /// - Throws: `GenesysError` when a read fails; ``SyncError`` when the state is invalid or cannot be
    ///   applied to this org.
    public func plan(_ desired: DesiredState, options: PlanOptions = PlanOptions(), logger: Logger? = nil) async throws -> SyncPlan {
        try desired.requireValid()
        let current = try await readOrg(scope: .declared(Self.withPrune(desired, options)), logger: logger)
        return try Self.tracedPlan(desired: desired, current: current, options: options)
    }

    /// Reads, plans and applies. The report's ``SyncReport/requests`` counts the reads too.
    /// - Throws: what ``plan(_:options:logger:)`` throws, and what ``checkDeleteBudget(_:)`` throws for a
    ///   plan over the delete budget (nothing has been written then).
    public func apply(
        _ desired: DesiredState, options: PlanOptions = PlanOptions(), concurrency: Int? = nil, logger: Logger? = nil
    ) async throws -> SyncReport {
        let before = await routing.client.counters.snapshot()
        let plan = try await plan(desired, options: options, logger: logger)
        try checkDeleteBudget(plan)
        var report = await apply(plan, concurrency: concurrency, logger: logger)
        report.requests = RequestSummary(await routing.client.counters.snapshot().since(before))
        return report
    }

    // MARK: - Drift

    /// Drift detection: the plan of an unchanged file, as the list of objects that no longer match it.
    /// - Throws: ``SyncError``.
    public static func detectDrift(
        desired: DesiredState, current: OrgSnapshot, options: PlanOptions = PlanOptions()
    ) throws(SyncError) -> DriftReport {
        DriftReport(plan: try plan(desired: desired, current: current, options: options))
    }

    /// Reads the org and reports what drifted from the file (reads only).
    /// - Throws: `GenesysError` or ``SyncError``.
    public func detectDrift(_ desired: DesiredState, options: PlanOptions = PlanOptions(), logger: Logger? = nil) async throws -> DriftReport {
        DriftReport(plan: try await plan(desired, options: options, logger: logger))
    }

    static func withPrune(_ desired: DesiredState, _ options: PlanOptions) -> DesiredState {
        guard let prune = options.prune else { return desired }
        var copy = desired
        copy.policy.prune = prune
        return copy
    }
}

extension RequestSummary {
    /// The total, write and retry counts of a client's counters.
    public init(_ counts: RequestCounts) {
        self.init(total: counts.total, writes: counts.writes, retries: counts.retries)
    }
}
