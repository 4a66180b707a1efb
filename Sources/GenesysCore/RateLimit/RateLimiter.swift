/// How many requests a client may send in a period.
///
/// The fields are read-only so every value has been through ``init(requests:per:burst:)``, which clamps
/// them to usable values.
public struct RateLimit: Sendable, Hashable {
    /// Requests allowed per ``period``; at least 1.
    public let requests: Int
    /// The period the limit is counted over; always positive.
    public let period: Duration
    /// Requests that may go out back to back before pacing starts; between 1 and `requests - 1` (1 when
    /// `requests` is 1). ``RateLimiter`` lowers its refill rate by this amount so that no window of length
    /// ``period`` ever holds more than ``requests``; a ``TokenPool`` instead remembers each token's last
    /// ``requests`` slots, which keeps more of the limit over a long run.
    public let burst: Int

    /// Creates a limit. Values that would make no sense are clamped rather than trapping:
    ///
    /// - `requests` below 1 becomes 1;
    /// - a `period` of zero or less becomes 1 second;
    /// - `burst` is clamped to `1...(requests - 1)` (1 when `requests` is 1).
    ///
    /// - Parameters:
    ///   - requests: Requests allowed per `period`.
    ///   - period: The period the limit is counted over.
    ///   - burst: Requests that may go out back to back before pacing starts; 10 by default.
    public init(requests: Int, per period: Duration, burst: Int = 10) {
        let requests = max(1, requests)
        self.requests = requests
        self.period = period > .zero ? period : .seconds(1)
        self.burst = max(1, min(burst, requests - 1))
    }

    /// Genesys' default for client-credentials tokens: 300 requests per minute per token
    /// (Genesys Cloud Developer Center, "Rate limits").
    public static let genesysDefault = RateLimit(requests: 300, per: .seconds(60), burst: 10)
}

/// A token-bucket rate limiter shared by every request of a ``GenesysClient`` (one per token).
///
/// Its job is to spend the budget evenly so a long run never provokes 429s, instead of bouncing off
/// them. Each caller reserves the next free slot and sleeps on the injected clock until it comes round;
/// slots are handed out in arrival order, except that a slot given back by a cancelled waiter goes to
/// the next caller. Share one instance between clients that share a token.
public actor RateLimiter {
    /// The limit enforced.
    public nonisolated let limit: RateLimit
    private let clock: any Clock<Duration>
    private let stopwatch: Stopwatch
    /// Time (since creation) at which the bucket is next full enough for one request, minus burst credit.
    private var nextFree: Duration
    private let interval: Duration
    /// Future slots given back by cancelled waiters, reused before new slots are made.
    private var freed: [Duration] = []

    /// Creates a limiter.
    /// - Parameters:
    ///   - limit: The limit to enforce.
    ///   - clock: The clock to measure and sleep on (inject a manual clock in tests).
    public init(_ limit: RateLimit = .genesysDefault, clock: any Clock<Duration> = ContinuousClock()) {
        self.limit = limit
        self.clock = clock
        self.stopwatch = Stopwatch(clock: clock)
        let refill = max(1, limit.requests - limit.burst)
        self.interval = limit.period / refill
        self.nextFree = .zero - interval * (limit.burst - 1)
    }

    /// Waits until one more request may be sent.
    /// - Throws: `CancellationError` if the task is cancelled before or while waiting (a slot it was
    ///   waiting for is given back).
    public func acquire() async throws {
        try Task.checkCancellation()
        let now = stopwatch.elapsed
        let slot = reserve(now: now)
        GenesysMetrics.recordRateLimiterWait(slot - now)
        guard slot > now else { return }
        do {
            try await clock.sleep(for: slot - now)
        } catch {
            release(slot)
            throw error
        }
    }

    /// How long the next caller would wait right now (for diagnostics and tests).
    public func currentDelay() -> Duration {
        let now = stopwatch.elapsed
        if let reusable = freed.filter({ $0 >= now }).min() { return reusable - now }
        let earliest = now - interval * (limit.burst - 1)
        return max(.zero, max(nextFree, earliest) - now)
    }

    private func reserve(now: Duration) -> Duration {
        // A slot given back by a cancelled waiter keeps the schedule exactly as it was planned, so it
        // is safe to hand out while it is still in the future (never later: that could crowd a window).
        freed.removeAll { $0 < now }
        if let index = freed.indices.min(by: { freed[$0] < freed[$1] }) {
            return freed.remove(at: index)
        }
        // The bucket holds at most `burst` credits: never let the schedule fall further behind than that.
        let earliest = now - interval * (limit.burst - 1)
        let slot = max(nextFree, earliest)
        nextFree = slot + interval
        return slot
    }

    /// Gives back the slot of a waiter that was cancelled.
    ///
    /// The newest reservation is simply taken back (`nextFree` moves back one interval: the state is then
    /// exactly as if the waiter had never asked). An older one is kept aside for the next caller while it
    /// is still in the future. Moving `nextFree` back for an older slot would give the next caller the
    /// same slot as the last waiter, and a few cancellations would then let a window exceed the limit.
    private func release(_ slot: Duration) {
        guard slot + interval == nextFree else {
            // Used late, a past slot could crowd a window: drop it instead.
            if slot > stopwatch.elapsed { freed.append(slot) }
            return
        }
        nextFree = slot
        // Earlier slots already given back may now be the newest reservations too.
        while let index = freed.firstIndex(of: nextFree - interval) {
            freed.remove(at: index)
            nextFree -= interval
        }
    }
}
