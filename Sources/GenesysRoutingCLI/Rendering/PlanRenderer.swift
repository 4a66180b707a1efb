import RoutingSync

/// Renders plans and apply reports as text a Terraform user reads at a glance:
///
/// ```
///   + create skill "Billing"
///   ~ update queue "Billing Support"
///       description: "old" → "new"
///   - delete skill group "Legacy"
///
/// Plan: 1 to create, 1 to update, 0 to replace, 1 to delete, 12 unchanged.
/// ```
///
/// or `No changes. The org matches the file.` Colour (green create, yellow update, magenta replace, red
/// delete) only when the ``TextStyle`` is enabled.
struct PlanRenderer {
    let style: TextStyle

    /// The sentence printed when a plan is empty.
    static let noChanges = "No changes. The org matches the file."

    /// The plan: one block per change, then the summary line.
    func render(_ plan: SyncPlan) -> String {
        guard plan.hasChanges else { return Self.noChanges + "\n" }
        var lines: [String] = []
        for change in plan.changes { lines += self.lines(for: change) }
        lines.append("")
        lines.append(summaryLine(plan.summary))
        if let impact = plan.impact { lines += [""] + renderImpact(impact) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Plan: 3 to create, 1 to update, 0 to replace, 0 to delete, 12 unchanged.`
    func summaryLine(_ summary: SyncPlan.Summary) -> String {
        "\(style.bold("Plan:")) \(summary.create) to create, \(summary.update) to update, \(summary.replace) to replace, "
            + "\(summary.delete) to delete, \(summary.unchanged) unchanged."
    }

    /// The header line of a change and its field lines.
    func lines(for change: PlannedChange) -> [String] {
        var lines = ["  " + heading(change)]
        for field in change.fields {
            // A field's path can hold names from the file (`skills[<name>]`): escaped like the values.
            let name = InertText.escape(field.field)
            switch change.action {
            case .create:
                lines.append("      \(name): \(Self.text(field.to, field: field.field))")
            case .update, .replace:
                lines.append("      \(name): \(Self.text(field.from, field: field.field)) → \(Self.text(field.to, field: field.field))")
            case .delete:
                break
            }
        }
        return lines
    }

    /// `+ create skill "Billing"`, coloured.
    func heading(_ change: PlannedChange) -> String {
        let label = "\(Self.symbol(change.action)) \(change.action.rawValue)"
        let coloured = switch change.action {
        case .create: style.green(label)
        case .update: style.yellow(label)
        case .replace: style.magenta(label)
        case .delete: style.red(label)
        }
        return "\(coloured) \(Self.kindName(change.kind)) \"\(InertText.escape(change.name))\""
    }

    /// One line per change that failed or was skipped (applied ones are in the plan above), then the
    /// outcome line.
    func renderResults(_ report: SyncReport) -> String {
        var lines: [String] = []
        for result in report.results where result.status != .applied {
            let status = result.status == .failed ? style.red("failed ") : style.yellow("skipped")
            var line = "  \(status)  \(Self.symbol(result.action)) \(result.action.rawValue) \(Self.kindName(result.kind)) \"\(InertText.escape(result.name))\""
            if let error = result.error { line += ": \(InertText.escape(error))" }
            lines.append(line)
        }
        if !lines.isEmpty { lines.append("") }
        lines.append(outcomeLine(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Apply complete: 15 applied, 0 failed, 0 skipped. Requests: 40 total, 15 writes, 0 retries.`
    func outcomeLine(_ report: SyncReport) -> String {
        let applied = report.results.count(where: { $0.status == .applied })
        let failed = report.failed.count
        let skipped = report.skipped.count
        let complete = failed == 0 && skipped == 0 && report.halted == nil
        let head = complete ? style.bold(style.green("Apply complete:")) : style.bold(style.red("Apply incomplete:"))
        return "\(head) \(applied) applied, \(failed) failed, \(skipped) skipped. "
            + "Requests: \(report.requests.total) total, \(report.requests.writes) writes, \(report.requests.retries) retries."
    }

    /// `+`, `~`, `-/+` or `-`.
    static func symbol(_ action: PlannedChange.Action) -> String {
        switch action {
        case .create: "+"
        case .update: "~"
        case .replace: "-/+"
        case .delete: "-"
        }
    }

    /// `skill`, `language`, `wrap-up code`, `skill group`, `queue` or `agent`.
    static func kindName(_ kind: PlannedChange.Kind) -> String {
        switch kind {
        case .skill: "skill"
        case .language: "language"
        case .wrapupCode: "wrap-up code"
        case .skillGroup: "skill group"
        case .queue: "queue"
        case .agent: "agent"
        }
    }

    /// A field value in compact JSON (a skill group's conditions in words), or `(none)`; control
    /// characters JSON leaves as they are (DEL, C1) are escaped too.
    static func text(_ value: ConfigValue?, field: String = "") -> String {
        guard let value else { return "(none)" }
        if field == "conditions", let words = ConditionText.render(value) { return words }
        return InertText.escape(value.compactText)
    }
}
