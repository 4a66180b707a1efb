import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

/// The org keeps skill-group memberships, users ordered by name and positions by id between requests
/// (for speed at scale). These tests read first, so that everything is cached, then change the state in
/// every way that matters and check that reads follow.
@Suite("Cached memberships, listings and lookups follow every change")
struct CachingTests {
    /// Skills A and B; users U1 A4 · U2 A2 · U3 B5 · U4 (none); group "A3" (A ≥ 3); queue Q with the
    /// group as member group.
    struct World {
        let h: FakeOrgHarness
        let users: [String]
        let skillA: String
        let skillB: String
        let group: String
        let queue: String
    }

    func world() async throws -> World {
        let h = FakeOrgHarness()
        let org = h.org
        let a = try org.addSkill(name: "A"), b = try org.addSkill(name: "B")
        let users = try (1...4).map { try org.addUser(name: "U\($0)", email: "u\($0)@example.com") }
        try org.assignSkill(userID: users[0], skillID: a, proficiency: 4)
        try org.assignSkill(userID: users[1], skillID: a, proficiency: 2)
        try org.assignSkill(userID: users[2], skillID: b, proficiency: 5)
        let group = try org.addSkillGroup(SkillGroupWithMemberDivisions(
            name: "A3", skillConditions: [Condition.node(.and, skills: [Condition.skill("A", .greaterThanOrEqualTo, 3)])]
        ))
        var request = QueueRequest(name: "Q")
        request.memberGroups = [MemberGroup(id: group, type: .skillGroup)]
        let queue = try org.addQueue(CreateQueueRequest(queue: request))
        return World(h: h, users: users, skillA: a, skillB: b, group: group, queue: queue)
    }

    /// Member names of the group, through the API.
    func members(_ w: World) async throws -> [String] {
        let page = try await w.h.get(
            "/api/v2/routing/skillgroups/\(w.group)/members", [("expand", "entities"), ("pageSize", "100")], as: SkillGroupMemberEntityListing.self
        )
        return page.entities?.compactMap(\.name) ?? []
    }

    /// The queue's member count and its member group's member count.
    func counts(_ w: World) async throws -> (queue: Int?, group: Int?) {
        let queue = try await w.h.get("/api/v2/routing/queues/\(w.queue)", as: RoutingQueue.self)
        return (queue.memberCount, queue.memberGroups?.first?.memberCount)
    }

    @Test("memberships and member counts follow changes to users' skills, skills, divisions and groups")
    func membershipFollowsWrites() async throws {
        let w = try await world()
        #expect(try await members(w) == ["U1"])
        #expect(try await counts(w) == (1, 1))

        // A user's skills.
        try await w.h.send(.patch, "/api/v2/users/\(w.users[1])/routingskills/bulk", json: [UserRoutingSkillPost(id: w.skillA, proficiency: 5)])
        #expect(try await members(w) == ["U1", "U2"])
        #expect(try await counts(w) == (2, 2))
        try await w.h.send(.delete, "/api/v2/users/\(w.users[0])/routingskills/\(w.skillA)")
        #expect(try await members(w) == ["U2"])

        // Changes elsewhere keep the membership (and do not disturb it).
        try await w.h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: QueueRequest(name: "Other")))
        try await w.h.send(.post, "/api/v2/routing/wrapupcodes", json: WrapupCodeRequest(name: "Done"))
        #expect(try await members(w) == ["U2"])
        #expect(try await counts(w) == (1, 1))

        // The user moves out of the group's member divisions, and back.
        let sales = try w.h.org.addDivision(name: "Sales")
        try await w.h.send(.post, "/api/v2/authorization/divisions/\(sales)/objects/USER", json: [w.users[1]])
        #expect(try await members(w) == [])
        #expect(try await counts(w) == (0, 0))
        try await w.h.send(.post, "/api/v2/routing/skillgroups/\(w.group)/members/divisions", json: SkillGroupMemberDivisions(addDivisionIds: [sales]))
        #expect(try await members(w) == ["U2"])

        // The group's conditions.
        try await w.h.send(.patch, "/api/v2/routing/skillgroups/\(w.group)", json: SkillGroup(skillConditions: [
            Condition.node(.or, skills: [Condition.skill("A", .greaterThanOrEqualTo, 3), Condition.skill("B", .greaterThan, 0)]),
        ]))
        #expect(try await members(w) == ["U2", "U3"])
        #expect(try await counts(w) == (2, 2))

        // A new group added before the queue's in the list, and one deleted: positions move.
        let first = try w.h.org.addSkillGroup(SkillGroupWithMemberDivisions(
            name: "B", skillConditions: [Condition.node(.and, skills: [Condition.skill("B", .greaterThan, 0)])]
        ))
        try await w.h.send(.delete, "/api/v2/routing/skillgroups/\(first)")
        #expect(try await members(w) == ["U2", "U3"])

        // The skill itself.
        try await w.h.send(.delete, "/api/v2/routing/skills/\(w.skillB)")
        #expect(try await members(w) == ["U2"])
        #expect(try await counts(w) == (1, 1))
    }

    @Test("restore serves the restored state's memberships, also of a snapshot changed in between")
    func restoreResetsCaches() async throws {
        let w = try await world()
        let before = w.h.org.snapshot()
        #expect(try await members(w) == ["U1"])
        try w.h.org.assignSkill(userID: w.users[3], skillID: w.skillA, proficiency: 3)
        #expect(try await members(w) == ["U1", "U4"])

        w.h.org.restore(before)
        #expect(try await members(w) == ["U1"])
        #expect(try await counts(w) == (1, 1))

        var changed = before
        let u2 = try #require(changed.users.firstIndex { $0.user.id == w.users[1] })
        changed.users[u2].skills[0].proficiency = 5
        w.h.org.restore(changed)
        #expect(try await members(w) == ["U1", "U2"])
        w.h.org.restore(before)
        #expect(try await members(w) == ["U1"])
    }

    @Test("the user listing follows added users and restores; lookups by id follow removals")
    func listingsAndLookups() async throws {
        let w = try await world()
        func names() async throws -> [String] {
            try await w.h.get("/api/v2/users", [("pageSize", "2"), ("pageNumber", "1")], as: UserEntityListing.self).entities?.compactMap(\.name) ?? []
        }
        #expect(try await names() == ["U1", "U2"])
        let before = w.h.org.snapshot()
        let aaron = try w.h.org.addUser(name: "aaron", email: "aaron@example.com")
        #expect(try await names() == ["aaron", "U1"])
        #expect(try await w.h.get("/api/v2/users/\(aaron)", as: User.self).name == "aaron")
        w.h.org.restore(before)
        #expect(try await names() == ["U1", "U2"])
        #expect(await w.h.failure { try await w.h.send(.get, "/api/v2/users/\(aaron)") }?.status == 404)

        // Queues after a removed one moved up; each is still found by id, the removed one is not.
        let ids = try (1...3).map { try w.h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Q\($0)"))) }
        for id in ids { #expect(try await w.h.get("/api/v2/routing/queues/\(id)", as: RoutingQueue.self).id == id) }
        try await w.h.send(.delete, "/api/v2/routing/queues/\(ids[0])")
        #expect(await w.h.failure { try await w.h.send(.get, "/api/v2/routing/queues/\(ids[0])") }?.status == 404)
        for id in ids.dropFirst() { #expect(try await w.h.get("/api/v2/routing/queues/\(id)", as: RoutingQueue.self).id == id) }
    }

    @Test("seeding refuses duplicate emails case-insensitively, before and after a restore")
    func seedingEmails() async throws {
        let w = try await world()
        let before = w.h.org.snapshot()
        try w.h.org.addUser(name: "New", email: "New@Example.com")
        #expect(throws: FakeOrgError.self) { try w.h.org.addUser(name: "Again", email: "new@example.COM") }
        #expect(throws: FakeOrgError.self) { try w.h.org.addUser(name: "Old", email: "U1@example.com") }
        w.h.org.restore(before)
        try w.h.org.addUser(name: "New", email: "NEW@example.com")
        #expect(w.h.org.snapshot().users.count == 5)
    }

    @Test("a state file holds the state's fields and nothing else; bookkeeping does not affect equality")
    func stateFileFields() async throws {
        let w = try await world()
        _ = try await members(w)
        let file = try temporaryDirectory().appendingPathComponent("org.json")
        try w.h.org.snapshot().save(to: file)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(Set(object.keys) == [
            "formatVersion", "idSeed", "idCounter", "homeDivisionID", "divisions", "users", "skills", "languages", "wrapupCodes",
            "skillGroups", "queues", "skillExpressions",
        ])
        // The same content reached in different ways compares equal.
        var state = w.h.org.snapshot()
        let original = state
        state.users[0].skills.append(FakeOrgState.Assignment(id: w.skillB, proficiency: 1))
        #expect(state != original)
        state.users[0].skills.removeLast()
        #expect(state == original)
        #expect(try FakeOrgState.load(from: file) == original)
    }
}
