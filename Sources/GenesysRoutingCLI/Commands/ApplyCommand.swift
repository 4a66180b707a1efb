public import ArgumentParser
import GenesysCore
import RoutingSync

/// `genesys-routing apply FILE`: plans, then makes the changes in dependency order.
///
/// Exit status 0 when every change was applied (or there was nothing to do, or `--dry-run`), 1 when any
/// change failed or was skipped, when the plan deletes more than `--max-deletes` allows (nothing is
/// written then), or on any other error; 130 when SIGINT or SIGTERM interrupted it (the changes in flight
/// finish, no new one starts, the partial report is printed; a second signal exits at once). An
/// interrupted or failed apply can simply be run again: it converges and creates nothing twice.
public struct ApplyCommand: EnvironmentCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Plan, then make the changes in dependency order (--dry-run stops after the plan).",
        discussion: """
            Writes skills, languages and wrap-up codes first, then skill groups, queues and agents; \
            deletions (only with prune) come last. A failed change does not stop independent ones; the \
            run exits 1 if any change failed. Running apply again converges and creates nothing twice.

            A plan that deletes more than --max-deletes objects (default 25) is refused before any write. \
            Each change gives up after --change-timeout seconds of failures and retries. The first SIGINT \
            or SIGTERM stops starting changes, lets those in flight finish, prints the partial report and \
            exits 130; a second one exits at once.

            JSON output is the plan's {"changes", "summary"} plus "results" (one per change: kind, name, \
            action, status applied|failed|skipped, error) and "requests" (total, writes, retries).
            """
    )

    /// The file, format, prune and concurrency.
    @OptionGroup public var sync: SyncOptions

    /// Stop after the plan.
    @Flag(name: .customLong("dry-run"), help: "Stop after the plan: show what would change and write nothing.")
    public var dryRun = false

    /// The routing-impact preview (`--no-impact`, `--fail-on-empty-queue`).
    @OptionGroup(title: "Routing impact") public var impact: ImpactOptions

    /// How to reach the org.
    @OptionGroup(title: "Connection") public var connection: ConnectionOptions

    /// Logging and colour.
    @OptionGroup public var output: OutputOptions

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}

    /// Runs in the process environment.
    public func run() async throws { try await runInProcess() }

    /// Plans, applies and prints the report.
    public func run(in environment: CLIEnvironment) async -> Int32 {
        let context = CommandContext(environment: environment, output: output)
        let renderer = PlanRenderer(style: context.style)
        do {
            return try await context.withPlan(sync, connection: connection, impact: impact) { planned in
                let (org, plan, before) = (planned.org, planned.plan, planned.countsBefore)
                if dryRun || !plan.hasChanges {
                    let requests = RequestSummary(await org.client.counters.snapshot().since(before))
                    switch self.sync.format {
                    case .text:
                        var text = renderer.render(plan)
                        if dryRun, plan.hasChanges { text += "\nDry run: nothing was applied.\n" }
                        context.printOutput(text)
                    case .json:
                        context.printOutput(try OrderedJSONEncoder.string(ApplyOutput(dryRun: plan, requests: requests)))
                    }
                    if let problem = self.sync.deleteBudgetProblem(planned) {
                        context.printError(problem)
                        return 1
                    }
                    return 0
                }

                if self.sync.format == .text { context.printOutput(renderer.render(plan)) }
                if let problem = self.sync.deleteBudgetProblem(planned) {
                    context.printError(problem)
                    return 1
                }
                let interruptions = Interruptions(environment: environment, context: context)
                let status = LockedValue(SyncProgress(total: plan.changes.count))
                let applyTime = Stopwatch(clock: org.client.clock)   // the client's clock: the fake org's in --fake
                let countsAtApply = await org.client.counters.snapshot()
                var report = try await context.progress.track(
                    "Applying \(plan.changes.count) change\(plan.changes.count == 1 ? "" : "s")", counters: org.client.counters,
                    status: { status.withLock { $0.description } }
                ) {
                    await interruptions.run {
                        await planned.sync.apply(plan, logger: context.logger) { progress in status.withLock { $0 = progress } }
                    }
                }
                let countsAfter = await org.client.counters.snapshot()
                report.requests = RequestSummary(countsAfter.since(before))
                if let note = BudgetNote.apply(
                    requests: countsAfter.since(countsAtApply).total, wall: applyTime.elapsed, client: org.client
                ) {
                    context.printError(note)
                }

                switch self.sync.format {
                case .text: context.printOutput("\n" + renderer.renderResults(report))
                case .json: context.printOutput(try OrderedJSONEncoder.string(ApplyOutput(report: report)))
                }
                if let signal = interruptions.received {
                    return Self.reportInterrupted(report, signal: signal, context: context)
                }
                return Self.reportFailures(report, context: context)
            }
        } catch {
            return context.fail(error)
        }
    }

    /// Prints the partial report's summary line after an interrupt; returns 130 (cli.md, Exit codes).
    static func reportInterrupted(_ report: SyncReport, signal: String, context: CommandContext) -> Int32 {
        for result in report.failed {
            context.printError("error: \(result.action.rawValue) \(PlanRenderer.kindName(result.kind)) \"\(result.name)\" failed: \(ErrorReporter.oneLine(result.error ?? "unknown error"))")
        }
        let applied = report.results.count { $0.status == .applied }
        let notStarted = report.skipped.count
        context.printError(
            "error: interrupted (\(signal)): \(applied) applied, \(report.failed.count) failed, \(notStarted) not started "
                + "of \(report.results.count) changes; run apply again to finish (it converges and creates nothing twice)")
        return 130
    }

    /// Prints one stderr line per failed change (and why the run halted); returns 1 if anything did not
    /// apply, else 0.
    static func reportFailures(_ report: SyncReport, context: CommandContext) -> Int32 {
        for result in report.failed {
            context.printError("error: \(result.action.rawValue) \(PlanRenderer.kindName(result.kind)) \"\(result.name)\" failed: \(ErrorReporter.oneLine(result.error ?? "unknown error"))")
        }
        if let halted = report.halted {
            context.printError("error: apply stopped early: \(ErrorReporter.oneLine(halted))")
        }
        guard !report.succeeded else { return 0 }
        let notApplied = report.failed.count + report.skipped.count
        context.printError("error: \(notApplied) of \(report.results.count) changes were not applied; fix the cause and run apply again (it converges and creates nothing twice)")
        return 1
    }
}
