import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Request log")
struct RequestLogTests {
    @Test("reads, searches and validations are not writes; creates, updates and deletes are")
    func writeCounting() async throws {
        let h = FakeOrgHarness()
        _ = try await h.send(.get, "/api/v2/routing/skills")
        _ = try await h.send(.post, "/api/v2/users/search", json: UserSearchRequest(query: []))
        _ = try await h.send(.post, "/api/v2/routing/skillexpressions/validate", json: SkillExpressionData(expression: "x"))
        #expect(h.org.writes.isEmpty)
        let skill = try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "S"), as: RoutingSkill.self)
        _ = try await h.send(.delete, "/api/v2/routing/skills/\(try #require(skill.id))")
        _ = await h.failure { try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill()) }
        #expect(h.org.writes.map(\.operation) == ["routing.createSkill", "routing.deleteSkill", "routing.createSkill"])
        #expect(h.org.writes.map(\.status) == [200, 204, 400])
        #expect(h.org.writes.map(\.succeeded) == [true, true, false])
        #expect(h.org.count(method: .post, pathPrefix: "/api/v2/routing/skills") == 2)
        #expect(h.org.count(pathPrefix: "/api/v2/users") == 1)
        #expect(h.org.count() == 6)
        #expect(h.org.requests.first?.description == "GET /api/v2/routing/skills → 200 (routing.listSkills)")
    }

    @Test("entries carry the query, the clock time and the client; resetLog empties the log")
    func entries() async throws {
        let h = FakeOrgHarness()
        h.clock.advance(by: .seconds(42))
        _ = try await h.send(.get, "/api/v2/routing/queues", [("name", "Billing*"), ("pageSize", "100")])
        let entry = try #require(h.org.requests.last)
        #expect(entry.timestamp == .seconds(42))
        #expect(entry.queryValue("name") == "Billing*")
        #expect(entry.query.map(\.name) == ["name", "pageSize"])
        #expect(entry.clientID == "fake-client")
        #expect(entry.method == .get)
        #expect(!entry.isWrite)
        h.org.resetLog()
        #expect(h.org.requests.isEmpty)
    }

    @Test("a no-op read pass costs zero writes: the typical idempotency assertion")
    func zeroWrites() async throws {
        let h = FakeOrgHarness()
        try h.org.addSkill(name: "Billing")
        let user = try h.org.addUser(name: "U", email: "u@example.com")
        _ = try await h.get("/api/v2/routing/skills", [("name", "Billing")], as: SkillEntityListing.self)
        _ = try await h.get("/api/v2/users", [("id", user), ("expand", "skills,languages")], as: UserEntityListing.self)
        let before = h.org.snapshot()
        #expect(h.org.writes.isEmpty)
        #expect(h.org.snapshot() == before)
    }
}
