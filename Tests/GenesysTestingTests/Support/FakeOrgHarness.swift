import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import Logging
import RoutingModels
import Testing

/// An org, its manual clock and a raw client (static token, no retries, no pacing) for driving the org
/// through `GenesysClient.send` the way the typed API will.
struct FakeOrgHarness {
    let clock: ManualClock
    let org: FakeGenesysOrg
    let client: GenesysClient

    init(
        configuration: FakeGenesysOrg.Configuration = FakeGenesysOrg.Configuration(rateLimit: nil),
        clock: ManualClock = ManualClock(),
        retryPolicy: any RetryPolicy = NoRetryPolicy()
    ) {
        self.clock = clock
        let org = FakeGenesysOrg(configuration: configuration, clock: clock)
        self.org = org
        self.client = try! GenesysClient(
            configuration: .init(apiBaseURL: FakeGenesysOrg.baseURL), transport: org,
            tokenProvider: StaticTokenProvider(org.issueToken(clientID: configuration.clients.first?.id ?? FakeGenesysOrg.defaultClientID)), retryPolicy: retryPolicy, rateLimit: nil, clock: clock
        )
    }

    // MARK: - Through the client

    /// Sends a request without a body.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ path: String, _ query: [(String, String)] = []) async throws -> GenesysResponse {
        try await client.send(GenesysRequest(method: method, path: path, query: query.map { .init($0.0, $0.1) }, operation: "test"))
    }

    /// Sends a request with a JSON body.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ path: String, _ query: [(String, String)] = [], json body: some Encodable) async throws -> GenesysResponse {
        try await client.send(GenesysRequest(method: method, path: path, query: query.map { .init($0.0, $0.1) }, json: body, operation: "test"))
    }

    /// GETs and decodes.
    func get<T: Decodable>(_ path: String, _ query: [(String, String)] = [], as type: T.Type) async throws -> T {
        try decode(T.self, try await send(.get, path, query))
    }

    /// Sends a JSON body and decodes the answer.
    func send<T: Decodable>(_ method: HTTPRequest.Method, _ path: String, _ query: [(String, String)] = [], json body: some Encodable, as type: T.Type) async throws -> T {
        try decode(T.self, try await send(method, path, query, json: body))
    }

    /// GETs a relative link (`nextUri`, …) as the org wrote it.
    func follow<T: Decodable>(_ uri: String, as type: T.Type) async throws -> T {
        let components = try #require(URLComponents(string: uri))
        let query = (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
        return try await get(components.path, query, as: T.self)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: GenesysResponse) throws -> T {
        try GenesysJSON.makeDecoder().decode(T.self, from: response.body)
    }

    /// The ``GenesysError`` a call throws (fails the test when it succeeds).
    func failure(_ work: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> GenesysError? {
        do {
            try await work()
            Issue.record("expected the call to fail", sourceLocation: sourceLocation)
            return nil
        } catch let error as GenesysError {
            return error
        } catch {
            Issue.record("expected a GenesysError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    // MARK: - Straight to the transport

    /// Sends a request straight to the org (no client pipeline), with the given bearer token.
    func raw(_ method: HTTPRequest.Method, _ pathAndQuery: String, token: String?, body: Data? = nil, headers: [HTTPField.Name: String] = [:]) async throws -> TransportResponse {
        var fields = HTTPFields()
        if let token { fields[.authorization] = "Bearer \(token)" }
        for (name, value) in headers { fields[name] = value }
        let request = HTTPRequest(method: method, scheme: "https", authority: "api.fake.genesys.test", path: pathAndQuery, headerFields: fields)
        return try await org.send(request, body: body, options: TransportOptions(operation: "test", logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
    }

    /// A token request straight to the org.
    func tokenRequest(id: String, secret: String, body: String = "grant_type=client_credentials") async throws -> TransportResponse {
        let basic = "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
        return try await raw(.post, "/oauth/token", token: nil, body: Data(body.utf8), headers: [.authorization: basic, .contentType: "application/x-www-form-urlencoded"])
    }
}

extension TransportResponse {
    /// The status code.
    var status: Int { Int(head.status.code) }
    /// The body as a JSON object.
    var jsonObject: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    /// The decoded error body.
    var errorBody: ErrorBody? { try? GenesysJSON.makeDecoder().decode(ErrorBody.self, from: body) }
    /// The `ININ-Correlation-Id` header.
    var correlationID: String? { head.headerFields[.correlationID] }
}

/// Builders for skill-group conditions.
enum Condition {
    static func skill(_ name: String, _ comparator: ProficiencyComparator, _ value: Int, children: [SkillGroupCondition]? = nil) -> SkillGroupRoutingCondition {
        SkillGroupRoutingCondition(routingSkill: name, comparator: comparator, proficiency: value, childConditions: children)
    }

    static func language(_ name: String, _ comparator: ProficiencyComparator, _ value: Int, children: [SkillGroupCondition]? = nil) -> SkillGroupLanguageCondition {
        SkillGroupLanguageCondition(languageSkill: name, comparator: comparator, proficiency: value, childConditions: children)
    }

    static func node(_ operation: ConditionOperation, skills: [SkillGroupRoutingCondition] = [], languages: [SkillGroupLanguageCondition] = []) -> SkillGroupCondition {
        SkillGroupCondition(routingSkillConditions: skills, languageSkillConditions: languages, operation: operation)
    }
}

/// A fresh temporary directory for file tests.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fake-org-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
