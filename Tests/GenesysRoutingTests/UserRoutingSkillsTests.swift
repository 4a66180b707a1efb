import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

/// Echoes a bulk body back as a user-skill listing.
func echoListing(_ request: MockRequest) throws -> TransportResponse {
    guard let body = request.body else { return .json(#"{"entities":[]}"#) }
    return .json(#"{"entities":\#(String(decoding: body, as: UTF8.self)),"pageNumber":1,"pageCount":1}"#)
}

@Suite("Users' routing skills")
struct UserRoutingSkillsTests {
    @Test("listUserRoutingSkills pages with page size 100 and decodes proficiency and state")
    func list() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/users/u1/routingskills": { _ in
                .json(pageJSON([entity("s1", "Billing", #""proficiency":4.5,"state":"active","skillUri":"/api/v2/routing/skills/s1""#)], pageNumber: 1, pageCount: 1))
            },
        ])
        let skills = try await h.routing.listUserRoutingSkills(userID: "u1").collectItems()
        #expect(skills.first?.proficiency == 4.5)
        #expect(h.requests.first?.param("pageSize") == "100")
    }

    @Test("addUserRoutingSkill posts id and proficiency")
    func add() async throws {
        let h = try Harness(routes: ["POST /api/v2/users/u1/routingskills": { _ in .json(entity("s1", "Billing", #""proficiency":2"#)) }])
        let skill = try await h.routing.addUserRoutingSkill(userID: "u1", skillID: "s1", proficiency: 2)
        #expect(skill.proficiency == 2)
        #expect(try h.requests[0].json() == JSONValue(#"{"id":"s1","proficiency":2}"#))
    }

    @Test("proficiencies outside 0.0–5.0 are refused before sending", arguments: [-0.1, 5.01, Double.nan, Double.infinity])
    func proficiencyValidation(value: Double) async throws {
        let h = try Harness { _ in .json("{}") }
        let error = await genesysError { _ = try await h.routing.addUserRoutingSkill(userID: "u1", skillID: "s1", proficiency: value) }
        #expect(error?.code == .invalidRequest)
        #expect(error?.message?.hasPrefix("proficiency must be between 0.0 and 5.0") == true)
        let bulk = await genesysError {
            try await h.routing.replaceUserRoutingSkills(userID: "u1", [UserRoutingSkillPost(id: "a", proficiency: 1), UserRoutingSkillPost(id: "b", proficiency: value)])
        }
        #expect(bulk?.message?.hasPrefix("skills[1].proficiency") == true)
        #expect(h.requests.isEmpty)
    }

    @Test("updateUserRoutingSkill PUTs proficiency and state; removeUserRoutingSkill DELETEs")
    func updateAndRemove() async throws {
        let h = try Harness(routes: [
            "PUT /api/v2/users/u1/routingskills/s1": { _ in .json(entity("s1", nil, #""proficiency":3,"state":"inactive""#)) },
            "DELETE /api/v2/users/u1/routingskills/s1": { _ in .empty() },
        ])
        let skill = try await h.routing.updateUserRoutingSkill(userID: "u1", skillID: "s1", proficiency: 3, state: .inactive)
        #expect(skill.state == .inactive)
        #expect(try h.requests[0].json() == JSONValue(#"{"proficiency":3,"state":"inactive"}"#))
        try await h.routing.removeUserRoutingSkill(userID: "u1", skillID: "s1")
        #expect(h.routes.last == "DELETE /api/v2/users/u1/routingskills/s1")
    }

    @Test("replacing 120 skills sends PUT 50, PATCH 50, PATCH 20 and returns all of them")
    func replaceChunks() async throws {
        let h = try Harness(routes: [
            "PUT /api/v2/users/u1/routingskills/bulk": echoListing,
            "PATCH /api/v2/users/u1/routingskills/bulk": echoListing,
        ])
        let skills = (1...120).map { UserRoutingSkillPost(id: "s\($0)", proficiency: Double($0 % 6)) }
        let result = try await h.routing.replaceUserRoutingSkills(userID: "u1", skills)
        #expect(result.map(\.id) == skills.map(\.id))
        #expect(h.requests.map(\.method) == [.put, .patch, .patch])
        #expect(try h.requests.map { try $0.json().arrayCount } == [50, 50, 20])
        #expect(try h.requests[0].json() == JSONValue("[" + (1...50).map { #"{"id":"s\#($0)","proficiency":\#($0 % 6)}"# }.joined(separator: ",") + "]"))
    }

    @Test("replacing with an empty list PUTs [] to remove every skill")
    func replaceWithNothing() async throws {
        let h = try Harness(routes: ["PUT /api/v2/users/u1/routingskills/bulk": echoListing])
        let result = try await h.routing.replaceUserRoutingSkills(userID: "u1", [])
        #expect(result.isEmpty)
        #expect(try h.requests.map { try $0.json() } == [JSONValue("[]")])
    }

    @Test("addOrUpdate sends PATCH bulk in chunks of 50, nothing for an empty list, and keeps the last duplicate")
    func addOrUpdate() async throws {
        let h = try Harness(routes: ["PATCH /api/v2/users/u1/routingskills/bulk": echoListing])
        let skills = (1...51).map { UserRoutingSkillPost(id: "s\($0)", proficiency: 1) } + [UserRoutingSkillPost(id: "s1", proficiency: 5)]
        let result = try await h.routing.addOrUpdateUserRoutingSkills(userID: "u1", skills)
        #expect(result.count == 51)
        #expect(result.first?.proficiency == 5)
        #expect(try h.requests.map { try $0.json().arrayCount } == [50, 1])
        _ = try await h.routing.addOrUpdateUserRoutingSkills(userID: "u1", [])
        #expect(h.requests.count == 2)
    }

    @Test("a user-version conflict (409) on a bulk write is retried with backoff on the client clock")
    func versionConflictRetried() async throws {
        let attempts = LockedBox(0)
        let h = try Harness(routes: [
            "PATCH /api/v2/users/u1/routingskills/bulk": { request in
                let n = attempts.withLock { $0 += 1; return $0 }
                if n == 1 { return .json(errorBody(status: 409, code: "conflict", message: "version conflict"), status: 409) }
                if n == 2 { return .json(errorBody(status: 400, code: "bad.request", message: "Version 2 does not match the current version 3"), status: 400) }
                return try echoListing(request)
            },
        ])
        let result = try await h.routing.addOrUpdateUserRoutingSkills(userID: "u1", [UserRoutingSkillPost(id: "s1", proficiency: 1)])
        #expect(result.map(\.id) == ["s1"])
        #expect(h.requests.count == 3)
        #expect(h.clock.sleeps == [.milliseconds(500), .seconds(1)])
    }

    @Test("a version conflict that persists surfaces as conflict after three retries")
    func versionConflictGivesUp() async throws {
        let h = try Harness { _ in .json(errorBody(status: 409, code: "conflict", message: "version conflict"), status: 409) }
        let error = await genesysError { _ = try await h.routing.updateUserRoutingSkill(userID: "u1", skillID: "s1", proficiency: 1) }
        #expect(error?.code == .conflict)
        #expect(h.requests.count == 4)
    }
}

@Suite("Users' routing languages")
struct UserRoutingLanguagesTests {
    @Test("add posts id and proficiency; update PATCHes; remove DELETEs")
    func singleCalls() async throws {
        let h = try Harness(routes: [
            "POST /api/v2/users/u1/routinglanguages": { _ in .json(entity("l1", "Spanish", #""proficiency":4"#)) },
            "PATCH /api/v2/users/u1/routinglanguages/l1": { _ in .json(entity("l1", "Spanish", #""proficiency":5"#)) },
            "DELETE /api/v2/users/u1/routinglanguages/l1": { _ in .empty() },
        ])
        _ = try await h.routing.addUserRoutingLanguage(userID: "u1", languageID: "l1", proficiency: 4)
        let updated = try await h.routing.updateUserRoutingLanguage(userID: "u1", languageID: "l1", proficiency: 5, state: .active)
        #expect(updated.proficiency == 5)
        try await h.routing.removeUserRoutingLanguage(userID: "u1", languageID: "l1")
        #expect(try h.requests[0].json() == JSONValue(#"{"id":"l1","proficiency":4}"#))
        #expect(try h.requests[1].json() == JSONValue(#"{"proficiency":5,"state":"active"}"#))
        #expect(h.requests.map(\.method) == [.post, .patch, .delete])
    }

    @Test("addOrUpdate sends PATCH bulk in chunks of 50")
    func bulkChunks() async throws {
        let h = try Harness(routes: ["PATCH /api/v2/users/u1/routinglanguages/bulk": echoListing])
        let languages = (1...120).map { UserRoutingLanguagePost(id: "l\($0)", proficiency: 3) }
        let result = try await h.routing.addOrUpdateUserRoutingLanguages(userID: "u1", languages)
        #expect(result.count == 120)
        #expect(try h.requests.map { try $0.json().arrayCount } == [50, 50, 20])
    }

    @Test("replace lists the current languages, patches the wanted ones, then deletes the extras")
    func replace() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/users/u1/routinglanguages": { _ in
                .json(pageJSON([entity("keep", "Spanish", #""proficiency":1"#), entity("drop", "French", #""proficiency":2"#)], pageNumber: 1, pageCount: 1))
            },
            "PATCH /api/v2/users/u1/routinglanguages/bulk": echoListing,
            "DELETE /api/v2/users/u1/routinglanguages/drop": { _ in .empty() },
        ])
        let result = try await h.routing.replaceUserRoutingLanguages(
            userID: "u1", [UserRoutingLanguagePost(id: "keep", proficiency: 5), UserRoutingLanguagePost(id: "new", proficiency: 3)])
        #expect(h.routes == [
            "GET /api/v2/users/u1/routinglanguages", "PATCH /api/v2/users/u1/routinglanguages/bulk",
            "DELETE /api/v2/users/u1/routinglanguages/drop",
        ])
        #expect(try h.requests[1].json() == JSONValue(#"[{"id":"keep","proficiency":5},{"id":"new","proficiency":3}]"#))
        #expect(result.map(\.id) == ["keep", "new"])
        #expect(result.first?.proficiency == 5)
    }

    @Test("routingProfile reads skills and languages together")
    func routingProfile() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/users/u1/routingskills": { _ in .json(pageJSON([entity("s1", "Billing", #""proficiency":3"#)], pageNumber: 1, pageCount: 1)) },
            "GET /api/v2/users/u1/routinglanguages": { _ in .json(pageJSON([entity("l1", "Spanish", #""proficiency":5"#)], pageNumber: 1, pageCount: 1)) },
        ])
        let profile = try await h.routing.getRoutingProfile(userID: "u1")
        #expect(profile == RoutingProfile(
            userID: "u1", skills: [UserRoutingSkill(id: "s1", name: "Billing", proficiency: 3)],
            languages: [UserRoutingLanguage(id: "l1", name: "Spanish", proficiency: 5)]))
    }

    @Test("listRoutingProfiles reads users with expand=skills,languages and chunks ids by 100")
    func listRoutingProfiles() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/users": { request in
                let users = request.query("id").map { entity($0, "User \($0)", #""skills":[{"id":"s1","proficiency":2}],"languages":[]"#) }
                return .json(pageJSON(users, pageNumber: 1, pageCount: 1))
            },
        ])
        let ids = (1...150).map { "u\($0)" }
        let profiles = try await h.routing.listRoutingProfiles(userIDs: ids).collectItems()
        #expect(profiles.map(\.userID) == ids)
        #expect(profiles.first?.skills.first?.proficiency == 2)
        #expect(profiles.first?.user?.name == "User u1")
        #expect(h.requests.map { $0.query("id").count } == [100, 50])
        #expect(h.requests.allSatisfy { $0.query("expand") == ["skills", "languages"] && $0.param("pageSize") == "500" })
    }
}
