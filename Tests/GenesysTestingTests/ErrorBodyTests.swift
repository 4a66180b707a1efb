import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Error bodies and correlation ids")
struct ErrorBodyTests {
    @Test("a 404 carries the full ErrorBody with contextId equal to the ININ-Correlation-Id header")
    func notFound() async throws {
        let h = FakeOrgHarness()
        let token = h.org.issueToken().value
        let response = try await h.raw(.get, "/api/v2/routing/skills/00000000-0000-0000-0000-000000000000", token: token)
        #expect(response.status == 404)
        let object = response.jsonObject
        #expect(object["code"] as? String == "not.found")
        #expect(object["status"] as? Int == 404)
        #expect((object["message"] as? String)?.isEmpty == false)
        #expect(object["details"] as? [Any] != nil)
        #expect(object["errors"] as? [Any] != nil)
        let correlation = try #require(response.correlationID)
        #expect(object["contextId"] as? String == correlation)
        #expect(correlation.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/) != nil)
    }

    @Test("every response has an ININ-Correlation-Id, and every request a different one")
    func correlationEverywhere() async throws {
        let h = FakeOrgHarness()
        let token = h.org.issueToken().value
        let skill = try h.org.addSkill(name: "S")
        let queue = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Q")))
        let user = try h.org.addUser(name: "U", email: "u@example.com")
        try h.org.addQueueMembers(queueID: queue, userIDs: [user])
        let member = try GenesysJSON.makeEncoder().encode(QueueMember(joined: false))
        let responses = [
            try await h.raw(.get, "/api/v2/routing/skills", token: token),                                     // 200
            try await h.raw(.patch, "/api/v2/routing/queues/\(queue)/members/\(user)", token: token, body: member), // 202
            try await h.raw(.delete, "/api/v2/routing/skills/\(skill)", token: token),                         // 204
            try await h.raw(.get, "/api/v2/routing/skills", token: nil),                                       // 401
            try await h.raw(.get, "/api/v2/nothing/here", token: token),                                       // 404
            try await h.tokenRequest(id: "fake-client", secret: "fake-secret"),                                // token
        ]
        #expect(responses.map(\.status) == [200, 202, 204, 401, 404, 200])
        let ids = responses.compactMap(\.correlationID)
        #expect(ids.count == responses.count)
        #expect(Set(ids).count == ids.count)
        #expect(Set(h.org.requests.map(\.correlationID)) == Set(ids))
    }

    @Test("GenesysError surfaces the correlation id, server code, message and field details")
    func throughTheClient() async throws {
        let h = FakeOrgHarness()
        let error = try #require(await h.failure { try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill()) })
        #expect(error.code == .badRequest)
        #expect(error.status == 400)
        #expect(error.serverCode == "invalid.value")
        #expect(error.details == [ErrorDetail(errorCode: "invalid.value", fieldName: "name")])
        #expect(error.correlationID == h.org.requests.last?.correlationID)
        #expect(error.message?.contains("name") == true)
    }

    @Test("a body that does not parse is 400 bad.request; a missing body too")
    func unparsable() async throws {
        let h = FakeOrgHarness()
        let garbage = await h.failure {
            _ = try await h.client.send(GenesysRequest(method: .post, path: "/api/v2/routing/skills", body: Data("{".utf8), operation: "test"))
        }
        #expect(garbage?.serverCode == "bad.request")
        let missing = await h.failure { try await h.send(.post, "/api/v2/routing/skills") }
        #expect(missing?.serverCode == "bad.request")
        let wrongType = await h.failure {
            _ = try await h.client.send(GenesysRequest(method: .post, path: "/api/v2/routing/skills", body: Data(#"{"name": 5}"#.utf8), operation: "test"))
        }
        #expect(wrongType?.details.first?.fieldName == "name")
    }

    @Test("unknown paths are 404; a known path with the wrong method is 405")
    func routing() async throws {
        let h = FakeOrgHarness()
        #expect(await h.failure { try await h.send(.get, "/api/v2/routing/nothing") }?.status == 404)
        #expect(await h.failure { try await h.send(.put, "/api/v2/routing/skills") }?.serverCode == "method.not.allowed")
    }

    @Test("path segments are percent-decoded, and a gateway prefix before /api/v2 is ignored")
    func pathHandling() async throws {
        let h = FakeOrgHarness()
        let token = h.org.issueToken().value
        let id = try h.org.addSkill(name: "S")
        let encoded = id.replacingOccurrences(of: "-", with: "%2D")
        #expect(try await h.raw(.get, "/api/v2/routing/skills/\(encoded)", token: token).status == 200)
        #expect(try await h.raw(.get, "/gateway/genesys/api/v2/routing/skills/\(id)", token: token).status == 200)
    }
}
