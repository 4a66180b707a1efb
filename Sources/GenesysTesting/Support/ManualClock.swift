import Foundation

/// A clock that moves only when a test says so, so retry, expiry and rate-limit tests never sleep for
/// real and never depend on machine speed.
///
/// Two modes:
/// - ``Mode/manual``: `sleep` suspends until ``advance(by:)`` moves time past the deadline. Use
///   ``waitForSleepers(_:maxYields:)`` to wait until the code under test is asleep before advancing.
/// - ``Mode/autoAdvance``: `sleep` moves time forward to its deadline at once and returns. Every sleep
///   is recorded in ``sleeps``, so a test asserts the delays without coordinating with the code.
///
/// Copies share the same time.
public struct ManualClock: Clock, Sendable {
    /// How `sleep` behaves.
    public enum Mode: Sendable {
        /// Sleeps wait for ``ManualClock/advance(by:)``.
        case manual
        /// Sleeps advance the clock to their deadline immediately.
        case autoAdvance
    }

    /// A point in time on a ``ManualClock``: the offset from the clock's start.
    public struct Instant: InstantProtocol, Sendable, Hashable, Comparable {
        /// Time since the clock started.
        public var offset: Duration
        /// Creates an instant at `offset` from the start.
        public init(offset: Duration) { self.offset = offset }
        /// This instant moved by `duration`.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        /// The duration from this instant to `other`.
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        /// Orders instants by offset.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        let id: UInt64
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleepers: [Sleeper] = []
        var nextID: UInt64 = 0
        var sleeps: [Duration] = []
        /// Sleeps cancelled before they were registered (the cancellation handler ran first).
        var cancelledIDs: Set<UInt64> = []
    }

    private let state = LockedBox(State())
    /// How `sleep` behaves.
    public let mode: Mode

    /// Creates a clock at offset zero.
    public init(mode: Mode = .manual) { self.mode = mode }

    /// The current instant.
    public var now: Instant { state.withLock { $0.now } }
    /// The smallest meaningful sleep: one nanosecond.
    public var minimumResolution: Duration { .nanoseconds(1) }
    /// Every sleep requested so far, as durations from the moment of the call (both modes).
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }
    /// How many tasks are asleep on this clock now (``Mode/manual`` only).
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Sleeps until `deadline` (see ``Mode``). Cancelling the task ends the sleep with `CancellationError`.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        let immediate: Bool = state.withLock { state in
            state.sleeps.append(state.now.duration(to: deadline))
            if deadline <= state.now { return true }
            if mode == .autoAdvance {
                state.now = deadline
                return true
            }
            return false
        }
        if immediate { return }
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Registration { case sleeping, due, cancelled }
                let registration: Registration = state.withLock { state in
                    // The task may have been cancelled after `checkCancellation()` but before this point; the
                    // handler then found nothing to cancel and left a mark instead. Without this check the
                    // sleep would never end.
                    if state.cancelledIDs.remove(id) != nil { return .cancelled }
                    if deadline <= state.now { return .due }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return .sleeping
                }
                switch registration {
                case .sleeping: break
                case .due: continuation.resume()
                case .cancelled: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelledIDs.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward by `duration` and wakes every sleeper whose deadline has come.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Moves time to the earliest sleeper's deadline and wakes it (and any others due then). Returns
    /// `false` when nobody sleeps.
    @discardableResult
    public func advanceToNextDeadline() -> Bool {
        let next = state.withLock { state in state.sleepers.map(\.deadline).min().map { state.now.duration(to: $0) } }
        guard let next else { return false }
        advance(by: max(.zero, next))
        return true
    }

    /// Waits (yielding, never sleeping for real) until at least `count` tasks are asleep on the clock.
    ///
    /// The wait is bounded so a test whose code never sleeps fails instead of hanging: after `maxYields`
    /// yields without enough sleepers it throws ``WaitTimeout``. The default is generous (a task that is
    /// going to sleep gets there in far fewer rounds, even on a busy machine).
    /// - Parameters:
    ///   - count: How many sleepers to wait for.
    ///   - maxYields: How many times to yield before giving up.
    /// - Throws: ``WaitTimeout`` when fewer than `count` tasks are asleep after `maxYields` yields;
    ///   `CancellationError` when the waiting task is cancelled.
    public func waitForSleepers(_ count: Int = 1, maxYields: Int = 1_000_000) async throws {
        var yields = 0
        while sleeperCount < count {
            guard yields < maxYields else {
                throw WaitTimeout(expectedSleepers: count, sleepers: sleeperCount, yields: yields)
            }
            try Task.checkCancellation()
            await Task.yield()
            yields += 1
        }
    }

    /// Thrown by ``ManualClock/waitForSleepers(_:maxYields:)`` when fewer tasks than expected went to sleep
    /// on the clock within its bound: usually the code under test never sleeps on this clock (it uses
    /// another clock, finished or failed early, or waits on something else).
    public struct WaitTimeout: Error, CustomStringConvertible, Sendable {
        /// How many sleepers were waited for.
        public let expectedSleepers: Int
        /// How many tasks were asleep on the clock when the wait gave up.
        public let sleepers: Int
        /// How many times the wait yielded.
        public let yields: Int

        /// Creates the error.
        public init(expectedSleepers: Int, sleepers: Int, yields: Int) {
            self.expectedSleepers = expectedSleepers
            self.sleepers = sleepers
            self.yields = yields
        }

        /// What was waited for and what was found.
        public var description: String {
            "ManualClock.waitForSleepers: waited for \(expectedSleepers) task(s) asleep on the clock, but after "
                + "\(yields) yields \(sleepers) \(sleepers == 1 ? "is" : "are"); does the code under test sleep on this clock?"
        }
    }
}
