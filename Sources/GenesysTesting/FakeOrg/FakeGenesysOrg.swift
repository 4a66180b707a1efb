public import Foundation
public import GenesysCore
import GenesysAuth
public import HTTPTypes
public import Logging
import RoutingModels

/// A faithful in-memory Genesys Cloud organisation that is an `HTTPTransport`: give it to a
/// `GenesysClient` and every routing call is answered without a socket.
///
/// ```swift
/// let org = FakeGenesysOrg()
/// let jane = try org.addUser(name: "Jane Doe", email: "jane@example.com")
/// let client = org.makeClient()                      // client credentials against the org itself
/// let routing = RoutingAPI(client: client)
/// let skill = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
/// #expect(org.writes.count == 1)
/// ```
///
/// It behaves like the real API rather than a convenient one: the same paths, verbs, query
/// parameters, bodies, success statuses (200 with a body, 202 for a single queue-member PATCH, 204 for
/// body-less answers), paging styles A–D with real links, the `ErrorBody` with an
/// `ININ-Correlation-Id` header on every response, OAuth client credentials with expiring tokens, a
/// per-token rate limit, search-index lag, skill groups that take time to evaluate, and soft-deleted
/// skills. Faults are injected deterministically (``FakeFault``), and every request is logged
/// (``requests``) so tests can assert "zero writes".
///
/// ## Choices where the real API is not established
///
/// The fake has to answer where Genesys' documentation leaves the behaviour open. Its choices:
///
/// - **Duplicate names**: creating a skill, language, wrap-up code, skill group or queue whose exact
///   (case-sensitive) name another live object already has — or renaming one to such a name — is a
///   **409 `conflict`** whose `entityId` is the existing object's id. Deleted skills and languages do
///   not count.
/// - **Name filters**: skills, languages, wrap-up codes, skill groups, divisions and queue wrap-up
///   codes match a **case-insensitive prefix** (a trailing `*` is ignored); queues match the whole
///   name case-insensitively with `*` allowed at the start and/or end. Clients must still compare
///   names exactly.
/// - **Page sizes**: default 25; at most 100 for queue members, at most 500 everywhere else
///   (beyond: 400 `invalid.value` naming `pageSize`).
/// - **Queue members (style B)**: a full page carries a `nextUri` even when nothing follows, so
///   clients must stop on an empty page, as the Terraform provider does.
/// - **Bulk limits**: 100 ids per queue-member POST/PATCH and per queue wrap-up-code POST; 50
///   elements per user skill or language bulk call (PUT and PATCH). Beyond: 400.
/// - **References in bodies** (a user skill naming an unknown skill, a queue member that is not a
///   user, a condition naming an unknown skill or language): 400 `invalid.value` naming the field. An
///   unknown object in the *path* is a 404.
/// - **Success statuses** of body-less calls: 204 (202 for `PATCH …/members/{memberId}`).
/// - **Soft delete**: deleted skills and languages keep `state: deleted` and are returned by GET by id,
///   hidden from listings (once the index lag has passed), removed from every user, and deleting them
///   again is a 404. Queues, wrap-up codes and skill groups are deleted for good; a deleted wrap-up
///   code is detached from queues; a deleted skill group stays referenced by queues but adds nobody.
/// - **Skill-group conditions** (Genesys does not fully document them): a node's `operation` joins its
///   leaf conditions — `And` all true, `Or` at least one, `Not` none; a leaf is true when the user
///   holds that skill or language (an active assignment, names compared exactly), `proficiency
///   <comparator> value` holds (`NotEqualTo` also needs the user to hold it), and every node in its
///   `childConditions` is true; the top-level `skillConditions` are joined with `And`; only active
///   users in the group's member divisions are members.
///   The group's own division is always a member division; `*` adds the divisions existing at that
///   moment. A group needs at least one condition, and every node at least one leaf.
/// - **Skill-group status**: after a change to a group (or to users' skills, languages or divisions
///   that changes its members) reads show `InProgress` and the previous members for
///   ``Configuration/skillGroupEvaluationTime``, then `Complete` and the new members.
/// - **Queue membership**: users added directly are joined, ring 1, `memberBy: user`; members of the
///   queue's SKILLGROUP member groups are listed with `memberBy: group`, joined, ring 1. GROUP and
///   TEAM member groups are accepted but add nobody.
/// - **Index lag**: objects created through the API are missing from listings and searches (also
///   `id`-filtered ones) for ``Configuration/indexLag``; GET by id finds them at once. Soft-deleted
///   skills and languages stay listed (as `deleted`) for the same time.
/// - **OAuth**: only the Basic header is accepted (credentials in the form body are refused as
///   `invalid_client`); errors are `{"error", "description"}`. Missing or unknown bearer tokens are
///   401 `bad.credentials`; expired or revoked ones 401 `authentication.required`.
/// - **Rate limit**: a sliding window per token (``Configuration/rateLimit``, 300 per minute by
///   default); a request over it is a 429 with `Retry-After` = whole seconds until the oldest request
///   in the window expires. Rejected requests do not count.
/// - **Users**: search supports EXACT, TERM, TERMS, CONTAINS, STARTS_WITH and MATCH_ALL on `name`,
///   `email`, `username`, `id` and `state`, case-insensitively; anything else is a 400 saying so.
///
/// ## Time
///
/// All time is the injected clock's: token expiry, rate-limit windows, latency, index lag and
/// skill-group evaluation. The default clock is a ``ManualClock`` in ``ManualClock/Mode/autoAdvance``
/// mode, so a client that sleeps on the same clock (retries, polling) moves time forward instantly and
/// nothing ever sleeps for real. Dates in responses are ``Configuration/startDate`` plus the clock's time.
public final class FakeGenesysOrg: HTTPTransport, Sendable {
    /// An OAuth client the org accepts.
    ///
    /// Under the CLI's `--fake` and `fake-server` the secret may be the user's real `GENESYS_CLIENT_SECRET`, so
    /// ``description``, ``debugDescription`` and `dump` never show it.
    public struct OAuthClient: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        /// The client id.
        public var id: String
        /// The client secret.
        public var secret: String
        /// The lifetime of the tokens it gets (Genesys' default is 24 hours).
        public var tokenLifetime: Duration

        /// Creates a client; by default `fake-client` / `fake-secret` with 24-hour tokens.
        public init(id: String = FakeGenesysOrg.defaultClientID, secret: String = FakeGenesysOrg.defaultClientSecret, tokenLifetime: Duration = .seconds(86_400)) {
            self.id = id
            self.secret = secret
            self.tokenLifetime = tokenLifetime
        }

        /// The id and token lifetime; the secret is redacted.
        public var description: String { "OAuthClient(id: \(id), secret: <redacted>, tokenLifetime: \(tokenLifetime))" }
        /// Same as ``description``.
        public var debugDescription: String { description }
        /// A mirror that shows the secret as `<redacted>`.
        public var customMirror: Mirror {
            Mirror(self, children: ["id": id, "secret": "<redacted>", "tokenLifetime": tokenLifetime], displayStyle: .struct)
        }
    }

    /// How the org behaves.
    public struct Configuration: Sendable {
        /// The OAuth clients the token endpoint accepts; by default one, `fake-client` / `fake-secret`.
        public var clients: [OAuthClient]
        /// When set, each token is revoked after this many API requests: the next one is a 401.
        public var tokenRequestLimit: Int?
        /// The per-token rate limit (`requests` per `period`, a sliding window);
        /// `nil` turns it off. Genesys' default of 300 per minute unless changed.
        public var rateLimit: RateLimit?
        /// How long objects created through the API stay invisible to listings and searches.
        public var indexLag: Duration
        /// How long a skill group reports `InProgress` (and its old members) after a change.
        public var skillGroupEvaluationTime: Duration
        /// Latency added to every request (slept on the org's clock).
        public var latency: Duration
        /// The seed of the generator fault probabilities are drawn from (and correlation ids and tokens
        /// derived from).
        public var faultSeed: UInt64
        /// The seed of the id generator of a new org (a restored org keeps the state's).
        public var idSeed: UInt64
        /// The date the org's clock starts at, for `dateCreated`/`dateModified`.
        public var startDate: Date
        /// What ``rateLimit`` is counted for: each token (Genesys' rule, the default) or each OAuth client.
        public var rateLimitScope: RateLimitScope = .perToken
        /// Token requests each OAuth client may make (a sliding window); over it the token endpoint answers
        /// 400 `rate_limit_exceeded` with `Retry-After`. `nil` (the default) for no limit.
        public var tokenIssuanceLimit: RateLimit?
        /// Extra latency drawn uniformly from `0..<latencyJitter` per request (seeded by ``faultSeed``),
        /// on top of ``latency``.
        public var latencyJitter: Duration = .zero

        /// Creates a configuration. The defaults: one client `fake-client`/`fake-secret` with 24-hour
        /// tokens, no revocation, 300 requests per minute per token, no index lag, no evaluation time,
        /// no latency, seeds 0, start date 2025-01-01T00:00:00Z.
        public init(
            clients: [OAuthClient] = [OAuthClient()],
            tokenRequestLimit: Int? = nil,
            rateLimit: RateLimit? = .genesysDefault,
            indexLag: Duration = .zero,
            skillGroupEvaluationTime: Duration = .zero,
            latency: Duration = .zero,
            faultSeed: UInt64 = 0,
            idSeed: UInt64 = 0,
            startDate: Date = Date(timeIntervalSince1970: 1_735_689_600)
        ) {
            self.clients = clients
            self.tokenRequestLimit = tokenRequestLimit
            self.rateLimit = rateLimit
            self.indexLag = indexLag
            self.skillGroupEvaluationTime = skillGroupEvaluationTime
            self.latency = latency
            self.faultSeed = faultSeed
            self.idSeed = idSeed
            self.startDate = startDate
        }
    }

    /// What a fake org's rate limit is counted for.
    public enum RateLimitScope: Sendable, Hashable {
        /// Each access token has its own budget (Genesys' rule).
        case perToken
        /// All tokens of one OAuth client share one budget (to exercise adaptive pacing).
        case perClient
    }

    /// The client id the org accepts by default: `fake-client`.
    public static let defaultClientID = "fake-client"
    /// The client secret the org accepts by default: `fake-secret`.
    public static let defaultClientSecret = "fake-secret"
    /// The API base URL ``makeClient(clientID:secret:rateLimit:retryPolicy:logger:)`` uses. The org
    /// ignores scheme, host and any path prefix, so any base URL works.
    public static let baseURL = URL(string: "https://api.fake.genesys.test")!

    /// The clock the org measures time on.
    public let clock: any Clock<Duration>
    private let box: LockedBox<OrgEngine>
    private let elapsed: @Sendable () -> Duration

    /// Creates an org with only a home division named `Home`.
    /// - Parameters:
    ///   - configuration: How the org behaves.
    ///   - clock: The clock time is measured and slept on; by default a ``ManualClock`` that advances
    ///     itself whenever someone sleeps on it.
    public init(configuration: Configuration = Configuration(), clock: any Clock<Duration> = ManualClock(mode: .autoAdvance)) {
        self.clock = clock
        self.elapsed = Self.stopwatch(clock)
        self.box = LockedBox(OrgEngine(state: FakeOrgState(idSeed: configuration.idSeed, homeDivisionName: "Home"), configuration: configuration))
    }

    /// Creates an org from a seed: its divisions (the first is the home division) and users.
    /// ``FakeOrgSeed/state`` is not applied (that is `RoutingSync`'s job).
    /// - Throws: ``FakeOrgError`` when the seed is inconsistent (duplicate divisions, a user in an unknown
    ///   division, a duplicate email).
    public convenience init(seed: FakeOrgSeed, configuration: Configuration = Configuration(), clock: any Clock<Duration> = ManualClock(mode: .autoAdvance)) throws {
        let divisions = seed.divisions.isEmpty ? ["Home"] : seed.divisions
        self.init(configuration: configuration, clock: clock)
        box.withLock { $0.replaceState(FakeOrgState(idSeed: configuration.idSeed, homeDivisionName: divisions[0])) }
        for name in divisions.dropFirst() { try addDivision(name: name) }
        for user in seed.users { try addUser(name: user.name, email: user.email, division: user.division) }
    }

    /// Creates an org holding `state` (from ``snapshot()`` or ``FakeOrgState/load(from:)``).
    public init(state: FakeOrgState, configuration: Configuration = Configuration(), clock: any Clock<Duration> = ManualClock(mode: .autoAdvance)) {
        self.clock = clock
        self.elapsed = Self.stopwatch(clock)
        self.box = LockedBox(OrgEngine(state: state, configuration: configuration))
    }

    private static func stopwatch<C: Clock<Duration>>(_ clock: C) -> @Sendable () -> Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }

    /// Runs `body` on the engine under the lock, with the engine's time set to now.
    func withEngine<R>(_ body: (inout OrgEngine) throws -> R) rethrows -> R {
        try box.withLock { engine in
            // Read under the lock, so the engine's time never runs backwards between requests.
            engine.now = max(engine.now, elapsed())
            return try body(&engine)
        }
    }

    // MARK: - HTTPTransport

    /// Answers one request as Genesys Cloud would (see the type's documentation).
    ///
    /// Scheme and host are ignored, and so is any path prefix before `/api/v2/` or `/oauth/token`.
    /// - Throws: `TransportError` when an injected fault drops the connection; `CancellationError`
    ///   when the task is cancelled during injected latency.
    public func send(_ request: HTTPRequest, body: Data?, options: TransportOptions) async throws -> TransportResponse {
        try Task.checkCancellation()
        let parsed = FakeHTTPRequest(method: request.method, target: request.path ?? "/", headers: request.headerFields, body: body)
        let arrival = withEngine { $0.arrive(parsed) }
        if arrival.decision.delay > .zero { try await clock.sleep(for: arrival.decision.delay) }
        switch withEngine({ $0.complete(arrival) }) {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }

    // MARK: - Configuration and faults

    /// The current configuration.
    public var configuration: Configuration { box.withLock { $0.configuration } }

    /// Changes the configuration in place (for example to start index lag halfway through a test).
    /// Changing ``Configuration/faultSeed`` restarts the fault generator from the new seed.
    public func updateConfiguration(_ change: (inout Configuration) -> Void) {
        box.withLock { engine in
            let seed = engine.configuration.faultSeed
            change(&engine.configuration)
            if engine.configuration.faultSeed != seed { engine.runtime.rng = SplitMix64(seed: engine.configuration.faultSeed) }
        }
    }

    /// Installs a fault; faults are consulted in installation order. Returns an id for
    /// ``removeFault(_:)``.
    @discardableResult
    public func addFault(_ fault: FakeFault) -> Int {
        box.withLock { engine in
            let id = engine.runtime.nextFaultID
            engine.runtime.nextFaultID += 1
            engine.runtime.faults.append(FaultSlot(id: id, fault: fault))
            return id
        }
    }

    /// Removes one fault.
    public func removeFault(_ id: Int) {
        box.withLock { $0.runtime.faults.removeAll { $0.id == id } }
    }

    /// Removes every fault.
    public func removeAllFaults() {
        box.withLock { $0.runtime.faults.removeAll() }
    }

    // MARK: - Request log

    /// Every request received, in the order they completed.
    public var requests: [FakeOrgRequest] { box.withLock { $0.runtime.log } }

    /// The requests that change state (whatever their outcome).
    public var writes: [FakeOrgRequest] { requests.filter(\.isWrite) }

    /// How many logged requests have this method (any if `nil`) and a path starting with `pathPrefix`.
    public func count(method: HTTPRequest.Method? = nil, pathPrefix: String = "/") -> Int {
        requests.filter { (method == nil || $0.method == method) && $0.path.hasPrefix(pathPrefix) }.count
    }

    /// Empties the request log.
    public func resetLog() {
        box.withLock { $0.runtime.log.removeAll() }
    }

    // MARK: - State

    /// Everything the org stores now.
    public func snapshot() -> FakeOrgState { box.withLock { $0.state } }

    /// Replaces everything the org stores. Issued tokens, faults and the log are kept; pending index lag
    /// and skill-group evaluations are dropped.
    public func restore(_ state: FakeOrgState) {
        box.withLock { engine in
            engine.replaceState(state)
            engine.runtime.indexedAt.removeAll()
            engine.runtime.deindexedAt.removeAll()
            engine.runtime.pendingGroups.removeAll()
        }
    }

    // MARK: - Tokens

    /// Issues a token for a configured client without a token request (for a
    /// `StaticTokenProvider`), valid for the client's token lifetime.
    /// - Precondition: `clientID` is one of ``Configuration/clients``.
    public func issueToken(clientID: String = FakeGenesysOrg.defaultClientID) -> AccessToken {
        withEngine { engine in
            guard let client = engine.configuration.clients.first(where: { $0.id == clientID }) else {
                preconditionFailure("FakeGenesysOrg.issueToken: \(clientID) is not a configured client")
            }
            let value = engine.issueToken(clientID: clientID, lifetime: client.tokenLifetime)
            return AccessToken(value: value, tokenType: "bearer", expiresIn: client.tokenLifetime)
        }
    }

    /// Revokes one token: its next API request is a 401 `authentication.required`.
    public func revokeToken(_ token: String) {
        box.withLock { $0.runtime.tokens[token]?.revoked = true }
    }

    /// Revokes every token issued so far.
    public func revokeAllTokens() {
        box.withLock { engine in
            for key in engine.runtime.tokens.keys { engine.runtime.tokens[key]?.revoked = true }
        }
    }

    // MARK: - Client

    /// A `GenesysClient` wired to this org: client credentials against the org's own token endpoint,
    /// base URL ``baseURL``, the org's clock.
    ///
    /// - Parameters:
    ///   - clientID: The OAuth client id; `fake-client` by default.
    ///   - secret: The OAuth client secret; `fake-secret` by default.
    ///   - rateLimit: The client's own pacing; off by default (the org still enforces its limit, so a
    ///     burst may be answered 429 and retried). Pass `.genesysDefault` to test pacing.
    ///   - retryPolicy: The retry policy; `StandardRetryPolicy` without jitter by default, so runs are
    ///     deterministic.
    ///   - logger: The client's logger; by default one that discards everything.
    public func makeClient(
        clientID: String = FakeGenesysOrg.defaultClientID,
        secret: String = FakeGenesysOrg.defaultClientSecret,
        rateLimit: RateLimit? = nil,
        retryPolicy: any RetryPolicy = StandardRetryPolicy(jitter: .none),
        logger: Logger? = nil
    ) -> GenesysClient {
        // The fake's hosts are fixed: the region and endpoint are built from known-good parts, so
        // nothing here can fail (and nothing traps).
        let region = GenesysRegion(trustedAPI: Self.baseURL)
        let provider = ClientCredentialsTokenProvider(
            credentials: ClientCredentials(clientID: clientID, clientSecret: secret), region: region, transport: self,
            clock: clock, throttleRetry: .none
        )
        return GenesysClient(
            configuration: GenesysClient.Configuration(apiBaseURL: Self.baseURL),
            endpoint: Endpoint(trusted: Self.baseURL),
            transport: self, tokenProvider: provider, retryPolicy: retryPolicy, rateLimit: rateLimit, clock: clock,
            logger: logger ?? GenesysClient.discardingLogger
        )
    }
}
