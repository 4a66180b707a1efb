import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Snapshot, restore, save and load")
struct PersistenceTests {
    /// An org with a bit of everything, built through the API where the API can.
    func populated(_ h: FakeOrgHarness) async throws {
        let sales = try h.org.addDivision(name: "Sales")
        let jane = try h.org.addUser(name: "Jane", email: "jane@example.com")
        let joe = try h.org.addUser(name: "Joe", email: "joe@example.com", division: "Sales")
        let skill = try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "Billing"), as: RoutingSkill.self)
        let language = try await h.send(.post, "/api/v2/routing/languages", json: Language(name: "English"), as: Language.self)
        try await h.send(.post, "/api/v2/users/\(jane)/routingskills", json: UserRoutingSkillPost(id: skill.id, proficiency: 3.5))
        try await h.send(.post, "/api/v2/users/\(joe)/routinglanguages", json: UserRoutingLanguagePost(id: language.id, proficiency: 2))
        let code = try await h.send(.post, "/api/v2/routing/wrapupcodes", json: WrapupCodeRequest(name: "Done"), as: WrapupCode.self)
        let group = try await h.send(
            .post, "/api/v2/routing/skillgroups",
            json: SkillGroupWithMemberDivisions(
                name: "Billers", skillConditions: [Condition.node(.and, skills: [Condition.skill("Billing", .greaterThanOrEqualTo, 3)])],
                memberDivisions: [sales]
            ),
            as: SkillGroupWithMemberDivisions.self
        )
        var queue = QueueRequest(name: "Billing", division: Division(id: sales))
        queue.memberGroups = [MemberGroup(id: group.id, type: .skillGroup)]
        queue.skillEvaluationMethod = .best
        let created = try await h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: queue), as: RoutingQueue.self)
        let queueID = try #require(created.id)
        try await h.send(.post, "/api/v2/routing/queues/\(queueID)/members", json: [WritableEntity(id: jane)])
        try await h.send(.post, "/api/v2/routing/queues/\(queueID)/wrapupcodes", json: [WrapUpCodeReference(id: code.id)])
        try await h.send(.put, "/api/v2/routing/users/\(joe)/utilization", json: UtilizationRequest(maxInboundCalls: 2))
        try h.org.addSkillExpression(name: "E", expression: "Skill('Billing') > 1", queueID: queueID)
    }

    @Test("restore puts back exactly the snapshot")
    func snapshotRestore() async throws {
        let h = FakeOrgHarness()
        try await populated(h)
        let snapshot = h.org.snapshot()
        #expect(snapshot.users.count == 2)
        #expect(snapshot.queues.first?.members.map(\.userID) == [try #require(snapshot.users[0].user.id)])
        #expect(snapshot.queues.first?.wrapupCodeIDs.count == 1)
        #expect(snapshot.users[1].utilization?.maxInboundCalls == 2)
        let skillID = try #require(snapshot.skills.first?.id)
        try await h.send(.delete, "/api/v2/routing/skills/\(skillID)")
        try h.org.addSkill(name: "Another")
        #expect(h.org.snapshot() != snapshot)
        h.org.restore(snapshot)
        #expect(h.org.snapshot() == snapshot)
        #expect(try await h.get("/api/v2/routing/skills/\(skillID)", as: RoutingSkill.self).state == .active)
    }

    @Test("save and load round-trip through a JSON file; a new org serves the loaded state")
    func saveLoad() async throws {
        let h = FakeOrgHarness()
        try await populated(h)
        h.clock.advance(by: .milliseconds(1234))
        try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "Late"))
        let snapshot = h.org.snapshot()
        let file = try temporaryDirectory().appendingPathComponent("org.json")
        try snapshot.save(to: file)
        let loaded = try FakeOrgState.load(from: file)
        #expect(loaded == snapshot)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"formatVersion\" : 1"))

        let clock = ManualClock()
        let org = FakeGenesysOrg(state: loaded, clock: clock)
        #expect(org.snapshot() == snapshot)
        let client = org.makeClient()
        let response = try await client.send(GenesysRequest(method: .get, path: "/api/v2/routing/queues", operation: "test"))
        let queues = try GenesysJSON.makeDecoder().decode(QueueEntityListing.self, from: response.body)
        #expect(queues.entities?.first?.name == "Billing")
        #expect(queues.entities?.first?.memberCount == 1)
        // New ids continue the counter: nothing collides with the loaded objects.
        let next = try org.addSkill(name: "Next")
        #expect(!snapshot.skills.contains { $0.id == next })
    }

    @Test("ids are GUID-shaped and deterministic for a seed")
    func deterministicIDs() async throws {
        func build(seed: UInt64) async throws -> FakeOrgState {
            let h = FakeOrgHarness(configuration: .init(rateLimit: nil, idSeed: seed))
            try await populated(h)
            return h.org.snapshot()
        }
        let first = try await build(seed: 1)
        let again = try await build(seed: 1)
        let other = try await build(seed: 2)
        #expect(first == again)
        #expect(first.skills.first?.id != other.skills.first?.id)
        let ids = first.skills.compactMap(\.id) + first.users.compactMap(\.user.id) + first.queues.compactMap(\.queue.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        }
    }

    @Test("loading a missing or foreign file fails with a message naming it")
    func loadErrors() throws {
        let directory = try temporaryDirectory()
        let missing = directory.appendingPathComponent("missing.json")
        #expect { try FakeOrgState.load(from: missing) } throws: { error in
            "\(error)".contains("missing.json") && "\(error)".contains("cannot read")
        }
        let foreign = directory.appendingPathComponent("foreign.json")
        try Data(#"{"hello": "world"}"#.utf8).write(to: foreign)
        #expect { try FakeOrgState.load(from: foreign) } throws: { error in
            "\(error)".contains("foreign.json: not a fake org state file")
        }
    }
}
