import GenesysCore
import Testing

@Suite("AdaptivePacing")
struct AdaptivePacingTests {
    let period = Duration.seconds(60)

    @Test("a 429 blocks that token only, for its Retry-After, and halves its rate")
    func throttleBlocksOneToken() {
        var pacing = AdaptivePacing(tokens: 3, period: period)
        let shared = pacing.recordThrottle(lane: 1, retryAfter: .seconds(7), now: .seconds(10), sentInLastPeriod: 100, fullRate: 870)
        #expect(shared == false)
        #expect(pacing.lanes[1].blockedUntil == .seconds(17))
        #expect(pacing.lanes[0].blockedUntil == .zero)
        #expect(pacing.lanes[2].blockedUntil == .zero)
        #expect(pacing.factor(of: 1, at: .seconds(10)) == 0.5)
        #expect(pacing.factor(of: 0, at: .seconds(10)) == 1)
    }

    @Test("without Retry-After the default wait is used; a second 429 halves again")
    func defaultWaitAndRepeatedDecrease() {
        var pacing = AdaptivePacing(tokens: 1, period: period)
        pacing.recordThrottle(lane: 0, retryAfter: nil, now: .zero, sentInLastPeriod: 10, fullRate: 290)
        #expect(pacing.lanes[0].blockedUntil == .seconds(1))
        pacing.recordThrottle(lane: 0, retryAfter: nil, now: .seconds(1), sentInLastPeriod: 10, fullRate: 290)
        let factor = pacing.factor(of: 0, at: .seconds(1))
        #expect(abs(factor - (0.5 + 0.05 / 60) * 0.5) < 1e-9)
    }

    @Test("recovery is additive: the recovery share per period, spread over the tokens, up to full rate")
    func additiveRecovery() {
        var pacing = AdaptivePacing(tokens: 2, period: period, settings: AdaptivePacing.Settings(recovery: 0.1))
        pacing.recordThrottle(lane: 0, retryAfter: .seconds(1), now: .zero, sentInLastPeriod: 0, fullRate: 580)
        #expect(pacing.factor(of: 0, at: .zero) == 0.5)
        // 0.1 per period over 2 tokens: 0.05 per period and token.
        #expect(abs(pacing.factor(of: 0, at: .seconds(60)) - 0.55) < 1e-9)
        #expect(abs(pacing.factor(of: 0, at: .seconds(600)) - 1.0) < 1e-9)
        #expect(pacing.factor(of: 0, at: .seconds(6000)) == 1)
    }

    @Test("never below the floor")
    func floor() {
        var pacing = AdaptivePacing(tokens: 1, period: period, settings: AdaptivePacing.Settings(floor: 0.2))
        for second in 0..<10 {
            pacing.recordThrottle(lane: 0, retryAfter: .zero, now: .seconds(second), sentInLastPeriod: 1, fullRate: 290)
        }
        #expect(pacing.factor(of: 0, at: .seconds(9)) >= 0.2)
    }

    @Test("429s on two tokens within a period reveal a shared limit: every token waits and the pool drops to what got through")
    func sharedLimit() {
        var pacing = AdaptivePacing(tokens: 10, period: period, settings: AdaptivePacing.Settings(sharedTarget: 0.9))
        let first = pacing.recordThrottle(lane: 0, retryAfter: .seconds(50), now: .seconds(5), sentInLastPeriod: 300, fullRate: 2900)
        let second = pacing.recordThrottle(lane: 3, retryAfter: .seconds(50), now: .seconds(5), sentInLastPeriod: 300, fullRate: 2900)
        #expect(!first)
        #expect(second)
        #expect(pacing.sharedLimitEvents == 1)
        let total = (0..<10).map { pacing.factor(of: $0, at: .seconds(5)) }.reduce(0, +) * 290
        #expect(abs(total - 270) < 1)   // 90 % of the 300 that got through
        #expect(pacing.lanes.allSatisfy { $0.blockedUntil == .seconds(55) })
    }

    @Test("429s on two tokens more than a period apart are independent")
    func notSharedWhenFarApart() {
        var pacing = AdaptivePacing(tokens: 2, period: period)
        pacing.recordThrottle(lane: 0, retryAfter: .seconds(1), now: .zero, sentInLastPeriod: 10, fullRate: 580)
        let shared = pacing.recordThrottle(lane: 1, retryAfter: .seconds(1), now: .seconds(61), sentInLastPeriod: 10, fullRate: 580)
        #expect(!shared)
        #expect(pacing.lanes[0].blockedUntil == .seconds(1))
    }

    @Test("a 429 for a request sent before its token slowed down blocks the token but does not slow it again")
    func inFlightThrottleDoesNotDecreaseTwice() {
        var pacing = AdaptivePacing(tokens: 1, period: period)
        pacing.recordThrottle(lane: 0, retryAfter: .seconds(2), now: .seconds(10), sentAt: .seconds(9.9), sentInLastPeriod: 300, fullRate: 300)
        // Sent at 9.95 s, before the decrease at 10 s: it was in flight.
        pacing.recordThrottle(lane: 0, retryAfter: .seconds(3), now: .seconds(10.05), sentAt: .seconds(9.95), sentInLastPeriod: 300, fullRate: 300)
        #expect(abs(pacing.factor(of: 0, at: .seconds(10.05)) - 0.5) < 0.001)
        #expect(pacing.lanes[0].blockedUntil == .seconds(13.05))
        // Sent after the decrease: it is new evidence, and halves again.
        pacing.recordThrottle(lane: 0, retryAfter: .seconds(1), now: .seconds(20), sentAt: .seconds(19.9), sentInLastPeriod: 300, fullRate: 300)
        #expect(pacing.factor(of: 0, at: .seconds(20)) < 0.26)
    }

    @Test("in-flight 429s on other tokens after a shared limit do not count as new shared limits")
    func inFlightAfterSharedLimit() {
        var pacing = AdaptivePacing(tokens: 10, period: period)
        pacing.recordThrottle(lane: 0, retryAfter: .seconds(40), now: .seconds(20), sentAt: .seconds(19.9), sentInLastPeriod: 300, fullRate: 3000)
        pacing.recordThrottle(lane: 1, retryAfter: .seconds(40), now: .seconds(20.01), sentAt: .seconds(19.9), sentInLastPeriod: 300, fullRate: 3000)
        #expect(pacing.sharedLimitEvents == 1)
        let afterFirst = (0..<10).map { pacing.factor(of: $0, at: .seconds(20.01)) }
        for lane in 2..<10 {
            let shared = pacing.recordThrottle(
                lane: lane, retryAfter: .seconds(40), now: .seconds(20.02), sentAt: .seconds(19.95), sentInLastPeriod: 300, fullRate: 3000
            )
            #expect(!shared)
        }
        #expect(pacing.sharedLimitEvents == 1)
        let total = (0..<10).map { pacing.factor(of: $0, at: .seconds(20.02)) }.reduce(0, +) * 300
        #expect(abs(total - 276) < 1)   // 92 % of the 300 that got through, once
        #expect(abs(afterFirst.reduce(0, +) * 300 - 276) < 1)
    }

    @Test("a shared limit gives every token an equal share; later 429s are taken as that limit again")
    func sharedLimitIsRemembered() {
        var pacing = AdaptivePacing(tokens: 4, period: period)
        pacing.recordThrottle(lane: 0, retryAfter: .seconds(1), now: .seconds(10), sentInLastPeriod: 400, fullRate: 1200)
        pacing.recordThrottle(lane: 1, retryAfter: .seconds(1), now: .seconds(11), sentInLastPeriod: 400, fullRate: 1200)
        let factors = (0..<4).map { pacing.factor(of: $0, at: .seconds(11)) }
        #expect(factors.allSatisfy { abs($0 - factors[0]) < 1e-9 })
        // Five minutes later one 429 on one token: the limit is the shared one, every token waits.
        let shared = pacing.recordThrottle(lane: 2, retryAfter: .seconds(2), now: .seconds(311), sentInLastPeriod: 380, fullRate: 1200)
        #expect(shared)
        #expect(pacing.sharedLimitEvents == 2)
        #expect(pacing.lanes.allSatisfy { $0.blockedUntil == .seconds(313) })
        let total = (0..<4).map { pacing.factor(of: $0, at: .seconds(311)) }.reduce(0, +) * 300
        #expect(abs(total - 0.92 * 380) < 1)
    }

    @Test("a token throttled at its own limit (jitter) slows to 92 % of what got through, not to half")
    func throttledAtItsLimit() {
        var pacing = AdaptivePacing(tokens: 2, period: period)
        pacing.recordThrottle(lane: 0, retryAfter: .seconds(1), now: .seconds(600), sentInLastPeriod: 590, fullRate: 600, tokenSentInLastPeriod: 295)
        #expect(abs(pacing.factor(of: 0, at: .seconds(600)) - 0.92 * 295 / 300) < 1e-9)
        #expect(pacing.factor(of: 1, at: .seconds(600)) == 1)
        // Well below its limit, the cut is at most a halving.
        pacing.recordThrottle(lane: 1, retryAfter: .seconds(1), now: .seconds(1200), sentInLastPeriod: 400, fullRate: 600, tokenSentInLastPeriod: 20)
        #expect(pacing.factor(of: 1, at: .seconds(1200)) == 0.5)
    }
}
