/// How many requests a client may send in a period.
public struct RateLimit: Sendable, Hashable {
    /// Requests allowed per ``period``.
    public var requests: Int
    /// The period the limit is counted over.
    public var period: Duration
    /// Requests that may go out back to back before pacing starts. The refill rate is lowered by this
    /// amount so that no window of length ``period`` ever holds more than ``requests``.
    public var burst: Int

    /// Creates a limit.
    public init(requests: Int, per period: Duration, burst: Int = 10) {
        precondition(requests > 0, "requests must be positive")
        precondition(period > .zero, "period must be positive")
        self.requests = requests
        self.period = period
        self.burst = max(1, min(burst, requests))
    }

    /// Genesys' default for client-credentials tokens: 300 requests per minute per token (§3.9).
    public static let genesysDefault = RateLimit(requests: 300, per: .seconds(60), burst: 10)
}

/// A token-bucket rate limiter shared by every request of a ``GenesysClient`` (one per token).
///
/// Its job is to spend the budget evenly so a long run never provokes 429s, instead of bouncing off
/// them. Waiters are served in arrival order: each reserves the next free slot and sleeps on the
/// injected clock until it comes round. Share one instance between clients that share a token.
public actor RateLimiter {
    /// The limit enforced.
    public nonisolated let limit: RateLimit
    private let clock: any Clock<Duration>
    private let stopwatch: Stopwatch
    /// Time (since creation) at which the bucket is next full enough for one request, minus burst credit.
    private var nextFree: Duration
    private let interval: Duration

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
    /// - Throws: `CancellationError` if the task is cancelled while waiting (the slot is given back).
    public func acquire() async throws {
        let delay = reserve()
        guard delay > .zero else { return }
        do {
            try await clock.sleep(for: delay)
        } catch {
            nextFree -= interval
            throw error
        }
    }

    /// How long the next caller would wait right now (for diagnostics and tests).
    public func currentDelay() -> Duration {
        let now = stopwatch.elapsed
        let earliest = now - interval * (limit.burst - 1)
        return max(.zero, max(nextFree, earliest) - now)
    }

    private func reserve() -> Duration {
        let now = stopwatch.elapsed
        // The bucket holds at most `burst` credits: never let the schedule fall further behind than that.
        let earliest = now - interval * (limit.burst - 1)
        let slot = max(nextFree, earliest)
        nextFree = slot + interval
        return max(.zero, slot - now)
    }
}
