import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Queues")
struct QueuesTests {
    static let queueJSON = #"""
    {"id":"q1","name":"Billing","division":{"id":"d1","name":"Home"},"memberCount":12,"joinedMemberCount":3,
     "skillEvaluationMethod":"BEST","acwSettings":{"wrapupPrompt":"OPTIONAL","timeoutMs":30000},
     "memberGroups":[{"id":"g1","type":"SKILLGROUP"}],"selfUri":"/api/v2/routing/queues/q1"}
    """#

    @Test("listQueues sends name, repeated id and divisionId filters and page size 500")
    func listShape() async throws {
        let h = try Harness(routes: ["GET /api/v2/routing/queues": { _ in .json(pageJSON([Self.queueJSON], pageNumber: 1, pageCount: 1)) }])
        let queues = try await h.routing.listQueues(name: "Bill*", ids: ["q1", "q2"], divisionIDs: ["d1", "d2"]).collectItems()
        #expect(queues.first?.skillEvaluationMethod == .best)
        #expect(queues.first?.memberCount == 12)
        let request = try #require(h.requests.first)
        #expect(request.query("name") == ["Bill*"])
        #expect(request.query("id") == ["q1", "q2"])
        #expect(request.query("divisionId") == ["d1", "d2"])
        #expect(request.query("pageSize") == ["500"])
    }

    @Test("findQueue compares the exact name on the client")
    func findQueue() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/queues": { _ in .json(pageJSON([entity("1", "Billing Gold"), entity("2", "Billing")], pageNumber: 1, pageCount: 1)) },
        ])
        #expect(try await h.routing.findQueue(named: "Billing")?.id == "2")
        #expect(try await h.routing.findQueue(named: "Bill") == nil)
    }

    @Test("createQueue posts one flat object with sourceQueueId")
    func createQueue() async throws {
        let h = try Harness(routes: ["POST /api/v2/routing/queues": { _ in .json(Self.queueJSON) }])
        var request = CreateQueueRequest(queue: QueueRequest(name: "Billing"), sourceQueueId: "template")
        request.skillEvaluationMethod = .all
        request.division = Division(id: "d1")
        let queue = try await h.routing.createQueue(request)
        #expect(queue.id == "q1")
        #expect(try h.requests[0].json() == JSONValue(#"{"name":"Billing","skillEvaluationMethod":"ALL","division":{"id":"d1"},"sourceQueueId":"template"}"#))
    }

    @Test("modifyQueue reads the queue, applies the change and PUTs it back without read-only fields")
    func updateQueueWithChanges() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/queues/q1": { _ in .json(Self.queueJSON) },
            "PUT /api/v2/routing/queues/q1": { request in .json(String(decoding: request.body ?? Data(), as: UTF8.self)) },
        ])
        let updated = try await h.routing.updateQueue(id: "q1") { $0.skillEvaluationMethod = SkillEvaluationMethod.none }
        #expect(updated.skillEvaluationMethod == SkillEvaluationMethod.none)
        #expect(h.routes == ["GET /api/v2/routing/queues/q1", "PUT /api/v2/routing/queues/q1"])
        #expect(try h.requests[1].json() == JSONValue(#"""
        {"name":"Billing","division":{"id":"d1","name":"Home"},"skillEvaluationMethod":"NONE",
         "acwSettings":{"wrapupPrompt":"OPTIONAL","timeoutMs":30000},"memberGroups":[{"id":"g1","type":"SKILLGROUP"}]}
        """#))
    }

    @Test("deleteQueue sends forceDelete only when given")
    func deleteQueue() async throws {
        let h = try Harness(routes: ["DELETE /api/v2/routing/queues/q1": { _ in .empty() }])
        try await h.routing.deleteQueue(id: "q1")
        try await h.routing.deleteQueue(id: "q1", forceDelete: true)
        #expect(h.requests.map { $0.query("forceDelete") } == [[], ["true"]])
    }

    @Test("updateQueue refuses a request without a name")
    func updateNeedsName() async throws {
        let h = try Harness { _ in .json("{}") }
        let error = await genesysError { _ = try await h.routing.updateQueue(id: "q1", QueueRequest()) }
        #expect(error?.code == .invalidRequest)
        #expect(error?.message == "name must not be empty")
        #expect(h.requests.isEmpty)
    }

    @Test("queue wrap-up codes: list, add in chunks of 100 returning every code, remove one")
    func queueWrapupCodes() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/queues/q%201/wrapupcodes": { _ in .json(pageJSON([entity("w1", "Done")], pageNumber: 1, pageCount: 1)) },
            "POST /api/v2/routing/queues/q%201/wrapupcodes": { request in
                let ids = try request.json()
                guard case .array(let refs) = ids else { return .json("[]") }
                return .json("[" + refs.map { ref -> String in
                    if case .object(let o) = ref, case .string(let id)? = o["id"] { return entity(id, "n") }
                    return "{}"
                }.joined(separator: ",") + "]")
            },
            "DELETE /api/v2/routing/queues/q%201/wrapupcodes/w%2F1": { _ in .empty() },
        ])
        #expect(try await h.routing.listQueueWrapupCodes(queueID: "q 1").collectItems().map(\.id) == ["w1"])
        let ids = (1...150).map { "w\($0)" }
        let added = try await h.routing.addQueueWrapupCodes(queueID: "q 1", codeIDs: ids + ["w1"])
        #expect(added.map(\.id) == ids)
        let posts = h.requests.filter { $0.method == .post }
        #expect(try posts.map { try $0.json().arrayCount } == [100, 50])
        #expect(try posts[0].json() == JSONValue("[" + (1...100).map { #"{"id":"w\#($0)"}"# }.joined(separator: ",") + "]"))
        try await h.routing.removeQueueWrapupCode(queueID: "q 1", codeID: "w/1")
        #expect(h.routes.last == "DELETE /api/v2/routing/queues/q%201/wrapupcodes/w%2F1")
    }
}
