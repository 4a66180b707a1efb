public import ArgumentParser
import Foundation
import GenesysCore

/// `genesys-routing serve`: a small local HTTP API over the org, on loopback by default.
///
/// `GET /health`, `GET /api/skills/search?q=&page=&size=` (JSON) and `GET /api/reports/impact` (CSV).
/// Prints the base URL as the first line of stdout, then serves until interrupted (SIGINT or SIGTERM).
/// The API has no authentication of its own and answers with the org's data using the CLI's credentials,
/// so it refuses to listen on anything but a loopback address unless `--allow-remote` is given.
public struct ServeCommand: EnvironmentCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a small read-only HTTP API over the org on loopback (skill search, impact report, health).",
        discussion: """
            Endpoints:
              GET /health                              {"status": "ok"}
              GET /api/skills/search?q=&page=&size=    JSON, as 'search skills --format json'
              GET /api/reports/impact                  CSV, as 'report impact' (?format=json|markdown too)
              GET /metrics                             with --metrics: Prometheus text format

            Prints the base URL (http://127.0.0.1:PORT) as the first line of stdout, then serves until \
            interrupted. The API has no authentication and answers with the org's data using your \
            credentials, so only loopback addresses (127.0.0.1, ::1, localhost) are accepted; --allow-remote \
            lifts that restriction (only do this on a network you trust).
            """
    )

    /// The interface to bind.
    @Option(help: ArgumentHelp("The address to listen on; loopback only (127.0.0.1, ::1, localhost) unless --allow-remote.", valueName: "address"))
    public var host: String = "127.0.0.1"

    /// The TCP port.
    @Option(help: ArgumentHelp("The TCP port; 0 picks a free one (read it from the first line of stdout).", valueName: "port"))
    public var port: Int = 8080

    /// Allow a non-loopback address.
    @Flag(name: .customLong("allow-remote"), help: "Allow listening on a non-loopback address. The API has no authentication: anyone who can reach it reads the org's routing data.")
    public var allowRemote = false

    /// Serve `GET /metrics` (Prometheus text format).
    @Flag(help: "Also serve GET /metrics: the SDK's request, retry, rate-limit and sync metrics in the Prometheus text format.")
    public var metrics = false

    /// How to reach the org.
    @OptionGroup(title: "Connection") public var connection: ConnectionOptions

    /// Logging and colour.
    @OptionGroup public var output: OutputOptions

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}

    /// Checks the port and the host.
    public mutating func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535 (0 = any free port), got \(port)")
        }
        guard allowRemote || GenesysClient.isLoopbackHost(host) else {
            throw ValidationError("refusing to listen on \(host): the API has no authentication, so serve listens on loopback only (127.0.0.1, ::1, localhost); pass --allow-remote to listen on \(host) anyway")
        }
    }

    /// Runs in the process environment; with `--metrics`, bootstraps swift-metrics with a Prometheus
    /// registry first (the only place the CLI bootstraps a metrics backend).
    public func run() async throws {
        guard metrics else { return try await runInProcess() }
        try await Self.withBootstrappedMetrics { try await runInProcess() }
    }

    /// Serves until interrupted (or, in tests, until the task is cancelled).
    public func run(in environment: CLIEnvironment) async -> Int32 {
        let context = CommandContext(environment: environment, output: output)
        do {
            try await context.withConnection(connection) { org in
                let registry = metrics ? Self.metricsRegistry : nil
                let server = LocalAPIServer(routing: org.routing, host: host, port: port, logger: context.logger, metrics: registry)
                let target = org.target
                try await Self.withMetrics(registry) {
                    try await server.run(handlingSignals: environment.handlesSignals) { url in
                        environment.standardOutput.writeLine(url.absoluteString)
                        environment.standardError.writeLine(
                            "Serving \(target) at \(url.absoluteString): GET /health, /api/skills/search?q=&page=&size=, /api/reports/impact\(registry == nil ? "" : ", /metrics"). Ctrl-C to stop."
                        )
                    }
                }
            }
            return 0
        } catch is CancellationError {
            return 0
        } catch {
            return context.fail(error, activity: "serving on \(host):\(port)")
        }
    }
}
