import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Skills, languages and wrap-up codes")
struct SkillResourceTests {
    @Test("deleted skills are soft-deleted: state deleted by id, hidden from lists, taken off users")
    func softDelete() async throws {
        let h = FakeOrgHarness()
        let jane = try h.org.addUser(name: "Jane", email: "jane@example.com")
        let skill = try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "Billing"), as: RoutingSkill.self)
        let id = try #require(skill.id)
        #expect(skill.state == .active)
        #expect(skill.division?.name == "Home")
        #expect(skill.selfUri == "/api/v2/routing/skills/\(id)")
        try h.org.assignSkill(userID: jane, skillID: id, proficiency: 3)

        let deleted = try await h.send(.delete, "/api/v2/routing/skills/\(id)")
        #expect(deleted.head.status.code == 204)
        #expect(deleted.body.isEmpty)
        #expect(try await h.get("/api/v2/routing/skills/\(id)", as: RoutingSkill.self).state == .deleted)
        #expect(try await h.get("/api/v2/routing/skills", as: SkillEntityListing.self).total == 0)
        #expect(try await h.get("/api/v2/users/\(jane)/routingskills", as: UserSkillEntityListing.self).total == 0)
        let again = await h.failure { try await h.send(.delete, "/api/v2/routing/skills/\(id)") }
        #expect(again?.status == 404)

        // The name is free again.
        let recreated = try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "Billing"), as: RoutingSkill.self)
        #expect(recreated.id != id)
        #expect(h.org.snapshot().skills.count == 2)
    }

    @Test("creating an object whose exact name exists is 409 conflict naming the existing one")
    func duplicates() async throws {
        let h = FakeOrgHarness()
        let skill = try h.org.addSkill(name: "Billing")
        let error = await h.failure { try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "Billing")) }
        #expect(error?.status == 409)
        #expect(error?.code == .conflict)
        #expect(error?.serverCode == "conflict")
        #expect(error?.body?.entityId == skill)
        // Exact means case-sensitive.
        _ = try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "billing"))
        try h.org.addLanguage(name: "English")
        #expect(await h.failure { try await h.send(.post, "/api/v2/routing/languages", json: Language(name: "English")) }?.status == 409)
        try h.org.addWrapupCode(name: "Done")
        #expect(await h.failure { try await h.send(.post, "/api/v2/routing/wrapupcodes", json: WrapupCodeRequest(name: "Done")) }?.status == 409)
        try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Q")))
        #expect(await h.failure { try await h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: QueueRequest(name: "Q"))) }?.status == 409)
        #expect(throws: FakeOrgError.self) { try h.org.addSkill(name: "Billing") }
    }

    @Test("a skill needs a name; its division can be changed with PATCH")
    func skillValidationAndDivision() async throws {
        let h = FakeOrgHarness()
        let missing = await h.failure { try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "  ")) }
        #expect(missing?.status == 400)
        #expect(missing?.serverCode == "invalid.value")
        #expect(missing?.details.first?.fieldName == "name")
        let unknownDivision = await h.failure { try await h.send(.post, "/api/v2/routing/skills", json: CreateRoutingSkill(name: "X", divisionId: "nope")) }
        #expect(unknownDivision?.details.first?.fieldName == "divisionId")

        let sales = try h.org.addDivision(name: "Sales")
        let id = try h.org.addSkill(name: "Billing")
        let moved = try await h.send(.patch, "/api/v2/routing/skills/\(id)", json: UpdateSkillDivisionRequest(divisionId: sales), as: RoutingSkill.self)
        #expect(moved.division?.id == sales)
        #expect(moved.division?.name == "Sales")
        #expect(moved.version == "2")
    }

    @Test("languages: create, get, soft delete; no update call")
    func languages() async throws {
        let h = FakeOrgHarness()
        let language = try await h.send(.post, "/api/v2/routing/languages", json: Language(name: "English"), as: Language.self)
        let id = try #require(language.id)
        #expect(try await h.get("/api/v2/routing/languages", [("name", "eng")], as: LanguageEntityListing.self).total == 1)
        try await h.send(.delete, "/api/v2/routing/languages/\(id)")
        #expect(try await h.get("/api/v2/routing/languages/\(id)", as: Language.self).state == .deleted)
        #expect(try await h.get("/api/v2/routing/languages", as: LanguageEntityListing.self).total == 0)
        #expect(await h.failure { try await h.send(.put, "/api/v2/routing/languages/\(id)", json: Language(name: "E")) }?.status == 405)
    }

    @Test("wrap-up codes: PUT is a full update; deleting one detaches it from queues")
    func wrapupCodes() async throws {
        let h = FakeOrgHarness()
        let code = try await h.send(.post, "/api/v2/routing/wrapupcodes", json: WrapupCodeRequest(name: "Done", description: "d"), as: WrapupCode.self)
        let id = try #require(code.id)
        #expect(code.dateCreated != nil)
        let updated = try await h.send(.put, "/api/v2/routing/wrapupcodes/\(id)", json: WrapupCodeRequest(name: "Resolved"), as: WrapupCode.self)
        #expect(updated.name == "Resolved")
        #expect(updated.description == nil)
        let queue = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Q")))
        try h.org.addQueueWrapupCodes(queueID: queue, codeIDs: [id])
        try await h.send(.delete, "/api/v2/routing/wrapupcodes/\(id)")
        #expect(h.org.snapshot().queues.first?.wrapupCodeIDs == [])
        #expect(await h.failure { try await h.send(.get, "/api/v2/routing/wrapupcodes/\(id)") }?.status == 404)
    }
}

@Suite("Users' routing skills and languages")
struct UserRoutingTests {
    func setUp() throws -> (FakeOrgHarness, user: String, skills: [String]) {
        let h = FakeOrgHarness()
        let user = try h.org.addUser(name: "Jane", email: "jane@example.com")
        var skills: [String] = []
        for index in 1...60 { skills.append(try h.org.addSkill(name: String(format: "Skill %02d", index))) }
        return (h, user, skills)
    }

    @Test("POST one, PUT one (with state), DELETE one, list sorted by name")
    func singleCalls() async throws {
        let (h, user, skills) = try setUp()
        let path = "/api/v2/users/\(user)/routingskills"
        let added = try await h.send(.post, path, json: UserRoutingSkillPost(id: skills[1], proficiency: 2.5), as: UserRoutingSkill.self)
        #expect(added.name == "Skill 02")
        #expect(added.proficiency == 2.5)
        #expect(added.state == .active)
        #expect(added.skillUri == "/api/v2/routing/skills/\(skills[1])")
        #expect(added.selfUri == "\(path)/\(skills[1])")
        try await h.send(.post, path, json: UserRoutingSkillPost(id: skills[0], proficiency: 1))
        let put = try await h.send(.put, "\(path)/\(skills[1])", json: UserRoutingSkill(proficiency: 4, state: .inactive), as: UserRoutingSkill.self)
        #expect(put.proficiency == 4)
        #expect(put.state == .inactive)
        let list = try await h.get(path, as: UserSkillEntityListing.self)
        #expect(list.entities?.compactMap(\.name) == ["Skill 01", "Skill 02"])
        try await h.send(.delete, "\(path)/\(skills[0])")
        #expect(await h.failure { try await h.send(.delete, "\(path)/\(skills[0])") }?.status == 404)
        #expect(try await h.get(path, as: UserSkillEntityListing.self).total == 1)
    }

    @Test("proficiency outside 0–5 and unknown skills are 400 naming the field")
    func validation() async throws {
        let (h, user, skills) = try setUp()
        let path = "/api/v2/users/\(user)/routingskills"
        for value in [-0.5, 5.5] {
            let error = await h.failure { try await h.send(.post, path, json: UserRoutingSkillPost(id: skills[0], proficiency: value)) }
            #expect(error?.status == 400)
            #expect(error?.details.first?.fieldName == "proficiency")
        }
        let unknown = await h.failure { try await h.send(.post, path, json: UserRoutingSkillPost(id: "nope", proficiency: 1)) }
        #expect(unknown?.status == 400)
        #expect(unknown?.serverCode == "invalid.value")
        #expect(unknown?.details.first?.fieldName == "id")
        #expect(await h.failure { try await h.send(.post, "/api/v2/users/nobody/routingskills", json: UserRoutingSkillPost(id: skills[0], proficiency: 1)) }?.status == 404)
        #expect(await h.failure { try await h.send(.put, "\(path)/nope", json: UserRoutingSkill(proficiency: 1)) }?.status == 404)
    }

    @Test("bulk calls take at most 50; PUT bulk replaces, PATCH bulk adds and updates")
    func bulk() async throws {
        let (h, user, skills) = try setUp()
        let path = "/api/v2/users/\(user)/routingskills/bulk"
        let fiftyOne = skills[..<51].map { UserRoutingSkillPost(id: $0, proficiency: 3) }
        for method in [HTTPRequest.Method.put, .patch] {
            let error = await h.failure { try await h.send(method, path, json: fiftyOne) }
            #expect(error?.status == 400)
            #expect(error?.serverCode == "invalid.value")
        }
        #expect(h.org.snapshot().users[0].skills.isEmpty)

        let fifty = try await h.send(.put, path, json: Array(fiftyOne.prefix(50)), as: UserSkillEntityListing.self)
        #expect(fifty.total == 50)
        #expect(fifty.entities?.count == 50)
        let replaced = try await h.send(.put, path, json: [UserRoutingSkillPost(id: skills[59], proficiency: 1)], as: UserSkillEntityListing.self)
        #expect(replaced.entities?.compactMap(\.id) == [skills[59]])
        let patched = try await h.send(
            .patch, path,
            json: [UserRoutingSkillPost(id: skills[59], proficiency: 5), UserRoutingSkillPost(id: skills[0], proficiency: 2)],
            as: UserSkillEntityListing.self
        )
        #expect(patched.entities?.map { "\($0.name ?? ""):\($0.proficiency ?? -1)" } == ["Skill 01:2.0", "Skill 60:5.0"])
        // One bad element rejects the whole call.
        let bad = await h.failure { try await h.send(.patch, path, json: [UserRoutingSkillPost(id: skills[1], proficiency: 1), UserRoutingSkillPost(id: skills[2], proficiency: 9)]) }
        #expect(bad?.details.first?.fieldName == "[1].proficiency")
        #expect(h.org.snapshot().users[0].skills.count == 2)
    }

    @Test("languages: POST, PATCH one, PATCH bulk (≤ 50), no PUT bulk")
    func languages() async throws {
        let h = FakeOrgHarness()
        let user = try h.org.addUser(name: "Jane", email: "jane@example.com")
        let english = try h.org.addLanguage(name: "English")
        let spanish = try h.org.addLanguage(name: "Spanish")
        let path = "/api/v2/users/\(user)/routinglanguages"
        let added = try await h.send(.post, path, json: UserRoutingLanguagePost(id: english, proficiency: 4), as: UserRoutingLanguage.self)
        #expect(added.languageUri == "/api/v2/routing/languages/\(english)")
        let patched = try await h.send(.patch, "\(path)/\(english)", json: UserRoutingLanguage(proficiency: 5), as: UserRoutingLanguage.self)
        #expect(patched.proficiency == 5)
        #expect(await h.failure { try await h.send(.put, "\(path)/\(english)", json: UserRoutingLanguage(proficiency: 5)) }?.status == 405)
        #expect(await h.failure { try await h.send(.put, "\(path)/bulk", json: [UserRoutingLanguagePost(id: spanish, proficiency: 1)]) }?.status == 405)
        let bulk = try await h.send(.patch, "\(path)/bulk", json: [UserRoutingLanguagePost(id: spanish, proficiency: 1)], as: UserLanguageEntityListing.self)
        #expect(bulk.entities?.compactMap(\.name) == ["English", "Spanish"])
        let tooMany = Array(repeating: UserRoutingLanguagePost(id: spanish, proficiency: 1), count: 51)
        #expect(await h.failure { try await h.send(.patch, "\(path)/bulk", json: tooMany) }?.status == 400)
    }
}
