import GenesysCore
import GenesysTesting
import Logging
import Testing

/// A server that counts its limit in a sliding window, like Genesys (and `FakeGenesysOrg`): per token,
/// or for the whole pool when the org counts per OAuth client. A 429 carries `Retry-After` in whole
/// seconds (at least 1) until the oldest request in the window leaves it; a 429 is not counted.
struct SlidingWindowServer {
    let limit: Int
    let period: Duration
    let shared: Bool
    private var windows: [Int: [Duration]] = [:]

    init(limit: Int, period: Duration = .seconds(60), shared: Bool) {
        self.limit = limit
        self.period = period
        self.shared = shared
    }

    /// `nil` when the request on `lane` arriving at `now` is accepted, else its `Retry-After`.
    mutating func admit(lane: Int, at now: Duration) -> Duration? {
        let key = shared ? 0 : lane
        var window = windows[key, default: []]
        defer { windows[key] = window }
        window.removeAll { $0 <= now - period }
        if window.count >= limit, let oldest = window.first {
            let (seconds, attoseconds) = (oldest + period - now).components
            return .seconds(max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0)))
        }
        window.append(now)
        return nil
    }
}

/// What one simulated run did.
struct PoolRun: Sendable {
    var accepted = 0
    var throttled = 0
    var throttledPerLane: [Int]
    /// Requests sent on a token before the `Retry-After` of its last 429 had passed.
    var sentWhileBlocked = 0
    /// Virtual time the run took.
    var wall: Duration = .zero
    /// Requests sent so far (for deterministic jitter).
    var step = 0
    /// Per token: no request may go out before this (its last 429's `Retry-After`).
    var blockedUntil: [Duration]
}

/// Drives a pool against a sliding-window server on a manual clock with `workers` requests in flight:
/// each worker leases a token, its request arrives at the server half its latency later (`latency` plus
/// a deterministic jitter of up to `jitter`), and the answer is reported to the pool when it is back.
/// Time only moves when every worker is asleep, so the run is a discrete-event simulation.
func simulatePool(
    tokens: Int, limit: RateLimit, server: SlidingWindowServer, duration: Duration, workers: Int = 8,
    latency: Duration = .milliseconds(80), jitter: Duration = .milliseconds(80)
) async throws -> (PoolRun, TokenPool) {
    let clock = ManualClock(mode: .manual)
    let pool = try TokenPool(tokenProviders: (0..<tokens).map { CountingProvider(lane: $0) }, rateLimit: limit, clock: clock)
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    let state = LockedBox((
        server: server,
        run: PoolRun(throttledPerLane: Array(repeating: 0, count: tokens), blockedUntil: Array(repeating: .zero, count: tokens))
    ))
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<workers {
            group.addTask {
                while true {
                    let lease = try await pool.lease(logger: logger)
                    let delay: Duration = state.withLock { state in
                        if clock.now.offset < state.run.blockedUntil[lease.lane] { state.run.sentWhileBlocked += 1 }
                        state.run.step += 1
                        return latency + jitter * (Double((state.run.step * 7919) % 101) / 100)
                    }
                    try await clock.sleep(for: delay / 2)
                    let answer: Duration? = state.withLock { state in
                        let now = clock.now.offset
                        guard let retryAfter = state.server.admit(lane: lease.lane, at: now) else {
                            state.run.accepted += 1
                            return nil
                        }
                        state.run.throttled += 1
                        state.run.throttledPerLane[lease.lane] += 1
                        state.run.blockedUntil[lease.lane] = now + retryAfter
                        return retryAfter
                    }
                    try await clock.sleep(for: delay / 2)
                    await pool.record(lease, status: answer == nil ? 200 : 429, retryAfter: answer, latency: delay)
                }
            }
        }
        while clock.now.offset < duration {
            try await clock.waitForSleepers(workers)
            clock.advanceToNextDeadline()
        }
        group.cancelAll()
        while let _ = try? await group.next() {}
    }
    var run = state.withLock { $0.run }
    run.wall = clock.now.offset
    return (run, pool)
}

@Suite("TokenPool throughput")
struct PoolThroughputTests {
    let limit = RateLimit.genesysDefault

    /// Accepted requests per period over the run, as a share of `perPeriod`.
    func share(_ run: PoolRun, of perPeriod: Int) -> Double {
        Double(run.accepted) / (Double(perPeriod) * (run.wall / limit.period))
    }

    @Test("1 token: at least 97 % of the limit over 12 minutes, no 429")
    func oneToken() async throws {
        let server = SlidingWindowServer(limit: 300, shared: false)
        let (run, _) = try await simulatePool(tokens: 1, limit: limit, server: server, duration: .seconds(12 * 60))
        #expect(run.throttled == 0)
        #expect(share(run, of: 300) >= 0.97, "utilisation \(share(run, of: 300))")
    }

    @Test("10 tokens: at least 90 % of 10 × the limit, no 429")
    func tenTokens() async throws {
        let server = SlidingWindowServer(limit: 300, shared: false)
        let (run, _) = try await simulatePool(
            tokens: 10, limit: limit, server: server, duration: .seconds(90))
        #expect(run.throttled == 0)
        #expect(share(run, of: 3000) >= 0.90, "utilisation \(share(run, of: 3000))")
    }

    @Test("limit counted per client: 10 tokens converge to ≥ 90 % of it with ≤ 20 × 429, never sending on a blocked token")
    func sharedLimit() async throws {
        let server = SlidingWindowServer(limit: 300, shared: true)
        let (run, pool) = try await simulatePool(tokens: 10, limit: limit, server: server, duration: .seconds(14 * 60))
        let snapshot = await pool.snapshot()
        #expect(run.throttled <= 20, "429s per token \(run.throttledPerLane)")
        #expect(run.sentWhileBlocked == 0)
        #expect(snapshot.sharedLimitEvents >= 1)
        #expect(share(run, of: 300) >= 0.90, "accepted/limit \(share(run, of: 300)), 429s \(run.throttled)")
    }
}
