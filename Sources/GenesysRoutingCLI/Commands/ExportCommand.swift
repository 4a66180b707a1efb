public import ArgumentParser
import Foundation
import GenesysCore
import RoutingSync

/// `genesys-routing export`: writes the org's current routing configuration as a desired-state file.
///
/// Planning the exported file against the same org shows no changes.
public struct ExportCommand: EnvironmentCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the org's current routing configuration as a desired-state file.",
        discussion: """
            Routing objects are written by name, never by id, sorted by name, so the file can be kept in git \
            and applied to other orgs; what the tool doesn't manage (flows, prompts, scripts, groups, teams, \
            addresses) is written as id:<id>. Planning the exported file against the same org shows no changes.
            """
    )

    /// The file format.
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        /// YAML.
        case yaml
        /// JSON.
        case json
    }

    /// Where to write.
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    public var outputFile: String?

    /// YAML or JSON.
    @Option(help: ArgumentHelp("yaml or json. Default: from the --output file's extension (.json → json), else yaml.", valueName: "format"))
    public var format: Format?

    /// How to reach the org.
    @OptionGroup(title: "Connection") public var connection: ConnectionOptions

    /// Logging and colour.
    @OptionGroup public var output: OutputOptions

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}

    /// Runs in the process environment.
    public func run() async throws { try await runInProcess() }

    /// The format used: `--format`, else the output file's extension, else YAML.
    var resolvedFormat: DesiredStateFormat {
        if let format { return format == .json ? .json : .yaml }
        if let outputFile, let byExtension = DesiredStateFormat(url: URL(fileURLWithPath: outputFile)) { return byExtension }
        return .yaml
    }

    /// Reads the org and writes the file.
    public func run(in environment: CLIEnvironment) async -> Int32 {
        let context = CommandContext(environment: environment, output: output)
        do {
            let state = try await context.withConnection(connection) { org in
                try await context.readingOrg(org) {
                    try await RoutingSync(client: org.client).export(logger: context.logger)
                }
            }
            // Settings export had to leave out (they refer to an object no longer in the org).
            for warning in state.warnings { context.printError(warning.description) }
            try OutputFile.write(DesiredStateWriter.string(state, format: resolvedFormat), to: outputFile, context: context)
            if let outputFile, OutputFile.isFile(outputFile) { context.printError("Exported to \(outputFile) (\(ValidateCommand.counts(state))).") }
            return 0
        } catch {
            return context.fail(error)
        }
    }
}
