import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("RoutingAPI against the fake org")
struct RoutingAPITests {
    @Test("skills: create, list, exact find despite the prefix filter, soft delete")
    func skills() async throws {
        let org = FakeGenesysOrg()
        let routing = RoutingAPI(client: org.makeClient())
        let billing = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
        _ = try await routing.createSkill(CreateRoutingSkill(name: "Billing Escalations"))
        #expect(try await routing.listSkills(name: "bill").collectItems().count == 2)
        #expect(try await routing.findSkill(named: "Billing")?.id == billing.id)
        #expect(try await routing.findSkill(named: "billing") == nil)
        try await routing.deleteSkill(id: try #require(billing.id))
        #expect(try await routing.findSkill(named: "Billing") == nil)
        #expect(try await routing.getSkill(id: try #require(billing.id)).state == .deleted)
    }

    @Test("bulk helpers stay within the org's limits: 120 queue members, 75 user skills")
    func bulkChunks() async throws {
        let org = FakeGenesysOrg()
        let routing = RoutingAPI(client: org.makeClient())
        var users: [String] = []
        for index in 1...120 { users.append(try org.addUser(name: String(format: "U%03d", index), email: "u\(index)@example.com")) }
        let queue = try await routing.createQueue(CreateQueueRequest(queue: QueueRequest(name: "Big")))
        let queueID = try #require(queue.id)
        try await routing.addQueueMembers(queueID: queueID, userIDs: users)
        #expect(org.count(method: .post, pathPrefix: "/api/v2/routing/queues/\(queueID)/members") == 2)
        #expect(try await routing.listQueueMembers(queueID: queueID).collectItems().count == 120)
        #expect(try await routing.getQueue(id: queueID).memberCount == 120)

        var skills: [UserRoutingSkillPost] = []
        for index in 1...75 { skills.append(UserRoutingSkillPost(id: try org.addSkill(name: "S\(index)"), proficiency: 2)) }
        let assigned = try await routing.replaceUserRoutingSkills(userID: users[0], skills)
        #expect(assigned.count == 75)
        #expect(org.snapshot().users[0].skills.count == 75)
        #expect(org.requests.allSatisfy { $0.status.map { $0 < 400 } ?? false })
    }

    @Test("waitForSkillGroupMembership completes on the org's auto-advancing clock")
    func skillGroupMembership() async throws {
        let clock = ManualClock(mode: .autoAdvance)
        let org = FakeGenesysOrg(configuration: .init(skillGroupEvaluationTime: .seconds(10)), clock: clock)
        let routing = RoutingAPI(client: org.makeClient())
        let jane = try org.addUser(name: "Jane", email: "jane@example.com")
        let skill = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
        _ = try await routing.addUserRoutingSkill(userID: jane, skillID: try #require(skill.id), proficiency: 4)
        let group = try await routing.createSkillGroup(SkillGroupWithMemberDivisions(
            name: "Billers", skillConditions: [Condition.node(.and, skills: [Condition.skill("Billing", .greaterThanOrEqualTo, 3)])]
        ))
        #expect(group.status == .inProgress)
        let done = try await routing.waitForSkillGroupMembership(skillGroupID: try #require(group.id))
        #expect(done.status == .complete)
        #expect(done.memberCount == 1)
        #expect(clock.now.offset >= .seconds(10))
        #expect(try await routing.listSkillGroupMembers(skillGroupID: try #require(group.id)).collectItems().compactMap(\.id) == [jane])
    }

    @Test("waitForValue sees a new skill once the search index catches up")
    func indexLag() async throws {
        let clock = ManualClock(mode: .autoAdvance)
        let org = FakeGenesysOrg(configuration: .init(indexLag: .seconds(4)), clock: clock)
        let routing = RoutingAPI(client: org.makeClient())
        let created = try await routing.createSkill(CreateRoutingSkill(name: "Fresh"))
        #expect(try await routing.findSkill(named: "Fresh") == nil)
        let found = try await routing.waitForValue { try await routing.findSkill(named: "Fresh") }
        #expect(found.id == created.id)
    }

    @Test("an idempotent ensure pass makes zero writes the second time")
    func idempotentSecondPass() async throws {
        let org = FakeGenesysOrg()
        let routing = RoutingAPI(client: org.makeClient())
        let jane = try org.addUser(name: "Jane", email: "jane@example.com")
        func ensure() async throws {
            let skill: RoutingSkill
            if let existing = try await routing.findSkill(named: "Billing") { skill = existing } else { skill = try await routing.createSkill(CreateRoutingSkill(name: "Billing")) }
            let user = try #require(try await routing.findUser(email: "jane@example.com"))
            let profile = try await routing.getRoutingProfile(userID: try #require(user.id))
            if !profile.skills.contains(where: { $0.id == skill.id && $0.proficiency == 3 }) {
                _ = try await routing.addUserRoutingSkill(userID: jane, skillID: try #require(skill.id), proficiency: 3)
            }
        }
        try await ensure()
        #expect(org.writes.count == 2)
        let before = org.snapshot()
        org.resetLog()
        try await ensure()
        #expect(org.writes.isEmpty)
        #expect(org.snapshot() == before)
        #expect(try await routing.listRoutingProfiles().collectItems().first?.skills.map(\.name) == ["Billing"])
    }
}
