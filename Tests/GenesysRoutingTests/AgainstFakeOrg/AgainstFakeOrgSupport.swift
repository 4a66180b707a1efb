import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import Logging
import RoutingModels
import Testing

/// How a test's `RoutingAPI` reaches the in-memory org.
enum OrgAccess: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// `org.makeClient()`: OAuth client credentials against the org's own token endpoint.
    case clientCredentials
    /// `Harness(forwardingTo: org)`: the resource tests' client factory (static token issued by the org),
    /// recording every request with its body before the org answers it.
    case harness

    var testDescription: String {
        switch self {
        case .clientCredentials: "org.makeClient()"
        case .harness: "Harness(forwardingTo: org)"
        }
    }
}

/// A fresh `FakeGenesysOrg` on an auto-advancing manual clock and a `RoutingAPI` wired to it.
struct OrgFixture {
    let clock: ManualClock
    let org: FakeGenesysOrg
    let client: GenesysClient
    let routing: RoutingAPI
    /// The recording harness, for `.harness` access.
    let harness: Harness?

    init(_ access: OrgAccess = .harness, configuration: FakeGenesysOrg.Configuration = .init()) throws {
        let clock = ManualClock(mode: .autoAdvance)
        let org = FakeGenesysOrg(configuration: configuration, clock: clock)
        self.clock = clock
        self.org = org
        switch access {
        case .clientCredentials:
            client = org.makeClient()
            harness = nil
        case .harness:
            let harness = try Harness(forwardingTo: org, tokenProvider: StaticTokenProvider(org.issueToken()), clock: clock)
            client = harness.client
            self.harness = harness
        }
        routing = RoutingAPI(client: client)
    }

    // MARK: - The org's request log

    /// API requests (token requests left out) in the order the org answered them.
    var apiRequests: [FakeOrgRequest] { org.requests.filter { $0.path.hasPrefix("/api/") } }

    /// How many API requests had exactly this method and path (query ignored).
    func count(_ method: HTTPRequest.Method, _ path: String) -> Int {
        apiRequests.filter { $0.method == method && $0.path == path }.count
    }

    /// The writes the org received, as `"METHOD path"` → count.
    var writeCounts: [String: Int] {
        org.writes.reduce(into: [:]) { counts, request in counts["\(request.method.rawValue) \(request.path)", default: 0] += 1 }
    }

    /// Every request the org answered was a 2xx (nothing failed and was silently retried).
    var everythingSucceeded: Bool { org.requests.allSatisfy(\.succeeded) }

    /// The failed requests, for failure messages.
    var failures: [String] { org.requests.filter { !$0.succeeded }.map(\.description) }

    // MARK: - Bodies (harness access only)

    /// The JSON bodies sent with `method` to exactly `path`, in order.
    func bodies(_ method: HTTPRequest.Method, _ path: String) throws -> [JSONValue] {
        let harness = try #require(harness, "bodies are recorded with .harness access only")
        return try harness.requests.filter { $0.method == method && $0.path == path }.map { try $0.json() }
    }

    // MARK: - Raw answers

    /// What the org answers a GET, as JSON, bypassing the SDK's models (to see fields the models do not
    /// have).
    func rawGET(_ pathAndQuery: String) async throws -> JSONValue {
        var fields = HTTPFields()
        fields[.authorization] = "Bearer \(org.issueToken().value)"
        let request = HTTPRequest(method: .get, scheme: "https", authority: "api.fake.genesys.test", path: pathAndQuery, headerFields: fields)
        let options = TransportOptions(operation: "test.raw", logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let response = try await org.send(request, body: nil, options: options)
        #expect(response.head.status.code == 200, "GET \(pathAndQuery) → \(response.head.status.code)")
        return try JSONValue(data: response.body)
    }
}

extension JSONValue {
    /// The value of `key` in an object.
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The elements of an array.
    var elements: [JSONValue] {
        if case .array(let array) = self { return array }
        return []
    }

    /// The keys of an object.
    var keys: Set<String> {
        if case .object(let object) = self { return Set(object.keys) }
        return []
    }
}

/// Builders for skill-group condition trees.
enum Conditions {
    static func skill(
        _ name: String, _ comparator: ProficiencyComparator, _ value: Int, children: [SkillGroupCondition]? = nil
    ) -> SkillGroupRoutingCondition {
        SkillGroupRoutingCondition(routingSkill: name, comparator: comparator, proficiency: value, childConditions: children)
    }

    static func language(
        _ name: String, _ comparator: ProficiencyComparator, _ value: Int, children: [SkillGroupCondition]? = nil
    ) -> SkillGroupLanguageCondition {
        SkillGroupLanguageCondition(languageSkill: name, comparator: comparator, proficiency: value, childConditions: children)
    }

    static func node(
        _ operation: ConditionOperation, skills: [SkillGroupRoutingCondition]? = nil, languages: [SkillGroupLanguageCondition]? = nil
    ) -> SkillGroupCondition {
        SkillGroupCondition(routingSkillConditions: skills, languageSkillConditions: languages, operation: operation)
    }
}

extension FakeGenesysOrg {
    /// Seeds `count` users named `"<prefix> 001"`, … with emails `<prefix>001@example.com`, ….
    func addUsers(_ count: Int, prefix: String = "Agent", division: String? = nil) throws -> [String] {
        try (1...count).map { index in
            let number = String(format: "%03d", index)
            return try addUser(name: "\(prefix) \(number)", email: "\(prefix.lowercased())\(number)@example.com", division: division)
        }
    }

    /// The stored record of one user.
    func userRecord(_ id: String) throws -> FakeOrgState.UserRecord {
        try #require(snapshot().users.first { $0.user.id == id })
    }

    /// The stored record of one queue.
    func queueRecord(_ id: String) throws -> FakeOrgState.QueueRecord {
        try #require(snapshot().queues.first { $0.queue.id == id })
    }

    /// The stored record of one skill group.
    func skillGroupRecord(_ id: String) throws -> FakeOrgState.SkillGroupRecord {
        try #require(snapshot().skillGroups.first { $0.group.id == id })
    }
}
