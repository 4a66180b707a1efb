import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import InMemoryLogging
import Logging
import RoutingModels
import Testing

/// A gateway that echoes the `Authorization` header or the token request in an error body: the token and
/// the client secret never reach a `GenesysError` (description, message, details, body) or a log line (#9).
@Suite("Server text is scrubbed of tokens and secrets")
struct CredentialEchoAgainstFakeOrgTests {
    static let secret = "s3cret-Client-Secret-value"

    static func makeLogger() -> (Logger, InMemoryLogHandler) {
        var handler = InMemoryLogHandler()
        handler.logLevel = .trace
        let captured = handler
        return (Logger(label: "echo-test", factory: { _ in captured }), handler)
    }

    /// Everything of `error` a caller, a log or the CLI could show.
    static func texts(of error: GenesysError) -> [String] {
        var texts = [error.description, error.localizedMessage, error.message ?? "", error.serverCode ?? "", error.correlationID ?? ""]
        texts += error.details.map { "\($0.errorCode ?? "") \($0.fieldName ?? "") \($0.entityId ?? "") \($0.entityName ?? "")" }
        if let body = error.body {
            texts.append(String(describing: body))
            texts.append(String(decoding: (try? JSONEncoder().encode(body)) ?? Data(), as: UTF8.self))
        }
        texts.append(String(describing: error))
        texts.append(String(reflecting: error))
        return texts
    }

    @Test("an API error body echoing the bearer token")
    func bearerTokenEcho() async throws {
        let org = FakeGenesysOrg(configuration: .init(clients: [.init(secret: Self.secret)]), clock: ManualClock(mode: .autoAdvance))
        let (logger, handler) = Self.makeLogger()
        let client = org.makeClient(secret: Self.secret, logger: logger)
        let routing = RoutingAPI(client: client)
        _ = org.addFault(FakeFault(.echoCredentials(status: 400), matching: .init(pathPrefix: "/api/v2/routing/skills")))

        let error = await #expect(throws: GenesysError.self) { _ = try await routing.getSkill(id: "00000000-0000-0000-0000-000000000001") }
        let token = try await client.tokenProvider.accessToken(logger: logger).value
        let error2 = try #require(error)
        #expect(error2.status == 400)
        #expect(error2.message?.contains("Bearer <redacted>") == true, "the echo is there, without the token")
        for text in Self.texts(of: error2) {
            #expect(!text.contains(token), "token leaked in: \(text)")
        }
        for entry in handler.entries {
            #expect(!"\(entry.message) \(entry.metadata)".contains(token))
        }
    }

    @Test("a token endpoint error echoing the Basic credential and the client secret")
    func secretEcho() async throws {
        let org = FakeGenesysOrg(configuration: .init(clients: [.init(secret: Self.secret)]), clock: ManualClock(mode: .autoAdvance))
        let (logger, handler) = Self.makeLogger()
        let client = org.makeClient(secret: Self.secret, logger: logger)
        _ = org.addFault(FakeFault(.echoCredentials(status: 400), matching: .init(pathPrefix: "/oauth")))
        let basic = Data("\(FakeGenesysOrg.defaultClientID):\(Self.secret)".utf8).base64EncodedString()

        let error = try #require(await #expect(throws: GenesysError.self) { _ = try await RoutingAPI(client: client).listSkills().collectItems() })
        #expect(error.code == .authenticationFailed)
        for text in Self.texts(of: error) {
            #expect(!text.contains(Self.secret), "secret leaked in: \(text)")
            #expect(!text.contains(basic), "Basic credential leaked in: \(text)")
        }
        for entry in handler.entries {
            #expect(!"\(entry.message) \(entry.metadata)".contains(Self.secret))
            #expect(!"\(entry.message) \(entry.metadata)".contains(basic))
        }
    }

    @Test("a provider reports every secret it holds, and each is scrubbed")
    func providerSecrets() async throws {
        struct PoolProvider: AccessTokenProvider {
            func accessToken(logger: Logger) async throws -> AccessToken { AccessToken(value: "pool-token-one") }
            func invalidate(_ token: AccessToken) async {}
            func secrets() async -> [String] { ["pool-token-one", "pool-token-two", "pool-secret"] }
        }
        let transport = MockTransport(script: [.json(
            #"{"message":"echo pool-token-two and pool-secret and pool-token-one","code":"bad","status":400,"contextId":"pool-token-two"}"#,
            status: 400)])
        let client = try GenesysClient(
            configuration: .init(apiBaseURL: URL(string: "https://api.example.test")!), transport: transport,
            tokenProvider: PoolProvider(), retryPolicy: StandardRetryPolicy(jitter: .none))
        let error = try #require(await #expect(throws: GenesysError.self) { _ = try await client.send(GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "routing.listSkills")) })
        #expect(error.message == "echo <redacted> and <redacted> and <redacted>")
        #expect(error.correlationID == "<redacted>")
    }
}
