import Foundation
@testable import GenesysAuth
import GenesysCore
import GenesysTesting
import HTTPTypes
import Testing

/// A token-endpoint answer that means "wrong client id or secret".
struct RejectionCase: Sendable, CustomTestStringConvertible {
    let status: Int
    let body: String
    var testDescription: String { "\(status) \(body)" }
}

@Suite("Token endpoint failures")
struct TokenEndpointErrorTests {
    @Test("a rejected client id or secret is authenticationFailed with a message saying what to check", arguments: [
        RejectionCase(status: 401, body: #"{"error":"invalid_client","description":"client not found","error_description":"client not found"}"#),
        RejectionCase(status: 401, body: ""),
        RejectionCase(status: 400, body: #"{"error":"invalid_client"}"#),
        RejectionCase(status: 400, body: #"{"error":"unauthorized_client"}"#),
    ])
    func rejectedCredentials(rejection: RejectionCase) async throws {
        let transport = MockTransport { _, _ in .json(rejection.body, status: rejection.status) }
        let provider = ClientCredentialsTokenProvider.testing(transport)

        let error = await #expect(throws: GenesysError.self) { try await provider.accessToken(logger: quietLogger) }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.status == rejection.status)
        let message = error?.message ?? ""
        #expect(message.contains("the login host rejected the client id or secret (check the client id and secret, and that the region is the OAuth client's home region)"))
        // The SDK's message names no CLI flag or environment variable (SDK users have neither).
        #expect(!message.contains("GENESYS_"))
        #expect(!message.contains("--"))
        #expect(message.contains("login.mypurecloud.ie"))
        #expect(message.contains("client-0001"))
        #expect(!message.contains(testCredentials.clientSecret))
        #expect(!message.contains("\n"))
        #expect(transport.exchanges.count == 1)  // never retried
    }

    @Test("HTTP 400 about rate limiting is retried with exponential backoff on the clock, then succeeds")
    func throttled400() async throws {
        let counter = Counter()
        let transport = MockTransport { _, _ in
            if await counter.next() <= 2 {
                return .json(#"{"message":"Rate limit exceeded the maximum. Retry the request in [1] seconds","code":"too.many.requests"}"#, status: 400)
            }
            return tokenResponse("token-after-throttle")
        }
        let clock = ManualClock(mode: .autoAdvance)
        let provider = ClientCredentialsTokenProvider.testing(transport, clock: clock)

        #expect(try await provider.accessToken(logger: quietLogger).value == "token-after-throttle")
        #expect(transport.exchanges.count == 3)
        #expect(clock.sleeps == [.seconds(1), .seconds(2)])
    }

    @Test("HTTP 429 honours Retry-After on the clock, then succeeds")
    func throttled429() async throws {
        let counter = Counter()
        let transport = MockTransport { _, _ in
            if await counter.next() == 1 {
                return .json(#"{"message":"Too many requests","code":"too.many.requests.retry.after"}"#, status: 429, headers: ["Retry-After": "7"])
            }
            return tokenResponse("token-after-429")
        }
        let clock = ManualClock(mode: .manual)
        let provider = ClientCredentialsTokenProvider.testing(transport, clock: clock)

        let task = Task { try await provider.accessToken(logger: quietLogger) }
        try await clock.waitForSleepers(1)
        #expect(clock.sleeps == [.seconds(7)])
        #expect(transport.exchanges.count == 1)
        clock.advance(by: .seconds(7))
        #expect(try await task.value.value == "token-after-429")
        #expect(transport.exchanges.count == 2)
    }

    @Test("a 400 that is not about throttling is not retried")
    func plain400NotRetried() async throws {
        let transport = MockTransport { _, _ in
            .json(#"{"error":"unsupported_grant_type","error_description":"grant type not supported"}"#, status: 400)
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        let error = await #expect(throws: GenesysError.self) { try await provider.accessToken(logger: quietLogger) }
        #expect(error?.message == "the login host login.mypurecloud.ie refused the token request with HTTP 400: unsupported_grant_type: grant type not supported")
        #expect(error?.serverCode == "unsupported_grant_type")
        #expect(transport.exchanges.count == 1)
    }

    @Test("throttling that outlasts the retries fails with the status and a clear message")
    func throttlingExhausted() async throws {
        let transport = MockTransport { _, _ in .json(#"{"message":"too many requests"}"#, status: 429) }
        let clock = ManualClock(mode: .autoAdvance)
        let provider = ClientCredentialsTokenProvider.testing(
            transport, clock: clock, throttleRetry: .init(maxRetries: 2, baseDelay: .milliseconds(100))
        )
        let error = await #expect(throws: GenesysError.self) { try await provider.accessToken(logger: quietLogger) }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.status == 429)
        #expect(error?.message?.contains("kept throttling token requests (HTTP 429) after 2 retries") == true)
        #expect(transport.exchanges.count == 3)
        #expect(clock.sleeps == [.milliseconds(100), .milliseconds(200)])
    }

    @Test("a Retry-After longer than the provider waits fails at once with retryAfter set")
    func retryAfterTooLong() async throws {
        let transport = MockTransport { _, _ in .json("{}", status: 429, headers: ["Retry-After": "3600"]) }
        let clock = ManualClock(mode: .autoAdvance)
        let provider = ClientCredentialsTokenProvider.testing(transport, clock: clock)
        let error = await #expect(throws: GenesysError.self) { try await provider.accessToken(logger: quietLogger) }
        #expect(error?.retryAfter == .seconds(3600))
        #expect(error?.message?.contains("asked to wait 3600 s") == true)
        #expect(clock.sleeps.isEmpty)
        #expect(transport.exchanges.count == 1)
    }

    @Test("an unreachable login host is named in the message")
    func unreachable() async throws {
        let transport = MockTransport { _, _ in
            throw TransportError(kind: .connectFailed, requestMayHaveBeenProcessed: false)
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        let error = await #expect(throws: GenesysError.self) { try await provider.accessToken(logger: quietLogger) }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.message == "could not reach login.mypurecloud.ie: check the region or login URL")
        #expect((error?.underlying as? TransportError)?.kind == .connectFailed)
    }

    @Test("a timed-out token request names the host and the timeout")
    func timedOut() async throws {
        let transport = MockTransport { _, _ in throw TransportError(kind: .timedOut, requestMayHaveBeenProcessed: true) }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        let error = await #expect(throws: GenesysError.self) { try await provider.accessToken(logger: quietLogger) }
        #expect(error?.message == "the login host login.mypurecloud.ie did not answer within 30 s: check the region or login URL, or try again")
    }

    @Test("another error status surfaces the status and the body's error and description")
    func otherStatus() async throws {
        let transport = MockTransport { _, _ in
            .json(#"{"error":"temporarily_unavailable","description":"down for maintenance"}"#, status: 503)
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        let error = await #expect(throws: GenesysError.self) { try await provider.accessToken(logger: quietLogger) }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.status == 503)
        #expect(error?.message == "the login host login.mypurecloud.ie refused the token request with HTTP 503: temporarily_unavailable: down for maintenance")
        #expect(error?.localizedMessage.hasPrefix("the login host") == true)
    }

    @Test("a 200 without an access_token is an error, not an empty token")
    func successWithoutToken() async throws {
        let transport = MockTransport { _, _ in .json(#"{"token_type":"bearer"}"#) }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        let error = await #expect(throws: GenesysError.self) { try await provider.accessToken(logger: quietLogger) }
        #expect(error?.message == "the login host login.mypurecloud.ie answered HTTP 200 without an access_token")
    }

    @Test("a missing expires_in is treated as the shortest Genesys lifetime")
    func missingExpiry() async throws {
        let transport = MockTransport { _, _ in .json(#"{"access_token":"t","token_type":"bearer"}"#) }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        #expect(try await provider.accessToken(logger: quietLogger).expiresIn == .seconds(300))
    }

    @Test("an expires_in that is not a finite positive number is treated as missing", arguments: [
        #""inf""#, #""-inf""#, #""nan""#, #""infinity""#, "0", "-5", "1e-9", #""zero""#, "null", #"[]"#,
    ])
    func invalidExpiry(expiresIn: String) async throws {
        let transport = MockTransport { _, _ in .json(#"{"access_token":"t","token_type":"bearer","expires_in":\#(expiresIn)}"#) }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        #expect(try await provider.accessToken(logger: quietLogger).expiresIn == .seconds(300))
    }

    @Test("a huge expires_in is clamped to Genesys' longest token lifetime (450 days)", arguments: [
        "9.3e15", "1e300", #""1e300""#, "38880001", #""99999999999999999999""#,
    ])
    func hugeExpiry(expiresIn: String) async throws {
        let transport = MockTransport { _, _ in .json(#"{"access_token":"t","token_type":"bearer","expires_in":\#(expiresIn)}"#) }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        #expect(try await provider.accessToken(logger: quietLogger).expiresIn == .seconds(38_880_000))
        // The clamped token is cached like any other.
        #expect(try await provider.accessToken(logger: quietLogger).value == "t")
        #expect(transport.exchanges.count == 1)
    }

    @Test("expires_in is kept as sent within Genesys' range, as a number or a string, with fractions")
    func validExpiry() {
        #expect(TokenFetcher.lifetime(expiresIn: 86_400) == .seconds(86_400))
        #expect(TokenFetcher.lifetime(expiresIn: 38_880_000) == .seconds(38_880_000))
        #expect(TokenFetcher.lifetime(expiresIn: 1.5) == .milliseconds(1500))
        #expect(TokenFetcher.lifetime(expiresIn: nil) == .seconds(300))
        #expect(TokenFetcher.lifetime(expiresIn: .infinity) == .seconds(300))
        #expect(TokenFetcher.lifetime(expiresIn: .nan) == .seconds(300))
        #expect(TokenFetcher.lifetime(expiresIn: .greatestFiniteMagnitude) == .seconds(38_880_000))
    }

    @Test("cancelling the only caller while throttled ends the wait with CancellationError")
    func cancelWhileThrottled() async throws {
        let transport = MockTransport { _, _ in .json("{}", status: 429, headers: ["Retry-After": "5"]) }
        let clock = ManualClock(mode: .manual)
        let provider = ClientCredentialsTokenProvider.testing(transport, clock: clock)
        let task = Task { try await provider.accessToken(logger: quietLogger) }
        try await clock.waitForSleepers(1)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
