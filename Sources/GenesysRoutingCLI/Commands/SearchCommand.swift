public import ArgumentParser

/// `genesys-routing search`: finds objects in the org (`search skills`).
public struct SearchCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find objects in the org.",
        subcommands: [SearchSkillsCommand.self]
    )

    /// Creates the command.
    public init() {}
}
