import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Skill groups against the in-memory org")
struct SkillGroupsAgainstFakeOrgTests {
    /// Billing ≥ 3 (with, nested under it, English > 2 or French = 5) and not Sales < 1.
    static let billers: [SkillGroupCondition] = [
        Conditions.node(.and, skills: [
            Conditions.skill("Billing", .greaterThanOrEqualTo, 3, children: [
                Conditions.node(.or, languages: [
                    Conditions.language("English", .greaterThan, 2),
                    Conditions.language("French", .equalTo, 5),
                ]),
            ]),
        ]),
        Conditions.node(.not, skills: [Conditions.skill("Sales", .lessThan, 1)]),
    ]

    static func seedCatalogue(_ org: FakeGenesysOrg) throws {
        for skill in ["Billing", "Sales"] { try org.addSkill(name: skill) }
        for language in ["English", "French"] { try org.addLanguage(name: language) }
    }

    @Test("a group created with member divisions and nested conditions reads back with the exact condition tree", arguments: OrgAccess.allCases)
    func createAndRead(access: OrgAccess) async throws {
        let f = try OrgFixture(access)
        try Self.seedCatalogue(f.org)
        let east = try f.org.addDivision(name: "East")
        let west = try f.org.addDivision(name: "West")

        let created = try await f.routing.createSkillGroup(SkillGroupWithMemberDivisions(
            name: "Billers", division: Division(id: east, name: "East"), description: "Billing agents",
            skillConditions: Self.billers, memberDivisions: [west]))
        let id = try #require(created.id)
        #expect(created.name == "Billers")
        #expect(Set(created.memberDivisions ?? []) == [east, west])

        let read = try await f.routing.getSkillGroup(id: id)
        #expect(read.skillConditions == Self.billers)
        #expect(read.division?.id == east)
        #expect(read.description == "Billing agents")
        #expect(read.status == .complete)

        let divisions = try await f.routing.getSkillGroupMemberDivisions(skillGroupID: id, expandEntities: true)
        #expect(Set(divisions.entities?.compactMap(\.id) ?? []) == [east, west])
        #expect(Set(divisions.entities?.compactMap(\.name) ?? []) == ["East", "West"])

        let record = try f.org.skillGroupRecord(id)
        #expect(record.group.skillConditions == Self.billers)
        #expect(record.memberDivisionIDs == [east, west])
        #expect(f.writeCounts == ["POST /api/v2/routing/skillgroups": 1])
    }

    @Test("the create body carries the division as an id only and no read-only fields")
    func createBody() async throws {
        let f = try OrgFixture()
        try Self.seedCatalogue(f.org)
        _ = try await f.routing.createSkillGroup(SkillGroupWithMemberDivisions(
            id: "ignored", name: "Billers", division: Division(id: f.org.snapshot().homeDivisionID, name: "Home", selfUri: "/x"),
            memberCount: 7, status: .complete, skillConditions: Self.billers, selfUri: "/y"))
        let body = try #require(try f.bodies(.post, "/api/v2/routing/skillgroups").first)
        #expect(body.keys == ["name", "division", "skillConditions"])
        #expect(body["division"]?.keys == ["id"])
    }

    @Test("listing returns definitions without conditions, and cursor paging walks more than a page")
    func listWithoutConditionsAcrossPages() async throws {
        let f = try OrgFixture()
        try Self.seedCatalogue(f.org)
        var ids: [String] = []
        for index in 1...7 {
            ids.append(try f.org.addSkillGroup(SkillGroupWithMemberDivisions(
                name: String(format: "Group %02d", index), skillConditions: Self.billers)))
        }

        let groups = try await f.routing.listSkillGroups(pageSize: 3).collectItems()
        #expect(groups.compactMap(\.id) == ids)
        let lists = f.apiRequests.filter { $0.path == "/api/v2/routing/skillgroups" }
        #expect(lists.count == 3)
        #expect(lists.map { $0.queryValue("pageSize") } == ["3", "3", "3"])
        #expect(lists[0].queryValue("after") == nil)
        #expect(lists[1].queryValue("after") != nil)
        #expect(lists[2].queryValue("after") != nil)
        #expect(lists[1].queryValue("after") != lists[2].queryValue("after"))

        // The wire answer has no conditions at all; the group read by id has them.
        let raw = try await f.rawGET("/api/v2/routing/skillgroups?pageSize=100")
        #expect(raw["entities"]?.elements.count == 7)
        #expect(raw["entities"]?.elements.allSatisfy { !$0.keys.contains("skillConditions") } == true)
        #expect(try await f.routing.getSkillGroup(id: ids[0]).skillConditions == Self.billers)

        // Exact look-up through the prefix filter.
        #expect(try await f.routing.findSkillGroup(named: "Group 03")?.id == ids[2])
        #expect(try await f.routing.findSkillGroup(named: "Group 0") == nil)
        #expect(f.writeCounts.isEmpty)
    }

    @Test("a PATCH update replaces name, description and conditions; modifySkillGroup is one GET and one PATCH")
    func update() async throws {
        let f = try OrgFixture()
        try Self.seedCatalogue(f.org)
        let id = try f.org.addSkillGroup(SkillGroupWithMemberDivisions(name: "Billers", description: "old", skillConditions: Self.billers))

        let salesOnly = [Conditions.node(.and, skills: [Conditions.skill("Sales", .greaterThan, 2)])]
        let updated = try await f.routing.updateSkillGroup(id: id) { group in
            group.name = "Sellers"
            group.description = "new"
            group.skillConditions = salesOnly
        }
        #expect(updated.name == "Sellers")
        #expect(updated.skillConditions == salesOnly)
        #expect(f.count(.get, "/api/v2/routing/skillgroups/\(id)") == 1)
        #expect(f.count(.patch, "/api/v2/routing/skillgroups/\(id)") == 1)
        let body = try #require(try f.bodies(.patch, "/api/v2/routing/skillgroups/\(id)").first)
        #expect(body.keys == ["name", "division", "description", "skillConditions"])

        let record = try f.org.skillGroupRecord(id)
        #expect(record.group.name == "Sellers")
        #expect(record.group.description == "new")
        #expect(record.group.skillConditions == salesOnly)
        #expect(try await f.routing.findSkillGroup(named: "Billers") == nil)
        #expect(try await f.routing.findSkillGroup(named: "Sellers")?.id == id)

        // A direct update with a condition naming an unknown skill is refused and changes nothing.
        let refused = await genesysError {
            _ = try await f.routing.updateSkillGroup(id: id, SkillGroup(
                name: "Sellers", skillConditions: [Conditions.node(.and, skills: [Conditions.skill("Nope", .equalTo, 1)])]))
        }
        #expect(refused?.code == .badRequest)
        #expect(try f.org.skillGroupRecord(id).group.skillConditions == salesOnly)
    }

    @Test("member divisions are added, added all at once with *, and removed")
    func memberDivisions() async throws {
        let f = try OrgFixture()
        try Self.seedCatalogue(f.org)
        let home = f.org.snapshot().homeDivisionID
        let east = try f.org.addDivision(name: "East")
        let west = try f.org.addDivision(name: "West")
        let id = try f.org.addSkillGroup(SkillGroupWithMemberDivisions(name: "Billers", skillConditions: Self.billers))
        #expect(try f.org.skillGroupRecord(id).memberDivisionIDs == [home])

        try await f.routing.updateSkillGroupMemberDivisions(skillGroupID: id, add: [east, east])
        #expect(try f.org.skillGroupRecord(id).memberDivisionIDs == [home, east])
        #expect(try f.bodies(.post, "/api/v2/routing/skillgroups/\(id)/members/divisions") == [try JSONValue(#"{"addDivisionIds":["\#(east)"]}"#)])

        let north = try f.org.addDivision(name: "North")
        try await f.routing.updateSkillGroupMemberDivisions(skillGroupID: id, add: ["*"])
        #expect(Set(try f.org.skillGroupRecord(id).memberDivisionIDs) == [home, east, west, north])

        try await f.routing.updateSkillGroupMemberDivisions(skillGroupID: id, remove: [west, home])
        #expect(Set(try f.org.skillGroupRecord(id).memberDivisionIDs) == [east, north])
        let listed = try await f.routing.getSkillGroupMemberDivisions(skillGroupID: id)
        #expect(Set(listed.entities?.compactMap(\.id) ?? []) == [east, north])

        // Nothing to change sends nothing.
        try await f.routing.updateSkillGroupMemberDivisions(skillGroupID: id)
        #expect(f.writeCounts == ["POST /api/v2/routing/skillgroups/\(id)/members/divisions": 3])
    }

    @Test("members are computed from agents' skills and languages and the member divisions")
    func computedMembers() async throws {
        let f = try OrgFixture()
        try Self.seedCatalogue(f.org)
        let east = try f.org.addDivision(name: "East")
        let snapshot = f.org.snapshot()
        let skill = { (name: String) in snapshot.skills.first { $0.name == name }?.id ?? "" }
        let language = { (name: String) in snapshot.languages.first { $0.name == name }?.id ?? "" }
        let ann = try f.org.addUser(name: "Ann", email: "ann@example.com", division: east)
        let bob = try f.org.addUser(name: "Bob", email: "bob@example.com")
        let cat = try f.org.addUser(name: "Cat", email: "cat@example.com")
        let dan = try f.org.addUser(name: "Dan", email: "dan@example.com")

        // Through the SDK: Ann (other division) and Bob qualify, Cat lacks the language, Dan has Sales 0.
        for user in [ann, bob, cat, dan] {
            _ = try await f.routing.replaceUserRoutingSkills(userID: user, [UserRoutingSkillPost(id: skill("Billing"), proficiency: 4)])
        }
        for user in [ann, bob, dan] {
            _ = try await f.routing.addOrUpdateUserRoutingLanguages(userID: user, [UserRoutingLanguagePost(id: language("English"), proficiency: 3)])
        }
        _ = try await f.routing.addUserRoutingSkill(userID: dan, skillID: skill("Sales"), proficiency: 0)

        let group = try await f.routing.createSkillGroup(SkillGroupWithMemberDivisions(name: "Billers", skillConditions: Self.billers))
        let id = try #require(group.id)
        #expect(try await f.routing.listSkillGroupMembers(skillGroupID: id).collectItems().compactMap(\.id) == [bob])
        #expect(try await f.routing.getSkillGroup(id: id).memberCount == 1)

        try await f.routing.updateSkillGroupMemberDivisions(skillGroupID: id, add: [east])
        let members = try await f.routing.listSkillGroupMembers(skillGroupID: id, pageSize: 1, expandEntities: true).collectItems()
        #expect(members.compactMap(\.id) == [ann, bob])
        #expect(members.compactMap(\.name) == ["Ann", "Bob"])

        // French at 5 satisfies the Or branch for Cat.
        _ = try await f.routing.addUserRoutingLanguage(userID: cat, languageID: language("French"), proficiency: 5)
        #expect(f.org.skillGroupMemberIDs(id) == [ann, bob, cat])
        #expect(try await f.routing.listUserSkillGroups(userID: cat).collectItems().compactMap(\.id) == [id])
        #expect(try await f.routing.listUserSkillGroups(userID: dan).collectItems().isEmpty)

        // Deactivating Bob's Billing assignment takes him out.
        _ = try await f.routing.updateUserRoutingSkill(userID: bob, skillID: skill("Billing"), proficiency: 4, state: .inactive)
        #expect(try await f.routing.listSkillGroupMembers(skillGroupID: id).collectItems().compactMap(\.id) == [ann, cat])
        #expect(f.everythingSucceeded, "\(f.failures)")
    }

    @Test("waitForSkillGroupMembership waits on the org's clock until the evaluation completes")
    func waitForMembership() async throws {
        let f = try OrgFixture(configuration: .init(skillGroupEvaluationTime: .seconds(20)))
        try Self.seedCatalogue(f.org)
        let english = try #require(f.org.snapshot().languages.first { $0.name == "English" }?.id)
        let billing = try #require(f.org.snapshot().skills.first { $0.name == "Billing" }?.id)
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let john = try f.org.addUser(name: "John", email: "john@example.com")
        for user in [jane, john] { try f.org.assignLanguage(userID: user, languageID: english, proficiency: 3) }
        try f.org.assignSkill(userID: jane, skillID: billing, proficiency: 4)

        let created = try await f.routing.createSkillGroup(SkillGroupWithMemberDivisions(name: "Billers", skillConditions: Self.billers))
        let id = try #require(created.id)
        #expect(created.status == .inProgress)
        #expect(try await f.routing.listSkillGroupMembers(skillGroupID: id).collectItems().isEmpty)

        let start = f.clock.now
        let done = try await f.routing.waitForSkillGroupMembership(skillGroupID: id)
        #expect(done.status == .complete)
        #expect(done.memberCount == 1)
        #expect(start.duration(to: f.clock.now) >= .seconds(20))
        #expect(f.count(.get, "/api/v2/routing/skillgroups/\(id)") > 1)
        #expect(try await f.routing.listSkillGroupMembers(skillGroupID: id).collectItems().compactMap(\.id) == [jane])

        // An agent's new skill starts another evaluation; the old members show until it completes.
        _ = try await f.routing.addUserRoutingSkill(userID: john, skillID: billing, proficiency: 3)
        #expect(try await f.routing.getSkillGroup(id: id).status == .inProgress)
        #expect(f.org.skillGroupMemberIDs(id) == [jane])
        let again = try await f.routing.waitForSkillGroupMembership(skillGroupID: id)
        #expect(again.memberCount == 2)
        #expect(f.org.skillGroupMemberIDs(id) == [jane, john])

        // A deadline shorter than the evaluation times out.
        _ = try await f.routing.removeUserRoutingSkill(userID: john, skillID: billing)
        let error = await genesysError { _ = try await f.routing.waitForSkillGroupMembership(skillGroupID: id, timeout: .seconds(5)) }
        #expect(error?.code == .timedOut)
    }

    @Test("a deleted skill group is gone from the org and reads as notFound")
    func delete() async throws {
        let f = try OrgFixture()
        try Self.seedCatalogue(f.org)
        let id = try f.org.addSkillGroup(SkillGroupWithMemberDivisions(name: "Billers", skillConditions: Self.billers))
        try await f.routing.deleteSkillGroup(id: id)
        #expect(f.org.snapshot().skillGroups.isEmpty)
        let error = await genesysError { _ = try await f.routing.getSkillGroup(id: id) }
        #expect(error?.code == .notFound)
        #expect(try await f.routing.listSkillGroups().collectItems().isEmpty)
        #expect(f.writeCounts == ["DELETE /api/v2/routing/skillgroups/\(id)": 1])
    }
}
