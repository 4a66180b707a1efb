public import ArgumentParser
import Foundation
import RoutingSync

/// `genesys-routing validate FILE`: checks a desired-state file alone (syntax, names, ranges,
/// duplicates), without an org.
///
/// Exit status 0 when the file is valid (warnings are printed on stderr), 1 when it is not: each problem
/// is one line on stderr, `file:line: object.field: message`.
public struct ValidateCommand: EnvironmentCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a desired-state file on its own (syntax, names, ranges, duplicates); no org needed.",
        discussion: """
            Exit status 0 when the file is valid, 1 when it is not. Every problem is reported on stderr, one \
            line each: file:line: object.field: message. References to objects that are neither declared \
            nor in the org (users, divisions, existing skills) need an org: 'plan' checks them.
            """
    )

    /// The desired-state file.
    @Argument(help: ArgumentHelp("The desired-state file (.yaml, .yml or .json), or - for standard input.", valueName: "file"))
    public var file: String

    /// Logging and colour.
    @OptionGroup public var output: OutputOptions

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}

    /// Runs in the process environment.
    public func run() async throws { try await runInProcess() }

    /// Validates the file.
    public func run(in environment: CLIEnvironment) async -> Int32 {
        let context = CommandContext(environment: environment, output: output)
        let state: DesiredState
        do {
            state = try DesiredStateLoader.load(path: file)
        } catch {
            return context.fail(error)
        }
        for warning in state.warnings { context.printError(warning.description) }
        context.printOutput("\(state.source?.fileName ?? file): valid (\(Self.counts(state)))")
        return 0
    }

    /// `12 skills, 3 languages, …`.
    static func counts(_ state: DesiredState) -> String {
        func count(_ number: Int, _ singular: String, _ plural: String) -> String { "\(number) \(number == 1 ? singular : plural)" }
        return [
            count(state.skills.count, "skill", "skills"),
            count(state.languages.count, "language", "languages"),
            count(state.wrapupCodes.count, "wrap-up code", "wrap-up codes"),
            count(state.skillGroups.count, "skill group", "skill groups"),
            count(state.queues.count, "queue", "queues"),
            count(state.agents.count, "agent", "agents"),
        ].joined(separator: ", ")
    }
}
