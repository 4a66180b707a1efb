public import GenesysAuth
import GenesysClientDefaults
public import GenesysCore
public import Logging

extension RoutingAPI {
    /// Creates the routing API over a new client for a region, authenticating with client credentials.
    ///
    /// Shorthand for `RoutingAPI(client: try GenesysClient(region:credentials:…))`; see
    /// `GenesysClient.init(region:credentials:transport:retryPolicy:rateLimit:tokens:apiShare:clock:logger:)`.
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
        tokens: Int = 1,
        apiShare: Int = 100,
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger? = nil
    ) throws {
        self.init(client: try GenesysClient(
            region: region, credentials: credentials, transport: transport, retryPolicy: retryPolicy, rateLimit: rateLimit,
            tokens: tokens, apiShare: apiShare, clock: clock, logger: logger))
    }
}
