import GenesysCore
import GenesysTesting
import Testing

/// Runs acquirers on a manual clock and records when each completes.
final class LimiterHarness: Sendable {
    let clock = ManualClock(mode: .manual)
    let limiter: RateLimiter
    private let completions = LockedBox<[Duration]>([])
    private let started = LockedBox(0)

    init(_ limit: RateLimit) { limiter = RateLimiter(limit, clock: clock) }

    var instants: [Duration] { completions.current.sorted() }
    var completedCount: Int { completions.current.count }

    /// Starts one acquirer; it records the clock's time when `acquire()` returns.
    @discardableResult
    func start() -> Task<Void, any Error> {
        Task {
            try await limiter.acquire()
            completions.withLock { $0.append(clock.now.offset) }
        }
    }

    /// Waits until every started acquirer has either completed or is asleep on the clock.
    func settle(expecting total: Int) async {
        while completedCount + clock.sleeperCount < total { await Task.yield() }
    }

    /// Moves time by `step` (or to the next deadline when `step` is nil) until nobody sleeps, letting each
    /// woken acquirer record its instant before the next step. With a step that divides every deadline, or
    /// with `nil`, the recorded instants are exact.
    func drain(step: Duration?, total: Int) async {
        while clock.sleeperCount > 0 {
            if let step { clock.advance(by: step) } else { clock.advanceToNextDeadline() }
            while completedCount < total - clock.sleeperCount { await Task.yield() }
        }
    }

    /// The largest number of completions within any half-open window `[t, t + period)`.
    static func maxInWindow(_ instants: [Duration], period: Duration) -> Int {
        var best = 0
        for (i, start) in instants.enumerated() {
            best = max(best, instants[i...].prefix { $0 < start + period }.count)
        }
        return best
    }
}

@Suite("RateLimiter")
struct RateLimiterTests {
    @Test("the first burst acquisitions do not wait")
    func burstIsFree() async throws {
        let clock = ManualClock(mode: .manual)
        let limiter = RateLimiter(RateLimit(requests: 10, per: .seconds(1), burst: 3), clock: clock)
        for _ in 0..<3 { try await limiter.acquire() }
        #expect(clock.sleeps.isEmpty)
        #expect(await limiter.currentDelay() == .seconds(1) / 7)
    }

    @Test("after the burst, acquisitions are spaced period/(requests-burst) apart, in any window at most requests")
    func pacing() async throws {
        let limit = RateLimit(requests: 10, per: .seconds(1), burst: 2)
        let harness = LimiterHarness(limit)
        let tasks = (0..<50).map { _ in harness.start() }
        await harness.settle(expecting: 50)
        #expect(harness.completedCount == 2)

        await harness.drain(step: .milliseconds(25), total: 50)
        for task in tasks { try await task.value }

        let instants = harness.instants
        let interval = Duration.milliseconds(125)
        let expected = [Duration.zero, .zero] + (1...48).map { interval * $0 }
        #expect(instants == expected)
        #expect(LimiterHarness.maxInWindow(instants, period: .seconds(1)) <= 10)
    }

    @Test("an idle limiter earns back its burst, never more")
    func burstRefills() async throws {
        let clock = ManualClock(mode: .manual)
        let limiter = RateLimiter(RateLimit(requests: 10, per: .seconds(1), burst: 2), clock: clock)
        for _ in 0..<2 { try await limiter.acquire() }
        #expect(await limiter.currentDelay() == .milliseconds(125))
        clock.advance(by: .seconds(60))
        for _ in 0..<2 { try await limiter.acquire() }
        #expect(clock.sleeps.isEmpty)
        #expect(await limiter.currentDelay() == .milliseconds(125))
    }

    @Test("bursts after idle periods never push a window over the limit", arguments: [
        RateLimit(requests: 10, per: .seconds(1), burst: 2), RateLimit(requests: 5, per: .seconds(1), burst: 5),
        RateLimit(requests: 300, per: .seconds(60), burst: 10), RateLimit(requests: 1, per: .seconds(1), burst: 1),
    ])
    func windowsAcrossIdle(limit: RateLimit) async throws {
        let harness = LimiterHarness(limit)
        var total = 0
        // Alternate bursts of callers with idle gaps of different lengths.
        for (round, gap) in [Duration.zero, .milliseconds(300), .milliseconds(999), .seconds(2), .milliseconds(1)].enumerated() {
            harness.clock.advance(by: gap * (limit.period / .seconds(1)))
            let callers = limit.requests + round * 3
            for _ in 0..<callers { harness.start() }
            total += callers
            await harness.settle(expecting: total)
            await harness.drain(step: nil, total: total)
        }
        #expect(harness.completedCount == total)
        #expect(LimiterHarness.maxInWindow(harness.instants, period: limit.period) <= limit.requests)
    }

    @Test("a waiter's cancellation throws CancellationError and gives its slot to the next caller")
    func cancellation() async throws {
        let harness = LimiterHarness(RateLimit(requests: 5, per: .seconds(1), burst: 1))
        try await harness.limiter.acquire()
        let waiter = harness.start()
        try await harness.clock.waitForSleepers(1)

        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }

        // The freed slot (250 ms) is handed to the next caller, not lost and not doubled.
        #expect(await harness.limiter.currentDelay() == .milliseconds(250))
    }

    @Test("an already cancelled task does not take a slot")
    func cancelledBeforeAcquire() async throws {
        let clock = ManualClock(mode: .manual)
        let limiter = RateLimiter(RateLimit(requests: 5, per: .seconds(1), burst: 1), clock: clock)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await limiter.acquire()
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await limiter.currentDelay() == .zero)
    }

    @Test("cancelling several queued waiters never lets a window exceed the limit")
    func cancellationKeepsLimit() async throws {
        let limit = RateLimit(requests: 5, per: .seconds(1), burst: 1)   // one slot every 250 ms
        let harness = LimiterHarness(limit)
        try await harness.limiter.acquire()   // t = 0, the burst
        var waiters: [Task<Void, any Error>] = []
        for n in 1...8 {                      // slots 250 ms … 2 s, in order
            waiters.append(harness.start())
            try await harness.clock.waitForSleepers(n)
        }
        for waiter in waiters.prefix(3) { waiter.cancel() }
        for waiter in waiters.prefix(3) { await #expect(throws: CancellationError.self) { try await waiter.value } }
        for n in 1...3 {                      // newcomers take the freed slots
            harness.start()
            try await harness.clock.waitForSleepers(5 + n)
        }

        await harness.drain(step: .milliseconds(50), total: 8)

        let instants = [Duration.zero] + harness.instants
        #expect(instants.count == 9)
        #expect(LimiterHarness.maxInWindow(instants, period: limit.period) <= limit.requests)
        #expect(instants == (0...8).map { .milliseconds(250) * $0 })
    }

    @Test("copies of a client share one limiter, and init(sharing:) shares it across clients")
    func sharedAcrossCopies() async throws {
        let clock = ManualClock(mode: .manual)
        let transport = MockTransport { _, _ in .json("{}") }
        let client = try makeClient(transport, rateLimit: RateLimit(requests: 2, per: .seconds(1), burst: 1), clock: clock)
        let copy = client
        let sibling = try GenesysClient(
            configuration: client.configuration, transport: transport, tokenProvider: StaticTokenProvider(secretToken),
            sharing: client.rateLimiter, clock: clock
        )
        #expect(copy.rateLimiter === client.rateLimiter)
        #expect(sibling.rateLimiter === client.rateLimiter)

        _ = try await client.send(.getSkills)                 // the burst
        let second = Task { try await copy.send(.getSkills) }  // must wait for the next slot (1 s)
        try await clock.waitForSleepers(1)
        let third = Task { try await sibling.send(.getSkills) }
        try await clock.waitForSleepers(2)
        #expect(transport.exchanges.count == 1)

        clock.advance(by: .seconds(1))
        _ = try await second.value
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .seconds(1))
        _ = try await third.value
        #expect(transport.exchanges.count == 3)
    }

    @Test("RateLimit clamps burst into 1...requests-1, so a window never holds more than the limit")
    func clamping() {
        #expect(RateLimit(requests: 5, per: .seconds(1), burst: 0).burst == 1)
        #expect(RateLimit(requests: 5, per: .seconds(1), burst: 50).burst == 4)
        #expect(RateLimit(requests: 1, per: .seconds(1), burst: 5).burst == 1)
        #expect(RateLimit.genesysDefault == RateLimit(requests: 300, per: .seconds(60), burst: 10))
    }

    @Test("RateLimit clamps requests below 1 to 1 and a non-positive period to 1 s instead of trapping", arguments: [
        (0, Duration.seconds(60)), (-5, .seconds(60)), (Int.min, .seconds(60)), (3, .zero), (3, .seconds(-1)), (0, .zero),
    ])
    func clampsUnusableValues(requests: Int, period: Duration) async throws {
        let limit = RateLimit(requests: requests, per: period, burst: 10)
        #expect(limit.requests == max(1, requests))
        #expect(limit.period == (period > .zero ? period : .seconds(1)))
        #expect(limit.burst == max(1, min(10, limit.requests - 1)))
        #expect(limit.requests >= 1 && limit.period > .zero && (1..<max(2, limit.requests)).contains(limit.burst))

        // The limiter works with the clamped values: the burst is free, the next request is paced.
        let clock = ManualClock(mode: .manual)
        let limiter = RateLimiter(limit, clock: clock)
        for _ in 0..<limit.burst { try await limiter.acquire() }
        #expect(clock.sleeps.isEmpty)
        #expect(await limiter.currentDelay() > .zero)
    }
}
