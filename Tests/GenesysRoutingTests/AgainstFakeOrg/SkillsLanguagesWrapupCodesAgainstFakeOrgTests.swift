import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Skills against the in-memory org")
struct SkillsAgainstFakeOrgTests {
    @Test("a skill created in a division is listed by name prefix, found by exact name and read back", arguments: OrgAccess.allCases)
    func createListFindGet(access: OrgAccess) async throws {
        let f = try OrgFixture(access)
        let sales = try f.org.addDivision(name: "Sales")

        let billing = try await f.routing.createSkill(CreateRoutingSkill(name: "Billing", divisionId: sales))
        let escalations = try await f.routing.createSkill(CreateRoutingSkill(name: "Billing Escalations"))
        let lower = try await f.routing.createSkill(CreateRoutingSkill(name: "billing"))
        _ = try await f.routing.createSkill(CreateRoutingSkill(name: "Support"))
        let billingID = try #require(billing.id)

        #expect(billing.name == "Billing")
        #expect(billing.state == .active)
        #expect(billing.division?.id == sales)
        #expect(billing.division?.name == "Sales")

        // The server's name filter is a prefix search; the exact look-up compares on the client.
        let prefixed = try await f.routing.listSkills(name: "Billing").collectItems()
        #expect(Set(prefixed.compactMap(\.id)) == Set([billingID, escalations.id, lower.id].compactMap { $0 }))
        #expect(try await f.routing.findSkill(named: "Billing")?.id == billingID)
        #expect(try await f.routing.findSkill(named: "billing")?.id == lower.id)
        #expect(try await f.routing.findSkill(named: "Bill") == nil)

        let read = try await f.routing.getSkill(id: billingID)
        #expect(read.division?.id == sales)
        #expect(read.name == "Billing")

        let stored = try #require(f.org.snapshot().skills.first { $0.id == billingID })
        #expect(stored.division?.id == sales)
        #expect(f.org.snapshot().skills.count == 4)
        #expect(f.writeCounts == ["POST /api/v2/routing/skills": 4])
        #expect(f.everythingSucceeded, "\(f.failures)")
    }

    @Test("deleting a skill soft-deletes it: hidden from listings and look-ups, readable as deleted, taken off agents")
    func softDelete() async throws {
        let f = try OrgFixture()
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let billing = try await f.routing.createSkill(CreateRoutingSkill(name: "Billing"))
        let billingID = try #require(billing.id)
        _ = try await f.routing.addUserRoutingSkill(userID: jane, skillID: billingID, proficiency: 4)
        #expect(try f.org.userRecord(jane).skills.map(\.id) == [billingID])

        try await f.routing.deleteSkill(id: billingID)

        #expect(try await f.routing.listSkills().collectItems().isEmpty)
        #expect(try await f.routing.findSkill(named: "Billing") == nil)
        #expect(try await f.routing.getSkill(id: billingID).state == .deleted)
        #expect(f.org.snapshot().skills.map(\.state) == [.deleted])
        #expect(try f.org.userRecord(jane).skills.isEmpty)
        #expect(try await f.routing.listUserRoutingSkills(userID: jane).collectItems().isEmpty)

        // The name is free again; the look-up finds the new skill, never its deleted twin.
        let again = try await f.routing.createSkill(CreateRoutingSkill(name: "Billing"))
        #expect(again.id != billingID)
        #expect(try await f.routing.findSkill(named: "Billing")?.id == again.id)
        #expect(try await f.routing.findSkills(named: "Billing").map(\.id) == [again.id])
        #expect(f.count(.delete, "/api/v2/routing/skills/\(billingID)") == 1)

        // A second delete is a 404, surfaced as notFound with the org's correlation id.
        let error = await genesysError { try await f.routing.deleteSkill(id: billingID) }
        #expect(error?.code == .notFound)
        #expect(error?.correlationID == f.org.requests.last?.correlationID)
    }

    @Test("changing a skill's division is one PATCH and moves it in the org")
    func changeDivision() async throws {
        let f = try OrgFixture()
        let support = try f.org.addDivision(name: "Support")
        let skill = try await f.routing.createSkill(CreateRoutingSkill(name: "Routing"))
        let id = try #require(skill.id)
        #expect(skill.division?.id == f.org.snapshot().homeDivisionID)

        let moved = try await f.routing.moveSkill(id: id, toDivision: support)
        #expect(moved.division?.id == support)
        #expect(moved.division?.name == "Support")
        #expect(moved.version == "2")
        #expect(f.org.snapshot().skills.first?.division?.id == support)
        #expect(try f.bodies(.patch, "/api/v2/routing/skills/\(id)") == [try JSONValue(#"{"divisionId":"\#(support)"}"#)])
        #expect(f.writeCounts == ["POST /api/v2/routing/skills": 1, "PATCH /api/v2/routing/skills/\(id)": 1])

        // An unknown division is refused by the org and nothing changes.
        let error = await genesysError { _ = try await f.routing.moveSkill(id: id, toDivision: "no-such-division") }
        #expect(error?.code == .badRequest)
        #expect(error?.details.first?.fieldName == "divisionId")
        #expect(f.org.snapshot().skills.first?.division?.id == support)
    }

    @Test("skills are listed across pages, and more than 100 ids are fetched in chunks")
    func pagingAndIDChunks() async throws {
        let f = try OrgFixture()
        let ids = try (1...120).map { try f.org.addSkill(name: String(format: "Skill %03d", $0)) }

        let paged = try await f.routing.listSkills(pageSize: 50).collectItems()
        #expect(paged.compactMap(\.id) == ids)
        #expect(f.apiRequests.map { $0.queryValue("pageNumber") } == ["1", "2", "3"])

        f.org.resetLog()
        let wanted = Array(ids.reversed().prefix(110))
        let byID = try await f.routing.listSkills(ids: wanted).collectItems()
        #expect(Set(byID.compactMap(\.id)) == Set(wanted))
        #expect(f.apiRequests.map { $0.query.filter { $0.name == "id" }.count } == [100, 10])
        #expect(try await f.routing.listSkills(ids: []).collectItems().isEmpty)
        #expect(f.apiRequests.count == 2)
    }

    @Test("a skill name that is taken is refused with conflict, and nothing is created")
    func duplicateName() async throws {
        let f = try OrgFixture()
        let existing = try f.org.addSkill(name: "Billing")
        let error = await genesysError { _ = try await f.routing.createSkill(CreateRoutingSkill(name: "Billing")) }
        #expect(error?.code == .conflict)
        #expect(error?.status == 409)
        #expect(f.org.snapshot().skills.compactMap(\.id) == [existing])
        #expect(f.count(.post, "/api/v2/routing/skills") == 1)
    }
}

@Suite("Languages against the in-memory org")
struct LanguagesAgainstFakeOrgTests {
    @Test("a language is created, found by exact name, read, and soft-deleted off every agent")
    func lifecycle() async throws {
        let f = try OrgFixture()
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let english = try await f.routing.createLanguage(Language(name: "English"))
        let englishUK = try await f.routing.createLanguage(Language(name: "English UK"))
        let englishID = try #require(english.id)
        #expect(english.state == .active)

        #expect(try await f.routing.listLanguages(name: "English").collectItems().count == 2)
        #expect(try await f.routing.findLanguage(named: "English")?.id == englishID)
        #expect(try await f.routing.findLanguage(named: "Engl") == nil)
        #expect(try await f.routing.getLanguage(id: englishID).name == "English")
        #expect(try await f.routing.listLanguages(ids: [try #require(englishUK.id)]).collectItems().map(\.name) == ["English UK"])

        _ = try await f.routing.addUserRoutingLanguage(userID: jane, languageID: englishID, proficiency: 3)
        try await f.routing.deleteLanguage(id: englishID)

        #expect(try await f.routing.findLanguage(named: "English") == nil)
        #expect(try await f.routing.listLanguages().collectItems().map(\.name) == ["English UK"])
        #expect(try await f.routing.getLanguage(id: englishID).state == .deleted)
        #expect(f.org.snapshot().languages.first { $0.id == englishID }?.state == .deleted)
        #expect(try f.org.userRecord(jane).languages.isEmpty)
        #expect(f.writeCounts == [
            "POST /api/v2/routing/languages": 2,
            "POST /api/v2/users/\(jane)/routinglanguages": 1,
            "DELETE /api/v2/routing/languages/\(englishID)": 1,
        ])
        #expect(f.everythingSucceeded, "\(f.failures)")
    }
}

@Suite("Wrap-up codes against the in-memory org")
struct WrapupCodesAgainstFakeOrgTests {
    @Test("a wrap-up code is created in a division, renamed with a full PUT, filtered by division, and deleted")
    func lifecycle() async throws {
        let f = try OrgFixture()
        let sales = try f.org.addDivision(name: "Sales")
        let created = try await f.routing.createWrapupCode(WrapupCodeRequest(
            name: "Resolved", division: Division(id: sales), description: "Customer happy"))
        let id = try #require(created.id)
        _ = try await f.routing.createWrapupCode(WrapupCodeRequest(name: "Resolved Later"))
        #expect(created.division?.id == sales)
        #expect(created.division?.name == "Sales")
        #expect(created.description == "Customer happy")

        #expect(try await f.routing.findWrapupCode(named: "Resolved")?.id == id)
        #expect(try await f.routing.listWrapupCodes(name: "Resolved").collectItems().count == 2)
        #expect(try await f.routing.listWrapupCodes(divisionIDs: [sales]).collectItems().compactMap(\.id) == [id])

        let updated = try await f.routing.updateWrapupCode(id: id, WrapupCodeRequest(
            name: "Solved", division: Division(id: sales), description: "Renamed"))
        #expect(updated.name == "Solved")
        #expect(updated.description == "Renamed")
        #expect(try await f.routing.getWrapupCode(id: id).name == "Solved")
        #expect(try await f.routing.findWrapupCode(named: "Resolved") == nil)
        let stored = try #require(f.org.snapshot().wrapupCodes.first { $0.id == id })
        #expect(stored.name == "Solved")
        #expect(stored.division?.id == sales)

        // A queue that uses the code loses it when the code is deleted.
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Support")))
        try await f.routing.addQueueWrapupCodes(queueID: queue, codeIDs: [id])
        try await f.routing.deleteWrapupCode(id: id)
        #expect(!f.org.snapshot().wrapupCodes.contains { $0.id == id })
        #expect(try f.org.queueRecord(queue).wrapupCodeIDs.isEmpty)
        let gone = await genesysError { _ = try await f.routing.getWrapupCode(id: id) }
        #expect(gone?.code == .notFound)

        #expect(f.writeCounts == [
            "POST /api/v2/routing/wrapupcodes": 2,
            "PUT /api/v2/routing/wrapupcodes/\(id)": 1,
            "POST /api/v2/routing/queues/\(queue)/wrapupcodes": 1,
            "DELETE /api/v2/routing/wrapupcodes/\(id)": 1,
        ])
    }
}
