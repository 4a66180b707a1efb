import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Divisions against the in-memory org")
struct DivisionsAgainstFakeOrgTests {
    @Test("divisions are listed, the home division is read, and exact look-ups ignore prefix siblings", arguments: OrgAccess.allCases)
    func listHomeGet(access: OrgAccess) async throws {
        let f = try OrgFixture(access)
        let sales = try f.org.addDivision(name: "Sales")
        let salesEMEA = try f.org.addDivision(name: "Sales EMEA")
        let home = f.org.snapshot().homeDivisionID

        let all = try await f.routing.listDivisions(pageSize: 2).collectItems()
        #expect(Set(all.compactMap(\.id)) == [home, sales, salesEMEA])
        #expect(f.count(.get, "/api/v2/authorization/divisions") == 2)

        let homeDivision = try await f.routing.getHomeDivision()
        #expect(homeDivision.id == home)
        #expect(homeDivision.homeDivision == true)
        #expect(homeDivision.name == "Home")

        #expect(try await f.routing.findDivision(named: "Sales")?.id == sales)
        #expect(try await f.routing.findDivision(named: "Sal") == nil)
        #expect(try await f.routing.listDivisions(name: "Sales").collectItems().count == 2)
        #expect(try await f.routing.getDivision(id: salesEMEA).homeDivision == false)
        #expect(f.writeCounts.isEmpty)
    }

    @Test("moving a queue, a skill group and a user into a division shows in the org and in object counts")
    func moveObjects() async throws {
        let f = try OrgFixture()
        let sales = try f.org.addDivision(name: "Sales")
        let billing = try f.org.addSkill(name: "Billing")
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        try f.org.assignSkill(userID: jane, skillID: billing, proficiency: 4)
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Support")))
        let group = try f.org.addSkillGroup(SkillGroupWithMemberDivisions(
            name: "Billers", skillConditions: [Conditions.node(.and, skills: [Conditions.skill("Billing", .greaterThan, 1)])]))
        #expect(f.org.skillGroupMemberIDs(group) == [jane])

        try await f.routing.moveObjects(toDivision: sales, objectType: .queue, objectIDs: [queue, queue])
        #expect(try f.org.queueRecord(queue).queue.division?.id == sales)
        #expect(try f.bodies(.post, "/api/v2/authorization/divisions/\(sales)/objects/QUEUE") == [try JSONValue(#"["\#(queue)"]"#)])
        #expect(try await f.routing.getQueue(id: queue).division?.name == "Sales")

        try await f.routing.moveObjects(toDivision: sales, objectType: .skillGroup, objectIDs: [group])
        try await f.routing.moveObjects(toDivision: sales, objectType: .user, objectIDs: [jane])
        #expect(try f.org.skillGroupRecord(group).group.division?.id == sales)
        #expect(try f.org.userRecord(jane).user.division?.id == sales)
        // Jane left the group's only member division (the home division).
        #expect(try await f.routing.listSkillGroupMembers(skillGroupID: group).collectItems().isEmpty)

        let counted = try await f.routing.getDivision(id: sales, objectCount: true)
        #expect(counted.objectCounts == ["QUEUE": 1, "SKILLGROUP": 1, "USER": 1])
        #expect(try await f.routing.getDivision(id: sales).objectCounts == nil)

        // An empty list sends nothing; an unknown queue is refused and nothing moves.
        try await f.routing.moveObjects(toDivision: sales, objectType: .queue, objectIDs: [])
        #expect(f.writeCounts.values.reduce(0, +) == 3)
        let home = f.org.snapshot().homeDivisionID
        let refused = await genesysError { try await f.routing.moveObjects(toDivision: home, objectType: .queue, objectIDs: [queue, "no-such-queue"]) }
        #expect(refused?.code == .badRequest)
        #expect(try f.org.queueRecord(queue).queue.division?.id == sales)
    }
}

@Suite("Users against the in-memory org")
struct UsersAgainstFakeOrgTests {
    @Test("a user is read with expansions, and listed by ids")
    func getAndList() async throws {
        let f = try OrgFixture()
        let users = try f.org.addUsers(4)
        let billing = try f.org.addSkill(name: "Billing")
        try f.org.assignSkill(userID: users[1], skillID: billing, proficiency: 3)

        let read = try await f.routing.getUser(id: users[1], expand: ["skills", "routingStatus"])
        #expect(read.name == "Agent 002")
        #expect(read.email == "agent002@example.com")
        #expect(read.skills?.map(\.id) == [billing])
        #expect(read.routingStatus != nil)
        #expect(read.division?.name == "Home")
        #expect(try await f.routing.getUser(id: users[0]).skills == nil)

        let some = try await f.routing.listUsers(ids: [users[2], users[0]]).collectItems()
        #expect(some.compactMap(\.id) == [users[0], users[2]])
        #expect(f.apiRequests.last?.query.filter { $0.name == "id" }.map(\.value) == [users[2], users[0]])
        let missing = await genesysError { _ = try await f.routing.getUser(id: "no-such-user") }
        #expect(missing?.code == .notFound)
    }

    @Test("searchUsers posts the search once and follows the q64 continuation across pages")
    func searchAcrossPages() async throws {
        let f = try OrgFixture()
        let users = try f.org.addUsers(7)
        _ = try f.org.addUser(name: "Elsewhere", email: "someone@other.test")

        let request = UserSearchRequest(
            sortOrder: .ascending, sortBy: "email", pageSize: 3,
            query: [UserSearchCriteria(value: "@example.com", fields: ["email"], type: .contains)])
        let found = try await f.routing.searchUsers(request).collectItems()
        #expect(found.compactMap(\.id) == users)

        let searches = f.apiRequests.filter { $0.path == "/api/v2/users/search" }
        #expect(searches.map(\.method) == [.post, .get, .get])
        #expect(searches.dropFirst().allSatisfy { $0.queryValue("q64")?.isEmpty == false })
        #expect(searches[1].queryValue("q64") != searches[2].queryValue("q64"))
        // A search is a read.
        #expect(f.org.writes.isEmpty)
    }

    @Test("findUser finds the agent by email whatever the case, and nil for an unknown address")
    func findByEmail() async throws {
        let f = try OrgFixture()
        _ = try f.org.addUsers(3)
        let jane = try f.org.addUser(name: "Jane Doe", email: "jane.doe@example.com")
        _ = try f.org.addUser(name: "Jane Doe Jr", email: "jane.doe.jr@example.com")

        #expect(try await f.routing.findUser(email: "Jane.Doe@Example.com")?.id == jane)
        #expect(try await f.routing.findUser(email: "jane@example.com") == nil)
        let body = try #require(try f.bodies(.post, "/api/v2/users/search").first)
        #expect(body == (try JSONValue(#"{"sortOrder":"ASC","sortBy":"email","query":[{"value":"Jane.Doe@Example.com","fields":["email"],"type":"EXACT"}]}"#)))
        #expect(f.org.writes.isEmpty)
    }
}
