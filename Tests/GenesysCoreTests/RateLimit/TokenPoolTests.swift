import GenesysCore
import GenesysTesting
import Logging
import Testing

/// A provider that hands out `t<lane>-<n>` and counts fetches and invalidations.
final class CountingProvider: AccessTokenProvider {
    let lane: Int
    private let state = LockedBox((fetches: 0, invalidations: 0, current: String?.none))

    init(lane: Int) { self.lane = lane }

    var fetches: Int { state.current.fetches }
    var invalidations: Int { state.current.invalidations }

    func accessToken(logger: Logger) async throws -> AccessToken {
        state.withLock { value in
            if value.current == nil {
                value.fetches += 1
                value.current = "t\(lane)-\(value.fetches)"
            }
            return AccessToken(value: value.current ?? "")
        }
    }

    func invalidate(_ token: AccessToken) async {
        state.withLock { value in
            if value.current == token.value {
                value.current = nil
                value.invalidations += 1
            }
        }
    }
}

/// A provider whose token endpoint throttles: it always fails like a throttled login host.
struct ThrottledProvider: AccessTokenProvider {
    func accessToken(logger: Logger) async throws -> AccessToken {
        throw GenesysError(code: .authenticationFailed, operation: "oauth.requestToken", status: 400, message: "throttled", retryAfter: .seconds(30))
    }

    func invalidate(_ token: AccessToken) async {}
}

@Suite("TokenPool")
struct TokenPoolTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A pool of `tokens` counting providers on an auto-advancing clock.
    func makePool(tokens: Int, _ limit: RateLimit, apiShare: Int = 100) throws -> (TokenPool, ManualClock) {
        let clock = ManualClock(mode: .autoAdvance)
        let pool = try TokenPool(
            tokenProviders: (0..<tokens).map { CountingProvider(lane: $0) }, rateLimit: limit, apiShare: apiShare, clock: clock
        )
        return (pool, clock)
    }

    /// Leases `count` times; returns the clock's time of each lease, per token.
    func leaseTimes(_ pool: TokenPool, clock: ManualClock, count: Int) async throws -> [[Duration]] {
        var times = Array(repeating: [Duration](), count: pool.size)
        for _ in 0..<count {
            let lease = try await pool.lease(logger: logger)
            times[lease.lane].append(clock.now.offset)
        }
        return times
    }

    @Test("requests go to the token whose slot comes first; a token is fetched when first picked")
    func distribution() async throws {
        let clock = ManualClock(mode: .autoAdvance)
        let providers = (0..<3).map { CountingProvider(lane: $0) }
        let pool = try TokenPool(tokenProviders: providers, rateLimit: RateLimit(requests: 60, per: .seconds(60), burst: 4), clock: clock)
        _ = try await pool.lease(logger: logger)
        #expect(providers.map(\.fetches) == [1, 0, 0])
        var lanes: [Int] = []
        for _ in 0..<11 { lanes.append(try await pool.lease(logger: logger).lane) }
        // Every token's burst is used before anyone waits.
        #expect(clock.now.offset < .seconds(1))
        #expect(providers.map(\.fetches) == [1, 1, 1])
        let snapshot = await pool.snapshot()
        #expect(snapshot.sent == [4, 4, 4])
        #expect(snapshot.tokensInUse == 3)
    }

    @Test("over time every token carries an equal share, never over its own limit in any window")
    func evenShareOverTime() async throws {
        let (pool, clock) = try makePool(tokens: 2, RateLimit(requests: 20, per: .seconds(10), burst: 2))
        let times = try await leaseTimes(pool, clock: clock, count: 200)
        #expect(abs(times[0].count - times[1].count) <= 1)
        for lane in 0..<2 {
            #expect(LimiterHarness.maxInWindow(times[lane].sorted(), period: .seconds(10)) <= 20)
        }
    }

    @Test("budget share: at P % no token ever sends more than P % of its limit in any window")
    func budgetShare() async throws {
        let (pool, clock) = try makePool(tokens: 2, RateLimit(requests: 40, per: .seconds(10), burst: 5), apiShare: 25)
        #expect(pool.effectiveLimit?.requests == 10)
        let times = try await leaseTimes(pool, clock: clock, count: 150)
        for lane in 0..<2 {
            #expect(LimiterHarness.maxInWindow(times[lane].sorted(), period: .seconds(10)) <= 10)
        }
        // And the pool as a whole stays within a quarter of its budget.
        #expect(LimiterHarness.maxInWindow((times[0] + times[1]).sorted(), period: .seconds(10)) <= 20)
    }

    @Test("a 401 replaces only that token; the others keep theirs")
    func independentInvalidation() async throws {
        let clock = ManualClock(mode: .autoAdvance)
        let providers = (0..<2).map { CountingProvider(lane: $0) }
        let pool = try TokenPool(tokenProviders: providers, rateLimit: RateLimit(requests: 60, per: .seconds(60), burst: 2), clock: clock)
        let first = try await pool.lease(logger: logger)
        #expect(first.lane == 0)
        var other = try await pool.lease(logger: logger)
        while other.lane != 1 { other = try await pool.lease(logger: logger) }
        await pool.invalidate(first)
        #expect(providers.map(\.invalidations) == [1, 0])
        var again = try await pool.lease(logger: logger)
        while again.lane != 0 { again = try await pool.lease(logger: logger) }
        #expect(again.token.value == "t0-2")
        var stillOther = try await pool.lease(logger: logger)
        while stillOther.lane != 1 { stillOther = try await pool.lease(logger: logger) }
        #expect(stillOther.token.value == "t1-1")
        #expect(providers.map(\.fetches) == [2, 1])
    }

    @Test("a 429 holds that token back for its Retry-After, slows it, and it recovers")
    func backOffAndRecovery() async throws {
        let (pool, clock) = try makePool(tokens: 2, RateLimit(requests: 60, per: .seconds(60), burst: 1))
        let lease = try await pool.lease(logger: logger)
        #expect(lease.lane == 0)
        await pool.record(lease, status: 429, retryAfter: .seconds(30), latency: .milliseconds(100))
        // Until the Retry-After has passed, only the other token is used.
        var lanes: [(Duration, Int)] = []
        while clock.now.offset < .seconds(30) {
            let next = try await pool.lease(logger: logger)
            lanes.append((clock.now.offset, next.lane))
        }
        #expect(lanes.filter { $0.0 < .seconds(30) }.allSatisfy { $0.1 == 1 })
        let snapshot = await pool.snapshot()
        #expect(snapshot.throttled == [1, 0])
        #expect(snapshot.factors[0] < 0.52)
        #expect(snapshot.factors[1] == 1)
        // Then it comes back, at half the rate, recovering additively.
        var afterwards: [Int] = []
        for _ in 0..<30 { afterwards.append(try await pool.lease(logger: logger).lane) }
        #expect(afterwards.contains(0))
        #expect(afterwards.filter { $0 == 0 }.count < afterwards.filter { $0 == 1 }.count)
        clock.advance(by: .seconds(60 * 60))
        let recovered = await pool.snapshot()
        #expect(recovered.factors[0] == 1)
    }

    @Test("a token the login host refuses to issue is set aside; the pool goes on with the tokens it has")
    func tokenEndpointThrottling() async throws {
        let clock = ManualClock(mode: .autoAdvance)
        let working = CountingProvider(lane: 0)
        let pool = try TokenPool(
            tokenProviders: [working, ThrottledProvider()],
            rateLimit: RateLimit(requests: 60, per: .seconds(60), burst: 2), clock: clock
        )
        var lanes: [Int] = []
        for _ in 0..<10 { lanes.append(try await pool.lease(logger: logger).lane) }
        #expect(lanes.allSatisfy { $0 == 0 })
        #expect(await pool.snapshot().tokensInUse == 1)
    }

    @Test("when no token can be fetched, the error reaches the caller")
    func noTokenAtAll() async throws {
        let pool = try TokenPool(tokenProviders: [ThrottledProvider()], rateLimit: nil, clock: ManualClock(mode: .autoAdvance))
        await #expect(throws: GenesysError.self) { try await pool.lease(logger: logger) }
    }

    @Test("concurrency follows the budget: rate × observed latency, capped")
    func littlesLaw() async throws {
        let clock = ManualClock(mode: .manual)
        let pool = try TokenPool(
            tokenProviders: (0..<10).map { CountingProvider(lane: $0) },
            rateLimit: RateLimit(requests: 300, per: .seconds(60), burst: 10), clock: clock
        )
        #expect(await pool.suggestedConcurrency(cap: 16) == 16)   // no latency observed yet
        let lease = try await pool.lease(logger: logger)
        await pool.record(lease, status: 200, retryAfter: nil, latency: .milliseconds(200))
        // 10 × 300/min = 50/s; × 0.2 s = 10; + 25 % + 1 = 13.5 → 14.
        #expect(await pool.suggestedConcurrency(cap: 64) == 14)
        #expect(await pool.suggestedConcurrency(cap: 8) == 8)
    }

    @Test("tokens held by a shared limit restart one pool interval apart, not all at once")
    func staggeredRestart() async throws {
        let (pool, clock) = try makePool(tokens: 4, RateLimit(requests: 60, per: .seconds(60), burst: 1))
        var leases: [TokenLease] = []
        for _ in 0..<4 { leases.append(try await pool.lease(logger: logger)) }
        #expect(Set(leases.map(\.lane)) == [0, 1, 2, 3])
        await pool.record(leases[0], status: 200, retryAfter: nil, latency: .milliseconds(100))
        await pool.record(leases[1], status: 429, retryAfter: .seconds(5), latency: .milliseconds(100))
        await pool.record(leases[2], status: 429, retryAfter: .seconds(5), latency: .milliseconds(100))
        #expect(await pool.snapshot().sharedLimitEvents == 1)
        var restart: [Duration] = []
        for _ in 0..<4 {
            _ = try await pool.lease(logger: logger)
            restart.append(clock.now.offset)
        }
        // Every token waited for the Retry-After (+0.5 s), then they went one after another.
        #expect(restart.allSatisfy { $0 >= .seconds(5.5) })
        #expect(zip(restart, restart.dropFirst()).allSatisfy { $1 > $0 })
    }

    @Test("1 token: a long run keeps about 98 % of the limit, never over it in any window")
    func oneTokenSchedule() async throws {
        let (pool, clock) = try makePool(tokens: 1, .genesysDefault)
        let times = try await leaseTimes(pool, clock: clock, count: 3_000)
        let perMinute = Double(times[0].count) / (clock.now.offset / .seconds(60))
        #expect(perMinute >= 0.97 * 300, "\(perMinute) per minute")
        #expect(LimiterHarness.maxInWindow(times[0], period: .seconds(61)) <= 300)
    }

    @Test("1 token throttled after a minute at its limit keeps about 90 % of its rate")
    func throttledAtItsLimit() async throws {
        let (pool, _) = try makePool(tokens: 1, .genesysDefault)
        for _ in 0..<300 {
            let lease = try await pool.lease(logger: logger)
            await pool.record(lease, status: 200, retryAfter: nil, latency: .milliseconds(100))
        }
        let lease = try await pool.lease(logger: logger)
        await pool.record(lease, status: 429, retryAfter: .seconds(1), latency: .milliseconds(100))
        let factor = try #require(await pool.snapshot().factors.first)
        #expect(factor > 0.85 && factor < 0.95, "\(factor)")
    }
}
