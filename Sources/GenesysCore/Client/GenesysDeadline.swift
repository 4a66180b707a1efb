/// One overall deadline for a piece of work that may send many requests: every retry loop of the SDK
/// consults it, so nested retries share it instead of multiplying.
///
/// Without it, the bounds multiply: the client's ``RetryPolicy`` retries a failing request, a
/// version-conflict retry sends the request again, a consistency wait polls, and a caller's own re-send
/// repeats all of that. Inside ``run(_:)`` (a task-local, so it reaches every request the work makes,
/// child tasks included), the client checks the deadline before it waits for a rate-limiter slot and
/// before it sleeps for a retry, and the routing API's waits and retries do the same. A wait that would
/// end after the deadline is not started: the work fails at once with
/// ``GenesysError/Code/deadlineExceeded`` naming the operation, with the last failure as
/// ``GenesysError/underlying``. A request already on the wire is not cut short beyond the transport's own
/// timeout, which is shortened to the time left.
///
/// The deadline is measured on the clock it is created with: pass the client's clock (``GenesysClient/clock``)
/// so that tests on a manual clock never wait for real.
///
/// ```swift
/// let deadline = GenesysDeadline(timeout: .seconds(60), clock: client.clock, label: "create skill Billing")
/// let skill = try await deadline.run { try await routing.createSkill(CreateRoutingSkill(name: "Billing")) }
/// ```
///
/// Nested deadlines: the inner one never extends the outer one (the earlier of the two applies).
///
/// Pacing does not count: time a request spends waiting for its rate-limiter or token-pool slot is added
/// back to the deadline (``excusePacing(_:)``), so a change queued behind others at a low rate limit is
/// not failed for waiting its turn. The deadline bounds failures and waits for the org, not the budget.
public struct GenesysDeadline: Sendable, CustomStringConvertible {
    /// The deadline of the work the current task is doing, if any.
    @TaskLocal public static var current: GenesysDeadline?

    /// How long the work may take in all.
    public let timeout: Duration
    /// What the deadline bounds, for messages (`create skill "Billing"`).
    public let label: String
    private let stopwatch: Stopwatch
    /// Time spent waiting for rate-limit slots, shared by every copy of this deadline (its requests).
    private let pacing = LockedValue(Duration.zero)

    /// Starts a deadline `timeout` from now on `clock`.
    /// - Parameters:
    ///   - timeout: How long the work may take in all.
    ///   - clock: The clock to measure on: the client's (``GenesysClient/clock``).
    ///   - label: What is bounded, for error messages.
    public init(timeout: Duration, clock: any Clock<Duration>, label: String) {
        self.timeout = max(timeout, .zero)
        self.label = label
        self.stopwatch = Stopwatch(clock: clock)
    }

    /// Time left before the deadline (zero or negative once it has passed).
    public var remaining: Duration { timeout + pacing.withLock { $0 } - stopwatch.elapsed }

    /// Gives back `wait`, time a request of this work spent waiting for a rate-limit slot: pacing is not
    /// a failure, so it does not use up the deadline. The client calls this after each slot it waits for.
    public func excusePacing(_ wait: Duration) {
        guard wait > .zero else { return }
        pacing.withLock { $0 += wait }
    }

    /// Whether the deadline has passed.
    public var hasPassed: Bool { remaining <= .zero }

    /// `create skill "Billing" (60 s)`.
    public var description: String { "\(label) (\(Self.format(timeout)))" }

    /// `60 s`, or `1.5 s` when the duration is not whole seconds.
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds) s" }
        return "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }

    /// Runs `body` with this deadline as ``current`` (or the current one, if that ends earlier).
    public func run<T>(_ body: () async throws -> T) async rethrows -> T {
        if let outer = Self.current, outer.remaining <= remaining {
            return try await body()
        }
        return try await Self.$current.withValue(self, operation: body)
    }

    // MARK: - Checks the retry loops share

    /// Throws ``GenesysError/Code/deadlineExceeded`` when the current deadline (if any) has passed, or
    /// would pass during a wait of `delay`: call it before sleeping for a retry or a poll.
    /// - Parameters:
    ///   - operation: The SDK operation that would wait, for the error.
    ///   - delay: The wait about to start.
    ///   - failure: The failure that made the caller want to wait, kept as the error's `underlying`.
    package static func checkCurrent(operation: String, before delay: Duration = .zero, after failure: (any Error)? = nil) throws {
        guard let deadline = current, deadline.remaining <= delay else { return }
        throw deadline.exceeded(operation: operation, after: failure)
    }

    /// `timeout`, shortened to the time the current deadline (if any) leaves, so one slow request cannot
    /// outlast it by a whole transport timeout.
    package static func transportTimeout(_ timeout: Duration) -> Duration {
        guard let remaining = current?.remaining else { return timeout }
        return max(.zero, min(timeout, remaining))
    }

    /// Whether the current deadline (if any) leaves time for a wait of `delay`.
    package static func allows(waiting delay: Duration) -> Bool {
        current.map { $0.remaining > delay } ?? true
    }

    /// The error for work stopped at this deadline.
    package func exceeded(operation: String, after failure: (any Error)?) -> GenesysError {
        var message = "gave up: the deadline of \(Self.format(timeout)) for \(label) passed"
        let last = failure as? GenesysError
        if let last {
            message += "; last failure: \(last.localizedMessage)"
        } else if let failure {
            message += "; last failure: \(failure)"
        }
        return GenesysError(
            code: .deadlineExceeded, operation: operation, status: last?.status, correlationID: last?.correlationID,
            message: message, underlying: failure
        )
    }
}
