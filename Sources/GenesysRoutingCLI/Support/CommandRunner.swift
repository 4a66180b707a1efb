public import ArgumentParser

/// A command that runs against an injected ``CLIEnvironment`` and returns its exit status instead of
/// exiting, so tests drive it in process.
public protocol EnvironmentCommand: AsyncParsableCommand {
    /// Runs the command. Errors are reported on the environment's standard error, never thrown.
    /// - Returns: The exit status (cli.md): 0 success, 1 error, 2 `plan --detailed-exitcode` with changes.
    func run(in environment: CLIEnvironment) async -> Int32
}

extension EnvironmentCommand {
    /// Runs in the process environment and exits with the command's status.
    func runInProcess() async throws {
        let status = await run(in: .process())
        if status != 0 { throw ExitCode(status) }
    }
}

/// Parses a command line and runs the command, in any ``CLIEnvironment``: what the executable does with
/// the process's arguments, and what tests do with their own.
public enum CommandRunner {
    /// Runs `genesys-routing` with `arguments` (without the program name).
    ///
    /// Help (`--help`, or a command group without a subcommand) goes to standard output with status 0.
    /// Usage errors go to standard error with status 1, the status of every error (cli.md).
    /// - Returns: The exit status.
    public static func run(_ arguments: [String], environment: CLIEnvironment) async -> Int32 {
        do {
            let command = try GenesysRoutingCommand.parseAsRoot(arguments)
            if let command = command as? any EnvironmentCommand {
                return await command.run(in: environment)
            }
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                var command = command
                try command.run()
            }
            return 0
        } catch {
            let message = GenesysRoutingCommand.fullMessage(for: error)
            let status = GenesysRoutingCommand.exitCode(for: error)
            if status.isSuccess {
                if !message.isEmpty { environment.standardOutput.writeLine(message) }
                return 0
            }
            if !message.isEmpty { environment.standardError.writeLine(usageErrorLine(message)) }
            return status == .validationFailure ? 1 : status.rawValue
        }
    }

    /// ArgumentParser's multi-line usage error as one line: `error: <what> (see 'genesys-routing plan --help')`.
    static func usageErrorLine(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix(while: \.isWhitespace) }
        guard var first = lines.first.map(String.init) else { return message }
        if first.hasPrefix("Error: ") { first = "error: " + first.dropFirst("Error: ".count) }
        if let see = lines.last(where: { $0.hasPrefix("See '") }), let start = see.firstIndex(of: "'"),
           let end = see.lastIndex(of: "'"), start < end {
            first += " (see \(see[start...end]))"
        }
        return first
    }
}
