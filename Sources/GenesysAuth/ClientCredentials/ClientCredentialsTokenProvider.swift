#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import GenesysCore
public import Logging

/// An `AccessTokenProvider` for the OAuth client-credentials grant, with caching and single-flight
/// refresh.
///
/// It requests `POST <loginURL>/oauth/token` with the client id and secret in a Basic `Authorization`
/// header and `grant_type=client_credentials` as the form body (the OAuth 2 client-credentials grant as Genesys' developer center documents it), caches the token
/// until shortly before it expires, and refreshes it on demand:
///
/// - Concurrent callers share one request (single flight); one caller's cancellation never cancels the
///   request the others are waiting for.
/// - A failure is not remembered: the next call tries again.
/// - Token-endpoint throttling (HTTP 429, or HTTP 400 about rate limiting) is retried on the injected
///   clock as ``ThrottleRetry`` allows, honouring `Retry-After`.
/// - Failures are `GenesysError`s with code `GenesysError.Code.authenticationFailed` and a one-line
///   message saying what to check.
///
/// There are no background timers, so nothing needs shutting down. The secret, the Basic credential and
/// tokens never reach logs, error messages or descriptions.
///
/// ```swift
/// let provider = ClientCredentialsTokenProvider(
///     credentials: ClientCredentials(clientID: id, clientSecret: secret),
///     region: .euWest1,
///     transport: transport
/// )
/// ```
public struct ClientCredentialsTokenProvider: AccessTokenProvider, CustomStringConvertible, CustomReflectable {
    /// How token requests that the login host throttles are retried.
    ///
    /// The wait is the server's `Retry-After` when it sends one, else an exponential backoff
    /// `min(maxDelay, baseDelay·2ⁿ)`. A `Retry-After` longer than ``maxRetryAfter`` fails at once.
    public struct ThrottleRetry: Sendable, Hashable {
        /// Most retries of one token request.
        public var maxRetries: Int
        /// First backoff delay; doubled per retry.
        public var baseDelay: Duration
        /// Largest backoff delay.
        public var maxDelay: Duration
        /// The longest `Retry-After` waited for.
        public var maxRetryAfter: Duration

        /// Creates a throttling policy. The defaults: 4 retries, 1 s doubling up to 30 s, `Retry-After` up
        /// to 60 s.
        public init(
            maxRetries: Int = 4,
            baseDelay: Duration = .seconds(1),
            maxDelay: Duration = .seconds(30),
            maxRetryAfter: Duration = .seconds(60)
        ) {
            self.maxRetries = max(0, maxRetries)
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
            self.maxRetryAfter = maxRetryAfter
        }

        /// The default policy.
        public static let standard = ThrottleRetry()
        /// Never retry: a throttled token request fails at once.
        public static let none = ThrottleRetry(maxRetries: 0)

        /// The backoff before retry number `retryNumber + 1` when the server gave no `Retry-After`.
        func backoff(retryNumber: Int) -> Duration {
            min(maxDelay, baseDelay * (1 << min(retryNumber, 30)))
        }
    }

    /// The OAuth client id (not secret).
    public let clientID: String
    /// The login base URL the token is requested from.
    public let loginURL: URL
    private let cache: TokenCache

    /// Creates a provider for a login URL.
    ///
    /// - Parameters:
    ///   - credentials: The OAuth client id and secret.
    ///   - loginURL: The login base URL, such as `https://login.mypurecloud.ie`; a path prefix is kept
    ///     (`https://gateway.example/login` → `https://gateway.example/login/oauth/token`).
    ///   - transport: The transport token requests go through.
    ///   - clock: The clock expiry is measured and throttling waits are slept on (inject a manual clock in
    ///     tests).
    ///   - refreshBeforeExpiry: How long before expiry the token is refreshed; 5 minutes by default. Never
    ///     more than half the token's lifetime, so short-lived tokens are not refetched on every call.
    ///   - requestTimeout: Deadline for one token request.
    ///   - throttleRetry: How throttled token requests are retried.
    /// - Throws: `GenesysError` with code `GenesysError.Code.invalidConfiguration` if `loginURL` is not
    ///   an absolute `https://` URL with a host (`http://` is accepted for loopback hosts only), or has a
    ///   user name or password.
    public init(
        credentials: ClientCredentials,
        loginURL: URL,
        transport: any HTTPTransport,
        clock: any Clock<Duration> = ContinuousClock(),
        refreshBeforeExpiry: Duration = .seconds(300),
        requestTimeout: Duration = .seconds(30),
        throttleRetry: ThrottleRetry = .standard
    ) throws {
        let endpoint = try LoginEndpoint(loginURL)
        self.init(
            credentials: credentials, loginURL: loginURL, endpoint: endpoint, transport: transport, clock: clock,
            refreshBeforeExpiry: refreshBeforeExpiry, requestTimeout: requestTimeout, throttleRetry: throttleRetry
        )
    }

    /// Creates a provider for a region's login host.
    ///
    /// - Parameters:
    ///   - credentials: The OAuth client id and secret.
    ///   - region: The region whose ``GenesysRegion/loginURL`` is used (the OAuth client's home region).
    ///   - transport: The transport token requests go through.
    ///   - clock: The clock expiry is measured and throttling waits are slept on.
    ///   - refreshBeforeExpiry: How long before expiry the token is refreshed (at most half its lifetime).
    ///   - requestTimeout: Deadline for one token request.
    ///   - throttleRetry: How throttled token requests are retried.
    public init(
        credentials: ClientCredentials,
        region: GenesysRegion,
        transport: any HTTPTransport,
        clock: any Clock<Duration> = ContinuousClock(),
        refreshBeforeExpiry: Duration = .seconds(300),
        requestTimeout: Duration = .seconds(30),
        throttleRetry: ThrottleRetry = .standard
    ) {
        // A region's login endpoint was validated and parsed when the region was made.
        self.init(
            credentials: credentials, loginURL: region.loginURL, endpoint: region.loginEndpoint, transport: transport, clock: clock,
            refreshBeforeExpiry: refreshBeforeExpiry, requestTimeout: requestTimeout, throttleRetry: throttleRetry
        )
    }

    private init(
        credentials: ClientCredentials, loginURL: URL, endpoint: LoginEndpoint, transport: any HTTPTransport,
        clock: any Clock<Duration>, refreshBeforeExpiry: Duration, requestTimeout: Duration, throttleRetry: ThrottleRetry
    ) {
        self.clientID = credentials.clientID
        self.loginURL = loginURL
        let fetcher = TokenFetcher(
            credentials: credentials, endpoint: endpoint, transport: transport, clock: clock,
            requestTimeout: requestTimeout, throttleRetry: throttleRetry, currentDate: { Date() }
        )
        self.cache = TokenCache(fetcher: fetcher, refreshBeforeExpiry: refreshBeforeExpiry)
    }

    /// Returns the cached token, or fetches one (single flight) if none is cached or it is due for refresh.
    /// - Parameter logger: Logger for this call; the provider logs at `debug` and never logs a secret or token.
    /// - Throws: `GenesysError` with code `GenesysError.Code.authenticationFailed`, or
    ///   `CancellationError` when the calling task is cancelled (the shared request carries on for others).
    public func accessToken(logger: Logger) async throws -> AccessToken {
        try await cache.token(logger: logger)
    }

    /// Drops `token` if it is the cached one, so the next ``accessToken(logger:)`` fetches a new token.
    /// A no-op when a newer token has already replaced it.
    public func invalidate(_ token: AccessToken) async {
        await cache.invalidate(token, logger: nil)
    }

    /// The client secret, the Basic credential made from it, and the tokens the cache holds (the current
    /// one and, while refreshing, the previous one).
    public func secrets() async -> [String] {
        cache.fetcher.credentialSecrets + (await cache.heldTokens).map(\.value)
    }

    /// Providers for a `TokenPool`: `size` (clamped to 1–20) independent providers of the same OAuth
    /// client, each with its own cached token.
    ///
    /// The first retries a throttled token endpoint as ``ThrottleRetry/standard`` allows (the pool needs
    /// one token); the others never retry (``ThrottleRetry/none``), so a request never waits for an
    /// extra token: the pool goes on with the tokens it has.
    /// - Throws: `GenesysError` with code `GenesysError.Code.invalidConfiguration` for an unusable `loginURL`.
    public static func pool(
        size: Int,
        credentials: ClientCredentials,
        loginURL: URL,
        transport: any HTTPTransport,
        clock: any Clock<Duration> = ContinuousClock()
    ) throws -> [ClientCredentialsTokenProvider] {
        try (0..<min(TokenPool.maxSize, max(1, size))).map { index in
            try ClientCredentialsTokenProvider(
                credentials: credentials, loginURL: loginURL, transport: transport, clock: clock,
                throttleRetry: index == 0 ? .standard : .none
            )
        }
    }

    /// How many callers are waiting for the token request in flight (for tests).
    var waiterCount: Int {
        get async { await cache.waiterCount }
    }

    /// `ClientCredentialsTokenProvider(clientID: <id>, loginURL: <url>)`: no secret, no token.
    public var description: String {
        "ClientCredentialsTokenProvider(clientID: \(clientID), loginURL: \(loginURL.absoluteString))"
    }

    /// A mirror with the client id and login URL only, so `dump` never reaches the secret or a token.
    public var customMirror: Mirror {
        Mirror(self, children: ["clientID": clientID, "loginURL": loginURL], displayStyle: .struct)
    }
}
