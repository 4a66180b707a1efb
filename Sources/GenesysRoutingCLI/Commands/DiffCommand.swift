public import ArgumentParser
import Foundation
import RoutingSync

/// `genesys-routing diff --source-org A --target-org B` (or `--source FILE`): the plan that would make the
/// target org match the source, printed exactly as `plan` prints it, routing impact included.
///
/// The source org is read by export, so objects are matched by name only. Objects only in the target are
/// deletes only with `--prune`.
public struct DiffCommand: EnvironmentCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what would make the target org match the source org (or file): the plan, by names.",
        discussion: """
            The source is an org profile (--source-org, read by export) or a desired-state file (--source). \
            The target is --target-org, else the connection options (--org, --fake, the environment). \
            Output and exit status are exactly plan's (--format, --detailed-exitcode); objects only in the \
            target are deletes only with --prune. Agents the source names only by user id are left out \
            (ids differ between orgs).
            """
    )

    /// The source org profile.
    @Option(name: .customLong("source-org"), help: ArgumentHelp("The org profile to copy from (read by export).", valueName: "name"))
    public var sourceOrg: String?

    /// The source file.
    @Option(name: .customLong("source"), help: ArgumentHelp("A desired-state file to compare the target with, instead of --source-org.", valueName: "file"))
    public var sourceFile: String?

    /// The target org profile.
    @Option(name: .customLong("target-org"), help: ArgumentHelp("The org profile to plan; default: the connection options.", valueName: "name"))
    public var targetOrg: String?

    /// Text or JSON.
    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    public var format: SyncOptions.Format = .text

    /// Show deletes of objects only in the target.
    @Flag(help: "Plan deletes of skills, languages, wrap-up codes, skill groups and queues that exist only in the target.")
    public var prune = false

    /// Exit 2 when there are changes.
    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 0 when there are no changes, 2 when there are, 1 on error.")
    public var detailedExitCode = false

    /// The routing-impact preview.
    @OptionGroup(title: "Routing impact") public var impact: ImpactOptions

    /// How to reach the target org when `--target-org` is not given.
    @OptionGroup(title: "Connection") public var connection: ConnectionOptions

    /// Logging and colour.
    @OptionGroup public var output: OutputOptions

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}

    /// Checks that exactly one source is given.
    public mutating func validate() throws {
        guard (sourceOrg == nil) != (sourceFile == nil) else {
            throw ValidationError("give exactly one source: --source-org NAME or --source FILE")
        }
    }

    /// Runs in the process environment.
    public func run() async throws { try await runInProcess() }

    /// Reads the source, plans the target toward it and prints the plan.
    public func run(in environment: CLIEnvironment) async -> Int32 {
        let context = CommandContext(environment: environment, output: output)
        let plan: SyncPlan
        do {
            var desired: DesiredState
            if let sourceFile {
                desired = try DesiredStateLoader.load(contentsOf: URL(fileURLWithPath: sourceFile))
                for warning in desired.warnings { context.printError(warning.description) }
            } else {
                desired = try await context.withConnection(connection, org: sourceOrg) { org in
                    try await context.readingOrg(org) { try await RoutingSync(client: org.client).export(logger: context.logger) }
                }
                desired.agents.removeAll { if case .id = $0.user { true } else { false } }
            }
            let state = desired
            plan = try await context.withConnection(connection, org: targetOrg) { org in
                let sync = RoutingSync(client: org.client)
                let plan = try await context.readingOrg(org) {
                    try await sync.plan(state, options: PlanOptions(prune: prune), previewingImpact: !impact.noImpact, logger: context.logger)
                }
                for warning in plan.warnings where !state.warnings.contains(warning) { context.printError(warning.description) }
                try context.checkImpact(plan, impact)
                return plan
            }
        } catch {
            return context.fail(error)
        }
        return PlanCommand.print(plan, format: format, detailedExitCode: detailedExitCode, context: context)
    }
}
