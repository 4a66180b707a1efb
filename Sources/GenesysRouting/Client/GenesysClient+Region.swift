public import GenesysAuth
public import GenesysCore
public import Logging

extension GenesysClient {
    /// Creates a client for a region that authenticates with the OAuth client-credentials grant.
    ///
    /// Requests go to the region's API host (`https://api.<domain>`); tokens come from
    /// `POST <region.loginURL>/oauth/token` through a `ClientCredentialsTokenProvider` that uses
    /// the same transport and clock, caches the token and refreshes it shortly before expiry.
    ///
    /// ```swift
    /// let client = try GenesysClient(
    ///     region: .euWest1,
    ///     credentials: ClientCredentials(clientID: id, clientSecret: secret)
    /// )
    /// ```
    /// - Parameters:
    ///   - region: The OAuth client's home region (or a `GenesysRegion.custom(apiURL:loginURL:)`
    ///     gateway).
    ///   - credentials: The OAuth client id and secret.
    ///   - transport: The HTTP transport; ``DefaultTransport/make()`` when `nil`.
    ///   - retryPolicy: Retry rules; `StandardRetryPolicy` by default.
    ///   - rateLimit: Proactive pacing; Genesys' default of 300 requests per minute per token, `nil` for none.
    ///   - clock: The clock retries, pacing and token expiry use (a manual clock in tests).
    ///   - logger: The default logger for operations; by default one that discards everything.
    /// - Throws: `GenesysError` with code `invalidConfiguration` if the region's API URL is
    ///   unusable.
    public init(
        region: GenesysRegion,
        credentials: ClientCredentials,
        transport: (any HTTPTransport)? = nil,
        retryPolicy: any RetryPolicy = StandardRetryPolicy(),
        rateLimit: RateLimit? = .genesysDefault,
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger? = nil
    ) throws {
        let transport = transport ?? DefaultTransport.make()
        let tokens = ClientCredentialsTokenProvider(credentials: credentials, region: region, transport: transport, clock: clock)
        try self.init(
            configuration: Configuration(apiBaseURL: region.apiURL), transport: transport, tokenProvider: tokens,
            retryPolicy: retryPolicy, rateLimit: rateLimit, clock: clock, logger: logger ?? Self.discardingLogger)
    }
}

extension RoutingAPI {
    /// Creates the routing API over a new client for a region, authenticating with client credentials.
    ///
    /// Shorthand for `RoutingAPI(client: try GenesysClient(region:credentials:…))`; see
    /// `GenesysClient.init(region:credentials:transport:retryPolicy:rateLimit:clock:logger:)`.
    /// Build the `GenesysClient` yourself to share it (and its token and rate limit) with other API areas.
    ///
    /// ```swift
    /// let routing = try RoutingAPI(region: .euWest1, credentials: credentials)
    /// ```
    public init(
        region: GenesysRegion,
        credentials: ClientCredentials,
        transport: (any HTTPTransport)? = nil,
        retryPolicy: any RetryPolicy = StandardRetryPolicy(),
        rateLimit: RateLimit? = .genesysDefault,
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger? = nil
    ) throws {
        self.init(client: try GenesysClient(
            region: region, credentials: credentials, transport: transport, retryPolicy: retryPolicy, rateLimit: rateLimit,
            clock: clock, logger: logger))
    }
}
