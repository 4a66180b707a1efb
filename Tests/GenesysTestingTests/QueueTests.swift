import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Queues, queue members and queue wrap-up codes")
struct QueueTests {
    @Test("create copies settings from sourceQueueId; PUT replaces the whole queue")
    func createAndReplace() async throws {
        let h = FakeOrgHarness()
        var template = QueueRequest(name: "Template", description: "copy me")
        template.skillEvaluationMethod = .best
        template.acwSettings = AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 30_000)
        let source = try h.org.addQueue(CreateQueueRequest(queue: template))
        var request = CreateQueueRequest(queue: QueueRequest(name: "Copy"), sourceQueueId: source)
        request.scoringMethod = .priorityOnly
        let copy = try await h.send(.post, "/api/v2/routing/queues", json: request, as: RoutingQueue.self)
        #expect(copy.name == "Copy")
        #expect(copy.description == nil)
        #expect(copy.skillEvaluationMethod == .best)
        #expect(copy.acwSettings?.timeoutMs == 30_000)
        #expect(copy.scoringMethod == .priorityOnly)
        #expect(copy.memberCount == 0 && copy.userMemberCount == 0 && copy.joinedMemberCount == 0)
        #expect(copy.division?.name == "Home")
        let id = try #require(copy.id)

        var update = QueueRequest(copy)
        update.skillEvaluationMethod = nil
        update.description = "now described"
        let replaced = try await h.send(.put, "/api/v2/routing/queues/\(id)", json: update, as: RoutingQueue.self)
        #expect(replaced.skillEvaluationMethod == nil)
        #expect(replaced.description == "now described")
        #expect(replaced.dateCreated == copy.dateCreated)

        let unknownSource = await h.failure {
            try await h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: QueueRequest(name: "X"), sourceQueueId: "nope"))
        }
        #expect(unknownSource?.details.first?.fieldName == "sourceQueueId")
        var bad = QueueRequest(name: "Y")
        bad.acwSettings = AcwSettings(wrapupPrompt: .unknown("SOMETIMES"))
        let badEnum = await h.failure { try await h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: bad)) }
        #expect(badEnum?.details.first?.fieldName == "acwSettings.wrapupPrompt")
        try await h.send(.delete, "/api/v2/routing/queues/\(id)", [("forceDelete", "true")])
        #expect(await h.failure { try await h.send(.get, "/api/v2/routing/queues/\(id)") }?.status == 404)
    }

    @Test("members: POST adds (≤ 100), delete=true removes, PATCH joins, single PATCH is 202, counts follow")
    func members() async throws {
        let h = FakeOrgHarness()
        let queue = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Q")))
        var users: [String] = []
        for index in 1...101 { users.append(try h.org.addUser(name: String(format: "U%03d", index), email: "u\(index)@example.com")) }
        let path = "/api/v2/routing/queues/\(queue)/members"

        let tooMany = await h.failure { try await h.send(.post, path, json: users.map { WritableEntity(id: $0) }) }
        #expect(tooMany?.status == 400)
        #expect(h.org.snapshot().queues[0].members.isEmpty)

        let added = try await h.send(.post, path, json: users[..<3].map { WritableEntity(id: $0) })
        #expect(added.head.status.code == 204)
        try await h.send(.post, path, json: [WritableEntity(id: users[0])])  // again: no-op
        var queueNow = try await h.get("/api/v2/routing/queues/\(queue)", as: RoutingQueue.self)
        #expect(queueNow.memberCount == 3 && queueNow.userMemberCount == 3 && queueNow.joinedMemberCount == 3)

        let patched = try await h.send(
            .patch, path, json: [QueueMember(id: users[0], joined: false), QueueMember(id: users[50], joined: false)],
            as: QueueMemberEntityListing.self
        )
        #expect(patched.entities?.compactMap(\.id) == [users[0]])
        let ring = try await h.send(.patch, "\(path)/\(users[1])", json: QueueMember(ringNumber: 3))
        #expect(ring.head.status.code == 202)
        #expect(ring.body.isEmpty)
        let badRing = await h.failure { try await h.send(.patch, "\(path)/\(users[1])", json: QueueMember(ringNumber: 7)) }
        #expect(badRing?.details.first?.fieldName == "ringNumber")
        #expect(await h.failure { try await h.send(.patch, "\(path)/\(users[60])", json: QueueMember(joined: true)) }?.status == 404)

        let unjoined = try await h.get(path, [("joined", "false")], as: QueueMemberEntityListing.self)
        #expect(unjoined.entities?.compactMap(\.id) == [users[0]])
        let listed = try await h.get(path, as: QueueMemberEntityListing.self)
        #expect(listed.entities?.map { "\($0.name ?? "") ring \($0.ringNumber ?? 0) \($0.memberBy?.rawValue ?? "")" } == [
            "U001 ring 1 user", "U002 ring 3 user", "U003 ring 1 user",
        ])
        queueNow = try await h.get("/api/v2/routing/queues/\(queue)", as: RoutingQueue.self)
        #expect(queueNow.joinedMemberCount == 2)

        try await h.send(.post, path, [("delete", "true")], json: [WritableEntity(id: users[0]), WritableEntity(id: users[99])])
        try await h.send(.delete, "\(path)/\(users[1])")
        #expect(await h.failure { try await h.send(.delete, "\(path)/\(users[1])") }?.status == 404)
        #expect(try await h.get(path, as: QueueMemberEntityListing.self).entities?.compactMap(\.id) == [users[2]])

        let unknownUser = await h.failure { try await h.send(.post, path, json: [WritableEntity(id: "nobody")]) }
        #expect(unknownUser?.status == 400)
        #expect(unknownUser?.details.first?.fieldName == "[0].id")
    }

    @Test("wrap-up codes: POST returns a plain array (≤ 100), list, DELETE one")
    func wrapupCodes() async throws {
        let h = FakeOrgHarness()
        let queue = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Q")))
        let done = try h.org.addWrapupCode(name: "Done")
        let refund = try h.org.addWrapupCode(name: "Refund")
        let path = "/api/v2/routing/queues/\(queue)/wrapupcodes"
        let added = try await h.send(.post, path, json: [WrapUpCodeReference(id: refund), WrapUpCodeReference(id: done)], as: [WrapupCode].self)
        #expect(added.compactMap(\.name) == ["Refund", "Done"])
        let listed = try await h.get(path, as: WrapupCodeEntityListing.self)
        #expect(listed.entities?.compactMap(\.name) == ["Done", "Refund"])
        #expect(try await h.get(path, [("name", "ref*")], as: WrapupCodeEntityListing.self).total == 1)
        try await h.send(.delete, "\(path)/\(done)")
        #expect(await h.failure { try await h.send(.delete, "\(path)/\(done)") }?.status == 404)
        let tooMany = Array(repeating: WrapUpCodeReference(id: done), count: 101)
        #expect(await h.failure { try await h.send(.post, path, json: tooMany) }?.status == 400)
        #expect(await h.failure { try await h.send(.post, path, json: [WrapUpCodeReference(id: "nope")]) }?.status == 400)
    }

    @Test("a member group must name an existing skill group; at most 6 bullseye rings")
    func memberGroupValidation() async throws {
        let h = FakeOrgHarness()
        var queue = QueueRequest(name: "Q")
        queue.memberGroups = [MemberGroup(id: "missing", type: .skillGroup)]
        let missing = await h.failure { try await h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: queue)) }
        #expect(missing?.details.first?.fieldName == "memberGroups[0].id")
        queue.memberGroups = [MemberGroup(id: "x")]
        let noType = await h.failure { try await h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: queue)) }
        #expect(noType?.details.first?.fieldName == "memberGroups[0].type")
        queue.memberGroups = nil
        queue.bullseye = Bullseye(rings: Array(repeating: Ring(), count: 7))
        let rings = await h.failure { try await h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: queue)) }
        #expect(rings?.details.first?.fieldName == "bullseye.rings")
    }
}
