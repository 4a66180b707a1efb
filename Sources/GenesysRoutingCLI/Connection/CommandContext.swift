import GenesysAuth
import GenesysCore
import GenesysRouting
import Logging

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
        self.progress = ProgressLine(sink: environment.standardError, enabled: environment.errorIsTerminal)
    }

    /// Writes `text` to standard output, adding a final line break when it has none.
    func printOutput(_ text: String) {
        guard !text.isEmpty else { return }
        environment.standardOutput.write(text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n")
    }

    /// Writes one line to standard error.
    func printError(_ line: String) {
        progress.clear()
        environment.standardError.writeLine(line)
    }

    /// Reports `error` on standard error (one line per problem) and returns exit status 1.
    @discardableResult
    func fail(_ error: any Error, activity: String? = nil, connection: OrgConnection? = nil) -> Int32 {
        for line in ErrorReporter.lines(for: error, activity: activity, target: connection?.target) { printError(line) }
        return 1
    }

    /// Connects as `options` say, runs `body`, and afterwards saves the fake org's state file (also when
    /// `body` fails: the org may have changed).
    func withConnection<T>(_ options: ConnectionOptions, _ body: (OrgConnection) async throws -> T) async throws -> T {
        let connection: OrgConnection
        switch try options.resolve(in: environment) {
        case .genesys(let region, let credentials, let rateLimit):
            let client = try GenesysClient(region: region, credentials: credentials, rateLimit: rateLimit, logger: logger)
            logger.debug("connecting to Genesys Cloud", metadata: ["region": "\(region)", "clientId": "\(credentials.clientID)"])
            connection = OrgConnection(client: client, target: region.description, fake: nil)
        case .fake(let settings):
            let session = try await progress.track("Preparing the fake org") {
                try await FakeOrgSession.open(settings, logger: logger)
            }
            printError(session.note)
            logger.debug("connecting to the fake org", metadata: ["clientId": "\(settings.credentials.clientID)"])
            connection = OrgConnection(client: session.makeClient(logger: logger), target: "the fake org", fake: session)
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body(connection))
        } catch {
            result = .failure(error)
        }
        if let session = connection.fake {
            do {
                try session.save()
            } catch {
                if case .failure(let original) = result { throw original }
                throw error
            }
        }
        return try result.get()
    }
}

/// A connected org: the client every request goes through, and a description for messages.
struct OrgConnection {
    /// The client (rate limiter, retries, token provider, counters).
    let client: GenesysClient
    /// Where requests go, such as `eu_west_1 (https://api.mypurecloud.ie)` or `the fake org`.
    let target: String
    /// The embedded fake org, with `--fake`.
    let fake: FakeOrgSession?

    /// The routing API over the client.
    var routing: RoutingAPI { RoutingAPI(client: client) }
}
