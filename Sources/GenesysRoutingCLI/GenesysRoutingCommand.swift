public import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `genesys-routing` command: manage Genesys Cloud routing configuration from the command line.
///
/// The executable only calls `await GenesysRoutingCommand.main()`; the commands live in this library so
/// tests can run them without a subprocess (``CommandRunner/run(_:environment:)``). The contract (names,
/// flags, output, exit codes) is cli.md; `Documentation/CLI.md` is the reference.
public struct GenesysRoutingCommand: AsyncParsableCommand {
    /// The command's name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "genesys-routing",
        abstract: "Manage Genesys Cloud routing configuration: skills, languages, wrap-up codes, skill groups, queues and agents.",
        discussion: """
            Connect with GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET (an OAuth client-credentials client; never \
            as flags) and GENESYS_REGION or --region (e.g. eu_west_1 or mypurecloud.ie), or try everything \
            against an in-memory fake org with --fake.

            Exit status: 0 success, 1 error, 2 'plan --detailed-exitcode' with changes.
            """,
        version: version,
        subcommands: [
            ValidateCommand.self, PlanCommand.self, ApplyCommand.self, DiffCommand.self, ExportCommand.self, ReportCommand.self,
            SearchCommand.self, ServeCommand.self, FakeServerCommand.self,
        ]
    )

    /// What `genesys-routing --version` prints: the package version (a `-dev` suffix until the first
    /// tagged release).
    public static let version = "0.1.0-dev"

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}

    /// Runs the command line of this process in the process environment and exits with its status
    /// (usage errors exit 1, like every other error).
    ///
    /// SIGPIPE is ignored first, so a reader that goes away early (`plan … --format json | head -1`) does
    /// not kill the process: writes to the closed pipe fail with EPIPE instead, and ``FileDescriptorSink``
    /// stops writing to it.
    public static func main() async {
        ignoreBrokenPipeSignal()
        let status = await CommandRunner.run(Array(CommandLine.arguments.dropFirst()), environment: .process())
        terminateProcess(status)
    }
}

/// Makes writes to a closed pipe or socket fail with EPIPE instead of killing the process with SIGPIPE.
private func ignoreBrokenPipeSignal() {
    #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
    _ = signal(SIGPIPE, SIG_IGN)
    #endif
}

/// Ends the process with `status` (outside the command type, whose `exit` means ArgumentParser's).
private func terminateProcess(_ status: Int32) -> Never {
    exit(status)
}
