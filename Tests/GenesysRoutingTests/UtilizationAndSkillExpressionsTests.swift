import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Utilization")
struct UtilizationTests {
    static let body = #"{"utilization":{"call":{"maximumCapacity":1,"includeNonAcd":true},"email":{"maximumCapacity":3,"interruptableMediaTypes":["call"]}}}"#

    @Test("user utilization lives under /routing/users/{id}/utilization: get, put, delete")
    func user() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/users/u1/utilization": { _ in .json(#"{"utilization":{},"level":"Organization"}"#) },
            "PUT /api/v2/routing/users/u1/utilization": { _ in .json(#"{"level":"Agent"}"#) },
            "DELETE /api/v2/routing/users/u1/utilization": { _ in .empty() },
        ])
        #expect(try await h.routing.getUserUtilization(userID: "u1").level == .organization)
        let request = UtilizationRequest(utilization: [
            "call": MediaUtilization(maximumCapacity: 1, includeNonAcd: true),
            "email": MediaUtilization(maximumCapacity: 3, interruptableMediaTypes: ["call"]),
        ])
        #expect(try await h.routing.setUserUtilization(userID: "u1", request).level == .agent)
        #expect(try h.requests[1].json() == JSONValue(Self.body))
        try await h.routing.resetUserUtilization(userID: "u1")
        #expect(h.requests.map(\.method) == [.get, .put, .delete])
    }

    @Test("organisation utilization: get, put, delete")
    func org() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/utilization": { _ in .json(Self.body) },
            "PUT /api/v2/routing/utilization": { _ in .json(Self.body) },
            "DELETE /api/v2/routing/utilization": { _ in .empty() },
        ])
        let current = try await h.routing.getOrgUtilization()
        #expect(current.utilization?["email"]?.maximumCapacity == 3)
        _ = try await h.routing.setOrgUtilization(UtilizationRequest(maxInboundCalls: 2))
        #expect(try h.requests[1].json() == JSONValue(#"{"maxInboundCalls":2}"#))
        try await h.routing.resetOrgUtilization()
        #expect(h.routes.last == "DELETE /api/v2/routing/utilization")
    }
}

@Suite("Skill expressions")
struct SkillExpressionsTests {
    @Test("the list sends format, includeArchived and ids, and no paging parameters on the first page")
    func list() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skillexpressions": { request in
                request.param("pageNumber") == nil
                    ? .json(pageJSON([entity("e1", "E1", #""expression":"a""#)], pageNumber: 1, pageCount: 2))
                    : .json(pageJSON([entity("e2", "E2")], pageNumber: 2, pageCount: 2))
            },
        ])
        let expressions = try await h.routing.listSkillExpressions(format: .normalized, includeArchived: true, ids: ["e1", "e2"]).collectItems()
        #expect(expressions.map(\.id) == ["e1", "e2"])
        #expect(h.requests[0].query.map(\.name).sorted() == ["format", "id", "id", "includeArchived"])
        #expect(h.requests[0].param("format") == "Normalized")
        #expect(h.requests[0].param("includeArchived") == "true")
        #expect(h.requests[1].param("pageNumber") == "2")
    }

    @Test("get, queue listing, archive one and several, validate")
    func others() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skillexpressions/e1": { _ in .json(entity("e1", "E1")) },
            "GET /api/v2/routing/skillexpressions/queue/q1": { _ in .json(pageJSON([entity("e1")], pageNumber: 1, pageCount: 1)) },
            "DELETE /api/v2/routing/skillexpressions/e1": { _ in .empty() },
            "DELETE /api/v2/routing/skillexpressions": { _ in .empty() },
            "POST /api/v2/routing/skillexpressions/validate": { _ in
                .json(#"{"valid":true,"expression":"norm","skills":[{"id":"s1","name":"Billing","isLanguageSkill":false}],"errors":[]}"#)
            },
        ])
        _ = try await h.routing.getSkillExpression(id: "e1")
        #expect(h.requests[0].param("format") == "Raw")
        #expect(h.requests[0].param("includeArchived") == "false")
        #expect(try await h.routing.listQueueSkillExpressions(queueID: "q1").collectItems().count == 1)
        try await h.routing.archiveSkillExpression(id: "e1")
        try await h.routing.archiveSkillExpressions(ids: (1...101).map { "e\($0)" })
        #expect(h.requests.filter { $0.route == "DELETE /api/v2/routing/skillexpressions" }.map { $0.query("id").count } == [100, 1])
        let result = try await h.routing.validateSkillExpression("Skill('Billing') >= 3")
        #expect(result.valid == true)
        #expect(result.skills?.first?.isLanguageSkill == false)
        #expect(try h.requests.last?.json() == JSONValue(#"{"expression":"Skill('Billing') >= 3"}"#))
        #expect(await h.client.counters.snapshot().writes == 3)
    }
}
