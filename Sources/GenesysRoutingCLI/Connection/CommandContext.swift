#if AsyncHTTPClientSupport && !canImport(Darwin)
import AsyncHTTPClient
import GenesysAsyncHTTPClient
#endif
import GenesysAuth
import GenesysCore
import GenesysRouting
import GenesysTesting
import Logging
import RoutingSync

/// What one command run works with: its environment, a logger, the text style, the progress line, and
/// the connection to an org.
struct CommandContext {
    let environment: CLIEnvironment
    let logger: Logger
    let style: TextStyle
    let progress: ProgressLine

    init(environment: CLIEnvironment, output: OutputOptions) {
        self.init(environment: environment, verbose: output.verbose, noColor: output.noColor)
    }

    init(environment: CLIEnvironment, verbose: Bool = false, noColor: Bool = false) {
        self.environment = environment
        var logger = Logger(label: "genesys-routing", factory: environment.makeLogHandler)
        logger.logLevel = verbose ? .debug : .warning
        self.logger = logger
        self.style = TextStyle.forOutput(in: environment, noColor: noColor)
        self.progress = ProgressLine(sink: environment.standardError, enabled: environment.errorIsTerminal, clock: environment.clock)
    }

    /// Writes `text` to standard output, adding a final line break when it has none.
    func printOutput(_ text: String) {
        guard !text.isEmpty else { return }
        environment.standardOutput.write(text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n")
    }

    /// Writes one line to standard error, control characters escaped (names from the org or a file
    /// can neither break the line nor reach the terminal raw).
    func printError(_ line: String) {
        progress.clear()
        environment.standardError.writeLine(InertText.escape(line))
    }

    /// Reports `error` on standard error (one line per problem) and returns exit status 1.
    @discardableResult
    func fail(_ error: any Error, activity: String? = nil) -> Int32 {
        for line in ErrorReporter.lines(for: error, activity: activity) { printError(line) }
        return 1
    }

    /// Runs `body`, a read of `org`, under the progress line `Reading the org`; what it throws is
    /// rethrown as an ``ActivityError`` (`reading the org`, naming the org).
    func readingOrg<T>(_ org: OrgConnection, _ body: () async throws -> T) async throws -> T {
        do {
            return try await progress.track("Reading the org", counters: org.client.counters, body)
        } catch {
            throw ActivityError(error, activity: "reading the org", target: org.target)
        }
    }

    /// Connects as `options` say, runs `body`, and afterwards releases what the connection holds, on every
    /// path (success, error, cancellation): the HTTP client the CLI created for a real org is shut down, and
    /// the fake org's state file is saved (also when `body` fails: the org may have changed).
    /// `org` names a profile that replaces `--org` / `GENESYS_ORG` (`diff --source-org`, `--target-org`).
    func withConnection<T>(
        _ options: ConnectionOptions, org: String? = nil, _ body: (OrgConnection) async throws -> T
    ) async throws -> T {
        switch try await options.resolveTarget(in: environment, org: org) {
        case .genesys(let region, let credentials, let rateLimit, let pool):
            return try await withRealOrgTransport { transport in
                // One transport for the token providers and the API client.
                let client = try GenesysClient(
                    region: region, credentials: credentials, transport: transport, rateLimit: rateLimit,
                    tokens: pool.tokens, apiShare: pool.apiShare, logger: logger)
                logger.debug("connecting to Genesys Cloud", metadata: ["region": "\(region)", "clientId": "\(credentials.clientID)"])
                return try await body(OrgConnection(client: client, target: region.description))
            }
        case .fake(let settings):
            // Held until the state file is saved, however the command ends.
            let timeout = environment.stateFileLockTimeout
            let lock = try await FakeOrgSession.lockState(of: settings, timeout: timeout, clock: environment.stateFileLockClock) { path in
                printError("note: \(path) is in use by another command; waiting up to \(timeout.components.seconds) s for it")
            }
            defer { lock?.release() }
            let session = try await progress.track("Preparing the fake org") {
                try await FakeOrgSession.open(settings, logger: logger)
            }
            printError(session.note)
            logger.debug("connecting to the fake org", metadata: ["clientId": "\(settings.credentials.clientID)"])
            let connection = OrgConnection(client: try session.makeClient(logger: logger), target: "the fake org")
            let result = await Self.capture { try await body(connection) }
            do {
                try session.save()
            } catch {
                if case .failure(let original) = result { throw original }
                throw error
            }
            return try result.get()
        }
    }

    /// Runs `body` with the transport for a real org, then releases it.
    ///
    /// On Linux with the `AsyncHTTPClientSupport` trait this is an `AsyncHTTPClientTransport` over an
    /// `HTTPClient` of the CLI's own that does not retry failed connection attempts (`HTTPClient.shared`
    /// retries a refused connection until the request's deadline, so a wrong `--api-url` would take 30 s
    /// or more to report); the client is shut down when `body` ends, however it ends. Elsewhere `body` gets
    /// `nil`: the SDK's default transport, which needs no shutdown.
    private func withRealOrgTransport<T>(_ body: ((any HTTPTransport)?) async throws -> T) async throws -> T {
        #if AsyncHTTPClientSupport && !canImport(Darwin)
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let result = await Self.capture { try await body(AsyncHTTPClientTransport(client: httpClient)) }
        do {
            try await httpClient.shutdown()
            logger.debug("HTTP client shut down")
        } catch {
            // Nothing is left to send; a failed shutdown does not change the command's outcome.
            logger.debug("shutting down the HTTP client failed", metadata: ["error": "\(error)"])
        }
        return try result.get()
        #else
        return try await body(nil)
        #endif
    }

    /// The outcome of `body`, failures included, so clean-up can run before it is returned or rethrown.
    private static func capture<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}

/// A connected org: the client every request goes through, and a description for messages.
struct OrgConnection {
    /// The client (rate limiter, retries, token provider, counters).
    let client: GenesysClient
    /// Where requests go, such as `eu_west_1 (https://api.mypurecloud.ie)` or `the fake org`.
    let target: String

    /// The routing API over the client.
    var routing: RoutingAPI { RoutingAPI(client: client) }
}
