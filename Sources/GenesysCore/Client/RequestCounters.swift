/// Counts of what a ``GenesysClient`` sent, for reports ("a no-op plan costs reads only") and tests.
public struct RequestCounts: Sendable, Hashable, CustomStringConvertible {
    /// Every attempt handed to the transport, retries and 401 replays included.
    public var total: Int = 0
    /// Attempts of requests that change server state (see ``GenesysRequest/isWrite``).
    public var writes: Int = 0
    /// Attempts that were retries after a failure decided by the ``RetryPolicy``.
    public var retries: Int = 0
    /// Responses with status 429.
    public var throttled: Int = 0
    /// Replays after a 401 with a fresh token.
    public var reauthentications: Int = 0

    /// Creates counts (all zero by default).
    public init(total: Int = 0, writes: Int = 0, retries: Int = 0, throttled: Int = 0, reauthentications: Int = 0) {
        self.total = total
        self.writes = writes
        self.retries = retries
        self.throttled = throttled
        self.reauthentications = reauthentications
    }

    /// `self - earlier`, field by field: the requests made between two snapshots.
    public func since(_ earlier: RequestCounts) -> RequestCounts {
        RequestCounts(
            total: total - earlier.total, writes: writes - earlier.writes, retries: retries - earlier.retries,
            throttled: throttled - earlier.throttled, reauthentications: reauthentications - earlier.reauthentications
        )
    }

    /// `total N, writes N, retries N, throttled N`.
    public var description: String {
        "total \(total), writes \(writes), retries \(retries), throttled \(throttled)"
    }
}

/// The running ``RequestCounts`` of one client.
public actor RequestCounters {
    private var counts = RequestCounts()

    /// Creates zeroed counters.
    public init() {}

    /// The counts so far.
    public func snapshot() -> RequestCounts { counts }

    /// Counts one attempt; retries and replays also go to swift-metrics (``GenesysMetrics``).
    func record(isWrite: Bool, isRetry: Bool, isReplay: Bool, operation: String) {
        counts.total += 1
        if isWrite { counts.writes += 1 }
        if isRetry {
            counts.retries += 1
            GenesysMetrics.recordRetry(operation: operation)
        }
        if isReplay {
            counts.reauthentications += 1
            GenesysMetrics.recordReauthentication(operation: operation)
        }
    }

    func recordThrottled() { counts.throttled += 1 }
}
