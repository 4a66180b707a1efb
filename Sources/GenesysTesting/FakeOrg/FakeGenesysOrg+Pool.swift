import GenesysAuth
public import GenesysCore
public import Logging

extension FakeGenesysOrg {
    /// A `GenesysClient` wired to this org that spreads its requests over a `TokenPool` of `tokens`
    /// client-credentials tokens (each fetched from the org's own token endpoint when first needed),
    /// on the org's clock.
    ///
    /// - Parameters:
    ///   - tokens: Tokens in the pool (1–20).
    ///   - apiShare: Percent of the budget the pool uses (1–100).
    ///   - clientID: The OAuth client id; `fake-client` by default.
    ///   - secret: The OAuth client secret; `fake-secret` by default.
    ///   - rateLimit: The limit per token the pool paces to; off by default.
    ///   - pacing: How 429s slow a token down and how it recovers.
    ///   - retryPolicy: The retry policy; `StandardRetryPolicy` without jitter by default.
    ///   - logger: The client's logger; by default one that discards everything.
    /// - Throws: `GenesysError` (`invalidConfiguration`) if the pool or client cannot be built; with the
    ///   fake's fixed base URL that does not happen, but the error is passed on rather than trapped.
    public func makePooledClient(
        tokens: Int,
        apiShare: Int = 100,
        clientID: String = FakeGenesysOrg.defaultClientID,
        secret: String = FakeGenesysOrg.defaultClientSecret,
        rateLimit: RateLimit? = nil,
        pacing: AdaptivePacing.Settings = AdaptivePacing.Settings(),
        retryPolicy: any RetryPolicy = StandardRetryPolicy(jitter: .none),
        logger: Logger? = nil
    ) throws -> GenesysClient {
        let providers = try ClientCredentialsTokenProvider.pool(
            size: tokens, credentials: ClientCredentials(clientID: clientID, clientSecret: secret),
            loginURL: Self.baseURL, transport: self, clock: clock
        )
        let pool = try TokenPool(tokenProviders: providers, rateLimit: rateLimit, apiShare: apiShare, pacing: pacing, clock: clock)
        let configuration = GenesysClient.Configuration(apiBaseURL: Self.baseURL)
        if let logger {
            return try GenesysClient(
                configuration: configuration, transport: self, tokenPool: pool, retryPolicy: retryPolicy, clock: clock, logger: logger
            )
        }
        return try GenesysClient(configuration: configuration, transport: self, tokenPool: pool, retryPolicy: retryPolicy, clock: clock)
    }
}
