public import GenesysCore
/// What happened to one planned change.
public struct ChangeResult: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The outcome.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The change was made.
        case applied
        /// The API refused or failed; see ``ChangeResult/error``.
        case failed
        /// Not attempted: something it depends on failed, or the run halted.
        case skipped
    }

    /// The kind of object.
    public var kind: PlannedChange.Kind
    /// The object's name.
    public var name: String
    /// What was planned.
    public var action: PlannedChange.Action
    /// What happened.
    public var status: Status
    /// Why it failed or was skipped (one line, no secrets).
    public var error: String?
    /// The id of the object the change applied to: a created object's new (or adopted) id, an updated
    /// object's id; `nil` when the change failed or was skipped, and for a decoded report. Not encoded.
    public var objectID: String?
    /// The error that failed the change, when it was a `GenesysError` (status, correlation id and body
    /// kept). Not encoded, and not part of the result's equality.
    public var failure: GenesysError? {
        get { failureBox?.error }
        set { failureBox = newValue.map(FailureBox.init) }
    }
    private var failureBox: FailureBox?

    /// Creates a result.
    public init(kind: PlannedChange.Kind, name: String, action: PlannedChange.Action, status: Status, error: String? = nil) {
        self.kind = kind
        self.name = name
        self.action = action
        self.status = status
        self.error = error
    }

    /// `applied create skill "Billing"`, or with `: reason` for failures and skips.
    public var description: String {
        "\(status.rawValue) \(action.rawValue) \(kind.rawValue) \"\(name)\"" + (error.map { ": \($0)" } ?? "")
    }

    /// Holds a `GenesysError` (which is not `Hashable`) without making it part of the result's value.
    private struct FailureBox: Sendable, Hashable {
        let error: GenesysError
        static func == (lhs: FailureBox, rhs: FailureBox) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }

    enum CodingKeys: String, CodingKey { case kind, name, action, status, error }

    /// Encodes `kind`, `name`, `action`, `status` and (when present) `error`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        try container.encode(action, forKey: .action)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(error, forKey: .error)
    }
}

/// The outcome of applying a plan: the plan, one result per change (in plan order), and the requests
/// it cost. Partial failure is reported here, never thrown.
///
/// Encodes as the CLI's apply output (`Documentation/CLI.md`): `{"changes", "summary", "results",
/// "requests": {"total", "writes", "retries"}}`, plus `"halted"` when the run stopped early.
public struct SyncReport: Sendable, Hashable, Codable {
    /// The plan that was applied.
    public var plan: SyncPlan
    /// One result per change, in plan order.
    public var results: [ChangeResult]
    /// Requests sent (for ``RoutingSync/apply(_:options:concurrency:logger:)``, the reads included).
    public var requests: RequestSummary
    /// Why the run stopped before the end (authentication failed, cancelled); `nil` when it ran through.
    public var halted: String?

    /// Creates a report.
    public init(plan: SyncPlan, results: [ChangeResult], requests: RequestSummary, halted: String? = nil) {
        self.plan = plan
        self.results = results
        self.requests = requests
        self.halted = halted
    }

    /// The planned changes.
    public var changes: [PlannedChange] { plan.changes }
    /// The plan's counts.
    public var summary: SyncPlan.Summary { plan.summary }
    /// Results that failed.
    public var failed: [ChangeResult] { results.filter { $0.status == .failed } }
    /// Results that were skipped.
    public var skipped: [ChangeResult] { results.filter { $0.status == .skipped } }
    /// Whether every change was applied (nothing failed or was skipped). The CLI exits 1 otherwise.
    public var succeeded: Bool { results.allSatisfy { $0.status == .applied } && halted == nil }

    enum CodingKeys: String, CodingKey { case changes, summary, results, requests, halted }

    /// Encodes the CLI's shape (`Documentation/CLI.md`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(plan.changes, forKey: .changes)
        try container.encode(plan.summary, forKey: .summary)
        try container.encode(results, forKey: .results)
        try container.encode(requests, forKey: .requests)
        try container.encodeIfPresent(halted, forKey: .halted)
    }

    /// Decodes the CLI's shape, `Documentation/CLI.md`. The report's plan is rebuilt from its
    /// ``SyncPlanDocument``: it describes what was planned and cannot be applied again.
    public init(from decoder: any Decoder) throws {
        let document = try SyncPlanDocument(from: decoder)
        plan = SyncPlan(changes: document.changes, prune: document.changes.contains { $0.action == .delete })
        plan.impact = document.impact
        plan.recordedUnchanged = document.summary.unchanged
        let container = try decoder.container(keyedBy: CodingKeys.self)
        results = try container.decode([ChangeResult].self, forKey: .results)
        requests = try container.decode(RequestSummary.self, forKey: .requests)
        halted = try container.decodeIfPresent(String.self, forKey: .halted)
    }
}

/// Objects whose org state differs from the file: a plan against an unchanged file, read as drift.
public struct DriftReport: Sendable, Hashable, Codable {
    /// One entry per drifted object: what changed behind the file's back, as the change that would undo it
    /// (`update` with the fields that differ, `create` for a declared object that disappeared, `delete` for
    /// an undeclared object under prune).
    public var drifted: [PlannedChange]
    /// Declared objects that match the file.
    public var inSync: [ObjectRef]

    /// Creates a report.
    public init(drifted: [PlannedChange], inSync: [ObjectRef]) {
        self.drifted = drifted
        self.inSync = inSync
    }

    /// Creates the report of a plan.
    public init(plan: SyncPlan) {
        self.init(drifted: plan.changes, inSync: plan.unchanged)
    }

    /// Whether anything drifted.
    public var hasDrift: Bool { !drifted.isEmpty }

    /// The drifted objects.
    public var driftedObjects: [ObjectRef] { drifted.map(\.object) }

    enum CodingKeys: String, CodingKey { case drifted, inSync }

    /// Encodes `{"drifted": [changes], "inSync": count}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(drifted, forKey: .drifted)
        try container.encode(inSync.count, forKey: .inSync)
    }

    /// Decodes (the in-sync objects are only counted in JSON, so they come back empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        drifted = try container.decode([PlannedChange].self, forKey: .drifted)
        inSync = []
    }
}
