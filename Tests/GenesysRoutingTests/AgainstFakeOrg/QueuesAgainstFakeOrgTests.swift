import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Queues against the in-memory org")
struct QueuesAgainstFakeOrgTests {
    static let media = QueueMediaSettings(
        call: MediaSettings(alertingTimeoutSeconds: 8, serviceLevel: ServiceLevel(percentage: 0.8, durationMs: 20_000)),
        chat: MediaSettings(enableAutoAnswer: true, alertingTimeoutSeconds: 30, serviceLevel: ServiceLevel(percentage: 0.9, durationMs: 60_000))
    )
    static let acw = AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 30_000)

    /// A skill group "Billers" (Billing ≥ 3) with Jane and John as members, and Ann who is not one.
    static func seedBillers(_ org: FakeGenesysOrg) throws -> (group: String, members: [String], other: String) {
        let billing = try org.addSkill(name: "Billing")
        let jane = try org.addUser(name: "Jane", email: "jane@example.com")
        let john = try org.addUser(name: "John", email: "john@example.com")
        let ann = try org.addUser(name: "Ann", email: "ann@example.com")
        try org.assignSkill(userID: jane, skillID: billing, proficiency: 4)
        try org.assignSkill(userID: john, skillID: billing, proficiency: 3)
        try org.assignSkill(userID: ann, skillID: billing, proficiency: 1)
        let group = try org.addSkillGroup(SkillGroupWithMemberDivisions(
            name: "Billers", skillConditions: [Conditions.node(.and, skills: [Conditions.skill("Billing", .greaterThanOrEqualTo, 3)])]))
        return (group, [jane, john], ann)
    }

    @Test("a queue created with after-call work, media settings and a skill-group member group reads back with them", arguments: OrgAccess.allCases)
    func createAndRead(access: OrgAccess) async throws {
        let f = try OrgFixture(access)
        let (group, members, _) = try Self.seedBillers(f.org)
        let sales = try f.org.addDivision(name: "Sales")

        let created = try await f.routing.createQueue(CreateQueueRequest(queue: QueueRequest(
            name: "Support", division: Division(id: sales), description: "Front line", mediaSettings: Self.media,
            acwSettings: Self.acw, skillEvaluationMethod: .best, memberGroups: [MemberGroup(id: group, type: .skillGroup)])))
        let id = try #require(created.id)
        #expect(created.acwSettings == Self.acw)
        #expect(created.mediaSettings == Self.media)
        #expect(created.division?.id == sales)
        #expect(created.memberGroups?.first?.name == "Billers")
        #expect(created.memberCount == 2)

        let read = try await f.routing.getQueue(id: id)
        #expect(read.acwSettings == Self.acw)
        #expect(read.mediaSettings == Self.media)
        #expect(read.skillEvaluationMethod == .best)
        #expect(read.description == "Front line")

        let stored = try f.org.queueRecord(id).queue
        #expect(stored.acwSettings == Self.acw)
        #expect(stored.mediaSettings == Self.media)
        #expect(stored.memberGroups == [MemberGroup(id: group, type: .skillGroup)])

        // Members through the group are listed as memberBy group.
        let byGroup = try await f.routing.listQueueMembers(queueID: id, memberBy: .group).collectItems()
        #expect(Set(byGroup.compactMap(\.id)) == Set(members))
        #expect(byGroup.allSatisfy { $0.memberBy == .group })
        #expect(f.writeCounts == ["POST /api/v2/routing/queues": 1])
    }

    @Test("findQueue returns the queue named exactly so, not its case or prefix siblings")
    func findExact() async throws {
        let f = try OrgFixture()
        let support = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Support")))
        let lower = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "support")))
        _ = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Support Escalations")))

        #expect(try await f.routing.findQueue(named: "Support")?.id == support)
        #expect(try await f.routing.findQueue(named: "support")?.id == lower)
        #expect(try await f.routing.findQueue(named: "Supp") == nil)
        #expect(try await f.routing.listQueues(name: "Support*").collectItems().count == 3)
        #expect(f.apiRequests.allSatisfy { $0.path == "/api/v2/routing/queues" })
    }

    @Test("modifyQueue reads the queue and puts it back changed, keeping every unrelated field and the members")
    func modifyKeepsUnrelatedFields() async throws {
        let f = try OrgFixture()
        let (group, _, other) = try Self.seedBillers(f.org)
        let id = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(
            name: "Support", description: "Front line", mediaSettings: Self.media, scoringMethod: .priorityOnly,
            acwSettings: Self.acw, skillEvaluationMethod: .all, memberGroups: [MemberGroup(id: group, type: .skillGroup)],
            enableTranscription: true, callingPartyName: "ACME")))
        try f.org.addQueueMembers(queueID: id, userIDs: [other])
        let before = try f.org.queueRecord(id)

        let updated = try await f.routing.updateQueue(id: id) { queue in
            queue.description = "Second line"
            queue.acwSettings?.timeoutMs = 60_000
        }
        #expect(updated.description == "Second line")
        #expect(updated.acwSettings == AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 60_000))

        let after = try f.org.queueRecord(id)
        #expect(after.queue.mediaSettings == Self.media)
        #expect(after.queue.scoringMethod == .priorityOnly)
        #expect(after.queue.skillEvaluationMethod == .all)
        #expect(after.queue.memberGroups == before.queue.memberGroups)
        #expect(after.queue.callingPartyName == "ACME")
        #expect(after.queue.enableTranscription == true)
        #expect(after.queue.dateCreated == before.queue.dateCreated)
        #expect(after.members == before.members)
        #expect(f.count(.get, "/api/v2/routing/queues/\(id)") == 1)
        #expect(f.writeCounts == ["PUT /api/v2/routing/queues/\(id)": 1])

        // The PUT body holds no read-only member counts or self link.
        let body = try #require(try f.bodies(.put, "/api/v2/routing/queues/\(id)").first)
        #expect(body.keys.isDisjoint(with: ["id", "memberCount", "userMemberCount", "joinedMemberCount", "selfUri"]))
    }

    @Test("adding 250 members sends three chunks, and style-B paging lists them all")
    func addManyMembers() async throws {
        let f = try OrgFixture()
        let users = try f.org.addUsers(250)
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Big")))
        let path = "/api/v2/routing/queues/\(queue)/members"

        try await f.routing.addQueueMembers(queueID: queue, userIDs: users + users.prefix(10))
        #expect(try f.bodies(.post, path).map(\.arrayCount) == [100, 100, 50])
        #expect(try f.org.queueRecord(queue).members.map(\.userID) == users)

        let listed = try await f.routing.listQueueMembers(queueID: queue).collectItems()
        #expect(listed.compactMap(\.id) == users)
        #expect(listed.allSatisfy { $0.memberBy == .user && $0.joined == true && $0.ringNumber == 1 })
        #expect(f.count(.get, path) == 3)
        #expect(try await f.routing.getQueue(id: queue).memberCount == 250)
        #expect(f.writeCounts == ["POST \(path)": 3])
        #expect(f.everythingSucceeded, "\(f.failures)")
    }

    @Test("a member count that is an exact multiple of the page size ends on the empty page")
    func exactMultipleOfPageSize() async throws {
        let f = try OrgFixture()
        let users = try f.org.addUsers(200)
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Even")))
        try f.org.addQueueMembers(queueID: queue, userIDs: Array(users[0..<100]))
        try f.org.addQueueMembers(queueID: queue, userIDs: Array(users[100...]))

        let listed = try await f.routing.listQueueMembers(queueID: queue).collectItems()
        #expect(listed.count == 200)
        #expect(f.apiRequests.map { $0.queryValue("pageNumber") } == ["1", "2", "3"])
    }

    @Test("members are removed in chunks with delete=true and one by one with DELETE")
    func removeMembers() async throws {
        let f = try OrgFixture()
        let users = try f.org.addUsers(130)
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Shrinking")))
        try f.org.addQueueMembers(queueID: queue, userIDs: Array(users[0..<100]))
        try f.org.addQueueMembers(queueID: queue, userIDs: Array(users[100...]))
        let path = "/api/v2/routing/queues/\(queue)/members"

        try await f.routing.removeQueueMembers(queueID: queue, userIDs: Array(users[0..<120]))
        #expect(try f.org.queueRecord(queue).members.map(\.userID) == Array(users[120...]))
        let posts = f.apiRequests.filter { $0.method == .post && $0.path == path }
        #expect(posts.map { $0.queryValue("delete") } == ["true", "true"])
        #expect(try f.bodies(.post, path).map(\.arrayCount) == [100, 20])

        try await f.routing.removeQueueMember(queueID: queue, userID: users[125])
        #expect(try f.org.queueRecord(queue).members.count == 9)
        #expect(!(try f.org.queueRecord(queue).members.contains { $0.userID == users[125] }))
        #expect(f.writeCounts == ["POST \(path)": 2, "DELETE \(path)/\(users[125])": 1])
    }

    @Test("members are unjoined and joined in bulk, and one member's ring and join state are set")
    func joinAndRing() async throws {
        let f = try OrgFixture()
        let users = try f.org.addUsers(3)
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Ringed")))
        try f.org.addQueueMembers(queueID: queue, userIDs: users)
        let outsider = try f.org.addUser(name: "Outsider", email: "outsider@example.com")

        let changed = try await f.routing.setQueueMembersJoined(queueID: queue, [
            QueueMemberJoinChange(userID: users[0], joined: false),
            QueueMemberJoinChange(userID: users[1], joined: false),
            QueueMemberJoinChange(userID: outsider, joined: false),
        ])
        #expect(changed.compactMap(\.id) == [users[0], users[1]])
        #expect(changed.allSatisfy { $0.joined == false })
        #expect(try await f.routing.listQueueMembers(queueID: queue, joined: false).collectItems().compactMap(\.id) == [users[0], users[1]])
        #expect(try await f.routing.getQueue(id: queue).joinedMemberCount == 1)

        _ = try await f.routing.setQueueMembersJoined(queueID: queue, [(userID: users[1], joined: true)])
        try await f.routing.updateQueueMember(queueID: queue, userID: users[2], ringNumber: 3)
        try await f.routing.updateQueueMember(queueID: queue, userID: users[0], ringNumber: 2, joined: true)

        let members = try f.org.queueRecord(queue).members
        #expect(members.map(\.joined) == [true, true, true])
        #expect(members.map(\.ringNumber) == [2, 1, 3])
        let memberPath = "/api/v2/routing/queues/\(queue)/members"
        #expect(f.apiRequests.filter { $0.path.hasPrefix("\(memberPath)/") }.map(\.status) == [202, 202, 202])
        #expect(f.writeCounts == ["PATCH \(memberPath)": 2, "PATCH \(memberPath)/\(users[2])": 1, "PATCH \(memberPath)/\(users[0])": 2])

        // A ring outside 1–6 is refused before anything is sent.
        let before = f.org.requests.count
        let error = await genesysError { try await f.routing.updateQueueMember(queueID: queue, userID: users[0], ringNumber: 7) }
        #expect(error?.code == .invalidRequest)
        #expect(f.org.requests.count == before)
    }

    @Test("120 wrap-up codes are attached in two chunks, listed across pages, and one is detached")
    func queueWrapupCodes() async throws {
        let f = try OrgFixture()
        let codes = try (1...120).map { try f.org.addWrapupCode(name: String(format: "Code %03d", $0)) }
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Coded")))
        let path = "/api/v2/routing/queues/\(queue)/wrapupcodes"

        let added = try await f.routing.addQueueWrapupCodes(queueID: queue, codeIDs: codes + [codes[0]])
        #expect(added.compactMap(\.id) == codes)
        #expect(try f.bodies(.post, path).map(\.arrayCount) == [100, 20])
        #expect(try f.org.queueRecord(queue).wrapupCodeIDs == codes)

        let listed = try await f.routing.listQueueWrapupCodes(queueID: queue).collectItems()
        #expect(listed.compactMap(\.id) == codes)
        #expect(f.count(.get, path) == 2)
        #expect(try await f.routing.listQueueWrapupCodes(queueID: queue, name: "Code 11").collectItems().count == 10)

        try await f.routing.removeQueueWrapupCode(queueID: queue, codeID: codes[5])
        #expect(try f.org.queueRecord(queue).wrapupCodeIDs == codes.filter { $0 != codes[5] })
        #expect(f.org.snapshot().wrapupCodes.count == 120)
        #expect(f.writeCounts == ["POST \(path)": 2, "DELETE \(path)/\(codes[5])": 1])
    }

    @Test("a deleted queue is gone from the org")
    func deleteQueue() async throws {
        let f = try OrgFixture()
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Temporary")))
        try await f.routing.deleteQueue(id: queue, forceDelete: true)
        #expect(f.org.snapshot().queues.isEmpty)
        #expect(f.apiRequests.last?.queryValue("forceDelete") == "true")
        #expect(try await f.routing.findQueue(named: "Temporary") == nil)
    }
}
