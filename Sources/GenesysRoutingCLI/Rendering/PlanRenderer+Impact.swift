import RoutingSync

extension PlanRenderer {
    /// The "Routing impact" section of a plan with changes:
    ///
    /// ```
    /// Routing impact (4 requests):
    ///   skill group "Spanish Line": agents 12 → 7
    ///   queue "Spanish Support": agents 12 → 0 (not exact: GROUP/TEAM member groups not counted)
    /// ```
    ///
    /// or one line saying no skill group or queue changes its eligible agents.
    func renderImpact(_ impact: RoutingImpact) -> [String] {
        let requests = "\(impact.requests.total) request\(impact.requests.total == 1 ? "" : "s")"
        guard !impact.entries.isEmpty else {
            return ["\(style.bold("Routing impact:")) no skill group or queue changes its eligible agents (\(requests))."]
        }
        var lines = ["\(style.bold("Routing impact")) (\(requests)):"]
        for entry in impact.entries {
            let kind = entry.kind == .skillGroup ? "skill group" : "queue"
            var line = "  \(kind) \"\(entry.name)\": agents \(entry.agentsBefore) → \(entry.agentsAfter)"
            if entry.kind == .queue, entry.agentsAfter == 0 { line = style.red(line) }
            if !entry.exact { line += " (not exact: GROUP/TEAM member groups not counted)" }
            lines.append(line)
        }
        return lines
    }

    /// The stderr warning for a queue the plan leaves without eligible agents.
    static func emptyQueueWarning(_ entry: RoutingImpact.Entry) -> String {
        "warning: queue \"\(entry.name)\" would have no eligible agent after the apply (agents \(entry.agentsBefore) → 0)"
    }
}
