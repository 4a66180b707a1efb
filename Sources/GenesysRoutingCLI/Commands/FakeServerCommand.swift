public import ArgumentParser
import Foundation
import GenesysAuth
import GenesysCore
import GenesysTesting
import GenesysTestingServer
import ServiceLifecycle
import UnixSignals

/// `genesys-routing fake-server`: serves the in-memory fake Genesys org over HTTP on loopback, token
/// endpoint included, for other tools and test suites (cli.md).
///
/// Prints exactly the base URL (`http://127.0.0.1:PORT`) as the first line of stdout and flushes it, so
/// scripts can read it; everything else goes to stderr. Runs until SIGINT or SIGTERM, then shuts down
/// gracefully. Exit status 1 when the seed (or the desired-state file it names) cannot be loaded or
/// applied, or the server cannot listen.
public struct FakeServerCommand: EnvironmentCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "fake-server",
        abstract: "Serve an in-memory fake Genesys Cloud org over HTTP on loopback (token endpoint included).",
        discussion: """
            Prints the base URL (http://127.0.0.1:PORT) as the first line of stdout. Point both the \
            API URL and the login URL of a client at it: the token endpoint is POST /oauth/token. \
            Runs until interrupted (SIGINT or SIGTERM).

            The org accepts one OAuth client: GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET when both \
            are set, else fake-client / fake-secret.

            Seed file (YAML or JSON):
              divisions: [Home, Sales]   # the first is the home division
              users:
                - { name: Jane Doe, email: jane.doe@example.com, division: Home }
              state: routing.yaml        # optional, applied at start

            Control endpoints for test tooling (never forwarded to the org):
              POST /__fake/advance?seconds=N   move the manual clock forward
              GET  /__fake/state               the org's state as JSON
              GET  /__fake/requests            the request log {"requests": [...]}
              POST /__fake/reset-log           empty the request log

            --verbose shows the server's logs on stderr.

            """
    )

    /// The TCP port; 0 picks a free one.
    @Option(help: "The TCP port to listen on; 0 picks a free port (read it from the first stdout line).")
    public var port: Int = 0

    /// A seed file with divisions, users and optionally a desired state.
    @Option(help: ArgumentHelp("A seed file (YAML or JSON): divisions, users, and optionally a desired-state file to apply at start.", valueName: "file"))
    public var seed: String?

    /// The loopback interface to bind.
    @Option(help: "The loopback address to listen on (127.0.0.1, ::1 or localhost); other addresses are refused.")
    public var host: String = "127.0.0.1"

    /// The access-token lifetime in seconds.
    @Option(name: .customLong("token-lifetime"), help: ArgumentHelp("Lifetime of the access tokens the org issues, in seconds (Genesys' default: 86400).", valueName: "seconds"))
    public var tokenLifetime: Int = 86_400

    /// Requests per minute per token, or `off`.
    @Option(name: .customLong("rate-limit"), help: ArgumentHelp("Requests per minute per token before a 429 with Retry-After, or 'off' (Genesys' default: 300).", valueName: "n|off"))
    public var rateLimit: String = "300"

    /// Runs the org on a manual clock moved by `POST /__fake/advance`.
    @Flag(name: .customLong("manual-clock"), help: "Run the org on a manual clock that moves only through POST /__fake/advance?seconds=N (token expiry, rate-limit windows), instead of real time.")
    public var manualClock = false

    /// Logging and colour.
    @OptionGroup public var output: OutputOptions

    /// Creates the command (ArgumentParser fills in the options).
    public init() {}

    /// Checks the options before anything starts.
    public mutating func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535 (0 = any free port), got \(port)")
        }
        guard GenesysClient.isLoopbackHost(host) else {
            throw ValidationError("--host must be a loopback address (127.0.0.1, ::1 or localhost), got \(host): the fake org accepts a well-known client")
        }
        guard tokenLifetime > 0 else {
            throw ValidationError("--token-lifetime must be a positive number of seconds, got \(tokenLifetime)")
        }
        try ConnectionOptions.validateRateLimit(rateLimit, flag: "--rate-limit")
    }

    /// Runs in the process environment.
    public func run() async throws { try await runInProcess() }

    /// Builds the org, starts the server, prints the base URL and serves until interrupted (or, in tests,
    /// until the task is cancelled).
    public func run(in environment: CLIEnvironment) async -> Int32 {
        let context = CommandContext(environment: environment, output: output)
        let credentials = ConnectionOptions.fakeOrgCredentials(in: environment)
        let client = FakeGenesysOrg.OAuthClient(
            id: credentials.clientID, secret: credentials.clientSecret, tokenLifetime: .seconds(tokenLifetime))
        let rateLimit = ConnectionOptions.parseRateLimit(rateLimit) ?? nil
        let configuration = FakeGenesysOrg.Configuration(clients: [client], rateLimit: rateLimit)
        let clock: any Clock<Duration> = manualClock ? ManualClock(mode: .autoAdvance) : ContinuousClock()

        let org: FakeGenesysOrg
        do {
            if let seed {
                org = try await FakeOrgSession.seededOrg(from: seed, configuration: configuration, clock: clock, logger: context.logger).org
            } else {
                org = FakeGenesysOrg(configuration: configuration, clock: clock)
            }
        } catch {
            return context.fail(error, activity: "seeding the fake org")
        }

        let summary = Self.summary(org: org, clientID: client.id, seed: seed, manualClock: manualClock, rateLimit: rateLimit)
        do {
            let server = try FakeServer(org: org, configuration: .init(host: host, port: port), logger: context.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    if environment.handlesSignals {
                        // A ServiceGroup: SIGTERM or SIGINT shuts the server down gracefully.
                        try await ServiceGroup(configuration: .init(
                            services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: context.logger
                        )).run()
                    } else {
                        try await server.run()
                    }
                }
                group.addTask {
                    let url = try await server.waitUntilRunning()
                    environment.standardOutput.writeLine(url.absoluteString)
                    environment.standardError.writeLine("\(summary) Serving at \(url.absoluteString)")
                }
                try await group.waitForAll()
            }
            return 0
        } catch is CancellationError {
            return 0
        } catch {
            return context.fail(error, activity: "serving on \(host):\(port)")
        }
    }

    // MARK: - Pieces

    private static func summary(org: FakeGenesysOrg, clientID: String, seed: String?, manualClock: Bool, rateLimit: RateLimit?) -> String {
        let state = org.snapshot()
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var parts = [count(state.divisions.count, "division"), count(state.users.count, "user")]
        if !state.skills.isEmpty { parts.append(count(state.skills.count, "skill")) }
        if !state.skillGroups.isEmpty { parts.append(count(state.skillGroups.count, "skill group")) }
        if !state.queues.isEmpty { parts.append(count(state.queues.count, "queue")) }
        let clock = manualClock ? "manual clock (POST /__fake/advance?seconds=N)" : "real time"
        let limit = rateLimit.map { "\($0.requests) requests/min per token" } ?? "no rate limit"
        return "fake Genesys org (in memory)\(seed.map { " from \($0)" } ?? ""): \(parts.joined(separator: ", ")); "
            + "client id \(clientID); \(clock); \(limit). Ctrl-C to stop."
    }
}
