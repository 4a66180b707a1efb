/// The SDK's default retry policy, modelled on what Genesys' own clients do (their
/// retry settings: the Python and .NET SDKs and the Genesys CLI).
///
/// - 429 and 503: retried for any method, honouring `Retry-After` (plus jitter). When the server asks
///   for more than ``maxRetryAfter`` or more than the remaining ``maxElapsed`` budget, the policy stops
///   at once so the caller sees ``GenesysError/Code/rateLimited`` with ``GenesysError/retryAfter``.
/// - 500, 502, 504 and lost connections: retried only for idempotent requests.
/// - A failed connect (nothing was sent) and a timeout before anything was sent: always retried.
/// - Every other 4xx, and 501: never retried. (401 is handled by the client's auth step, not here.)
///
/// Backoff is exponential with full jitter: a delay drawn from `0..<min(maxBackoff, baseDelay·2ⁿ)`.
public struct StandardRetryPolicy: RetryPolicy {
    /// How the delay is randomised.
    public struct Jitter: Sendable {
        let apply: @Sendable (Duration) -> Duration

        /// Full jitter: uniformly random in `0..<ceiling` (the default; spreads out retry storms).
        public static let full = Jitter { ceiling in
            let upper = ceiling / .milliseconds(1)
            guard upper > 0 else { return .zero }
            return .milliseconds(Double.random(in: 0..<upper))
        }
        /// No jitter: always the ceiling. Deterministic, for tests.
        public static let none = Jitter { $0 }
        /// A custom function from the ceiling to the delay (inject your own randomness).
        public static func custom(_ apply: @escaping @Sendable (Duration) -> Duration) -> Jitter { Jitter(apply: apply) }
    }

    /// Most retries per request (not counting the one replay after a 401).
    public var maxRetries: Int
    /// First backoff ceiling; doubled per retry.
    public var baseDelay: Duration
    /// Largest backoff ceiling.
    public var maxBackoff: Duration
    /// Total time budget for one request including its retries.
    public var maxElapsed: Duration
    /// The longest `Retry-After` the policy waits for; beyond it the request fails as rate-limited.
    public var maxRetryAfter: Duration
    /// Margin added to a server-given `Retry-After`, which Genesys rounds to whole seconds: half of it always,
    /// the other half as jitter (so the default adds 0.5–1 s, and exactly 1 s with ``Jitter/none``).
    public var retryAfterJitter: Duration
    /// How backoff delays are randomised.
    public var jitter: Jitter

    /// Creates the policy. The defaults are the SDK's: 3 retries, 0.5 s base, 20 s cap, 120 s budget,
    /// 60 s longest `Retry-After`, full jitter.
    public init(
        maxRetries: Int = 3,
        baseDelay: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(20),
        maxElapsed: Duration = .seconds(120),
        maxRetryAfter: Duration = .seconds(60),
        retryAfterJitter: Duration = .seconds(1),
        jitter: Jitter = .full
    ) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.maxElapsed = maxElapsed
        self.maxRetryAfter = maxRetryAfter
        self.retryAfterJitter = retryAfterJitter
        self.jitter = jitter
    }

    /// Applies the rules in the type's description.
    public func decide(_ attempt: RetryAttempt) -> RetryDecision {
        guard attempt.retryNumber < maxRetries else { return .stop }
        let remaining = maxElapsed - attempt.elapsed
        guard remaining > .zero else { return .stop }

        let delay: Duration
        switch attempt.outcome {
        case .status(let status, let retryAfter):
            switch status {
            case 429, 503:
                if let retryAfter {
                    guard retryAfter <= maxRetryAfter, retryAfter <= remaining else { return .stop }
                    // Genesys rounds Retry-After to whole seconds (§3.8): always wait at least half the margin more,
                    // plus jitter over the other half, so a retry never arrives early and retries spread out.
                    delay = retryAfter + retryAfterJitter / 2 + jitter.apply(retryAfterJitter / 2)
                } else {
                    delay = backoff(attempt.retryNumber)
                }
            case 500, 502, 504:
                guard attempt.isIdempotent else { return .stop }
                delay = retryAfter.map { $0 <= maxRetryAfter ? $0 : maxRetryAfter } ?? backoff(attempt.retryNumber)
            default:
                return .stop
            }
        case .transport(let error):
            switch error.kind {
            case .connectFailed:
                delay = backoff(attempt.retryNumber)
            case .connectionLost, .timedOut:
                guard attempt.isIdempotent || !error.requestMayHaveBeenProcessed else { return .stop }
                delay = backoff(attempt.retryNumber)
            default:
                return .stop
            }
        }
        return delay <= remaining ? .retry(after: delay) : .stop
    }

    private func backoff(_ retryNumber: Int) -> Duration {
        let exponent = min(retryNumber, 30)
        let ceiling = min(maxBackoff, baseDelay * (1 << exponent))
        return jitter.apply(ceiling)
    }
}
