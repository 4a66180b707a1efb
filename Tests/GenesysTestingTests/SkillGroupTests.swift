import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Skill groups: membership, member divisions, status")
struct SkillGroupTests {
    /// Skills A, B, C; languages English, Spanish; five users:
    /// u1 A4 English3 · u2 A2 Spanish5 · u3 B5 · u4 A5 C1 · u5 A4 (division Sales).
    struct World {
        let h: FakeOrgHarness
        let users: [String]
        let sales: String
    }

    func world(configuration: FakeGenesysOrg.Configuration = .init(rateLimit: nil)) throws -> World {
        let h = FakeOrgHarness(configuration: configuration)
        let org = h.org
        let sales = try org.addDivision(name: "Sales")
        let a = try org.addSkill(name: "A"), b = try org.addSkill(name: "B"), c = try org.addSkill(name: "C")
        let english = try org.addLanguage(name: "English"), spanish = try org.addLanguage(name: "Spanish")
        let u1 = try org.addUser(name: "U1", email: "u1@example.com")
        let u2 = try org.addUser(name: "U2", email: "u2@example.com")
        let u3 = try org.addUser(name: "U3", email: "u3@example.com")
        let u4 = try org.addUser(name: "U4", email: "u4@example.com")
        let u5 = try org.addUser(name: "U5", email: "u5@example.com", division: "Sales")
        try org.assignSkill(userID: u1, skillID: a, proficiency: 4)
        try org.assignLanguage(userID: u1, languageID: english, proficiency: 3)
        try org.assignSkill(userID: u2, skillID: a, proficiency: 2)
        try org.assignLanguage(userID: u2, languageID: spanish, proficiency: 5)
        try org.assignSkill(userID: u3, skillID: b, proficiency: 5)
        try org.assignSkill(userID: u4, skillID: a, proficiency: 5)
        try org.assignSkill(userID: u4, skillID: c, proficiency: 1)
        try org.assignSkill(userID: u5, skillID: a, proficiency: 4)
        return World(h: h, users: [u1, u2, u3, u4, u5], sales: sales)
    }

    func members(_ h: FakeOrgHarness, _ group: String) async throws -> [String] {
        let page = try await h.get("/api/v2/routing/skillgroups/\(group)/members", [("expand", "entities"), ("pageSize", "100")], as: SkillGroupMemberEntityListing.self)
        return page.entities?.compactMap(\.name) ?? []
    }

    @Test("And, Or, Not, top-level And, child conditions and NotEqualTo select the right users", arguments: [
        ("And of a skill and a language", [Condition.node(.and, skills: [Condition.skill("A", .greaterThanOrEqualTo, 3)], languages: [Condition.language("English", .greaterThanOrEqualTo, 2)])], ["U1"]),
        ("Or of a skill and a language", [Condition.node(.or, skills: [Condition.skill("B", .greaterThanOrEqualTo, 5)], languages: [Condition.language("Spanish", .equalTo, 5)])], ["U2", "U3"]),
        ("top-level conditions joined with And, Not excludes", [
            Condition.node(.or, skills: [Condition.skill("A", .greaterThanOrEqualTo, 1), Condition.skill("B", .greaterThanOrEqualTo, 1)]),
            Condition.node(.not, skills: [Condition.skill("C", .greaterThanOrEqualTo, 0)]),
        ], ["U1", "U2", "U3"]),
        ("a leaf with child conditions", [Condition.node(.and, skills: [
            Condition.skill("A", .greaterThanOrEqualTo, 3, children: [Condition.node(.not, skills: [Condition.skill("C", .greaterThanOrEqualTo, 1)])]),
        ])], ["U1"]),
        ("NotEqualTo needs the skill", [Condition.node(.and, skills: [Condition.skill("A", .notEqualTo, 2)])], ["U1", "U4"]),
        ("LessThan", [Condition.node(.and, skills: [Condition.skill("A", .lessThan, 4)])], ["U2"]),
    ] as [(String, [SkillGroupCondition], [String])])
    func conditionSemantics(label: String, conditions: [SkillGroupCondition], expected: [String]) async throws {
        let w = try world()
        let group = try await w.h.send(
            .post, "/api/v2/routing/skillgroups", json: SkillGroupWithMemberDivisions(name: label, skillConditions: conditions),
            as: SkillGroupWithMemberDivisions.self
        )
        let id = try #require(group.id)
        #expect(group.status == .complete)
        #expect(group.memberCount == expected.count)
        #expect(try await members(w.h, id) == expected, "\(label)")
    }

    @Test("member divisions: the group's own by default, * adds every division, removal takes users out")
    func memberDivisions() async throws {
        let w = try world()
        let conditions = [Condition.node(.and, skills: [Condition.skill("A", .greaterThanOrEqualTo, 4)])]
        let id = try w.h.org.addSkillGroup(SkillGroupWithMemberDivisions(name: "A4", skillConditions: conditions))
        #expect(try await members(w.h, id) == ["U1", "U4"])
        let home = w.h.org.snapshot().homeDivisionID
        var divisions = try await w.h.get("/api/v2/routing/skillgroups/\(id)/members/divisions", as: SkillGroupMemberDivisionList.self)
        #expect(divisions.entities?.map(\.id) == [home])
        #expect(divisions.entities?.first?.name == nil)

        let response = try await w.h.send(.post, "/api/v2/routing/skillgroups/\(id)/members/divisions", json: SkillGroupMemberDivisions(addDivisionIds: ["*"]))
        #expect(response.head.status.code == 204)
        #expect(try await members(w.h, id) == ["U1", "U4", "U5"])
        divisions = try await w.h.get("/api/v2/routing/skillgroups/\(id)/members/divisions", [("expand", "entities")], as: SkillGroupMemberDivisionList.self)
        #expect(divisions.entities?.compactMap(\.name) == ["Home", "Sales"])

        try await w.h.send(.post, "/api/v2/routing/skillgroups/\(id)/members/divisions", json: SkillGroupMemberDivisions(removeDivisionIds: [home]))
        #expect(try await members(w.h, id) == ["U5"])
        let unknown = await w.h.failure {
            try await w.h.send(.post, "/api/v2/routing/skillgroups/\(id)/members/divisions", json: SkillGroupMemberDivisions(addDivisionIds: ["nope"]))
        }
        #expect(unknown?.details.first?.fieldName == "addDivisionIds")

        // Created with explicit member divisions: the own division plus those.
        let created = try await w.h.send(
            .post, "/api/v2/routing/skillgroups",
            json: SkillGroupWithMemberDivisions(name: "Both", skillConditions: conditions, memberDivisions: [w.sales]),
            as: SkillGroupWithMemberDivisions.self
        )
        #expect(created.memberDivisions == [home, w.sales])
        #expect(created.memberCount == 3)
    }

    @Test("inactive assignments, inactive users and moved users are taken into account")
    func liveMembership() async throws {
        let w = try world()
        let conditions = [Condition.node(.and, skills: [Condition.skill("A", .greaterThanOrEqualTo, 4)])]
        let id = try w.h.org.addSkillGroup(SkillGroupWithMemberDivisions(name: "A4", skillConditions: conditions))
        let skillA = try #require(w.h.org.snapshot().skills.first { $0.name == "A" }?.id)
        try await w.h.send(.put, "/api/v2/users/\(w.users[0])/routingskills/\(skillA)", json: UserRoutingSkill(proficiency: 4, state: .inactive))
        #expect(try await members(w.h, id) == ["U4"])
        try await w.h.send(.post, "/api/v2/authorization/divisions/\(w.sales)/objects/USER", json: [w.users[3]])
        #expect(try await members(w.h, id) == [])
        let groups = try await w.h.get("/api/v2/users/\(w.users[4])/skillgroups", as: UserSkillGroupEntityListing.self)
        #expect(groups.entities?.isEmpty == true)
        try await w.h.send(.post, "/api/v2/routing/skillgroups/\(id)/members/divisions", json: SkillGroupMemberDivisions(addDivisionIds: [w.sales]))
        let nowIn = try await w.h.get("/api/v2/users/\(w.users[4])/skillgroups", as: UserSkillGroupEntityListing.self)
        #expect(nowIn.entities?.compactMap(\.name) == ["A4"])
        #expect(nowIn.entities?.first?.skillConditions == conditions)
    }

    @Test("queue members through a SKILLGROUP member group show memberBy group")
    func queueMembersThroughGroup() async throws {
        let w = try world()
        let conditions = [Condition.node(.and, skills: [Condition.skill("A", .greaterThanOrEqualTo, 4)])]
        let group = try w.h.org.addSkillGroup(SkillGroupWithMemberDivisions(name: "A4", skillConditions: conditions))
        var request = QueueRequest(name: "Billing")
        request.memberGroups = [MemberGroup(id: group, type: .skillGroup)]
        let queue = try w.h.org.addQueue(CreateQueueRequest(queue: request))
        try w.h.org.addQueueMembers(queueID: queue, userIDs: [w.users[1], w.users[0]])
        let path = "/api/v2/routing/queues/\(queue)/members"
        let all = try await w.h.get(path, as: QueueMemberEntityListing.self)
        #expect(all.entities?.map { "\($0.name ?? "") \($0.memberBy?.rawValue ?? "")" } == ["U1 user", "U2 user", "U4 group"])
        let byGroup = try await w.h.get(path, [("memberBy", "group")], as: QueueMemberEntityListing.self)
        #expect(byGroup.entities?.compactMap(\.name) == ["U4"])
        let queueNow = try await w.h.get("/api/v2/routing/queues/\(queue)", as: RoutingQueue.self)
        #expect(queueNow.memberCount == 3)
        #expect(queueNow.userMemberCount == 2)
        #expect(queueNow.joinedMemberCount == 3)
        #expect(queueNow.memberGroups?.first?.name == "A4")
        #expect(queueNow.memberGroups?.first?.memberCount == 2)
    }

    @Test("status is InProgress with the old members for the evaluation time, then Complete")
    func statusOnTheClock() async throws {
        let w = try world(configuration: .init(rateLimit: nil, skillGroupEvaluationTime: .seconds(10)))
        let conditions = [Condition.node(.and, skills: [Condition.skill("A", .greaterThanOrEqualTo, 4)])]
        let created = try await w.h.send(
            .post, "/api/v2/routing/skillgroups", json: SkillGroupWithMemberDivisions(name: "A4", skillConditions: conditions),
            as: SkillGroupWithMemberDivisions.self
        )
        let id = try #require(created.id)
        #expect(created.status == .inProgress)
        #expect(created.memberCount == 0)
        #expect(try await members(w.h, id) == [])
        w.h.clock.advance(by: .seconds(9))
        #expect(try await w.h.get("/api/v2/routing/skillgroups/\(id)", as: SkillGroup.self).status == .inProgress)
        w.h.clock.advance(by: .seconds(1))
        let complete = try await w.h.get("/api/v2/routing/skillgroups/\(id)", as: SkillGroup.self)
        #expect(complete.status == .complete)
        #expect(complete.memberCount == 2)

        // A user's new skill changes the membership: InProgress again, old members until done.
        let skillA = try #require(w.h.org.snapshot().skills.first { $0.name == "A" }?.id)
        try await w.h.send(.post, "/api/v2/users/\(w.users[1])/routingskills", json: UserRoutingSkillPost(id: skillA, proficiency: 5))
        #expect(try await w.h.get("/api/v2/routing/skillgroups/\(id)", as: SkillGroup.self).status == .inProgress)
        #expect(try await members(w.h, id) == ["U1", "U4"])
        w.h.clock.advance(by: .seconds(10))
        #expect(try await members(w.h, id) == ["U1", "U2", "U4"])

        // PATCH: same again.
        let patched = try await w.h.send(.patch, "/api/v2/routing/skillgroups/\(id)", json: SkillGroup(description: "d"), as: SkillGroup.self)
        #expect(patched.status == .inProgress)
        #expect(patched.description == "d")
        #expect(patched.name == "A4")
    }

    @Test("conditions are validated: names must exist, proficiency is an integer 0–5, at least one condition", arguments: [
        ([Condition.node(.and, skills: [Condition.skill("Nope", .equalTo, 1)])], "skillConditions[0].routingSkillConditions[0].routingSkill"),
        ([Condition.node(.and, languages: [Condition.language("Klingon", .equalTo, 1)])], "skillConditions[0].languageSkillConditions[0].languageSkill"),
        ([Condition.node(.and, skills: [Condition.skill("A", .equalTo, 6)])], "skillConditions[0].routingSkillConditions[0].proficiency"),
        ([Condition.node(.and, skills: [Condition.skill("A", .unknown("Roughly"), 1)])], "skillConditions[0].routingSkillConditions[0].comparator"),
        ([Condition.node(.unknown("Xor"), skills: [Condition.skill("A", .equalTo, 1)])], "skillConditions[0].operation"),
        ([Condition.node(.and)], "skillConditions[0]"),
        ([Condition.node(.and, skills: [Condition.skill("A", .equalTo, 1, children: [Condition.node(.or, skills: [Condition.skill("Z", .equalTo, 1)])])])],
         "skillConditions[0].routingSkillConditions[0].childConditions[0].routingSkillConditions[0].routingSkill"),
        ([], "skillConditions"),
    ] as [([SkillGroupCondition], String)])
    func conditionValidation(conditions: [SkillGroupCondition], field: String) async throws {
        let w = try world()
        let error = await w.h.failure {
            try await w.h.send(.post, "/api/v2/routing/skillgroups", json: SkillGroupWithMemberDivisions(name: "G", skillConditions: conditions))
        }
        #expect(error?.status == 400)
        #expect(error?.serverCode == "invalid.value")
        #expect(error?.details.first?.fieldName == field)
    }

    @Test("a fractional condition proficiency is 400 naming the field")
    func fractionalProficiency() async throws {
        let w = try world()
        let body = #"{"name":"G","skillConditions":[{"operation":"And","languageSkillConditions":[],"routingSkillConditions":[{"routingSkill":"A","comparator":"EqualTo","proficiency":2.5}]}]}"#
        let error = await w.h.failure {
            _ = try await w.h.client.send(GenesysRequest(method: .post, path: "/api/v2/routing/skillgroups", body: Data(body.utf8), operation: "test"))
        }
        #expect(error?.status == 400)
        #expect(error?.serverCode == "invalid.value")
        #expect(error?.details.first?.fieldName == "skillConditions[0].routingSkillConditions[0].proficiency")
    }

    @Test("list elements have no conditions; GET by id has them; DELETE removes the group")
    func crud() async throws {
        let w = try world()
        let conditions = [Condition.node(.or, skills: [Condition.skill("B", .greaterThan, 0)])]
        let id = try w.h.org.addSkillGroup(SkillGroupWithMemberDivisions(name: "B", description: "b", skillConditions: conditions))
        let got = try await w.h.get("/api/v2/routing/skillgroups/\(id)", as: SkillGroup.self)
        #expect(got.skillConditions == conditions)
        #expect(got.division?.name == "Home")
        #expect(got.dateCreated != nil)
        let renamed = try await w.h.send(.patch, "/api/v2/routing/skillgroups/\(id)", json: SkillGroup(name: "B2"), as: SkillGroup.self)
        #expect(renamed.name == "B2")
        #expect(renamed.skillConditions == conditions)
        try await w.h.send(.delete, "/api/v2/routing/skillgroups/\(id)")
        #expect(await w.h.failure { try await w.h.send(.get, "/api/v2/routing/skillgroups/\(id)") }?.status == 404)
    }
}
