import RoutingSync

/// The JSON of `apply` (cli.md): the plan's `changes`, `summary` and `impact` (when previewed), then
/// `results` and `requests`,
/// encoded from RoutingSync's own Codable values.
///
/// ```json
/// {"changes": [...], "summary": {...},
///  "results": [{"kind", "name", "action", "status", "error"?}],
///  "requests": {"total": 40, "writes": 15, "retries": 0}}
/// ```
struct ApplyOutput: Encodable {
    let plan: SyncPlan
    let results: [ChangeResult]
    let requests: RequestSummary

    init(report: SyncReport) {
        plan = report.plan
        results = report.results
        requests = report.requests
    }

    /// A dry run: every change `skipped` with the reason `dry run`, and the requests the read cost.
    init(dryRun plan: SyncPlan, requests: RequestSummary) {
        self.plan = plan
        self.results = plan.changes.map {
            ChangeResult(kind: $0.kind, name: $0.name, action: $0.action, status: .skipped, error: "dry run")
        }
        self.requests = requests
    }

    enum CodingKeys: String, CodingKey { case changes, summary, impact, results, requests }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(plan.changes, forKey: .changes)
        try container.encode(plan.summary, forKey: .summary)
        try container.encodeIfPresent(plan.impact, forKey: .impact)
        try container.encode(results, forKey: .results)
        try container.encode(requests, forKey: .requests)
    }
}
