import GenesysTesting
import Testing

/// The retry and rate-limit cancellation tests rely on `ManualClock` ending a sleep when its task is
/// cancelled, however the cancellation races with the sleep's registration.
@Suite("ManualClock cancellation")
struct ManualClockCancellationTests {
    @Test("a sleep cancelled at any moment ends with CancellationError and never hangs", .timeLimit(.minutes(1)))
    func cancelRaces() async throws {
        let clock = ManualClock(mode: .manual)
        for round in 0..<2_000 {
            let sleeper = Task.detached { try await clock.sleep(for: .seconds(1)) }
            for _ in 0..<(round % 7) { await Task.yield() }
            sleeper.cancel()
            await #expect(throws: CancellationError.self) { try await sleeper.value }
        }
        #expect(clock.sleeperCount == 0)
    }

    @Test("advance wakes a sleeper whose deadline has come, and not one whose has not")
    func advanceWakes() async throws {
        let clock = ManualClock(mode: .manual)
        let early = Task { try await clock.sleep(for: .milliseconds(10)) }
        let late = Task { try await clock.sleep(for: .milliseconds(20)) }
        try await clock.waitForSleepers(2)
        clock.advance(by: .milliseconds(10))
        try await early.value
        #expect(clock.sleeperCount == 1)
        #expect(clock.advanceToNextDeadline())
        try await late.value
        #expect(!clock.advanceToNextDeadline())
        #expect(clock.now.offset == .milliseconds(20))
    }
}

@Suite("ManualClock waiting for sleepers")
struct ManualClockWaitTests {
    @Test("waitForSleepers gives up with a descriptive WaitTimeout when nobody sleeps", .timeLimit(.minutes(1)))
    func waitGivesUp() async throws {
        let clock = ManualClock(mode: .manual)
        let sleeper = Task { try await clock.sleep(for: .seconds(1)) }
        defer { sleeper.cancel() }
        let error = await #expect(throws: ManualClock.WaitTimeout.self) {
            try await clock.waitForSleepers(2, maxYields: 1_000)
        }
        #expect(error?.expectedSleepers == 2)
        #expect(error?.yields == 1_000)
        #expect(error?.description.contains("waited for 2 task(s) asleep on the clock") == true)
    }

    @Test("waitForSleepers returns at once when enough tasks already sleep")
    func waitReturns() async throws {
        let clock = ManualClock(mode: .manual)
        try await clock.waitForSleepers(0, maxYields: 0)
        let sleeper = Task { try await clock.sleep(for: .seconds(1)) }
        try await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1))
        try await sleeper.value
    }
}
