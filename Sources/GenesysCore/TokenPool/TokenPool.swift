public import Logging

/// A token of a ``TokenPool`` handed to one request attempt: which pool token it is, and its value.
public struct TokenLease: Sendable {
    /// The pool token (0-based) the attempt goes out on.
    public let lane: Int
    /// The bearer token to send (secret: never log it).
    public let token: AccessToken

    /// Creates a lease.
    public init(lane: Int, token: AccessToken) {
        self.lane = lane
        self.token = token
    }
}

/// Several access tokens of one OAuth client, each paced on its own, that a ``GenesysClient`` spreads its
/// requests over.
///
/// Genesys counts its rate limit per token, so N tokens of one client give N times the budget (Genesys'
/// own CX as Code provider keeps such a pool). Each token has its own proactive schedule; a request goes
/// to the token whose next slot comes first. Tokens come from their own ``AccessTokenProvider`` each, so they are
/// fetched lazily (when a request first picks them), single-flight, refreshed before expiry and replaced
/// after a 401 independently of one another.
///
/// - **Schedule.** A token sends up to `burst` requests back to back, then one every
///   (period + ``windowMargin(for:)``) / limit, and never more than the limit in any window of one period
///   plus that margin (it remembers its last `limit` slots). Unlike ``RateLimiter``, whose refill rate is
///   lowered by the burst, a long run keeps about 98 % of the limit (295 of 300 a minute) instead of
///   97 %; the margin absorbs network jitter between when a request is sent and when Genesys counts it.
/// - **Token endpoint throttling.** When a token other than the first cannot be fetched while another
///   token works, that token is set aside for the error's `Retry-After` (60 s without one) and the pool
///   goes on with the tokens it has, saying so at debug level.
/// - **Adaptive pacing.** Each 429 is reported back (``record(_:status:retryAfter:latency:)``) and fed to
///   ``AdaptivePacing``: the token waits for its `Retry-After` and slows down, then recovers slowly.
/// - **Budget share.** `apiShare` (1–100 %) scales every token's limit down, leaving the rest of the
///   org's budget to its other integrations.
public actor TokenPool {
    /// What the pool did so far (for reports and benchmarks).
    public struct Snapshot: Sendable, Hashable {
        /// Attempts sent per token.
        public var sent: [Int]
        /// 429 responses per token.
        public var throttled: [Int]
        /// Tokens fetched at least once.
        public var tokensInUse: Int
        /// Each token's current rate as a share of its full rate.
        public var factors: [Double]
        /// How many times a limit shared by several tokens was detected.
        public var sharedLimitEvents: Int
        /// Average latency of an attempt (exponentially weighted), if any was observed.
        public var latency: Duration?
    }

    /// How many tokens the pool may hold.
    public nonisolated let size: Int
    /// The per-token limit Genesys enforces (before the budget share); `nil` for no pacing.
    public nonisolated let rateLimit: RateLimit?
    /// The share of the budget used, in percent (1–100).
    public nonisolated let apiShare: Int
    /// The per-token limit the pool paces to: ``rateLimit`` scaled by ``apiShare``.
    public nonisolated let effectiveLimit: RateLimit?

    private let providers: [any AccessTokenProvider]
    private let clock: any Clock<Duration>
    private let stopwatch: Stopwatch
    private let baseInterval: Duration
    /// The span no window of which may hold more than the limit: the period plus ``windowMargin(for:)``.
    private let windowSpan: Duration
    private var pacing: AdaptivePacing
    private var nextFree: [Duration]
    /// Each token's most recent slots (at most the limit), oldest first.
    private var slots: [[Duration]]
    private var benchedUntil: [Duration]
    private var fetched: [Bool]
    private var sent: [Int]
    private var throttled: [Int]
    /// Completion times (and tokens) of accepted (non-429) attempts in the last period, oldest first
    /// from `recentStart`.
    private var recent: [(at: Duration, lane: Int)] = []
    private var recentStart = 0
    private var latency: Duration?
    private var rotation = 0

    /// Creates a pool.
    /// - Parameters:
    ///   - tokenProviders: One provider per token (1–20 are used; at least one is required). Give each
    ///     its own provider of the same OAuth client, so each caches and refreshes its own token.
    ///   - rateLimit: The limit Genesys enforces per token; `nil` for no pacing.
    ///   - apiShare: Percent of the budget to use, clamped to 1–100.
    ///   - pacing: How 429s slow a token down and how it recovers.
    ///   - clock: The clock to measure and sleep on (inject a manual clock in tests).
    /// - Throws: ``GenesysError`` (``GenesysError/Code/invalidConfiguration``) when `tokenProviders` is empty.
    public init(
        tokenProviders: [any AccessTokenProvider],
        rateLimit: RateLimit? = .genesysDefault,
        apiShare: Int = 100,
        pacing: AdaptivePacing.Settings = AdaptivePacing.Settings(),
        clock: any Clock<Duration> = ContinuousClock()
    ) throws {
        guard !tokenProviders.isEmpty else {
            throw GenesysError(code: .invalidConfiguration, operation: "client.init", message: "a token pool needs at least one token provider")
        }
        let providers = Array(tokenProviders.prefix(Self.maxSize))
        let share = min(100, max(1, apiShare))
        let effective = rateLimit.map { limit in
            RateLimit(requests: max(1, limit.requests * share / 100), per: limit.period, burst: limit.burst)
        }
        let span = effective.map { $0.period + Self.windowMargin(for: $0.period) } ?? .zero
        let interval = effective.map { span / $0.requests } ?? .zero
        let first: Duration = effective.map { .zero - interval * ($0.burst - 1) } ?? .zero
        let count = providers.count
        self.providers = providers
        self.size = count
        self.rateLimit = rateLimit
        self.apiShare = share
        self.effectiveLimit = effective
        self.clock = clock
        self.stopwatch = Stopwatch(clock: clock)
        self.baseInterval = interval
        self.windowSpan = span
        self.slots = Array(repeating: [], count: count)
        self.pacing = AdaptivePacing(tokens: count, period: rateLimit?.period ?? .seconds(60), settings: pacing)
        self.nextFree = Array(repeating: first, count: count)
        self.benchedUntil = Array(repeating: .zero, count: count)
        self.fetched = Array(repeating: false, count: count)
        self.sent = Array(repeating: 0, count: count)
        self.throttled = Array(repeating: 0, count: count)
    }

    /// The largest pool: Genesys' CX as Code allows up to 20 tokens per OAuth client.
    public static let maxSize = 20

    /// Slack added to the period when a token's schedule counts its window: one second per minute. It
    /// covers jitter in network latency, so the server never counts more than the limit in one period.
    public static func windowMargin(for period: Duration) -> Duration { period / 60 }

    /// Requests per period the pool sends at full rate (all tokens, budget share applied); `nil` without pacing.
    public nonisolated var fullRate: Double? {
        effectiveLimit.map { Double(size) * Double($0.requests) }
    }

    /// Waits for the token whose next slot comes first, then returns it with a valid access token.
    /// - Throws: `CancellationError` (the slot is given back when it was the last one reserved), or the
    ///   provider's error when no other token can take over.
    public func lease(logger: Logger) async throws -> TokenLease {
        while true {
            try Task.checkCancellation()
            let now = stopwatch.elapsed
            let (lane, slot, interval) = reserve(now: now)
            if slot > now {
                do {
                    try await clock.sleep(for: slot - now)
                    // Woken late, the request goes out later than planned: that is when the server counts it.
                    let woken = stopwatch.elapsed
                    if woken > slot, let index = slots[lane].lastIndex(of: slot) { slots[lane][index] = woken }
                } catch {
                    if nextFree[lane] == slot + interval {
                        nextFree[lane] = slot
                        if slots[lane].last == max(slot, now) { slots[lane].removeLast() }
                    }
                    throw error
                }
            }
            do {
                let token = try await providers[lane].accessToken(logger: logger)
                fetched[lane] = true
                sent[lane] += 1
                return TokenLease(lane: lane, token: token)
            } catch let error as GenesysError {
                let elapsed = stopwatch.elapsed
                let others = providers.indices.filter { $0 != lane && fetched[$0] && benchedUntil[$0] <= elapsed }
                guard !others.isEmpty else { throw error }
                benchedUntil[lane] = elapsed + (error.retryAfter ?? .seconds(60))
                logger.debug("token endpoint refused a pool token; continuing with the tokens the pool has", metadata: [
                    "token": "\(lane + 1)", "tokensInUse": "\(others.count)", "status": "\(error.status.map(String.init) ?? "-")",
                    "retryAfterMs": "\((benchedUntil[lane] - elapsed) / .milliseconds(1))",
                ])
            }
        }
    }

    /// Reports how an attempt on `lease` ended, so the token's pacing can adapt.
    /// - Parameters:
    ///   - lease: The lease the attempt used.
    ///   - status: The HTTP status, `nil` for a transport failure.
    ///   - retryAfter: The response's `Retry-After`, if any.
    ///   - attempt: How long the attempt took (its latency).
    public func record(_ lease: TokenLease, status: Int?, retryAfter: Duration?, latency attempt: Duration) {
        let now = stopwatch.elapsed
        latency = latency.map { ($0 * 7 + attempt) / 8 } ?? attempt
        guard status == 429 else {
            if status != nil { recordAccepted(at: now, lane: lease.lane) }
            return
        }
        throttled[lease.lane] += 1
        pruneRecent(now: now)
        pacing.recordThrottle(
            // Genesys rounds `Retry-After` to whole seconds: half a second more, so the token is not early.
            lane: lease.lane, retryAfter: retryAfter.map { $0 + .milliseconds(500) }, now: now, sentAt: now - attempt,
            sentInLastPeriod: recent.count - recentStart, fullRate: fullRate ?? 0,
            tokenSentInLastPeriod: recent[recentStart...].reduce(0) { $0 + ($1.lane == lease.lane ? 1 : 0) }
        )
        restartAfterHold(now: now)
    }

    /// No burst after a wait: the server's window is full, so each held token restarts at the pace, not
    /// ahead of it, and tokens held together restart one pool interval apart instead of all at once.
    private func restartAfterHold(now: Duration) {
        guard let limit = effectiveLimit else { return }
        let held = pacing.lanes.indices.filter { pacing.lanes[$0].blockedUntil > now }
        let perSpan = pacing.lanes.indices.reduce(0.0) { $0 + pacing.factor(of: $1, at: now) } * Double(limit.requests)
        let poolInterval = perSpan > 0 ? windowSpan / perSpan : .zero
        for (rank, lane) in held.enumerated() {
            nextFree[lane] = max(nextFree[lane], pacing.lanes[lane].blockedUntil + poolInterval * rank)
        }
    }

    /// Drops the lease's token after a 401, so the next request on that pool token fetches a new one.
    /// The other tokens are not touched.
    public func invalidate(_ lease: TokenLease) async {
        await providers[lease.lane].invalidate(lease.token)
    }

    /// Every secret the pool's providers report (``AccessTokenProvider/secrets()``).
    public func secrets() async -> [String] {
        var all: [String] = []
        for provider in providers { all += await provider.secrets() }
        return all
    }

    /// Drops `token` from whichever pool token holds it (each provider ignores a token it does not hold).
    public func invalidate(_ token: AccessToken) async {
        for provider in providers { await provider.invalidate(token) }
    }

    /// In-flight requests that keep the pool busy at the observed latency (Little's law: rate × latency,
    /// plus a quarter and one for headroom), between 1 and `cap`. Without pacing or a latency yet: `cap`.
    public func suggestedConcurrency(cap: Int) -> Int {
        let cap = max(1, cap)
        guard let limit = effectiveLimit, let latency else { return cap }
        let now = stopwatch.elapsed
        let perPeriod = pacing.lanes.indices.reduce(0.0) { $0 + pacing.factor(of: $1, at: now) } * Double(limit.requests)
        let inFlight = perPeriod * (latency / limit.period) * 1.25 + 1
        return min(cap, max(1, Int(inFlight.rounded(.up))))
    }

    /// What the pool did so far.
    public func snapshot() -> Snapshot {
        let now = stopwatch.elapsed
        return Snapshot(
            sent: sent, throttled: throttled, tokensInUse: fetched.filter { $0 }.count,
            factors: pacing.lanes.indices.map { pacing.factor(of: $0, at: now) },
            sharedLimitEvents: pacing.sharedLimitEvents, latency: latency
        )
    }

    // MARK: - Scheduling

    /// Picks the token whose next slot comes first (ties: the lowest token when paced, so few tokens
    /// are fetched under light load; in turn otherwise) and reserves that slot.
    private func reserve(now: Duration) -> (lane: Int, slot: Duration, interval: Duration) {
        var best: (lane: Int, slot: Duration, interval: Duration)?
        for offset in providers.indices {
            let lane = effectiveLimit == nil ? (rotation + offset) % size : offset
            let interval = effectiveLimit == nil ? .zero : baseInterval / pacing.factor(of: lane, at: now)
            let burst = effectiveLimit?.burst ?? 1
            let earliest = now - interval * (burst - 1)
            var slot = max(nextFree[lane], earliest)
            // Never more than the limit in one window: wait for the oldest of the last `limit` slots to leave it.
            if let limit = effectiveLimit, slots[lane].count >= limit.requests, let oldest = slots[lane].first {
                slot = max(slot, oldest + windowSpan)
            }
            // A hold (`Retry-After`, a refused token) counts only while it lasts: burst slots lie in the past.
            let hold = max(pacing.lanes[lane].blockedUntil, benchedUntil[lane])
            if hold > now { slot = max(slot, hold) }
            if let current = best, slot >= current.slot { continue }
            best = (lane, slot, interval)
        }
        let chosen = best ?? (0, now, .zero)
        nextFree[chosen.lane] = chosen.slot + chosen.interval
        if let limit = effectiveLimit {
            // A burst slot lies in the past: the request goes out now, and that is what the server counts.
            slots[chosen.lane].append(max(chosen.slot, now))
            if slots[chosen.lane].count > limit.requests { slots[chosen.lane].removeFirst() }
        }
        rotation = (chosen.lane + 1) % size
        return chosen
    }

    private func recordAccepted(at now: Duration, lane: Int) {
        recent.append((now, lane))
        pruneRecent(now: now)
    }

    private func pruneRecent(now: Duration) {
        let period = rateLimit?.period ?? .seconds(60)
        while recentStart < recent.count, recent[recentStart].at <= now - period { recentStart += 1 }
        if recentStart > 4096, recentStart * 2 > recent.count {
            recent.removeFirst(recentStart)
            recentStart = 0
        }
    }
}

/// The ``AccessTokenProvider`` face of a ``TokenPool`` (``GenesysClient/tokenProvider`` of a pooled
/// client): each call leases the next token, slot included.
struct TokenPoolProvider: AccessTokenProvider {
    let pool: TokenPool

    func accessToken(logger: Logger) async throws -> AccessToken {
        try await pool.lease(logger: logger).token
    }

    func invalidate(_ token: AccessToken) async {
        await pool.invalidate(token)
    }

    /// Every secret any of the pool's providers holds (all its tokens and the client secret), so an error
    /// built from a server's answer is scrubbed of the other tokens too.
    func secrets() async -> [String] {
        await pool.secrets()
    }
}
