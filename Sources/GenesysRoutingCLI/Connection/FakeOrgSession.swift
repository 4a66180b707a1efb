import Foundation
import GenesysAuth
import GenesysCore
import GenesysTesting
import Logging
import RoutingSync

/// The embedded fake org of `--fake`: built from a state file (`--fake-state`, when it exists) or from a
/// seed (`--fake-seed`), and saved back to the state file after the command.
///
/// The org accepts exactly the credentials the CLI then uses (`GENESYS_CLIENT_ID` / `GENESYS_CLIENT_SECRET`
/// when both are set, else `fake-client` / `fake-secret`), and the command goes through the real
/// client-credentials token flow against it. Its rate limit is off unless `--fake-rate-limit` is given; the
/// client's own pacing follows `--rate-limit` (off by default with `--fake`).
///
/// The seed's `state:` desired-state file is applied (through ``RoutingSync``, before the command, with a
/// client of its own so the command's request counts stay its own) only when the org is created: when
/// there is no state file yet, or no state file is used.
struct FakeOrgSession {
    /// What `--fake` and its options asked for.
    struct Settings: Sendable {
        var credentials: ClientCredentials
        var seedPath: String?
        var statePath: String?
        var clientRateLimit: RateLimit?
        var orgRateLimit: RateLimit?
        var pool = ConnectionOptions.PoolSettings()
    }

    let org: FakeGenesysOrg
    let settings: Settings
    let stateURL: URL?
    /// One line for standard error saying that this is a fake org and where it came from.
    let note: String

    /// Builds the org (loading or seeding it) and applies the seed's desired state on first use.
    /// - Throws: ``FakeOrgError`` for unreadable seed or state files; ``CLIError`` when the seed's desired
    ///   state cannot be loaded or applied.
    static func open(_ settings: Settings, logger: Logger) async throws -> FakeOrgSession {
        let client = FakeGenesysOrg.OAuthClient(id: settings.credentials.clientID, secret: settings.credentials.clientSecret)
        let configuration = FakeGenesysOrg.Configuration(clients: [client], rateLimit: settings.orgRateLimit)
        let stateURL = settings.statePath.map { URL(fileURLWithPath: $0) }

        if let stateURL, try stateFileExists(stateURL) {
            let state = try FakeOrgState.load(from: stateURL)
            let org = FakeGenesysOrg(state: state, configuration: configuration)
            var note = "note: using an in-memory fake Genesys org (--fake), loaded from \(stateURL.path)"
            if settings.seedPath != nil { note += "; --fake-seed is not applied again (the state file already exists)" }
            return FakeOrgSession(org: org, settings: settings, stateURL: stateURL, note: note)
        }

        let org: FakeGenesysOrg
        var origin: [String] = []
        if let seedPath = settings.seedPath {
            let seeded = try await seededOrg(from: seedPath, configuration: configuration, logger: logger)
            org = seeded.org
            origin.append("seeded from \(seedPath)")
            if let applied = seeded.appliedState { origin.append("with \(applied.lastPathComponent) applied") }
        } else {
            org = FakeGenesysOrg(configuration: configuration)
            origin.append("empty (one division, Home; no users)")
        }
        if let stateURL { origin.append("will be saved to \(stateURL.path)") }
        let note = "note: using an in-memory fake Genesys org (--fake), " + origin.joined(separator: ", ")
        return FakeOrgSession(org: org, settings: settings, stateURL: stateURL, note: note)
    }

    /// Whether the state file exists; a directory, FIFO or device at its path is an error.
    private static func stateFileExists(_ url: URL) throws -> Bool {
        do {
            return try RegularFile.exists(url.path)
        } catch {
            throw FakeOrgError("cannot use the fake org state file: \(error.message)")
        }
    }

    /// Locks the state file, when one is used, for the whole command (see ``FileLock``): a second command
    /// on the same file waits for `timeout` on `clock`, then fails saying the file is in use.
    /// - Throws: ``CLIError`` when the file stays in use or the lock file cannot be created.
    /// `onWait` is called once if the file is in use.
    static func lockState(
        of settings: Settings, timeout: Duration, clock: any Clock<Duration>, onWait: (String) -> Void
    ) async throws -> FileLock? {
        guard let statePath = settings.statePath else { return nil }
        do {
            return try await FileLock.acquire(for: statePath, timeout: timeout, clock: clock) { onWait(statePath) }
        } catch let error as RegularFileError {
            throw CLIError("--fake-state: \(error.message)")
        }
    }

    /// A client for the command: the real token flow against the org, the org's clock (retries and polls
    /// never sleep for real), and the client's rate limit.
    /// - Throws: `GenesysError` if the client cannot be built.
    func makeClient(logger: Logger) throws -> GenesysClient {
        try org.makePooledClient(
            tokens: settings.pool.tokens, apiShare: settings.pool.apiShare,
            clientID: settings.credentials.clientID, secret: settings.credentials.clientSecret,
            rateLimit: settings.clientRateLimit, logger: logger
        )
    }

    /// Writes the org to the state file, when one is used.
    /// - Throws: ``FakeOrgError`` naming the file when it cannot be written.
    func save() throws {
        guard let stateURL else { return }
        try org.snapshot().save(to: stateURL)
    }

    /// A new org from the seed file at `seedPath` (`--fake-seed`, `fake-server --seed`), with the
    /// desired-state file its `state:` names applied through ``RoutingSync``, in process, as the org's
    /// first client, with the org's rate limit lifted meanwhile; the request log is emptied afterwards.
    /// - Returns: The org, and the desired-state file applied, if the seed names one.
    /// - Throws: ``FakeOrgError`` for an unreadable seed; ``CLIError`` when the seed's desired state cannot
    ///   be loaded or applied.
    static func seededOrg(
        from seedPath: String, configuration: FakeGenesysOrg.Configuration,
        clock: any Clock<Duration> = ManualClock(mode: .autoAdvance), logger: Logger
    ) async throws -> (org: FakeGenesysOrg, appliedState: URL?) {
        let seed = try FakeOrgSeed.load(from: URL(fileURLWithPath: seedPath))
        let org = try FakeGenesysOrg(seed: seed, configuration: configuration, clock: clock)
        guard let desiredURL = seed.stateURL else { return (org, nil) }
        try await applySeedState(at: desiredURL, to: org, logger: logger)
        return (org, desiredURL)
    }

    private static func applySeedState(at url: URL, to org: FakeGenesysOrg, logger: Logger) async throws {
        let desired: DesiredState
        do {
            desired = try DesiredStateLoader.load(contentsOf: url)
        } catch {
            throw CLIError("fake org seed: the desired-state file it names is not valid: \(error.problems.first.map(\.description) ?? "\(url.path)")")
        }
        let limit = org.configuration.rateLimit
        org.updateConfiguration { $0.rateLimit = nil }
        defer {
            org.updateConfiguration { $0.rateLimit = limit }
            org.resetLog()
        }
        let oauth = org.configuration.clients[0]
        let client = org.makeClient(clientID: oauth.id, secret: oauth.secret, logger: logger)
        let report: SyncReport
        do {
            report = try await RoutingSync(client: client).apply(desired, logger: logger)
        } catch {
            let reason = ErrorReporter.message(for: error) ?? "unknown failure"
            throw CLIError("fake org seed: \(url.lastPathComponent) could not be applied: \(reason)")
        }
        guard report.succeeded else {
            let reason = report.halted ?? report.results.first { $0.status != .applied }.map(\.description) ?? "unknown failure"
            throw CLIError("fake org seed: \(url.lastPathComponent) could not be applied: \(reason)")
        }
    }
}
