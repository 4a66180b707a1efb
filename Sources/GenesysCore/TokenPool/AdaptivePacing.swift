/// The pure decision behind adaptive pacing: how fast each token of a ``TokenPool`` may go, and until
/// when a token must wait after a 429.
///
/// It is a value type with no clock of its own: every method takes `now` (time since the pool was
/// created), so it is unit-tested by feeding it times.
///
/// - **Decrease.** A 429 on a token blocks that token (only) until its `Retry-After` has passed and
///   lowers its rate to ``Settings/sharedTarget`` of what the token got through in the last period (the
///   server's limit for it), but never below ``Settings/decrease`` times its rate: a token that was
///   throttled at its limit (network jitter) slows down by 8 %, not by half.
/// - **Shared limit.** When a second token is throttled within one period of another, the limit is
///   evidently counted for several tokens together (per OAuth client, or shared with the org's other
///   integrations). Every token then waits for the `Retry-After`, and every token is set to an equal
///   share of ``Settings/sharedTarget`` of what the pool got through in the last period, which is what the
///   server allows: this converges in one step instead of one 429 per token per halving. Once a shared
///   limit was seen, every later 429 is taken as that limit again.
/// - **One decrease per event.** A 429 for a request sent before its token last slowed down went out at
///   the old rate (it was in flight): it blocks the token for its `Retry-After` but does not slow it down
///   again, so the requests in flight when a limit is hit do not halve the rate once each.
/// - **Additive increase.** A token's rate recovers by ``Settings/recovery`` of the full rate per period,
///   divided by the number of tokens (so the pool as a whole recovers at the same slow pace whatever its
///   size), until it is back to full rate.
public struct AdaptivePacing: Sendable, Hashable {
    /// The tuning of the decrease and the recovery.
    public struct Settings: Sendable, Hashable {
        /// Factor a token's rate is multiplied by after a 429 (0 < decrease < 1).
        public var decrease: Double
        /// Share of what the pool sent in the last period that it keeps sending once a shared limit is
        /// detected (0 < sharedTarget ≤ 1).
        public var sharedTarget: Double
        /// Share of the full rate the pool recovers per period (spread over its tokens).
        public var recovery: Double
        /// The lowest rate, as a share of the full rate.
        public var floor: Double
        /// `Retry-After` assumed when a 429 has none.
        public var defaultRetryAfter: Duration

        /// Creates settings; the defaults halve a throttled token, keep 92 % of a shared limit, recover 5 %
        /// of the full rate per period, never go below 1 % and wait 1 s when the server says nothing.
        public init(
            decrease: Double = 0.5, sharedTarget: Double = 0.92, recovery: Double = 0.05, floor: Double = 0.01,
            defaultRetryAfter: Duration = .seconds(1)
        ) {
            self.decrease = min(max(decrease, 0.01), 0.99)
            self.sharedTarget = min(max(sharedTarget, 0.01), 1)
            self.recovery = max(0, recovery)
            self.floor = min(max(floor, 0.001), 1)
            self.defaultRetryAfter = defaultRetryAfter
        }
    }

    /// One token's pacing state.
    public struct Lane: Sendable, Hashable {
        /// The token's rate as a share of its full rate (``Settings/floor`` … 1) at ``updatedAt``.
        public fileprivate(set) var factor: Double = 1
        /// When ``factor`` was last set.
        public fileprivate(set) var updatedAt: Duration = .zero
        /// No request may go on this token before this time (its last `Retry-After`).
        public fileprivate(set) var blockedUntil: Duration = .zero
        /// When this token was last throttled, if ever.
        public fileprivate(set) var lastThrottledAt: Duration?
        /// When this token's rate was last lowered, if ever.
        public fileprivate(set) var decreasedAt: Duration?
    }

    /// The settings.
    public let settings: Settings
    /// The period the limit is counted over.
    public let period: Duration
    /// One entry per token.
    public private(set) var lanes: [Lane]
    /// How many times a shared limit was detected.
    public private(set) var sharedLimitEvents = 0

    /// Creates the state for `tokens` tokens (at least 1), all at full rate.
    public init(tokens: Int, period: Duration, settings: Settings = Settings()) {
        self.settings = settings
        self.period = period > .zero ? period : .seconds(60)
        self.lanes = Array(repeating: Lane(), count: max(1, tokens))
    }

    /// The rate of token `lane` at `now`, as a share of its full rate, recovery included.
    public func factor(of lane: Int, at now: Duration) -> Double {
        let state = lanes[lane]
        let elapsed = max(.zero, now - state.updatedAt) / period
        return min(1, state.factor + settings.recovery / Double(lanes.count) * elapsed)
    }

    /// Records a 429 on token `lane`.
    /// - Parameters:
    ///   - lane: The token that was throttled.
    ///   - retryAfter: The response's `Retry-After`, if any.
    ///   - now: The current time.
    ///   - sentAt: When the throttled request went out (`now` when unknown). A request sent before its
    ///     token last slowed down only blocks the token: it does not lower the rate again.
    ///   - sentInLastPeriod: Requests the whole pool got through in the last period (for a shared limit).
    ///   - fullRate: Requests per period the whole pool sends at full rate.
    ///   - tokenSentInLastPeriod: Requests the throttled token got through in the last period; `nil` when
    ///     unknown (the token's rate is then multiplied by ``Settings/decrease``).
    /// - Returns: Whether this 429 revealed a limit shared by several tokens (a new shared-limit event).
    @discardableResult
    public mutating func recordThrottle(
        lane: Int, retryAfter: Duration?, now: Duration, sentAt: Duration? = nil, sentInLastPeriod: Int, fullRate: Double,
        tokenSentInLastPeriod: Int? = nil
    ) -> Bool {
        let wait = max(.zero, retryAfter ?? settings.defaultRetryAfter)
        let known = sharedLimitEvents > 0
        let otherThrottled = lanes.indices.contains { other in
            other != lane && lanes[other].lastThrottledAt.map { now - $0 < period } == true
        }
        lanes[lane].blockedUntil = max(lanes[lane].blockedUntil, now + wait)
        lanes[lane].lastThrottledAt = now
        // In flight when the token last slowed down: it was sent at the old rate and says nothing new.
        if let decreasedAt = lanes[lane].decreasedAt, (sentAt ?? now) < decreasedAt {
            if known { blockAll(until: now + wait) }
            return false
        }
        guard known || otherThrottled, fullRate > 0 else {
            let current = factor(of: lane, at: now)
            // What got through on this token is its limit; a 429 well below it is a real cut (at most halved).
            let target = tokenSentInLastPeriod.map { settings.sharedTarget * Double($0) * Double(lanes.count) / fullRate } ?? 0
            set(lane, factor: min(current, max(current * settings.decrease, target)), at: now)
            lanes[lane].decreasedAt = now
            return false
        }
        sharedLimitEvents += 1
        // The tokens are interchangeable under a shared limit: each gets an equal share of the target.
        let mean = lanes.indices.reduce(0.0) { $0 + factor(of: $1, at: now) } / Double(lanes.count)
        let target = settings.sharedTarget * Double(sentInLastPeriod) / fullRate
        for index in lanes.indices {
            set(index, factor: min(mean, target), at: now)
            lanes[index].decreasedAt = now
        }
        blockAll(until: now + wait)
        return true
    }

    private mutating func blockAll(until instant: Duration) {
        for index in lanes.indices { lanes[index].blockedUntil = max(lanes[index].blockedUntil, instant) }
    }

    private mutating func set(_ lane: Int, factor: Double, at now: Duration) {
        lanes[lane].factor = min(1, max(settings.floor, factor))
        lanes[lane].updatedAt = now
    }
}
