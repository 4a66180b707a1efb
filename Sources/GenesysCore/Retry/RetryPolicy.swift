/// Decides whether a failed attempt is tried again, and after how long.
///
/// A policy is pure: it neither sleeps nor does I/O. ``GenesysClient`` runs the loop, checks for
/// cancellation before every attempt, and sleeps on its injected clock. `CancellationError` never
/// reaches a policy.
public protocol RetryPolicy: Sendable {
    /// Returns the decision for one failed attempt.
    func decide(_ attempt: RetryAttempt) -> RetryDecision
}

/// What a ``RetryPolicy`` knows about a failed attempt.
public struct RetryAttempt: Sendable {
    /// How the attempt ended.
    public enum Outcome: Sendable {
        /// The server answered with a non-success status; `retryAfter` is the parsed `Retry-After` header.
        case status(Int, retryAfter: Duration?)
        /// The transport failed.
        case transport(TransportError)
    }

    /// Retries already made before this decision (0 after the first attempt failed).
    public var retryNumber: Int
    /// Whether repeating the request cannot have a different effect (GET, PUT, DELETE, or an operation
    /// marked idempotent).
    public var isIdempotent: Bool
    /// How the attempt ended.
    public var outcome: Outcome
    /// Time since the first attempt started, on the client's clock.
    public var elapsed: Duration
    /// The operation name, such as `routing.createSkill`.
    public var operation: String

    /// Creates an attempt description.
    public init(retryNumber: Int, isIdempotent: Bool, outcome: Outcome, elapsed: Duration, operation: String = "") {
        self.retryNumber = retryNumber
        self.isIdempotent = isIdempotent
        self.outcome = outcome
        self.elapsed = elapsed
        self.operation = operation
    }
}

/// A ``RetryPolicy``'s answer.
public enum RetryDecision: Sendable, Equatable {
    /// Try again after the given delay.
    case retry(after: Duration)
    /// Give up: the client throws the error of the last attempt.
    case stop
}

/// A policy that never retries.
public struct NoRetryPolicy: RetryPolicy {
    /// Creates the policy.
    public init() {}
    /// Always ``RetryDecision/stop``.
    public func decide(_ attempt: RetryAttempt) -> RetryDecision { .stop }
}
