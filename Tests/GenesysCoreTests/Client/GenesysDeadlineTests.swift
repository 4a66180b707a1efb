import Foundation
import GenesysCore
import GenesysTesting
import Testing

/// A policy that always retries after `delay`: without a deadline a server that always fails would be
/// retried forever.
private struct RetryForever: RetryPolicy {
    let delay: Duration
    func decide(_ attempt: RetryAttempt) -> RetryDecision { .retry(after: delay) }
}

@Suite("GenesysDeadline")
struct GenesysDeadlineTests {
    @Test("retries of a request that always answers 500 stop at the deadline, never sleeping past it")
    func clientRetriesStopAtDeadline() async throws {
        let transport = MockTransport { _, _ in .json(#"{"message":"boom"}"#, status: 500) }
        let clock = ManualClock(mode: .autoAdvance)
        let client = try makeClient(transport, policy: RetryForever(delay: .seconds(3)), clock: clock)
        let deadline = GenesysDeadline(timeout: .seconds(10), clock: clock, label: "listing skills")

        let error = try await #require(throws: GenesysError.self) {
            try await deadline.run { _ = try await client.send(.getSkills) }
        }
        #expect(error.code == .deadlineExceeded)
        #expect(error.operation == "routing.listSkills")
        #expect(error.status == 500)
        #expect((error.underlying as? GenesysError)?.code == .serverError)
        #expect(error.localizedMessage.contains("the deadline of 10 s for listing skills passed"))
        #expect(clock.now.offset <= .seconds(10))
        #expect(clock.now.offset >= .seconds(9))   // 3 retries of 3 s, then the 4th would pass the deadline
        #expect(transport.exchanges.count == 4)
    }

    @Test("an inner deadline never extends the outer one")
    func nestedDeadlines() async throws {
        let clock = ManualClock(mode: .autoAdvance)
        let outer = GenesysDeadline(timeout: .seconds(5), clock: clock, label: "outer")
        let inner = GenesysDeadline(timeout: .seconds(60), clock: clock, label: "inner")
        let seen = await outer.run { await inner.run { GenesysDeadline.current?.label } }
        #expect(seen == "outer")
        let shorter = GenesysDeadline(timeout: .seconds(1), clock: clock, label: "shorter")
        #expect(await outer.run { await shorter.run { GenesysDeadline.current?.label } } == "shorter")
        #expect(GenesysDeadline.current == nil)
    }

    @Test("time spent waiting for rate-limit slots does not use up the deadline: pacing is not failing")
    func pacingIsExcused() async throws {
        let transport = MockTransport { _, _ in .json(#"{"entities":[]}"#) }
        let clock = ManualClock(mode: .autoAdvance)
        // 2 requests a minute: the 4th request waits well past a 10 s deadline for its slot.
        let client = try makeClient(transport, rateLimit: RateLimit(requests: 2, per: .seconds(60)), clock: clock)
        let deadline = GenesysDeadline(timeout: .seconds(10), clock: clock, label: "four reads")
        try await deadline.run {
            for _ in 0..<4 { _ = try await client.send(.getSkills) }
        }
        #expect(transport.exchanges.count == 4)
        #expect(clock.now.offset > .seconds(10))
        #expect(deadline.remaining > .seconds(9))   // the slot waits were given back
    }
}
