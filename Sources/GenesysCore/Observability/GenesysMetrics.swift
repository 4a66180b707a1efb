import CoreMetrics

/// The names of the metrics the SDK emits through [swift-metrics](https://github.com/apple/swift-metrics),
/// and of their dimensions. Names and dimensions are stable: dashboards may rely on them.
///
/// The SDK never bootstraps a metrics backend. Until the application calls `MetricsSystem.bootstrap(_:)`,
/// every metric goes to swift-metrics' no-op handler, which costs next to nothing.
///
/// | metric | kind | dimensions |
/// |---|---|---|
/// | ``requests`` | counter | ``Dimension/operation``, ``Dimension/method``, ``Dimension/statusClass`` |
/// | ``requestDuration`` | timer | ``Dimension/operation``, ``Dimension/statusClass`` |
/// | ``retries`` | counter | ``Dimension/operation`` |
/// | ``throttled`` | counter | ``Dimension/operation`` |
/// | ``reauthentications`` | counter | ``Dimension/operation`` |
/// | ``tokenFetches`` | counter | ``Dimension/statusClass`` |
/// | ``rateLimiterWait`` | timer | none |
/// | ``syncChanges`` | counter | ``Dimension/kind``, ``Dimension/action``, ``Dimension/status`` |
public enum GenesysMetrics {
    /// Every attempt handed to the transport (retries and 401 replays included).
    public static let requests = "genesys_requests_total"
    /// How long each attempt took in the transport (the rate limiter's wait is not included).
    public static let requestDuration = "genesys_request_duration_seconds"
    /// Attempts that were retries decided by the client's `RetryPolicy`.
    public static let retries = "genesys_retries_total"
    /// Responses with status 429 (Too Many Requests).
    public static let throttled = "genesys_throttled_total"
    /// Replays with a fresh token after a 401.
    public static let reauthentications = "genesys_reauthentications_total"
    /// Requests to the login host's token endpoint (`POST /oauth/token`), each attempt once.
    public static let tokenFetches = "genesys_token_fetches_total"
    /// How long requests waited for a slot in the client's ``RateLimiter`` (zero waits included).
    public static let rateLimiterWait = "genesys_rate_limiter_wait_seconds"
    /// One per change a `RoutingSync` apply finished, by outcome.
    public static let syncChanges = "genesys_sync_changes_total"

    /// The dimension (label) names.
    public enum Dimension {
        /// The Genesys operation name, such as `routing.listSkills` or `routing.createQueue`.
        public static let operation = "operation"
        /// The HTTP method, such as `GET`.
        public static let method = "method"
        /// `2xx`, `3xx`, `4xx`, `5xx`, or `error` when no response arrived (lost connection, timeout).
        public static let statusClass = "status_class"
        /// A sync change's object kind: `skill`, `language`, `wrapupCode`, `skillGroup`, `queue`, `agent`.
        public static let kind = "kind"
        /// A sync change's action: `create`, `update`, `delete`.
        public static let action = "action"
        /// A sync change's outcome: `applied`, `failed`, `skipped`.
        public static let status = "status"
    }

    /// The value of ``Dimension/statusClass`` for an HTTP status, or for no response (`nil`).
    public static func statusClass(_ status: Int?) -> String {
        guard let status, (100..<600).contains(status) else { return "error" }
        return "\(status / 100)xx"
    }

    // MARK: - Recording (the SDK's modules only)

    package static func recordAttempt(operation: String, method: String, status: Int?, duration: Duration) {
        let statusClass = statusClass(status)
        Counter(label: requests, dimensions: [
            (Dimension.operation, operation), (Dimension.method, method), (Dimension.statusClass, statusClass),
        ]).increment()
        Timer(label: requestDuration, dimensions: [(Dimension.operation, operation), (Dimension.statusClass, statusClass)])
            .recordNanoseconds(duration.wholeNanoseconds)
        if status == 429 {
            Counter(label: throttled, dimensions: [(Dimension.operation, operation)]).increment()
        }
    }

    package static func recordRetry(operation: String) {
        Counter(label: retries, dimensions: [(Dimension.operation, operation)]).increment()
    }

    package static func recordReauthentication(operation: String) {
        Counter(label: reauthentications, dimensions: [(Dimension.operation, operation)]).increment()
    }

    package static func recordTokenFetch(status: Int?) {
        Counter(label: tokenFetches, dimensions: [(Dimension.statusClass, statusClass(status))]).increment()
    }

    package static func recordRateLimiterWait(_ duration: Duration) {
        Timer(label: rateLimiterWait).recordNanoseconds(max(.zero, duration).wholeNanoseconds)
    }

    package static func recordSyncChange(kind: String, action: String, status: String) {
        Counter(label: syncChanges, dimensions: [
            (Dimension.kind, kind), (Dimension.action, action), (Dimension.status, status),
        ]).increment()
    }
}

extension Duration {
    /// Whole nanoseconds, saturating at `Int64.max`.
    package var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (total, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflow2 ? .max : total
    }
}
