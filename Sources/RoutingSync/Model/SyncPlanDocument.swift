/// A plan as a JSON document: what the CLI's `plan --format json` and `-o` write (`Documentation/CLI.md`),
/// `{"changes": [...], "summary": {"create", "update", "replace", "delete", "unchanged"}}`, plus `impact`
/// when the routing impact was previewed.
///
/// Built from a ``SyncPlan`` (``SyncPlan/document``). It describes the plan — every change with the fields
/// it changes, and the counts — but not the requests apply would send, so it cannot be applied: to apply,
/// plan again (against the org as it is then).
public struct SyncPlanDocument: Sendable, Hashable, Codable {
    /// The changes in apply order.
    public var changes: [PlannedChange]
    /// Counts per action, including the declared objects that already match.
    public var summary: SyncPlan.Summary
    /// The routing impact, when it was previewed.
    public var impact: RoutingImpact?

    /// The document of `plan`.
    public init(_ plan: SyncPlan) {
        self.init(changes: plan.changes, summary: plan.summary, impact: plan.impact)
    }

    /// Creates a document.
    public init(changes: [PlannedChange], summary: SyncPlan.Summary, impact: RoutingImpact? = nil) {
        self.changes = changes
        self.summary = summary
        self.impact = impact
    }

    enum CodingKeys: String, CodingKey { case changes, summary, impact }

    /// Encodes `changes`, `summary` and, when previewed, `impact`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(changes, forKey: .changes)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(impact, forKey: .impact)
    }

    /// Decodes `changes`, `summary` (counted from the changes when absent) and `impact`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let changes = try container.decode([PlannedChange].self, forKey: .changes)
        let summary = try container.decodeIfPresent(SyncPlan.Summary.self, forKey: .summary)
            ?? SyncPlan(changes: changes).summary
        self.init(changes: changes, summary: summary, impact: try container.decodeIfPresent(RoutingImpact.self, forKey: .impact))
    }
}
