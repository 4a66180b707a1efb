import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

/// Read-modify-write without a change, awkward names, index lag and multi-page listings: the places where
/// an SDK and a server most easily disagree.
@Suite("Round trips against the in-memory org")
struct RoundTripsAgainstFakeOrgTests {
    /// The stored state with the modification dates cleared, for "nothing else changed" comparisons.
    static func withoutDates(_ state: FakeOrgState) -> FakeOrgState {
        var state = state
        for index in state.queues.indices { state.queues[index].queue.dateModified = nil }
        for index in state.skillGroups.indices { state.skillGroups[index].group.dateModified = nil }
        return state
    }

    @Test("a queue read and put back unchanged leaves the stored queue as it was, bullseye member groups included")
    func queueNoOpRoundTrip() async throws {
        let f = try OrgFixture()
        let billing = try f.org.addSkill(name: "Billing")
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        try f.org.assignSkill(userID: jane, skillID: billing, proficiency: 4)
        let group = try f.org.addSkillGroup(SkillGroupWithMemberDivisions(
            name: "Billers", skillConditions: [Conditions.node(.and, skills: [Conditions.skill("Billing", .greaterThan, 1)])]))
        let other = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Overflow")))
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(
            name: "Support", mediaSettings: QueuesAgainstFakeOrgTests.media,
            routingRules: [RoutingRule(operator: .meetsThreshold, threshold: 9, waitSeconds: 5)],
            conditionalGroupRouting: ConditionalGroupRouting(rules: [ConditionalGroupRoutingRule(
                queue: DomainEntityRef(id: other), metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 30,
                groups: [MemberGroup(id: group, type: .skillGroup)], waitSeconds: 10)]),
            bullseye: Bullseye(rings: [
                Ring(expansionCriteria: [ExpansionCriterium(type: .timeoutSeconds, threshold: 15)],
                     actions: Actions(skillsToRemove: [SkillsToRemove(id: billing)]),
                     memberGroups: [MemberGroup(id: group, type: .skillGroup)]),
                Ring(memberGroups: [MemberGroup(id: group, type: .skillGroup)]),
            ]),
            acwSettings: QueuesAgainstFakeOrgTests.acw, memberGroups: [MemberGroup(id: group, type: .skillGroup)])))
        let before = f.org.snapshot()

        _ = try await f.routing.updateQueue(id: queue) { _ in }

        #expect(Self.withoutDates(f.org.snapshot()) == Self.withoutDates(before))
        let ring = try #require(try f.org.queueRecord(queue).queue.bullseye?.rings?.first)
        #expect(ring.memberGroups == [MemberGroup(id: group, type: .skillGroup)])
        #expect(f.writeCounts == ["PUT /api/v2/routing/queues/\(queue)": 1])
    }

    @Test("a skill group read and patched back unchanged leaves the stored group as it was")
    func skillGroupNoOpRoundTrip() async throws {
        let f = try OrgFixture()
        for skill in ["Billing", "Sales"] { try f.org.addSkill(name: skill) }
        for language in ["English", "French"] { try f.org.addLanguage(name: language) }
        let east = try f.org.addDivision(name: "East")
        let id = try f.org.addSkillGroup(SkillGroupWithMemberDivisions(
            name: "Billers", division: Division(id: east), description: "d", skillConditions: SkillGroupsAgainstFakeOrgTests.billers))
        let before = f.org.snapshot()

        _ = try await f.routing.updateSkillGroup(id: id) { _ in }

        #expect(Self.withoutDates(f.org.snapshot()) == Self.withoutDates(before))
    }

    @Test("names with reserved URL characters survive the name filter and the exact comparison")
    func awkwardNames() async throws {
        let f = try OrgFixture()
        let names = ["C++ & R&D", "50% off / sales", "a=b?c#d", "Ünïcødé Support", "plus+space here"]
        for name in names {
            let skill = try await f.routing.createSkill(CreateRoutingSkill(name: name))
            #expect(try await f.routing.findSkill(named: name)?.id == skill.id, "skill \(name)")
            let code = try await f.routing.createWrapupCode(WrapupCodeRequest(name: name))
            #expect(try await f.routing.findWrapupCode(named: name)?.id == code.id, "wrap-up code \(name)")
            let queue = try await f.routing.createQueue(CreateQueueRequest(queue: QueueRequest(name: name)))
            #expect(try await f.routing.findQueue(named: name)?.id == queue.id, "queue \(name)")
            let language = try await f.routing.createLanguage(Language(name: name))
            #expect(try await f.routing.findLanguage(named: name)?.id == language.id, "language \(name)")
        }
        let user = try f.org.addUser(name: "Zoë O'Brien-Smith", email: "zoe+routing@example.com")
        #expect(try await f.routing.findUser(email: "zoe+routing@example.com")?.id == user)
        #expect(f.everythingSucceeded, "\(f.failures)")
    }

    @Test("a deleted skill the index still lists is filtered out, and its re-created twin is found without a conflict")
    func deletedTwinDuringIndexLag() async throws {
        let f = try OrgFixture(configuration: .init(indexLag: .seconds(5)))
        let old = try f.org.addSkill(name: "Billing")
        try await f.routing.deleteSkill(id: old)
        let new = try f.org.addSkill(name: "Billing")

        // The raw listing still shows the deleted skill, as Genesys may.
        let raw = try await f.rawGET("/api/v2/routing/skills?name=Billing")
        #expect(raw["entities"]?.elements.compactMap { $0["state"] }.sorted { $0.description < $1.description } == [.string("active"), .string("deleted")])

        #expect(try await f.routing.listSkills(name: "Billing").collectItems().compactMap(\.id) == [new])
        #expect(try await f.routing.findSkill(named: "Billing")?.id == new)
    }

    @Test("a page of only deleted skills does not end the listing")
    func pageOfDeletedSkills() async throws {
        let f = try OrgFixture(configuration: .init(indexLag: .seconds(5)))
        let ids = try (1...6).map { try f.org.addSkill(name: "Skill \($0)") }
        for id in ids[0..<4] { try await f.routing.deleteSkill(id: id) }
        f.org.resetLog()

        let listed = try await f.routing.listSkills(pageSize: 2).collectItems()
        #expect(listed.compactMap(\.id) == Array(ids[4...]))
        #expect(f.apiRequests.map { $0.queryValue("pageNumber") } == ["1", "2", "3"])
    }

    @Test("skill expressions beyond the server's default page are fetched with page numbers from the second page")
    func skillExpressionPages() async throws {
        let f = try OrgFixture()
        try f.org.addSkill(name: "Billing")
        let ids = try (1...30).map { try f.org.addSkillExpression(name: String(format: "Expr %02d", $0), expression: "Skill('Billing') >= 1") }
        let listed = try await f.routing.listSkillExpressions().collectItems()
        #expect(listed.compactMap(\.id) == ids)
        #expect(f.apiRequests.map { $0.queryValue("pageNumber") } == [nil, "2"])
    }

    @Test("more than 100 users are read by id in chunks, and the profiles of 150 agents come back")
    func manyUsersByID() async throws {
        let f = try OrgFixture()
        let users = try f.org.addUsers(150)
        let listed = try await f.routing.listUsers(ids: users).collectItems()
        #expect(Set(listed.compactMap(\.id)) == Set(users))
        #expect(f.apiRequests.map { $0.query.filter { $0.name == "id" }.count } == [100, 50])

        let profiles = try await f.routing.listRoutingProfiles(userIDs: users, pageSize: 40).collectItems()
        #expect(Set(profiles.map(\.userID)) == Set(users))
    }

    @Test("a queue created from a source queue copies its settings, and the new name wins")
    func createFromSource() async throws {
        let f = try OrgFixture()
        let source = try await f.routing.createQueue(CreateQueueRequest(queue: QueueRequest(
            name: "Template", description: "template", mediaSettings: QueuesAgainstFakeOrgTests.media,
            acwSettings: QueuesAgainstFakeOrgTests.acw, skillEvaluationMethod: .all)))
        let sourceID = try #require(source.id)
        let copy = try await f.routing.createQueue(CreateQueueRequest(
            queue: QueueRequest(name: "Copy", skillEvaluationMethod: .best), sourceQueueId: sourceID))
        #expect(copy.name == "Copy")
        #expect(copy.acwSettings == QueuesAgainstFakeOrgTests.acw)
        #expect(copy.mediaSettings == QueuesAgainstFakeOrgTests.media)
        #expect(copy.skillEvaluationMethod == .best)
        #expect(copy.description == nil)
        #expect(try f.bodies(.post, "/api/v2/routing/queues").last?["sourceQueueId"] == .string(sourceID))
    }

    @Test("waitUntil polls queue members on the org's clock until an added agent shows up")
    func waitForQueueMember() async throws {
        let f = try OrgFixture()
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Support")))
        try await f.routing.addQueueMembers(queueID: queue, userIDs: [jane])
        try await f.routing.waitForCondition(timeout: .seconds(5)) {
            try await f.routing.listQueueMembers(queueID: queue, expand: ["routingStatus"]).collectItems()
                .contains { $0.id == jane && $0.routingStatus != nil }
        }
        #expect(try await f.routing.listQueueMembers(queueID: queue, name: "jan").collectItems().compactMap(\.id) == [jane])
        #expect(try await f.routing.listQueueMembers(queueID: queue, name: "bob").collectItems().isEmpty)
    }
}
