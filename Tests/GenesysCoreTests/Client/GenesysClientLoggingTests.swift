import GenesysCore
import GenesysTesting
import InMemoryLogging
import Logging
import Testing

@Suite("GenesysClient logging")
struct GenesysClientLoggingTests {
    /// A trace-level logger writing into memory (never `LoggingSystem.bootstrap`).
    static func makeLogger() -> (Logger, InMemoryLogHandler) {
        var handler = InMemoryLogHandler()
        handler.logLevel = .trace
        let captured = handler
        return (Logger(label: "genesys-test", factory: { _ in captured }), handler)
    }

    @Test("a request is logged at debug with method, path, status and correlation id")
    func requestLog() async throws {
        let (logger, handler) = Self.makeLogger()
        let transport = MockTransport.steps([.status(200, headers: ["ININ-Correlation-Id": "corr-log-1"])])
        let client = try makeClient(transport, logger: logger)

        _ = try await client.send(.getSkills)

        let entry = try #require(handler.entries.first { $0.metadata["status"] != nil })
        #expect(entry.level == .debug)
        #expect(entry.metadata["method"] == "GET")
        #expect(entry.metadata["path"] == "/api/v2/routing/skills")
        #expect(entry.metadata["status"] == "200")
        #expect(entry.metadata["correlationId"] == "corr-log-1")
        #expect(entry.metadata["operation"] == "routing.listSkills")
    }

    @Test("the per-call logger wins over the client's")
    func perCallLogger() async throws {
        let (clientLogger, clientHandler) = Self.makeLogger()
        let (callLogger, callHandler) = Self.makeLogger()
        let transport = MockTransport.steps([.ok])
        let client = try makeClient(transport, logger: clientLogger)
        _ = try await client.send(.getSkills, logger: callLogger)
        #expect(clientHandler.entries.isEmpty)
        #expect(!callHandler.entries.isEmpty)
    }

    @Test("a retry is logged with operation, attempt, delay and correlation id")
    func retryLog() async throws {
        let (logger, handler) = Self.makeLogger()
        let transport = MockTransport.steps([.status(503, headers: ["ININ-Correlation-Id": "corr-503"]), .status(503), .ok])
        let client = try makeClient(transport, logger: logger)

        _ = try await client.send(.createSkill)

        let retries = handler.entries.filter { $0.metadata["attempt"] != nil }
        #expect(retries.count == 2)
        #expect(retries.map(\.metadata["attempt"]) == ["1", "2"])
        #expect(retries.first?.metadata["delayMs"] == "500.0" || retries.first?.metadata["delayMs"] == "500")
        #expect(retries.first?.metadata["correlationId"] == "corr-503")
        #expect(retries.first?.metadata["operation"] == "routing.createSkill")
        #expect(retries.allSatisfy { $0.level >= .debug })
    }

    @Test("the token and the Authorization header never appear in any log message or metadata")
    func noSecrets() async throws {
        let (logger, handler) = Self.makeLogger()
        let transport = MockTransport.steps([
            .status(401), .status(503), .transport(.connectFailed, processed: false), .status(429), .ok,
            .status(404, body: #"{"message":"nope"}"#),
        ])
        let client = try makeClient(transport, logger: logger)

        _ = try await client.send(.createSkill)
        _ = try? await client.send(.getSkills)

        #expect(handler.entries.count >= 6)
        for entry in handler.entries {
            let text = "\(entry.message) \(entry.metadata) \(entry.error.map { "\($0)" } ?? "")"
            #expect(!text.contains(secretToken.value), "\(text)")
            #expect(!text.contains("Bearer"), "\(text)")
            #expect(!text.lowercased().contains("authorization"), "\(text)")
        }
    }
}
