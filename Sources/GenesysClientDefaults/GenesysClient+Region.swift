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
    ///   - tokens: Client-credentials tokens to spread requests over (1–20, default 1), each paced on its
    ///     own and fetched when first needed; see `TokenPool`.
    ///   - apiShare: Percent of the budget to use (1–100, default 100), leaving the rest to the org's
    ///     other integrations.
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
        tokens: Int = 1,
        apiShare: Int = 100,
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger? = nil
    ) throws {
        let transport = transport ?? DefaultTransport.make()
        let pool = try TokenPool(
            tokenProviders: ClientCredentialsTokenProvider.pool(
                size: tokens, credentials: credentials, loginURL: region.loginURL, transport: transport, clock: clock
            ),
            rateLimit: rateLimit, apiShare: apiShare, clock: clock
        )
        try self.init(
            configuration: Configuration(apiBaseURL: region.apiURL), transport: transport, tokenPool: pool,
            retryPolicy: retryPolicy, clock: clock, logger: logger ?? Self.discardingLogger)
    }
}
