import Foundation
@testable import GenesysAuth
import GenesysCore
import GenesysTesting
import HTTPTypes
import Logging
import Testing

@Suite("ClientCredentialsTokenProvider")
struct ClientCredentialsTokenProviderTests {
    // MARK: - Request shape

    @Test("the token request is a form POST with a Basic header and exactly grant_type=client_credentials")
    func requestShape() async throws {
        let transport = MockTransport { _, _ in tokenResponse("token-A", expiresIn: 3600) }
        let provider = ClientCredentialsTokenProvider.testing(transport)

        let token = try await provider.accessToken(logger: quietLogger)

        #expect(token.value == "token-A")
        #expect(token.tokenType == "bearer")
        #expect(token.expiresIn == .seconds(3600))
        let exchange = try #require(transport.exchanges.first)
        #expect(transport.exchanges.count == 1)
        #expect(exchange.request.method == .post)
        #expect(exchange.request.scheme == "https")
        #expect(exchange.request.authority == "login.mypurecloud.ie")
        #expect(exchange.request.path == "/oauth/token")
        #expect(exchange.request.headerFields[.authorization] == "Basic \(testBasicCredential)")
        #expect(exchange.request.headerFields[.contentType] == "application/x-www-form-urlencoded")
        #expect(exchange.request.headerFields[.accept] == "application/json")
        #expect(exchange.bodyText == "grant_type=client_credentials")
        #expect(exchange.operation == "auth.requestToken")
    }

    @Test("a login URL's path prefix and port are kept")
    func loginPathPrefix() async throws {
        let transport = MockTransport { _, _ in tokenResponse("token-A") }
        let provider = try ClientCredentialsTokenProvider(
            credentials: testCredentials, loginURL: URL(string: "https://gateway.example.test:8443/login/")!,
            transport: transport, clock: ManualClock(mode: .autoAdvance)
        )
        _ = try await provider.accessToken(logger: quietLogger)
        let request = try #require(transport.exchanges.first?.request)
        #expect(request.authority == "gateway.example.test:8443")
        #expect(request.path == "/login/oauth/token")
    }

    @Test("a loopback IPv6 login URL keeps its brackets and port; a bare root gives /oauth/token")
    func loginIPv6Loopback() throws {
        let endpoint = try LoginEndpoint(URL(string: "http://[::1]:8080/")!)
        #expect(endpoint.scheme == "http")
        #expect(endpoint.authority == "[::1]:8080")
        #expect(endpoint.tokenPath == "/oauth/token")
    }

    @Test("a login URL that is not https (or loopback http) is refused")
    func invalidLoginURL() {
        let error = #expect(throws: GenesysError.self) {
            try ClientCredentialsTokenProvider(
                credentials: testCredentials, loginURL: URL(string: "http://login.example.test")!,
                transport: MockTransport { _, _ in tokenResponse("x") }
            )
        }
        #expect(error?.code == .invalidConfiguration)
    }

    // MARK: - Caching

    @Test("the token is cached until the refresh window before expiry")
    func cachesUntilRefreshWindow() async throws {
        let counter = Counter()
        let transport = MockTransport { _, _ in tokenResponse("token-\(await counter.next())", expiresIn: 3600) }
        let clock = ManualClock(mode: .manual)
        let provider = ClientCredentialsTokenProvider.testing(transport, clock: clock, refreshBeforeExpiry: .seconds(300))

        #expect(try await provider.accessToken(logger: quietLogger).value == "token-1")
        clock.advance(by: .seconds(3299))
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-1")
        #expect(transport.exchanges.count == 1)

        clock.advance(by: .seconds(1))  // 3300 s = 3600 - 300: inside the refresh window
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-2")
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-2")
        #expect(transport.exchanges.count == 2)
    }

    @Test("a short-lived token is refreshed at half its lifetime, not on every call")
    func shortLivedTokenWindowIsClamped() async throws {
        let counter = Counter()
        let transport = MockTransport { _, _ in tokenResponse("token-\(await counter.next())", expiresIn: 300) }
        let clock = ManualClock(mode: .manual)
        let provider = ClientCredentialsTokenProvider.testing(transport, clock: clock, refreshBeforeExpiry: .seconds(300))

        #expect(try await provider.accessToken(logger: quietLogger).value == "token-1")
        clock.advance(by: .seconds(149))
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-1")
        clock.advance(by: .seconds(1))
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-2")
        #expect(transport.exchanges.count == 2)
    }

    @Test("a failed refresh ahead of expiry keeps serving the still-valid token, and retries on the next call")
    func refreshFailureFallsBackToValidToken() async throws {
        let counter = Counter()
        let transport = MockTransport { _, _ in
            switch await counter.next() {
            case 1: return tokenResponse("token-1", expiresIn: 3600)
            case 2: return .json(#"{"error":"temporarily_unavailable"}"#, status: 503)
            default: return tokenResponse("token-3", expiresIn: 3600)
            }
        }
        let clock = ManualClock(mode: .manual)
        let provider = ClientCredentialsTokenProvider.testing(transport, clock: clock)

        _ = try await provider.accessToken(logger: quietLogger)
        clock.advance(by: .seconds(3400))  // in the refresh window, not expired
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-1")
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-3")
        #expect(transport.exchanges.count == 3)
    }

    @Test("once the token has expired, a failed refresh is an error")
    func refreshFailureAfterExpiryThrows() async throws {
        let counter = Counter()
        let transport = MockTransport { _, _ in
            await counter.next() == 1 ? tokenResponse("token-1", expiresIn: 3600) : .json("{}", status: 503)
        }
        let clock = ManualClock(mode: .manual)
        let provider = ClientCredentialsTokenProvider.testing(transport, clock: clock)

        _ = try await provider.accessToken(logger: quietLogger)
        clock.advance(by: .seconds(3600))
        let error = await #expect(throws: GenesysError.self) { try await provider.accessToken(logger: quietLogger) }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.status == 503)
    }

    // MARK: - Single flight

    @Test("1,000 concurrent callers on a cold provider cause exactly one token request")
    func singleFlight() async throws {
        let gate = Gate()
        let transport = MockTransport { _, _ in
            await gate.wait()
            return tokenResponse("shared-token")
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        let callers = 1_000

        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<callers {
                group.addTask { try await provider.accessToken(logger: quietLogger).value }
            }
            // Every caller is now suspended on the one fetch, which is itself held at the gate.
            try await waitUntil("all callers waiting") {
                let waiters = await provider.waiterCount
                let held = await gate.waitingCount
                return waiters == callers && held == 1
            }
            #expect(transport.exchanges.count == 1)
            await gate.open()

            var values: [String] = []
            for try await value in group { values.append(value) }
            #expect(values.count == callers)
            #expect(Set(values) == ["shared-token"])
        }
        #expect(transport.exchanges.count == 1)
    }

    @Test("a failure is not cached: the next call sends a new request")
    func failureNotCached() async throws {
        let counter = Counter()
        let transport = MockTransport { _, _ in
            await counter.next() == 1 ? .json(#"{"message":"boom"}"#, status: 500) : tokenResponse("token-2")
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)

        let error = await #expect(throws: GenesysError.self) { try await provider.accessToken(logger: quietLogger) }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.status == 500)
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-2")
        #expect(transport.exchanges.count == 2)
    }

    @Test("concurrent waiters all receive the same failure, and the failure is not cached")
    func concurrentWaitersShareFailure() async throws {
        let gate = Gate()
        let counter = Counter()
        let transport = MockTransport { _, _ in
            if await counter.next() == 1 {
                await gate.wait()
                return .json("{}", status: 502)
            }
            return tokenResponse("token-2")
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)

        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 {
                group.addTask { (try? await provider.accessToken(logger: quietLogger)) == nil }
            }
            do {
                try await waitUntil("waiters") { await provider.waiterCount == 10 }
            } catch {
                await gate.open()  // let the held fetch end so the group can finish, then fail the test
                throw error
            }
            await gate.open()
            for try await failed in group { #expect(failed) }
        }
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-2")
        #expect(transport.exchanges.count == 2)
    }

    @Test("one waiter's cancellation stops it promptly but does not cancel the fetch the others get")
    func waiterCancellation() async throws {
        let gate = Gate()
        let transport = MockTransport { _, _ in
            await gate.wait()
            return tokenResponse("token-1")
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)

        let cancelled = Task { try await provider.accessToken(logger: quietLogger) }
        let patient = Task { try await provider.accessToken(logger: quietLogger) }
        try await waitUntil("two waiters") { await provider.waiterCount == 2 }

        cancelled.cancel()
        // The cancelled waiter finishes while the fetch is still held at the gate.
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        #expect(await provider.waiterCount == 1)

        await gate.open()
        #expect(try await patient.value.value == "token-1")
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-1")
        #expect(transport.exchanges.count == 1)
    }

    @Test("when every waiter is cancelled the fetch still completes and its token is cached")
    func allWaitersCancelled() async throws {
        let gate = Gate()
        let transport = MockTransport { _, _ in
            await gate.wait()
            return tokenResponse("token-1")
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)

        let waiter = Task { try await provider.accessToken(logger: quietLogger) }
        try await waitUntil("a waiter") { await provider.waiterCount == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }

        await gate.open()
        #expect(try await provider.accessToken(logger: quietLogger).value == "token-1")
        #expect(transport.exchanges.count == 1)
    }

    @Test("a caller whose task is already cancelled gets CancellationError without a request")
    func alreadyCancelled() async throws {
        let transport = MockTransport { _, _ in tokenResponse("token-1") }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await provider.accessToken(logger: quietLogger)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(transport.exchanges.isEmpty)
    }

    // MARK: - Invalidation

    @Test("invalidate drops only the token currently cached")
    func invalidateOnlyCurrent() async throws {
        let counter = Counter()
        let transport = MockTransport { _, _ in tokenResponse("token-\(await counter.next())") }
        let provider = ClientCredentialsTokenProvider.testing(transport)

        let first = try await provider.accessToken(logger: quietLogger)
        await provider.invalidate(AccessToken(value: "some-other-token"))
        #expect(try await provider.accessToken(logger: quietLogger) == first)
        #expect(transport.exchanges.count == 1)

        await provider.invalidate(first)
        let second = try await provider.accessToken(logger: quietLogger)
        #expect(second.value == "token-2")

        // A late invalidation of the old token must not drop its replacement.
        await provider.invalidate(first)
        #expect(try await provider.accessToken(logger: quietLogger) == second)
        #expect(transport.exchanges.count == 2)
    }

    // MARK: - Through GenesysClient

    static func client(_ transport: MockTransport, provider: ClientCredentialsTokenProvider, logger: Logger = quietLogger) throws -> GenesysClient {
        try GenesysClient(
            configuration: .init(apiBaseURL: GenesysRegion.euWest1.apiURL), transport: transport, tokenProvider: provider,
            retryPolicy: NoRetryPolicy(), rateLimit: nil, clock: ManualClock(mode: .autoAdvance), logger: logger
        )
    }

    @Test("a 401 from the API invalidates the token and replays once with a new one")
    func replayAfter401() async throws {
        let counter = Counter()
        let transport = MockTransport { request, _ in
            if request.path == "/oauth/token" { return tokenResponse("token-\(await counter.next())") }
            if request.headerFields[.authorization] == "Bearer token-1" {
                return .json(#"{"message":"Invalid login credentials.","code":"bad.credentials","status":401}"#, status: 401)
            }
            return .json(#"{"entities":[]}"#)
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        let client = try Self.client(transport, provider: provider)

        let response = try await client.send(GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "routing.listSkills"))

        #expect(response.head.status == .ok)
        #expect(transport.tokenRequests.count == 2)
        #expect(transport.apiRequests.map { $0.request.headerFields[.authorization] } == ["Bearer token-1", "Bearer token-2"])
    }

    @Test("a second 401 after the replay fails with unauthorized")
    func second401() async throws {
        let counter = Counter()
        let transport = MockTransport { request, _ in
            if request.path == "/oauth/token" { return tokenResponse("token-\(await counter.next())") }
            return .json(#"{"message":"Invalid login credentials.","code":"bad.credentials","status":401}"#, status: 401)
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        let client = try Self.client(transport, provider: provider)

        let error = await #expect(throws: GenesysError.self) {
            try await client.send(GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "routing.listSkills"))
        }
        #expect(error?.code == .unauthorized)
        #expect(transport.tokenRequests.count == 2)
        #expect(transport.apiRequests.count == 2)
    }
}
