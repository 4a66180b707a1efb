import Foundation
import RoutingModels
import Testing

@Suite("Skill groups")
struct SkillGroupsTests {
    @Test("nested And/Or/Not conditions with skill and language leaves decode and round-trip exactly")
    func nestedConditions() throws {
        let group = try roundTripFixture("skill-group-nested-conditions", as: SkillGroup.self)
        #expect(group.id == "1c6d7e8f-9a0b-4c1d-8e2f-4a5b6c7d8e9f")
        #expect(group.name == "Billing Experts")
        #expect(group.description == "Agents who can take billing calls")
        #expect(group.memberCount == 42)
        #expect(group.status == .inProgress)
        #expect(sameMillisecond(group.dateCreated, utcDate(2024, 1, 15, 14, 22, 3, milliseconds: 120)))
        #expect(sameMillisecond(group.dateModified, utcDate(2024, 6, 1, 10, 0, 0, milliseconds: 500)))

        let root = try #require(group.skillConditions?.first)
        #expect(root.operation == .and)

        let billing = try #require(root.routingSkillConditions?.first)
        #expect(billing.routingSkill == "Billing")
        #expect(billing.comparator == .greaterThanOrEqualTo)
        #expect(billing.proficiency == 3)

        let children = try #require(billing.childConditions)
        #expect(children.map(\.operation) == [.or, .not])
        #expect(children[0].routingSkillConditions?.map(\.routingSkill) == ["Refunds", "Disputes"])
        #expect(children[0].routingSkillConditions?.map(\.comparator) == [.greaterThan, .equalTo])
        #expect(children[0].routingSkillConditions?.map(\.proficiency) == [1, 5])
        #expect(children[1].routingSkillConditions?.first?.comparator == .notEqualTo)
        #expect(children[1].routingSkillConditions?.first?.proficiency == 0)
        #expect(children[0].routingSkillConditions?.first?.childConditions == [])

        let spanish = try #require(root.languageSkillConditions?.first)
        #expect(spanish.languageSkill == "Spanish")
        #expect(spanish.comparator == .greaterThan)
        #expect(spanish.proficiency == 2)
        let english = try #require(spanish.childConditions?.first?.languageSkillConditions?.first)
        #expect(spanish.childConditions?.first?.operation == .and)
        #expect(english.languageSkill == "English")
        #expect(english.comparator == .lessThanOrEqualTo)
        #expect(english.proficiency == 4)
    }

    @Test("a group with member divisions round-trips exactly")
    func withMemberDivisions() throws {
        let group = try roundTripFixture("skill-group-with-member-divisions", as: SkillGroupWithMemberDivisions.self)
        #expect(group.name == "Spanish Speakers")
        #expect(group.status == .complete)
        #expect(group.memberCount == 0)
        #expect(group.description == "")
        #expect(
            group.memberDivisions == ["a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"]
        )
        let leaf = try #require(group.skillConditions?.first?.languageSkillConditions?.first)
        #expect(leaf.languageSkill == "Spanish")
        #expect(leaf.childConditions == nil)
    }

    @Test("building a group in code encodes the exact request shape")
    func buildsRequest() throws {
        let group = SkillGroupWithMemberDivisions(
            name: "Billing Experts",
            division: Division(id: "d-1"),
            skillConditions: [
                SkillGroupCondition(
                    routingSkillConditions: [
                        SkillGroupRoutingCondition(routingSkill: "Billing", comparator: .greaterThanOrEqualTo, proficiency: 3)
                    ],
                    languageSkillConditions: [],
                    operation: .and
                )
            ],
            memberDivisions: ["*"]
        )
        #expect(
            try encodeToString(group)
                == #"{"division":{"id":"d-1"},"memberDivisions":["*"],"name":"Billing Experts","#
                + #""skillConditions":[{"languageSkillConditions":[],"operation":"And","#
                + #""routingSkillConditions":[{"comparator":"GreaterThanOrEqualTo","proficiency":3,"routingSkill":"Billing"}]}]}"#
        )
        try expectRoundTrip(group)
    }

    @Test("a definition (list element) decodes without conditions and ignores a status field")
    func definition() throws {
        let json = #"{"id":"g-1","name":"Billing","status":"Complete","skillConditions":[],"memberCount":7}"#
        let definition = try decode(json, as: SkillGroupDefinition.self)
        #expect(definition.id == "g-1")
        #expect(definition.memberCount == 7)
        #expect(try encodeToString(definition) == #"{"id":"g-1","memberCount":7,"name":"Billing"}"#)
    }

    @Test("member-division edits and lists round-trip")
    func memberDivisions() throws {
        let edit = SkillGroupMemberDivisions(addDivisionIds: ["d-1", "*"], removeDivisionIds: ["d-2"])
        #expect(try encodeToString(edit) == #"{"addDivisionIds":["d-1","*"],"removeDivisionIds":["d-2"]}"#)
        try expectRoundTrip(edit)
        #expect(try encodeToString(SkillGroupMemberDivisions(addDivisionIds: ["d-3"])) == #"{"addDivisionIds":["d-3"]}"#)

        let list = try roundTripFixture("skill-group-member-divisions", as: SkillGroupMemberDivisionList.self)
        #expect(list.entities?.map(\.name) == ["Home", "Europe"])
    }

    @Test("a member page decodes user references")
    func members() throws {
        let page = try roundTripFixture("skill-group-members-page", as: SkillGroupMemberEntityListing.self)
        #expect(page.entities?.first?.name == "Jane Doe")
        #expect(page.entities?.first?.id == "3e8f9a0b-1c2d-4e3f-8a4b-6c7d8e9f0a1b")
        #expect(page.nextUri == nil)
        #expect(page.nextCursor == nil)
    }
}
