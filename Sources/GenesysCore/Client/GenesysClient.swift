#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import Logging

/// The shared client every API area (`RoutingAPI`, …) is a thin value over.
///
/// It holds the transport, token provider, retry policy, rate limiter (or a ``TokenPool`` in their
/// place), clock and logger, and runs every request through the same pipeline: rate limit → token → transport → (401: new token, replay once) →
/// retry policy → ``GenesysError``. It is a `Sendable` value of `let`s; mutable state (token cache,
/// rate-limit bucket, counters) lives in actors, so copies share it.
///
/// `GenesysClientDefaults` (re-exported by `GenesysRouting`) adds a convenience initialiser that picks a
/// region, the client-credentials provider and the platform's default transport.
public struct GenesysClient: Sendable {
    /// Settings that are plain values.
    public struct Configuration: Sendable {
        /// The API base URL, such as `https://api.mypurecloud.ie` (a path prefix is kept, for gateways).
        public var apiBaseURL: URL
        /// Deadline for one attempt.
        public var timeout: Duration
        /// The largest response body buffered.
        public var maxResponseBytes: Int
        /// The `User-Agent` header.
        public var userAgent: String

        /// Creates a configuration.
        public init(
            apiBaseURL: URL,
            timeout: Duration = .seconds(30),
            maxResponseBytes: Int = 32 << 20,
            userAgent: String = "genesys-routing-swift/0.1"
        ) {
            self.apiBaseURL = apiBaseURL
            self.timeout = timeout
            self.maxResponseBytes = maxResponseBytes
            self.userAgent = userAgent
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// The transport requests go through.
    public let transport: any HTTPTransport
    /// Where bearer tokens come from.
    public let tokenProvider: any AccessTokenProvider
    /// Decides retries.
    public let retryPolicy: any RetryPolicy
    /// Paces requests; `nil` turns pacing off. `nil` for a client over a ``TokenPool`` (which paces
    /// each of its tokens itself).
    public let rateLimiter: RateLimiter?
    /// The tokens requests are spread over, each paced on its own; `nil` for a client built with one
    /// ``tokenProvider`` and ``rateLimiter``.
    public let tokenPool: TokenPool?
    /// The clock retries sleep on.
    public let clock: any Clock<Duration>
    /// The default logger for operations that are not given one.
    public let logger: Logger
    /// What this client (and its copies) sent so far.
    public let counters: RequestCounters
    /// Supplies the current date for `Retry-After` HTTP-dates.
    let currentDate: @Sendable () -> Date
    let endpoint: Endpoint

    /// The logger a client uses when it is given none: it discards everything.
    @usableFromInline package static var discardingLogger: Logger {
        Logger(label: "genesys", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// Creates a client.
    /// - Parameters:
    ///   - configuration: Base URL, timeouts and limits.
    ///   - transport: The HTTP transport.
    ///   - tokenProvider: Where bearer tokens come from.
    ///   - retryPolicy: Retry rules; ``StandardRetryPolicy`` by default.
    ///   - rateLimit: Proactive pacing; Genesys' default of 300 requests/minute by default, `nil` for none.
    ///   - clock: The clock to sleep on (inject a manual clock in tests).
    ///   - logger: The default logger; by default one that discards everything (the library never creates
    ///     or bootstraps a logging backend).
    ///   - currentDate: Wall-clock time, for `Retry-After` dates.
    /// - Throws: ``GenesysError`` (``GenesysError/Code/invalidConfiguration``) if the base URL has no
    ///   scheme or host, or is plain `http://` to a host other than loopback.
    public init(
        configuration: Configuration,
        transport: any HTTPTransport,
        tokenProvider: any AccessTokenProvider,
        retryPolicy: any RetryPolicy = StandardRetryPolicy(),
        rateLimit: RateLimit? = .genesysDefault,
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = GenesysClient.discardingLogger,
        currentDate: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.init(
            configuration: configuration, transport: transport, tokenProvider: tokenProvider, retryPolicy: retryPolicy,
            rateLimiter: rateLimit.map { RateLimiter($0, clock: clock) }, tokenPool: nil, clock: clock, logger: logger,
            endpoint: try Endpoint(configuration.apiBaseURL), currentDate: currentDate
        )
    }

    /// Creates a client that spreads its requests over the tokens of a ``TokenPool``.
    /// - Parameters:
    ///   - configuration: Base URL, timeouts and limits.
    ///   - transport: The HTTP transport.
    ///   - tokenPool: The tokens, their pacing and the budget share.
    ///   - retryPolicy: Retry rules; ``StandardRetryPolicy`` by default.
    ///   - clock: The clock retries sleep on (the pool's clock, normally).
    ///   - logger: The default logger; by default one that discards everything.
    ///   - currentDate: Wall-clock time, for `Retry-After` dates.
    /// - Throws: ``GenesysError`` (``GenesysError/Code/invalidConfiguration``) if the base URL is unusable.
    public init(
        configuration: Configuration,
        transport: any HTTPTransport,
        tokenPool: TokenPool,
        retryPolicy: any RetryPolicy = StandardRetryPolicy(),
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = GenesysClient.discardingLogger,
        currentDate: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.init(
            configuration: configuration, transport: transport, tokenProvider: TokenPoolProvider(pool: tokenPool),
            retryPolicy: retryPolicy, rateLimiter: nil, tokenPool: tokenPool, clock: clock, logger: logger,
            endpoint: try Endpoint(configuration.apiBaseURL), currentDate: currentDate
        )
    }

    /// Creates a client that shares an existing ``RateLimiter`` (for several clients on one token).
    public init(
        configuration: Configuration,
        transport: any HTTPTransport,
        tokenProvider: any AccessTokenProvider,
        retryPolicy: any RetryPolicy = StandardRetryPolicy(),
        sharing rateLimiter: RateLimiter?,
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = GenesysClient.discardingLogger,
        currentDate: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.init(
            configuration: configuration, transport: transport, tokenProvider: tokenProvider, retryPolicy: retryPolicy,
            rateLimiter: rateLimiter, tokenPool: nil, clock: clock, logger: logger,
            endpoint: try Endpoint(configuration.apiBaseURL), currentDate: currentDate
        )
    }

    /// Creates a client for a base URL already split into an ``Endpoint`` (a fixed, known-good host such
    /// as the test fake's), so it cannot fail.
    package init(
        configuration: Configuration,
        endpoint: Endpoint,
        transport: any HTTPTransport,
        tokenProvider: any AccessTokenProvider,
        retryPolicy: any RetryPolicy,
        rateLimit: RateLimit?,
        clock: any Clock<Duration>,
        logger: Logger
    ) {
        self.init(
            configuration: configuration, transport: transport, tokenProvider: tokenProvider, retryPolicy: retryPolicy,
            rateLimiter: rateLimit.map { RateLimiter($0, clock: clock) }, tokenPool: nil, clock: clock, logger: logger,
            endpoint: endpoint, currentDate: { Date() }
        )
    }

    private init(
        configuration: Configuration, transport: any HTTPTransport, tokenProvider: any AccessTokenProvider,
        retryPolicy: any RetryPolicy, rateLimiter: RateLimiter?, tokenPool: TokenPool?, clock: any Clock<Duration>, logger: Logger,
        endpoint: Endpoint, currentDate: @escaping @Sendable () -> Date
    ) {
        self.configuration = configuration
        self.transport = transport
        self.tokenProvider = tokenProvider
        self.retryPolicy = retryPolicy
        self.rateLimiter = rateLimiter
        self.tokenPool = tokenPool
        self.clock = clock
        self.logger = logger
        self.counters = RequestCounters()
        self.currentDate = currentDate
        self.endpoint = endpoint
    }
}

/// The parts of the base URL a request head needs, validated once.
///
/// `package`: the client-credentials token provider (GenesysAuth) derives its login host the same way.
package struct Endpoint: Sendable {
    /// `https` or `http`, lower-cased.
    package let scheme: String
    /// `host` or `host:port` (an IPv6 host in brackets).
    package let authority: String
    /// The URL's path without trailing slashes (`""` for none).
    package let basePath: String

    package init(_ url: URL) throws {
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host(percentEncoded: false), !host.isEmpty else {
            throw GenesysError(code: .invalidConfiguration, operation: "client.init", message: "the API base URL must be an absolute http(s) URL with a host")
        }
        if scheme == "http", !Endpoint.isLoopback(host) {
            throw GenesysError(code: .invalidConfiguration, operation: "client.init", message: "plain http:// is allowed only for loopback hosts (localhost, 127.0.0.0/8, ::1); use https://")
        }
        self.init(trusted: url)
    }

    /// Splits a URL known to be a valid absolute `https://` URL (a fixed host such as the test fake's)
    /// without validating it, so it cannot fail.
    package init(trusted url: URL) {
        self.scheme = url.scheme?.lowercased() ?? "https"
        let host = url.host(percentEncoded: false) ?? ""
        let hostPart = host.contains(":") ? "[\(host)]" : host
        self.authority = url.port.map { "\(hostPart):\($0)" } ?? hostPart
        var path = url.path(percentEncoded: true)
        while path.hasSuffix("/") { path.removeLast() }
        self.basePath = path
    }

    /// Whether `host` is a loopback name or address.
    static func isLoopback(_ host: String) -> Bool {
        let isBracket: (Character) -> Bool = { $0 == "[" || $0 == "]" }
        let h = String(host.lowercased().drop(while: isBracket).reversed().drop(while: isBracket).reversed())
        if h == "localhost" || h.hasSuffix(".localhost") || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let octets = h.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

extension GenesysClient {
    /// Whether `host` is a loopback host (`localhost`, `127.0.0.0/8`, `::1`): the only hosts plain
    /// `http://` is allowed for.
    public static func isLoopbackHost(_ host: String) -> Bool { Endpoint.isLoopback(host) }
}
