import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Queue members")
struct QueueMembersTests {
    @Test("listQueueMembers sends memberBy, joined, name, expand and clamps the page size to 100")
    func listShape() async throws {
        let h = try Harness { _ in .json(#"{"entities":[],"pageNumber":1,"pageSize":100}"#) }
        _ = try await h.routing.listQueueMembers(
            queueID: "q1", pageSize: 500, memberBy: .user, joined: true, name: "Ann", expand: ["routingStatus"]
        ).collectItems()
        let request = try #require(h.requests.first)
        #expect(request.path == "/api/v2/routing/queues/q1/members")
        #expect(request.query("pageSize") == ["100"])
        #expect(request.query("memberBy") == ["user"])
        #expect(request.query("joined") == ["true"])
        #expect(request.query("name") == ["Ann"])
        #expect(request.query("expand") == ["routingStatus"])
    }

    @Test("adding 250 members sends 3 POSTs of 100, 100 and 50 users")
    func addChunks() async throws {
        let h = try Harness(routes: ["POST /api/v2/routing/queues/q1/members": { _ in .empty(status: 204) }])
        let users = (1...250).map { "u\($0)" }
        try await h.routing.addQueueMembers(queueID: "q1", userIDs: users)
        #expect(h.requests.count == 3)
        #expect(try h.requests.map { try $0.json().arrayCount } == [100, 100, 50])
        #expect(try h.requests[2].json() == JSONValue("[" + (201...250).map { #"{"id":"u\#($0)"}"# }.joined(separator: ",") + "]"))
        #expect(h.requests.allSatisfy { $0.query("delete").isEmpty })
    }

    @Test("removing members posts with delete=true, chunks of 100, duplicates once")
    func removeChunks() async throws {
        let h = try Harness(routes: ["POST /api/v2/routing/queues/q1/members": { _ in .empty(status: 204) }])
        let users = (1...101).map { "u\($0)" }
        try await h.routing.removeQueueMembers(queueID: "q1", userIDs: users + ["u1"])
        #expect(try h.requests.map { try $0.json().arrayCount } == [100, 1])
        #expect(h.requests.allSatisfy { $0.query("delete") == ["true"] })
    }

    @Test("an empty member list sends nothing")
    func emptyList() async throws {
        let h = try Harness { _ in .empty() }
        try await h.routing.addQueueMembers(queueID: "q1", userIDs: [])
        try await h.routing.setQueueMembersJoined(queueID: "q1", [QueueMemberJoinChange]())
        #expect(h.requests.isEmpty)
    }

    @Test("setQueueMembersJoined patches id and joined in chunks of 100 and returns the members")
    func setJoined() async throws {
        let h = try Harness(routes: [
            "PATCH /api/v2/routing/queues/q1/members": { request in
                .json(#"{"entities":[{"id":"echo","joined":true}],"pageNumber":1}"#)
            },
        ])
        let changes = (1...150).map { QueueMemberJoinChange(userID: "u\($0)", joined: $0.isMultiple(of: 2)) }
        let members = try await h.routing.setQueueMembersJoined(queueID: "q1", changes)
        #expect(members.count == 2)
        #expect(try h.requests.map { try $0.json().arrayCount } == [100, 50])
        #expect(try h.requests[0].json() == JSONValue("[" + (1...100).map { #"{"id":"u\#($0)","joined":\#($0.isMultiple(of: 2))}"# }.joined(separator: ",") + "]"))
        _ = try await h.routing.setQueueMembersJoined(queueID: "q1", [(userID: "u9", joined: false)])
        #expect(try h.requests.last?.json() == JSONValue(#"[{"id":"u9","joined":false}]"#))
    }

    @Test("updateQueueMember sends ringNumber and joined as separate PATCHes")
    func updateMember() async throws {
        let h = try Harness(routes: ["PATCH /api/v2/routing/queues/q1/members/u%2B1": { _ in .empty(status: 202) }])
        try await h.routing.updateQueueMember(queueID: "q1", userID: "u+1", ringNumber: 3, joined: false)
        #expect(try h.requests.map { try $0.json() } == [JSONValue(#"{"ringNumber":3}"#), JSONValue(#"{"joined":false}"#)])
    }

    @Test("ring numbers outside 1–6 are refused before sending", arguments: [0, 7, -1])
    func ringValidation(ring: Int) async throws {
        let h = try Harness { _ in .empty(status: 202) }
        let error = await genesysError { try await h.routing.updateQueueMember(queueID: "q1", userID: "u1", ringNumber: ring) }
        #expect(error?.code == .invalidRequest)
        #expect(error?.message?.hasPrefix("ringNumber must be between 1 and 6") == true)
        #expect(h.requests.isEmpty)
    }

    @Test("updateQueueMember needs ringNumber or joined")
    func updateNeedsAChange() async throws {
        let h = try Harness { _ in .empty(status: 202) }
        let error = await genesysError { try await h.routing.updateQueueMember(queueID: "q1", userID: "u1") }
        #expect(error?.code == .invalidRequest)
    }

    @Test("removeQueueMember sends DELETE on the member path")
    func removeOne() async throws {
        let h = try Harness(routes: ["DELETE /api/v2/routing/queues/q1/members/u1": { _ in .empty() }])
        try await h.routing.removeQueueMember(queueID: "q1", userID: "u1")
        #expect(h.requests.count == 1)
    }

    @Test("an empty queue id fails when the member listing is iterated, without a request")
    func listValidatesLazily() async throws {
        let h = try Harness { _ in .json("{}") }
        let sequence = h.routing.listQueueMembers(queueID: "")
        let error = await genesysError { _ = try await sequence.collectItems() }
        #expect(error?.code == .invalidRequest)
        #expect(error?.message == "queueID must not be empty")
        #expect(h.requests.isEmpty)
    }
}
