import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import Logging
import Testing

@Suite("GenesysClient retries")
struct GenesysClientRetryTests {
    @Test("a 429 with Retry-After sleeps exactly that long, then succeeds")
    func retryAfterHonoured() async throws {
        let transport = MockTransport.steps([.status(429, headers: ["Retry-After": "3"]), .ok])
        let clock = ManualClock(mode: .autoAdvance)
        let policy = StandardRetryPolicy(retryAfterJitter: .zero, jitter: .none)
        let client = try makeClient(transport, policy: policy, clock: clock)

        let response = try await client.send(.createSkill)

        #expect(response.head.status.code == 200)
        #expect(clock.sleeps == [.seconds(3)])
        #expect(transport.exchanges.count == 2)
        let counts = await client.counters.snapshot()
        #expect(counts.throttled == 1)
        #expect(counts.retries == 1)
    }

    @Test("a 429 Retry-After gets the Retry-After jitter on top")
    func retryAfterPlusJitter() async throws {
        let transport = MockTransport.steps([.status(429, headers: ["Retry-After": "3"]), .ok])
        let clock = ManualClock(mode: .autoAdvance)
        let client = try makeClient(transport, policy: StandardRetryPolicy(jitter: .none), clock: clock)
        _ = try await client.send(.createSkill)
        #expect(clock.sleeps == [.seconds(4)])
    }

    @Test("a 429 Retry-After given as an HTTP-date is measured from the injected date")
    func retryAfterDate() async throws {
        let transport = MockTransport.steps([.status(429, headers: ["Retry-After": "Sun, 06 Nov 1994 08:49:47 GMT"]), .ok])
        let clock = ManualClock(mode: .autoAdvance)
        let client = try makeClient(transport, policy: StandardRetryPolicy(retryAfterJitter: .zero, jitter: .none), clock: clock)
        _ = try await client.send(.getSkills)
        #expect(clock.sleeps == [.seconds(10)])
    }

    @Test("a 503 is retried for a POST")
    func serviceUnavailablePost() async throws {
        let transport = MockTransport.steps([.status(503), .ok])
        let clock = ManualClock(mode: .autoAdvance)
        let client = try makeClient(transport, clock: clock)
        _ = try await client.send(.createSkill)
        #expect(transport.exchanges.count == 2)
        #expect(clock.sleeps == [.milliseconds(500)])
    }

    @Test("a 502 is not retried for a POST")
    func badGatewayPost() async throws {
        let transport = MockTransport.steps([.status(502), .ok])
        let clock = ManualClock(mode: .autoAdvance)
        let client = try makeClient(transport, clock: clock)
        let error = await #expect(throws: GenesysError.self) { try await client.send(.createSkill) }
        #expect(error?.code == .serverError)
        #expect(error?.status == 502)
        #expect(transport.exchanges.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("a 502 is retried for a GET")
    func badGatewayGet() async throws {
        let transport = MockTransport.steps([.status(502), .ok])
        let client = try makeClient(transport)
        _ = try await client.send(.getSkills)
        #expect(transport.exchanges.count == 2)
    }

    @Test("a POST marked idempotent is retried after a 502")
    func idempotentPost() async throws {
        let transport = MockTransport.steps([.status(502), .ok])
        let client = try makeClient(transport)
        var request = GenesysRequest.createSkill
        request.isIdempotent = true
        _ = try await client.send(request)
        #expect(transport.exchanges.count == 2)
    }

    @Test("after three retries the error of the last attempt is thrown")
    func exhaustedRetries() async throws {
        let transport = MockTransport.steps([
            .status(503, headers: ["ININ-Correlation-Id": "c1"]), .status(502, headers: ["ININ-Correlation-Id": "c2"]),
            .status(504, headers: ["ININ-Correlation-Id": "c3"]), .status(500, headers: ["ININ-Correlation-Id": "c4"]), .ok,
        ])
        let clock = ManualClock(mode: .autoAdvance)
        let client = try makeClient(transport, clock: clock)

        let error = await #expect(throws: GenesysError.self) { try await client.send(.getSkills) }

        #expect(error?.status == 500)
        #expect(error?.code == .serverError)
        #expect(error?.correlationID == "c4")
        #expect(transport.exchanges.count == 4)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
        let counts = await client.counters.snapshot()
        #expect(counts.total == 4)
        #expect(counts.retries == 3)
    }

    @Test("the elapsed-time budget is measured on the client's clock")
    func elapsedBudget() async throws {
        let transport = MockTransport.steps([.status(503), .status(503), .ok])
        let clock = ManualClock(mode: .autoAdvance)
        let policy = StandardRetryPolicy(baseDelay: .seconds(1), maxElapsed: .milliseconds(2_500), jitter: .none)
        let client = try makeClient(transport, policy: policy, clock: clock)
        // 503 → sleep 1 s (elapsed 1 s) → 503 → backoff 2 s > 1.5 s left → stop.
        let error = await #expect(throws: GenesysError.self) { try await client.send(.getSkills) }
        #expect(error?.status == 503)
        #expect(clock.sleeps == [.seconds(1)])
        #expect(transport.exchanges.count == 2)
    }

    @Test("time queued in the rate limiter before the first attempt does not use up the retry budget")
    func limiterWaitIsNotRetryBudget() async throws {
        let transport = MockTransport.steps([.ok, .status(503), .ok])
        let clock = ManualClock(mode: .autoAdvance)
        let policy = StandardRetryPolicy(maxElapsed: .seconds(5), jitter: .none)
        // One request per 10 s after the first: the second request queues for 10 s, twice the budget.
        let client = try makeClient(transport, policy: policy, rateLimit: RateLimit(requests: 2, per: .seconds(10), burst: 1), clock: clock)
        _ = try await client.send(.getSkills)

        _ = try await client.send(.createSkill)

        #expect(transport.exchanges.count == 3)
        #expect(clock.sleeps == [.seconds(10), .milliseconds(500), .milliseconds(9_500)])
    }

    @Test("a 429 asking for 600 s fails at once as rateLimited with retryAfter")
    func longRetryAfter() async throws {
        let transport = MockTransport.steps([
            .status(429, headers: ["Retry-After": "600", "ININ-Correlation-Id": "corr-429"],
                    body: #"{"message":"Rate limit exceeded the maximum. Retry the request in [600] seconds","code":"too.many.requests.retry.after","status":429,"details":[],"errors":[]}"#),
            .ok,
        ])
        let clock = ManualClock(mode: .autoAdvance)
        let client = try makeClient(transport, clock: clock)

        let error = await #expect(throws: GenesysError.self) { try await client.send(.createSkill) }

        #expect(error?.code == .rateLimited)
        #expect(error?.retryAfter == .seconds(600))
        #expect(error?.serverCode == "too.many.requests.retry.after")
        #expect(error?.correlationID == "corr-429")
        #expect(clock.sleeps.isEmpty)
        #expect(transport.exchanges.count == 1)
    }

    @Test("a failed connect is retried for a POST")
    func connectFailedPost() async throws {
        let transport = MockTransport.steps([.transport(.connectFailed, processed: false), .ok])
        let client = try makeClient(transport)
        let response = try await client.send(.createSkill)
        #expect(response.head.status.code == 200)
        #expect(transport.exchanges.count == 2)
    }

    @Test("a lost connection is not retried for a POST and surfaces as a transport error")
    func connectionLostPost() async throws {
        let transport = MockTransport.steps([.transport(.connectionLost, processed: true), .ok])
        let client = try makeClient(transport)
        let error = await #expect(throws: GenesysError.self) { try await client.send(.createSkill) }
        #expect(error?.code == .transport)
        #expect((error?.underlying as? TransportError)?.kind == .connectionLost)
        #expect(transport.exchanges.count == 1)
    }

    @Test("a timed-out GET is retried and, when it keeps timing out, ends as timedOut")
    func timeoutsGet() async throws {
        let transport = MockTransport.steps(Array(repeating: .transport(.timedOut, processed: true), count: 4))
        let client = try makeClient(transport)
        let error = await #expect(throws: GenesysError.self) { try await client.send(.getSkills) }
        #expect(error?.code == .timedOut)
        #expect(transport.exchanges.count == 4)
    }

    @Test("a transport throwing a foreign error type still yields a GenesysError")
    func foreignTransportError() async throws {
        struct Boom: Error {}
        let transport = MockTransport.steps([.fail(Boom()), .ok])
        let client = try makeClient(transport)
        let error = await #expect(throws: GenesysError.self) { try await client.send(.getSkills) }
        #expect(error?.code == .transport)
        #expect(transport.exchanges.count == 1)
    }

    @Test("a token provider throwing a foreign error type yields a GenesysError")
    func foreignTokenError() async throws {
        struct VaultDown: Error {}
        struct FailingProvider: AccessTokenProvider {
            func accessToken(logger: Logger) async throws -> AccessToken { throw VaultDown() }
            func invalidate(_ token: AccessToken) async {}
        }
        let transport = MockTransport.steps([.ok])
        let client = try makeClient(transport, tokens: FailingProvider())
        let error = await #expect(throws: GenesysError.self) { try await client.send(.getSkills) }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.underlying is VaultDown)
        #expect(transport.exchanges.isEmpty)
    }
}

@Suite("GenesysClient 401 handling")
struct GenesysClientReauthenticationTests {
    @Test("a 401 invalidates the token and replays once with a new one")
    func replayOnce() async throws {
        let transport = MockTransport.steps([.status(401), .ok])
        let tokens = CountingTokenProvider()
        let client = try makeClient(transport, tokens: tokens)

        _ = try await client.send(.createSkill)

        #expect(transport.exchanges.map { $0.request.headerFields[.authorization] } == ["Bearer token-1", "Bearer token-2"])
        #expect(await tokens.invalidated == [AccessToken(value: "token-1")])
        #expect(await tokens.fetches == 2)
        let counts = await client.counters.snapshot()
        #expect(counts.total == 2)
        #expect(counts.reauthentications == 1)
        #expect(counts.retries == 0)
    }

    @Test("a second 401 fails as unauthorized without a third attempt")
    func secondUnauthorized() async throws {
        let transport = MockTransport.steps([.status(401), .status(401, body: #"{"code":"bad.credentials","status":401}"#), .ok])
        let client = try makeClient(transport)

        let error = await #expect(throws: GenesysError.self) { try await client.send(.getSkills) }

        #expect(error?.code == .unauthorized)
        #expect(error?.serverCode == "bad.credentials")
        #expect(transport.exchanges.count == 2)
        #expect(await client.counters.snapshot().reauthentications == 1)
    }
}

@Suite("GenesysClient cancellation")
struct GenesysClientCancellationTests {
    @Test("a task cancelled while asleep in the retry delay gets CancellationError and no retry")
    func cancelledDuringBackoff() async throws {
        let transport = MockTransport.steps([.status(503), .ok])
        let clock = ManualClock(mode: .manual)
        let client = try makeClient(transport, clock: clock)

        let task = Task { try await client.send(.createSkill) }
        try await clock.waitForSleepers(1)
        task.cancel()
        let result = await task.result

        #expect(throws: CancellationError.self) { try result.get() }
        #expect(transport.exchanges.count == 1)
    }

    @Test("an already cancelled task sends nothing")
    func cancelledBeforeStart() async throws {
        let transport = MockTransport.steps([.ok])
        let client = try makeClient(transport)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(.getSkills)
        }
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(transport.exchanges.isEmpty)
    }

    @Test("a transport that turns cancellation into its own error still yields CancellationError")
    func transportMapsCancellation() async throws {
        let transportClock = ManualClock(mode: .manual)
        let transport = MockTransport { _, _ in
            do {
                try await transportClock.sleep(for: .seconds(30))
            } catch {
                // Like a URLSession transport mapping NSURLErrorCancelled to `.other`.
                throw TransportError(kind: .other, requestMayHaveBeenProcessed: true, underlying: error)
            }
            return .json("{}")
        }
        let client = try makeClient(transport, policy: StandardRetryPolicy(jitter: .none))

        let task = Task { try await client.send(.getSkills) }
        try await transportClock.waitForSleepers(1)
        task.cancel()
        let result = await task.result

        #expect(throws: CancellationError.self) { try result.get() }
        #expect(transport.exchanges.count == 1)
    }

    @Test("a transport throwing CancellationError is not retried, even for an idempotent request")
    func transportCancellation() async throws {
        let transport = MockTransport.steps([.fail(CancellationError()), .ok])
        let client = try makeClient(transport)
        await #expect(throws: CancellationError.self) { try await client.send(.getSkills) }
        #expect(transport.exchanges.count == 1)
    }
}
