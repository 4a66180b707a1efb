public import ArgumentParser
import GenesysCore
import RoutingSync

/// `genesys-routing plan FILE`: reads the org and prints what `apply` would change. Writes nothing.
///
/// Exit status 0, or with `--detailed-exitcode` 0 when there are no changes and 2 when there are; 1 on
/// any error (an invalid file, a name that is ambiguous in the org, an API failure), and when the plan
/// deletes more objects than `--max-deletes` allows (the plan is printed first).
public struct PlanCommand: EnvironmentCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Read the org and show what 'apply' would change; writes nothing.",
        discussion: """
            Text output lists each change (+ create, ~ update with 'field: from → to' lines, -/+ replace, \
            - delete) and a summary line, or 'No changes. The org matches the file.' JSON output is \
            {"changes": [...], "summary": {...}} as documented in Documentation/CLI.md.

            Exit status: 0 (with --detailed-exitcode: 0 no changes, 2 changes), 1 on any error, and when \
            the plan deletes more than --max-deletes objects (default 25; 'all' lifts it).
            """
    )

    /// The file, format, prune and concurrency.
    @OptionGroup public var sync: SyncOptions

    /// Exit 2 when there are changes.
    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 0 when there are no changes, 2 when there are, 1 on error.")
    public var detailedExitCode = false

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

    /// Plans and prints the plan.
    public func run(in environment: CLIEnvironment) async -> Int32 {
        let context = CommandContext(environment: environment, output: output)
        let plan: SyncPlan
        let overBudget: String?
        do {
            (plan, overBudget) = try await context.withPlan(sync, connection: connection, impact: impact) { [sync] planned in
                if let note = BudgetNote.plan(planned.plan, client: planned.org.client) { context.printError(note) }
                return (planned.plan, sync.deleteBudgetProblem(planned))
            }
        } catch {
            return context.fail(error)
        }

        let status = Self.print(plan, format: sync.format, detailedExitCode: detailedExitCode, context: context)
        if let overBudget {
            context.printError(overBudget)
            return 1
        }
        return status
    }

    /// Prints a plan as text or JSON (`plan` and `diff`); returns the exit status (2 for changes with
    /// `detailedExitCode`).
    static func print(_ plan: SyncPlan, format: SyncOptions.Format, detailedExitCode: Bool, context: CommandContext) -> Int32 {
        switch format {
        case .text:
            context.printOutput(PlanRenderer(style: context.style).render(plan))
        case .json:
            do {
                context.printOutput(try OrderedJSONEncoder.string(plan.document))
            } catch {
                return context.fail(error, activity: "writing the plan as JSON")
            }
        }
        return detailedExitCode && plan.hasChanges ? 2 : 0
    }
}
