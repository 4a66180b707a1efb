public import ArgumentParser
import RoutingSync

/// `genesys-routing search skills QUERY`: skills whose name starts with QUERY (case-insensitively),
/// sorted by name, one page at a time.
public struct SearchSkillsCommand: EnvironmentCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "skills",
        abstract: "List skills whose name starts with QUERY (case-insensitive), sorted by name, a page at a time.",
        discussion: """
            Text output: one skill name per line on stdout; 'page P of N (T skills)' on stderr. JSON output: \
            {"query", "page", "size", "total", "pageCount", "skills": [{"id", "name", "division"}]}, the \
            same as 'serve' answers on GET /api/skills/search.
            """
    )

    /// The output format.
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        /// Names, one per line.
        case text
        /// JSON.
        case json
    }

    /// The name prefix.
    @Argument(help: ArgumentHelp("The start of the skill names to find (empty: all skills).", valueName: "query"))
    public var query: String

    /// The 1-based page.
    @Option(help: ArgumentHelp("The page to show (1-\(SkillSearch.maxPage)).", valueName: "n"))
    public var page: Int = 1

    /// Skills per page.
    @Option(help: ArgumentHelp("Skills per page (1-\(SkillSearch.maxPageSize)).", valueName: "n"))
    public var size: Int = SkillSearch.defaultPageSize

    /// Text or JSON.
    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    public var format: Format = .text

    /// How to reach the org.
    @OptionGroup(title: "Connection") public var connection: ConnectionOptions

    /// Logging and colour.
    @OptionGroup public var output: OutputOptions

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}

    /// Checks `--page` and `--size`.
    public mutating func validate() throws {
        if let problem = SkillSearch.problem(page: page, size: size) { throw ValidationError("--\(problem)") }
    }

    /// Runs in the process environment.
    public func run() async throws { try await runInProcess() }

    /// Searches and prints one page.
    public func run(in environment: CLIEnvironment) async -> Int32 {
        let context = CommandContext(environment: environment, output: output)
        do {
            let result = try await context.withConnection(connection) { org in
                do {
                    return try await SkillSearch.search(query, page: page, size: size, routing: org.routing, logger: context.logger)
                } catch {
                    throw ActivityError(error, activity: "searching skills", target: org.target)
                }
            }
            switch format {
            case .json:
                context.printOutput(try OrderedJSONEncoder.string(result))
            case .text:
                for skill in result.skills { context.printOutput(InertText.escape(skill.name)) }
                if result.total == 0 {
                    context.printError("No skill name starts with \"\(query)\".")
                } else if result.page > result.pageCount {
                    context.printError(SkillSearch.pastLastPage(result))
                } else {
                    context.printError("page \(result.page) of \(result.pageCount) (\(result.total) skill\(result.total == 1 ? "" : "s"))")
                }
            }
            return 0
        } catch {
            return context.fail(error)
        }
    }
}
