import Foundation
@testable import GenesysAuth
import GenesysCore
import GenesysTesting
import HTTPTypes
import InMemoryLogging
import Logging
import Testing

@Suite("Secrets never leak")
struct SecretRedactionTests {
    static let tokenValue = "eyJ-very-secret-bearer-token-value"

    @Test("logs, errors and descriptions never contain the secret, the Basic credential or a token")
    func nothingLeaks() async throws {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "secrets-test", factory: { _ in handler })
        logger.logLevel = .trace

        let counter = Counter()
        let transport = MockTransport { request, _ in
            if request.path == "/oauth/token" {
                switch await counter.next() {
                case 1, 2: return tokenResponse(Self.tokenValue + "-\(await counter.value)")
                default:
                    // A hostile error body that echoes the credentials back.
                    return .json(
                        #"{"error":"invalid_client","description":"bad secret \#(testCredentials.clientSecret) / \#(testBasicCredential)"}"#,
                        status: 401
                    )
                }
            }
            if request.headerFields[.authorization] == "Bearer \(Self.tokenValue)-1" {
                return .json(#"{"message":"expired","code":"bad.credentials"}"#, status: 401)
            }
            return .json(#"{"entities":[]}"#)
        }
        let provider = ClientCredentialsTokenProvider.testing(transport)
        let client = try GenesysClient(
            configuration: .init(apiBaseURL: GenesysRegion.euWest1.apiURL), transport: transport, tokenProvider: provider,
            retryPolicy: NoRetryPolicy(), rateLimit: nil, clock: ManualClock(mode: .autoAdvance), logger: logger
        )

        var texts: [String] = []

        // A token fetch, an API call with a 401 replay (second token fetch), then a failing fetch.
        let token = try await provider.accessToken(logger: logger)
        _ = try await client.send(GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "routing.listSkills"), logger: logger)
        let current = try await provider.accessToken(logger: logger)
        await provider.invalidate(current)
        do {
            _ = try await provider.accessToken(logger: logger)
            Issue.record("the third token request should fail")
        } catch let error as GenesysError {
            texts += [error.description, error.localizedMessage, error.message ?? "", String(reflecting: error), "\(error)"]
            #expect(error.message?.contains("<redacted>") == false)  // the rejection message does not quote the body
        }
        // Unreachable host, throttled, and other-status failures too.
        for failing in [
            MockTransport { _, _ in throw TransportError(kind: .connectFailed, requestMayHaveBeenProcessed: false) },
            MockTransport { _, _ in .json(#"{"error":"x","description":"echo \#(testCredentials.clientSecret)"}"#, status: 503) },
            MockTransport { _, _ in .json(#"{"message":"rate limit \#(testBasicCredential)"}"#, status: 400) },
        ] {
            let failingProvider = ClientCredentialsTokenProvider.testing(failing, throttleRetry: .none)
            do {
                _ = try await failingProvider.accessToken(logger: logger)
                Issue.record("expected a failure")
            } catch let error as GenesysError {
                texts += [error.description, error.localizedMessage, error.message ?? "", String(reflecting: error)]
            }
        }

        texts += [
            token.description, token.debugDescription, "\(token)",
            testCredentials.description, testCredentials.debugDescription, "\(testCredentials)",
            String(reflecting: testCredentials), provider.description, String(reflecting: provider),
        ]
        var dumped = ""
        dump(testCredentials, to: &dumped)
        dump(provider, to: &dumped)
        texts.append(dumped)

        let entries = handler.entries
        #expect(entries.contains { $0.message.description == "requesting token" })
        #expect(entries.contains { $0.message.description == "token cached" })
        for entry in entries {
            texts.append(entry.message.description)
            texts.append(entry.metadata.description)
            if let error = entry.error { texts.append(String(reflecting: error)) }
        }

        let forbidden = [testCredentials.clientSecret, testBasicCredential, Self.tokenValue]
        for text in texts {
            for secret in forbidden {
                #expect(!text.contains(secret), "leaked in: \(text.prefix(200))")
            }
        }
        #expect(texts.contains { $0.contains("client-0001") })  // the client id is fine to show
    }
}
