public import ArgumentParser
import Foundation
import GenesysCore

/// `genesys-routing serve`: a small local HTTP API over the org, on loopback by default.
///
/// `GET /health`, `GET /ready`, `GET /api/skills/search?q=&page=&size=` (JSON) and `GET /api/reports/impact`
/// (CSV). Prints the base URL as the first line of stdout, then serves until interrupted (SIGINT or
/// SIGTERM). The API answers with the org's data using the CLI's credentials, so it listens on loopback
/// only, unless `--allow-remote` is given, and then only with a bearer token from
/// `GENESYS_ROUTING_SERVE_TOKEN` that every request but `/health` must send.
public struct ServeCommand: EnvironmentCommand {
    /// The command's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a small read-only HTTP API over the org on loopback (skill search, impact report, health).",
        discussion: """
            Endpoints:
              GET /health                              {"status": "ok"} (the process)
              GET /ready                               {"status": "ready"}, or 503 when the org does not answer
              GET /api/skills/search?q=&page=&size=    JSON, as 'search skills --format json'
              GET /api/reports/impact                  CSV, as 'report impact' (?format=json|markdown too)
              GET /metrics                             with --metrics: Prometheus text format

            Prints the base URL (http://127.0.0.1:PORT) as the first line of stdout, then serves until \
            interrupted. The API answers with the org's data using your credentials, so only loopback \
            addresses (127.0.0.1, ::1, localhost) are accepted; --allow-remote lifts that restriction and \
            then requires a token of at least 16 characters in GENESYS_ROUTING_SERVE_TOKEN, which clients \
            send as 'Authorization: Bearer <token>' (a token set on loopback is required too). Connections \
            silent for --read-timeout seconds are closed; headers are limited to 16 KiB, bodies to 64 KiB.
            """
    )

    /// The interface to bind.
    @Option(help: ArgumentHelp("The address to listen on; loopback only (127.0.0.1, ::1, localhost) unless --allow-remote.", valueName: "address"))
    public var host: String = "127.0.0.1"

    /// The TCP port.
    @Option(help: ArgumentHelp("The TCP port; 0 picks a free one (read it from the first line of stdout).", valueName: "port"))
    public var port: Int = 8080

    /// Allow a non-loopback address.
    @Flag(name: .customLong("allow-remote"), help: "Allow listening on a non-loopback address; requires a bearer token in GENESYS_ROUTING_SERVE_TOKEN.")
    public var allowRemote = false

    /// Seconds a connection may stay silent before or within a request.
    @Option(name: .customLong("read-timeout"), help: ArgumentHelp("Close a connection silent for this many seconds before or within a request (default 10).", valueName: "seconds"))
    public var readTimeout: Double = 10

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
            throw ValidationError("refusing to listen on \(host): serve listens on loopback only (127.0.0.1, ::1, localhost); pass --allow-remote, with a token in \(Self.tokenVariable), to listen on \(host)")
        }
        guard readTimeout > 0, readTimeout <= 3600 else {
            throw ValidationError("--read-timeout must be between 0 and 3600 seconds, got \(readTimeout)")
        }
    }

    /// The environment variable holding the bearer token.
    static let tokenVariable = "GENESYS_ROUTING_SERVE_TOKEN"
    /// The shortest token accepted.
    static let minimumTokenLength = 16

    /// The token clients must send: the variable's value when set; required beyond loopback.
    /// - Throws: ``CLIError`` when listening beyond loopback without a token, or the token is too short.
    func requiredToken(in environment: CLIEnvironment) throws -> String? {
        let token = environment.value(of: Self.tokenVariable)
        if token == nil, !GenesysClient.isLoopbackHost(host) {
            throw CLIError("refusing to listen on \(host) without a token: set \(Self.tokenVariable) (at least \(Self.minimumTokenLength) characters); clients then send 'Authorization: Bearer <token>'")
        }
        if let token, token.count < Self.minimumTokenLength {
            throw CLIError("\(Self.tokenVariable) is too short: use at least \(Self.minimumTokenLength) characters (a random one, such as the output of 'openssl rand -hex 32')")
        }
        return token
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
            let token = try requiredToken(in: environment)
            try await context.withConnection(connection) { org in
                let registry = metrics ? Self.metricsRegistry : nil
                let server = LocalAPIServer(
                    routing: org.routing, host: host, port: port, token: token,
                    readTimeout: .milliseconds(Int64(readTimeout * 1000)), logger: context.logger, metrics: registry
                )
                let target = org.target
                try await Self.withMetrics(registry) {
                    try await server.run(handlingSignals: environment.handlesSignals) { url in
                        environment.standardOutput.writeLine(url.absoluteString)
                        environment.standardError.writeLine(
                            "Serving \(target) at \(url.absoluteString): GET /health, /ready, /api/skills/search?q=&page=&size=, /api/reports/impact\(registry == nil ? "" : ", /metrics")\(token == nil ? "" : " (bearer token required)"). Ctrl-C to stop."
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
