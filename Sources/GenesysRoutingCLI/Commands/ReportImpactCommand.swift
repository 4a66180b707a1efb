public import ArgumentParser
import GenesysCore
import RoutingSync

/// `genesys-routing report impact`: per skill, the agents holding it, the skill groups using it and the
/// queues reached through those groups.
public struct ReportImpactCommand: EnvironmentCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Per skill: agents holding it, skill groups using it, queues reached through those groups.",
        discussion: """
            csv (default): skill,agentCount,agents,skillGroups,queues, one row per skill, list cells joined \
            with '; '. json: {"skills": [{"skill", "agents", "skillGroups", "queues"}]}. markdown: a table.
            """
    )

    /// The report format.
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        /// RFC 4180 CSV.
        case csv
        /// JSON.
        case json
        /// A Markdown table.
        case markdown
    }

    /// CSV, JSON or Markdown.
    @Option(help: ArgumentHelp("csv, json or markdown.", valueName: "format"))
    public var format: Format = .csv

    /// Where to write.
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    public var outputFile: String?

    /// How to reach the org.
    @OptionGroup(title: "Connection") public var connection: ConnectionOptions

    /// Logging and colour.
    @OptionGroup public var output: OutputOptions

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}

    /// Runs in the process environment.
    public func run() async throws { try await runInProcess() }

    /// Reads the org and writes the report.
    public func run(in environment: CLIEnvironment) async -> Int32 {
        let context = CommandContext(environment: environment, output: output)
        do {
            let report = try await context.withConnection(connection) { org in
                try await context.readingOrg(org) {
                    try await RoutingSync(client: org.client).impactReport(logger: context.logger)
                }
            }
            try OutputFile.write(Self.render(report, format: format), to: outputFile, context: context)
            if let outputFile {
                let count = report.skills.count
                context.printError("Wrote the impact report to \(outputFile) (\(count) skill\(count == 1 ? "" : "s")).")
            }
            return 0
        } catch {
            return context.fail(error)
        }
    }

    /// The report as text in `format`.
    static func render(_ report: ImpactReport, format: Format) -> String {
        switch format {
        case .csv: report.csv()
        case .json: report.json()
        case .markdown: report.markdown()
        }
    }
}
