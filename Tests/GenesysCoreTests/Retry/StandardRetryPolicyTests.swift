import GenesysCore
import GenesysTesting
import Testing

/// One row of the retry decision table.
struct RetryCase: Sendable, CustomTestStringConvertible {
    var name: String
    var outcome: RetryAttempt.Outcome
    var idempotent: Bool
    var retryNumber = 0
    var elapsed: Duration = .zero
    var expected: RetryDecision

    var testDescription: String { name }

    static func status(
        _ name: String, _ status: Int, retryAfter: Duration? = nil, idempotent: Bool, retryNumber: Int = 0,
        elapsed: Duration = .zero, _ expected: RetryDecision
    ) -> RetryCase {
        RetryCase(
            name: name, outcome: .status(status, retryAfter: retryAfter), idempotent: idempotent,
            retryNumber: retryNumber, elapsed: elapsed, expected: expected
        )
    }

    static func transport(
        _ name: String, _ kind: TransportError.Kind, processed: Bool, idempotent: Bool, _ expected: RetryDecision
    ) -> RetryCase {
        RetryCase(
            name: name, outcome: .transport(TransportError(kind: kind, requestMayHaveBeenProcessed: processed)),
            idempotent: idempotent, expected: expected
        )
    }
}

@Suite("StandardRetryPolicy")
struct StandardRetryPolicyTests {
    /// Defaults, but no jitter: backoff is the ceiling (0.5 s, 1 s, 2 s, …) and `Retry-After` gets the
    /// whole `retryAfterJitter` (1 s) added.
    static let policy = StandardRetryPolicy(jitter: .none)

    static let throttling: [RetryCase] = [
        .status("429 POST without Retry-After backs off", 429, idempotent: false, .retry(after: .milliseconds(500))),
        .status("429 GET without Retry-After backs off", 429, idempotent: true, .retry(after: .milliseconds(500))),
        .status("503 POST backs off", 503, idempotent: false, .retry(after: .milliseconds(500))),
        .status("503 GET backs off", 503, idempotent: true, .retry(after: .milliseconds(500))),
        .status("429 POST honours Retry-After plus jitter", 429, retryAfter: .seconds(7), idempotent: false, .retry(after: .seconds(8))),
        .status("503 honours Retry-After instead of backoff", 503, retryAfter: .seconds(2), idempotent: true, retryNumber: 2, .retry(after: .seconds(3))),
        .status("429 Retry-After of exactly maxRetryAfter is waited for", 429, retryAfter: .seconds(60), idempotent: false, .retry(after: .seconds(61))),
        .status("429 Retry-After above maxRetryAfter stops", 429, retryAfter: .seconds(61), idempotent: false, .stop),
        .status("503 Retry-After above maxRetryAfter stops", 503, retryAfter: .seconds(600), idempotent: true, .stop),
        .status("429 Retry-After beyond the remaining budget stops", 429, retryAfter: .seconds(30), idempotent: true, elapsed: .seconds(100), .stop),
        .status("429 Retry-After plus jitter exactly filling the budget retries", 429, retryAfter: .seconds(19), idempotent: true, elapsed: .seconds(100), .retry(after: .seconds(20))),
        .status("429 Retry-After within budget but jitter overflowing it stops", 429, retryAfter: .seconds(20), idempotent: true, elapsed: .seconds(100), .stop),
    ]

    static let serverErrors: [RetryCase] = [500, 502, 504].flatMap { status in
        [
            RetryCase.status("\(status) POST is not retried", status, idempotent: false, .stop),
            RetryCase.status("\(status) idempotent request is retried", status, idempotent: true, .retry(after: .milliseconds(500))),
        ]
    }

    static let neverRetried: [RetryCase] = [400, 401, 403, 404, 409, 422, 501].flatMap { status in
        [
            RetryCase.status("\(status) POST is never retried", status, idempotent: false, .stop),
            RetryCase.status("\(status) GET is never retried", status, idempotent: true, .stop),
        ]
    }

    static let transport: [RetryCase] = [
        .transport("connectFailed POST is retried", .connectFailed, processed: false, idempotent: false, .retry(after: .milliseconds(500))),
        .transport("connectFailed is retried even if flagged as processed", .connectFailed, processed: true, idempotent: false, .retry(after: .milliseconds(500))),
        .transport("connectionLost POST that may have been processed stops", .connectionLost, processed: true, idempotent: false, .stop),
        .transport("connectionLost POST that was not processed is retried", .connectionLost, processed: false, idempotent: false, .retry(after: .milliseconds(500))),
        .transport("connectionLost GET is retried", .connectionLost, processed: true, idempotent: true, .retry(after: .milliseconds(500))),
        .transport("timedOut POST that may have been processed stops", .timedOut, processed: true, idempotent: false, .stop),
        .transport("timedOut POST that was not processed is retried", .timedOut, processed: false, idempotent: false, .retry(after: .milliseconds(500))),
        .transport("timedOut GET is retried", .timedOut, processed: true, idempotent: true, .retry(after: .milliseconds(500))),
        .transport("responseTooLarge is never retried", .responseTooLarge, processed: true, idempotent: true, .stop),
        .transport("other is never retried", .other, processed: false, idempotent: true, .stop),
    ]

    static let budgets: [RetryCase] = [
        .status("the third retry is still allowed", 503, idempotent: true, retryNumber: 2, .retry(after: .seconds(2))),
        .status("maxRetries exhausted stops", 503, idempotent: true, retryNumber: 3, .stop),
        .status("maxRetries exhausted stops even with a short Retry-After", 429, retryAfter: .seconds(1), idempotent: true, retryNumber: 3, .stop),
        .status("an exhausted time budget stops", 503, idempotent: true, elapsed: .seconds(120), .stop),
        .status("a backoff longer than the remaining budget stops", 503, idempotent: true, elapsed: .milliseconds(119_600), .stop),
        .status("a backoff exactly filling the budget retries", 503, idempotent: true, elapsed: .milliseconds(119_500), .retry(after: .milliseconds(500))),
    ]

    @Test("decides by status, method and budget", arguments: throttling + serverErrors + neverRetried + transport + budgets)
    func decisionTable(_ row: RetryCase) {
        let attempt = RetryAttempt(
            retryNumber: row.retryNumber, isIdempotent: row.idempotent, outcome: row.outcome, elapsed: row.elapsed
        )
        #expect(Self.policy.decide(attempt) == row.expected)
    }

    @Test("the backoff ceiling doubles from baseDelay and is capped at maxBackoff")
    func backoffCeilings() {
        let ceilings = LockedBox<[Duration]>([])
        let policy = StandardRetryPolicy(
            maxRetries: 100, maxElapsed: .seconds(10_000),
            jitter: .custom { ceiling in ceilings.withLock { $0.append(ceiling) }; return .zero }
        )
        for n in 0..<9 {
            let decision = policy.decide(RetryAttempt(retryNumber: n, isIdempotent: true, outcome: .status(503, retryAfter: nil), elapsed: .zero))
            #expect(decision == .retry(after: .zero))
        }
        let expected: [Duration] = [
            .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(20), .seconds(20), .seconds(20),
        ]
        #expect(ceilings.current == expected)
    }

    @Test("a huge retry number does not overflow the backoff")
    func hugeRetryNumber() {
        let policy = StandardRetryPolicy(maxRetries: .max, maxElapsed: .seconds(10_000), jitter: .none)
        let decision = policy.decide(RetryAttempt(retryNumber: 10_000, isIdempotent: true, outcome: .status(503, retryAfter: nil), elapsed: .zero))
        #expect(decision == .retry(after: .seconds(20)))
    }

    @Test("Retry-After waits at least half the margin, with jitter over the other half")
    func retryAfterJitterCeiling() {
        let ceilings = LockedBox<[Duration]>([])
        let policy = StandardRetryPolicy(
            retryAfterJitter: .milliseconds(750),
            jitter: .custom { ceiling in ceilings.withLock { $0.append(ceiling) }; return ceiling / 3 }
        )
        let decision = policy.decide(RetryAttempt(retryNumber: 0, isIdempotent: false, outcome: .status(429, retryAfter: .seconds(4)), elapsed: .zero))
        #expect(decision == .retry(after: .milliseconds(4_500)))
        #expect(ceilings.current == [.milliseconds(375)])
    }

    @Test("full jitter stays in 0..<min(maxBackoff, base·2ⁿ)", arguments: 0..<8)
    func fullJitterBounds(retryNumber: Int) {
        let policy = StandardRetryPolicy(maxRetries: 100, maxBackoff: .seconds(20), maxElapsed: .seconds(10_000))
        let ceiling = min(Duration.seconds(20), .milliseconds(500) * (1 << retryNumber))
        var distinct = Set<Duration>()
        for _ in 0..<500 {
            let attempt = RetryAttempt(retryNumber: retryNumber, isIdempotent: true, outcome: .status(502, retryAfter: nil), elapsed: .zero)
            guard case .retry(let delay) = policy.decide(attempt) else {
                Issue.record("expected a retry")
                return
            }
            #expect(delay >= .zero)
            #expect(delay < ceiling)
            distinct.insert(delay)
        }
        #expect(distinct.count > 100, "full jitter should actually be random")
    }

    @Test("full jitter on Retry-After adds less than retryAfterJitter")
    func fullJitterOnRetryAfter() {
        let policy = StandardRetryPolicy()
        for _ in 0..<500 {
            let attempt = RetryAttempt(retryNumber: 0, isIdempotent: false, outcome: .status(429, retryAfter: .seconds(5)), elapsed: .zero)
            guard case .retry(let delay) = policy.decide(attempt) else {
                Issue.record("expected a retry")
                return
            }
            #expect(delay >= .seconds(5))
            #expect(delay < .seconds(6))
        }
    }

    @Test("full jitter of a zero ceiling is zero")
    func fullJitterZero() {
        let policy = StandardRetryPolicy(baseDelay: .zero)
        let decision = policy.decide(RetryAttempt(retryNumber: 0, isIdempotent: true, outcome: .status(503, retryAfter: nil), elapsed: .zero))
        #expect(decision == .retry(after: .zero))
    }

    @Test("NoRetryPolicy always stops")
    func noRetry() {
        let attempt = RetryAttempt(retryNumber: 0, isIdempotent: true, outcome: .transport(TransportError(kind: .connectFailed, requestMayHaveBeenProcessed: false)), elapsed: .zero)
        #expect(NoRetryPolicy().decide(attempt) == .stop)
    }
}
