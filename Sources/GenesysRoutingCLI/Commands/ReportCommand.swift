public import ArgumentParser

/// `genesys-routing report`: reports about the org (`report impact`).
public struct ReportCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports about the org's routing configuration.",
        subcommands: [ReportImpactCommand.self]
    )

    /// Creates the command.
    public init() {}
}
