import Foundation
import GenesysAuth
import GenesysCore
import GenesysRouting
import GenesysTesting
import GenesysTestingServer
import HTTPTypes
import Logging
import RoutingModels
import Testing

@Suite("FakeServer: the fake org over loopback HTTP")
struct FakeServerTests {
    private static let logger = Logger(label: "FakeServerTests") { _ in SwiftLogNoOpLogHandler() }

    /// Starts a server for `org` on a free port, runs `body` with its base URL, and always stops it.
    private func withServer<R>(
        _ org: FakeGenesysOrg = FakeGenesysOrg(configuration: .init(rateLimit: nil)),
        _ body: (FakeServer, URL) async throws -> R
    ) async throws -> R {
        try await withServer(try FakeServer(org: org, logger: Self.logger), body)
    }

    /// Starts `server`, runs `body` with its base URL, and always stops it.
    private func withServer<R>(_ server: FakeServer, _ body: (FakeServer, URL) async throws -> R) async throws -> R {
        let baseURL = try await server.start()
        do {
            let result = try await body(server, baseURL)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// `RoutingAPI` over the default transport, with client credentials against the fake's own
    /// `/oauth/token`.
    private func routing(_ baseURL: URL, transport: any HTTPTransport) throws -> RoutingAPI {
        try RoutingAPI(
            region: .custom(apiURL: baseURL, loginURL: baseURL),
            credentials: ClientCredentials(clientID: FakeGenesysOrg.defaultClientID, clientSecret: FakeGenesysOrg.defaultClientSecret),
            transport: transport, rateLimit: nil, logger: Self.logger
        )
    }

    private func send(
        _ transport: any HTTPTransport, _ method: HTTPRequest.Method, _ url: URL, path: String,
        headers: HTTPFields = [:], body: Data? = nil
    ) async throws -> TransportResponse {
        let request = HTTPRequest(method: method, scheme: url.scheme, authority: "\(url.host ?? "127.0.0.1"):\(url.port ?? 80)", path: path, headerFields: headers)
        return try await transport.send(request, body: body, options: TransportOptions(operation: "test", timeout: .seconds(10), logger: Self.logger))
    }

    private func token(_ transport: any HTTPTransport, _ url: URL) async throws -> String {
        var headers = HTTPFields()
        headers[.authorization] = "Basic " + Data("fake-client:fake-secret".utf8).base64EncodedString()
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await send(transport, .post, url, path: "/oauth/token", headers: headers, body: Data("grant_type=client_credentials".utf8))
        #expect(response.head.status == .ok)
        return try #require(try GenesysJSON.makeDecoder().decode(AccessTokenResponse.self, from: response.body).accessToken)
    }

    @Test("binds 127.0.0.1 on a free port and reports the base URL")
    func baseURL() async throws {
        try await withServer { server, url in
            #expect(url.scheme == "http")
            #expect(url.host == "127.0.0.1")
            #expect((url.port ?? 0) > 0)
            #expect(server.baseURL == url)
        }
    }

    @Test("a client-credentials token and a skill create/list round trip over HTTP")
    func tokenAndSkillsRoundTrip() async throws {
        let org = FakeGenesysOrg(configuration: .init(rateLimit: nil))
        try await withServer(org) { _, url in
            let routing = try routing(url, transport: DefaultTransport.make())
            let created = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
            _ = try await routing.createSkill(CreateRoutingSkill(name: "Technical"))
            let listed = try await routing.listSkills(name: "Bill").collectItems()
            #expect(listed.map(\.name) == ["Billing"])
            #expect(listed.first?.id == created.id)
            #expect(org.snapshot().skills.map(\.name) == ["Billing", "Technical"])
            #expect(org.requests.first?.operation == "oauth.token")
        }
    }

    @Test("status, ErrorBody and the ININ-Correlation-Id header pass through verbatim")
    func correlationHeader() async throws {
        let org = FakeGenesysOrg(configuration: .init(rateLimit: nil))
        try await withServer(org) { _, url in
            let transport = DefaultTransport.make()
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(try await token(transport, url))"
            let response = try await send(transport, .get, url, path: "/api/v2/routing/skills/no-such-skill?x=1", headers: headers)
            #expect(response.head.status.code == 404)
            let correlationID = try #require(response.head.headerFields[HTTPField.Name("ININ-Correlation-Id")!])
            #expect(org.requests.last?.correlationID == correlationID)
            let body = try GenesysJSON.makeDecoder().decode(ErrorBody.self, from: response.body)
            #expect(body.code == "not.found")
            #expect(body.contextId == correlationID)
            #expect(org.requests.last?.queryValue("x") == "1")
        }
    }

    @Test("GET /__fake/requests shows the writes; POST /__fake/reset-log empties it")
    func requestLog() async throws {
        try await withServer { _, url in
            let transport = DefaultTransport.make()
            let routing = try routing(url, transport: transport)
            _ = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
            _ = try await routing.listSkills().collectItems()

            struct Log: Decodable {
                struct Record: Decodable { var method: String; var path: String; var isWrite: Bool; var status: Int?; var operation: String? }
                var requests: [Record]
            }
            let response = try await send(transport, .get, url, path: "/__fake/requests")
            #expect(response.head.status == .ok)
            let log = try JSONDecoder().decode(Log.self, from: response.body)
            let writes = log.requests.filter(\.isWrite)
            #expect(writes.map(\.path) == ["/api/v2/routing/skills"])
            #expect(writes.first?.method == "POST")
            #expect(writes.first?.status == 200)
            #expect(writes.first?.operation == "routing.createSkill")
            #expect(log.requests.contains { $0.operation == "routing.listSkills" })

            let reset = try await send(transport, .post, url, path: "/__fake/reset-log")
            #expect(reset.head.status == .noContent)
            let after = try JSONDecoder().decode(Log.self, from: try await send(transport, .get, url, path: "/__fake/requests").body)
            #expect(after.requests.isEmpty)
        }
    }

    @Test("POST /__fake/advance moves the org's manual clock, and GET /__fake/state returns the snapshot")
    func controlEndpoints() async throws {
        let clock = ManualClock(mode: .autoAdvance)
        let org = FakeGenesysOrg(configuration: .init(rateLimit: nil), clock: clock)
        _ = try org.addSkill(name: "Billing")
        try await withServer(org) { _, url in
            let transport = DefaultTransport.make()
            let advanced = try await send(transport, .post, url, path: "/__fake/advance?seconds=90.5")
            #expect(advanced.head.status == .ok)
            #expect(clock.now.offset == .milliseconds(90_500))
            let invalid = try await send(transport, .post, url, path: "/__fake/advance?seconds=-1")
            #expect(invalid.head.status == .badRequest)

            let state = try await send(transport, .get, url, path: "/__fake/state")
            let decoded = try GenesysJSON.makeDecoder().decode(FakeOrgState.self, from: state.body)
            #expect(decoded == org.snapshot())
        }
    }

    @Test("advance rejects a non-finite, negative or absurdly large number of seconds with a 400, and keeps serving",
          arguments: ["1e300", "nan", "NaN", "inf", "-inf", "-0.5", "315360000.001", "1e12", "abc", ""])
    func advanceRejectsBadSeconds(seconds: String) async throws {
        let clock = ManualClock(mode: .autoAdvance)
        let org = FakeGenesysOrg(configuration: .init(rateLimit: nil), clock: clock)
        try await withServer(org) { _, url in
            let transport = DefaultTransport.make()
            let response = try await send(transport, .post, url, path: "/__fake/advance?seconds=\(seconds)")
            #expect(response.head.status == .badRequest)
            let error = try GenesysJSON.makeDecoder().decode(ErrorBody.self, from: response.body)
            #expect(error.code == "invalid.value")
            #expect(error.status == 400)
            #expect(error.message?.contains("from 0 to 315360000 (10 years)") == true)
            #expect(clock.now.offset == .zero)

            let tenYears = try await send(transport, .post, url, path: "/__fake/advance?seconds=315360000")
            #expect(tenYears.head.status == .ok)
            #expect(clock.now.offset == .seconds(315_360_000))
        }
    }

    @Test("advance answers 409 when the org runs on a real clock")
    func advanceNeedsManualClock() async throws {
        try await withServer(FakeGenesysOrg(clock: ContinuousClock())) { _, url in
            let response = try await send(DefaultTransport.make(), .post, url, path: "/__fake/advance?seconds=1")
            #expect(response.head.status == .conflict)
            #expect(try GenesysJSON.makeDecoder().decode(ErrorBody.self, from: response.body).code == "fake.manual.clock.required")
        }
    }

    @Test("an injected lost connection closes the connection without a response")
    func lostConnection() async throws {
        let org = FakeGenesysOrg(configuration: .init(rateLimit: nil))
        org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1), matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skills")))
        try await withServer(org) { _, url in
            let transport = DefaultTransport.make()
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(try await token(transport, url))"
            headers[.contentType] = "application/json"
            let error = await #expect(throws: TransportError.self) {
                _ = try await send(transport, .post, url, path: "/api/v2/routing/skills", headers: headers, body: Data(#"{"name":"Billing"}"#.utf8))
            }
            #expect(error?.kind == .connectionLost)
            #expect(org.requests.last?.status == nil)
            // The write took effect; only the answer was lost. The connection pool recovers.
            #expect(org.snapshot().skills.map(\.name) == ["Billing"])
            let listed = try await send(transport, .get, url, path: "/api/v2/routing/skills", headers: headers)
            #expect(listed.head.status == .ok)
        }
    }

    @Test("serves any HTTPTransport verbatim and keeps its own log; oversized bodies get 413")
    func genericTransport() async throws {
        let mock = MockTransport { request, body in
            .json(#"{"echo":"\#(request.method.rawValue) \#(request.path ?? "")","bytes":\#(body?.count ?? 0)}"#, status: 201, headers: ["X-Custom": "kept"])
        }
        let server = try FakeServer(transport: mock, configuration: .init(maxRequestBodyBytes: 64), logger: Self.logger)
        try await withServer(server) { server, url in
            let transport = DefaultTransport.make()
            var headers = HTTPFields()
            headers[HTTPField.Name("X-Request")!] = "sent"
            let response = try await send(transport, .put, url, path: "/any/path?a=1&b=%20", headers: headers, body: Data("hello".utf8))
            #expect(response.head.status.code == 201)
            #expect(response.head.headerFields[HTTPField.Name("X-Custom")!] == "kept")
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"echo":"PUT /any/path?a=1&b=%20","bytes":5}"#)
            #expect(mock.exchanges.first?.request.headerFields[HTTPField.Name("X-Request")!] == "sent")
            #expect(mock.exchanges.first?.bodyText == "hello")

            let tooLarge = try await send(transport, .post, url, path: "/big", body: Data(repeating: 65, count: 65))
            #expect(tooLarge.head.status.code == 413)
            #expect(mock.exchanges.count == 1)

            #expect(server.requestLog.map(\.path) == ["/any/path", "/big"])
            #expect(server.requestLog.first?.query == "a=1&b=%20")
            #expect(server.requestLog.first?.requestBody == "hello")
            #expect(server.requestLog.map(\.status) == [201, 413])
        }
    }

    @Test("refuses non-loopback hosts unless allowed", arguments: ["0.0.0.0", "192.168.1.10", "example.com"])
    func nonLoopback(host: String) throws {
        #expect(throws: FakeServerError.self) {
            _ = try FakeServer(org: FakeGenesysOrg(), configuration: .init(host: host), logger: Self.logger)
        }
        _ = try FakeServer(org: FakeGenesysOrg(), configuration: .init(host: host, allowNonLoopbackHost: true), logger: Self.logger)
    }

    @Test("a server starts once; stop ends it")
    func lifecycle() async throws {
        let server = try FakeServer(org: FakeGenesysOrg(), logger: Self.logger)
        _ = try await server.start()
        await #expect(throws: FakeServerError.self) { _ = try await server.start() }
        await server.stop()
        #expect(server.baseURL == nil)
        await #expect(throws: FakeServerError.self) { _ = try await server.waitUntilRunning() }
    }
}
