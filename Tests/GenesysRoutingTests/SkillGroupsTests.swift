import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Skill groups")
struct SkillGroupsTests {
    static let groupJSON = #"""
    {"id":"g1","name":"Spanish speakers","division":{"id":"d1","name":"Home"},"memberCount":4,"status":"Complete",
     "dateCreated":"2024-01-31T12:00:00Z","selfUri":"/api/v2/routing/skillgroups/g1",
     "skillConditions":[{"routingSkillConditions":[{"routingSkill":"Billing","comparator":"GreaterThanOrEqualTo","proficiency":3}],
                          "languageSkillConditions":[{"languageSkill":"Spanish","comparator":"EqualTo","proficiency":5}],
                          "operation":"And"}]}
    """#

    static var conditions: [SkillGroupCondition] {
        [SkillGroupCondition(
            routingSkillConditions: [SkillGroupRoutingCondition(routingSkill: "Billing", comparator: .greaterThanOrEqualTo, proficiency: 3)],
            languageSkillConditions: [], operation: .and)]
    }

    @Test("findSkillGroup ignores case-insensitive prefix matches")
    func findExact() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skillgroups": { _ in
                .json(#"{"entities":[{"id":"1","name":"spanish speakers"},{"id":"2","name":"Spanish speakers EU"},{"id":"3","name":"Spanish speakers"}]}"#)
            },
        ])
        #expect(try await h.routing.findSkillGroup(named: "Spanish speakers")?.id == "3")
        #expect(h.requests.first?.param("name") == "Spanish speakers")
    }

    @Test("getSkillGroup decodes conditions and status")
    func get() async throws {
        let h = try Harness(routes: ["GET /api/v2/routing/skillgroups/g1": { _ in .json(Self.groupJSON) }])
        let group = try await h.routing.getSkillGroup(id: "g1")
        #expect(group.status == .complete)
        #expect(group.skillConditions?.first?.languageSkillConditions?.first?.languageSkill == "Spanish")
        #expect(group.skillConditions?.first?.operation == .and)
    }

    @Test("createSkillGroup posts the definition without read-only fields, division as id only")
    func create() async throws {
        let h = try Harness(routes: ["POST /api/v2/routing/skillgroups": { _ in .json(Self.groupJSON) }])
        let group = SkillGroupWithMemberDivisions(
            id: "ignored", name: "Billing 3+", division: Division(id: "d1", name: "Home", selfUri: "/x"), description: "d",
            memberCount: 9, status: .inProgress, skillConditions: Self.conditions, memberDivisions: ["*"])
        _ = try await h.routing.createSkillGroup(group)
        #expect(try h.requests[0].json() == JSONValue(#"""
        {"name":"Billing 3+","division":{"id":"d1"},"description":"d","memberDivisions":["*"],
         "skillConditions":[{"routingSkillConditions":[{"routingSkill":"Billing","comparator":"GreaterThanOrEqualTo","proficiency":3}],
                             "languageSkillConditions":[],"operation":"And"}]}
        """#))
    }

    @Test("condition proficiencies outside 0–5 are refused, also in nested conditions")
    func conditionValidation() async throws {
        let h = try Harness { _ in .json("{}") }
        let nested = SkillGroupCondition(
            routingSkillConditions: [SkillGroupRoutingCondition(
                routingSkill: "A", comparator: .equalTo, proficiency: 1,
                childConditions: [SkillGroupCondition(languageSkillConditions: [SkillGroupLanguageCondition(languageSkill: "L", comparator: .equalTo, proficiency: 6)], operation: .or)])],
            operation: .and)
        let error = await genesysError { _ = try await h.routing.updateSkillGroup(id: "g1", SkillGroup(name: "X", skillConditions: [nested])) }
        #expect(error?.code == .invalidRequest)
        #expect(error?.message?.contains("languageSkillConditions[0].proficiency") == true)
        #expect(h.requests.isEmpty)
    }

    @Test("modifySkillGroup reads the group and PATCHes the full writable definition")
    func modify() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skillgroups/g1": { _ in .json(Self.groupJSON) },
            "PATCH /api/v2/routing/skillgroups/g1": { _ in .json(Self.groupJSON) },
        ])
        _ = try await h.routing.updateSkillGroup(id: "g1") { $0.description = "new" }
        #expect(try h.requests[1].json() == JSONValue(#"""
        {"name":"Spanish speakers","division":{"id":"d1"},"description":"new",
         "skillConditions":[{"routingSkillConditions":[{"routingSkill":"Billing","comparator":"GreaterThanOrEqualTo","proficiency":3}],
                             "languageSkillConditions":[{"languageSkill":"Spanish","comparator":"EqualTo","proficiency":5}],
                             "operation":"And"}]}
        """#))
    }

    @Test("members are listed by cursor with expand=entities")
    func members() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skillgroups/g1/members": { request in
                request.param("after") == nil
                    ? .json(#"{"entities":[{"id":"u1","name":"Ann"}],"nextUri":"/api/v2/routing/skillgroups/g1/members?after=c2"}"#)
                    : .json(#"{"entities":[{"id":"u2","name":"Bob"}]}"#)
            },
        ])
        let members = try await h.routing.listSkillGroupMembers(skillGroupID: "g1", expandEntities: true).collectItems()
        #expect(members.map(\.name) == ["Ann", "Bob"])
        #expect(h.requests.allSatisfy { $0.query("expand") == ["entities"] && $0.param("pageSize") == "100" })
    }

    @Test("member divisions: read with expand, change with add and remove lists, nothing sent when both are empty")
    func memberDivisions() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skillgroups/g1/members/divisions": { _ in .json(#"{"entities":[{"id":"d1","name":"Home"}]}"#) },
            "POST /api/v2/routing/skillgroups/g1/members/divisions": { _ in .empty() },
        ])
        let list = try await h.routing.getSkillGroupMemberDivisions(skillGroupID: "g1", expandEntities: true)
        #expect(list.entities?.first?.name == "Home")
        #expect(h.requests[0].query("expand") == ["entities"])
        try await h.routing.updateSkillGroupMemberDivisions(skillGroupID: "g1", add: ["*"], remove: ["d9"])
        #expect(try h.requests[1].json() == JSONValue(#"{"addDivisionIds":["*"],"removeDivisionIds":["d9"]}"#))
        try await h.routing.updateSkillGroupMemberDivisions(skillGroupID: "g1")
        #expect(h.requests.count == 2)
    }

    @Test("deleteSkillGroup sends DELETE")
    func delete() async throws {
        let h = try Harness(routes: ["DELETE /api/v2/routing/skillgroups/g1": { _ in .empty() }])
        try await h.routing.deleteSkillGroup(id: "g1")
        #expect(h.routes == ["DELETE /api/v2/routing/skillgroups/g1"])
    }

    @Test("a user's skill groups are listed by cursor")
    func userSkillGroups() async throws {
        let h = try Harness(routes: ["GET /api/v2/users/u1/skillgroups": { _ in .json(#"{"entities":[\#(Self.groupJSON)]}"#) }])
        let groups = try await h.routing.listUserSkillGroups(userID: "u1").collectItems()
        #expect(groups.first?.status == .complete)
    }
}
