import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Agents' routing profiles against the in-memory org")
struct RoutingProfilesAgainstFakeOrgTests {
    @Test("replacing an agent's skills with 120 sends a PUT and two PATCHes of at most 50, and the agent ends with exactly those 120", arguments: OrgAccess.allCases)
    func replace120Skills(access: OrgAccess) async throws {
        let f = try OrgFixture(access)
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let skills = try (1...130).map { try f.org.addSkill(name: String(format: "Skill %03d", $0)) }
        // Jane starts with ten skills that must go and one that stays with a new proficiency.
        for skill in skills[120...] { try f.org.assignSkill(userID: jane, skillID: skill, proficiency: 2) }
        try f.org.assignSkill(userID: jane, skillID: skills[0], proficiency: 1)

        let wanted = skills[..<120].enumerated().map { index, id in UserRoutingSkillPost(id: id, proficiency: Double(index % 6) * 0.5 + 2) }
        let returned = try await f.routing.replaceUserRoutingSkills(userID: jane, wanted)

        let expected = Dictionary(uniqueKeysWithValues: wanted.map { ($0.id ?? "", $0.proficiency ?? -1) })
        #expect(Dictionary(uniqueKeysWithValues: returned.map { ($0.id ?? "", $0.proficiency ?? -1) }) == expected)
        let stored = try f.org.userRecord(jane).skills
        #expect(stored.count == 120)
        #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.proficiency) }) == expected)

        let path = "/api/v2/users/\(jane)/routingskills/bulk"
        #expect(f.apiRequests.filter { $0.path == path }.map(\.method) == [.put, .patch, .patch])
        #expect(f.writeCounts == ["PUT \(path)": 1, "PATCH \(path)": 2])
        if access == .harness {
            #expect(try f.bodies(.put, path).map(\.arrayCount) == [50])
            #expect(try f.bodies(.patch, path).map(\.arrayCount) == [50, 20])
        }
        #expect(f.everythingSucceeded, "\(f.failures)")

        // The authoritative per-user listing agrees (across pages).
        #expect(try await f.routing.listUserRoutingSkills(userID: jane, pageSize: 25).collectItems().count == 120)

        // Replacing with nothing removes every skill in one PUT.
        _ = try await f.routing.replaceUserRoutingSkills(userID: jane, [])
        #expect(try f.org.userRecord(jane).skills.isEmpty)
        #expect(f.writeCounts["PUT \(path)"] == 2)
    }

    @Test("addOrUpdateUserRoutingSkills adds and updates while keeping the agent's other skills")
    func addOrUpdateSkills() async throws {
        let f = try OrgFixture()
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let a = try f.org.addSkill(name: "A"), b = try f.org.addSkill(name: "B"), c = try f.org.addSkill(name: "C")
        try f.org.assignSkill(userID: jane, skillID: a, proficiency: 1)
        try f.org.assignSkill(userID: jane, skillID: b, proficiency: 2)

        let returned = try await f.routing.addOrUpdateUserRoutingSkills(userID: jane, [
            UserRoutingSkillPost(id: b, proficiency: 5), UserRoutingSkillPost(id: c, proficiency: 3),
        ])
        #expect(Set(returned.compactMap(\.id)) == [a, b, c])
        let stored = try f.org.userRecord(jane).skills
        #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.proficiency) }) == [a: 1, b: 5, c: 3])
        #expect(f.writeCounts == ["PATCH /api/v2/users/\(jane)/routingskills/bulk": 1])

        // A skill the org does not have is refused, and nothing changes.
        let error = await genesysError {
            _ = try await f.routing.addOrUpdateUserRoutingSkills(userID: jane, [UserRoutingSkillPost(id: "no-such-skill", proficiency: 1)])
        }
        #expect(error?.code == .badRequest)
        #expect(try f.org.userRecord(jane).skills == stored)
    }

    @Test("one skill is added, updated with a state, and removed")
    func singleSkill() async throws {
        let f = try OrgFixture()
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let billing = try f.org.addSkill(name: "Billing")

        let added = try await f.routing.addUserRoutingSkill(userID: jane, skillID: billing, proficiency: 2.5)
        #expect(added.id == billing)
        #expect(added.name == "Billing")
        #expect(added.proficiency == 2.5)

        let updated = try await f.routing.updateUserRoutingSkill(userID: jane, skillID: billing, proficiency: 4.5, state: .inactive)
        #expect(updated.proficiency == 4.5)
        #expect(updated.state == .inactive)
        #expect(try f.org.userRecord(jane).skills == [FakeOrgState.Assignment(id: billing, proficiency: 4.5, state: .inactive)])
        #expect(try await f.routing.listUserRoutingSkills(userID: jane).collectItems().map(\.state) == [.inactive])

        try await f.routing.removeUserRoutingSkill(userID: jane, skillID: billing)
        #expect(try f.org.userRecord(jane).skills.isEmpty)
        let base = "/api/v2/users/\(jane)/routingskills"
        #expect(f.writeCounts == ["POST \(base)": 1, "PUT \(base)/\(billing)": 1, "DELETE \(base)/\(billing)": 1])
    }

    @Test("replacing an agent's languages lists them, patches the wanted ones, then deletes the rest")
    func replaceLanguages() async throws {
        let f = try OrgFixture()
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let english = try f.org.addLanguage(name: "English"), french = try f.org.addLanguage(name: "French")
        let german = try f.org.addLanguage(name: "German"), spanish = try f.org.addLanguage(name: "Spanish")
        try f.org.assignLanguage(userID: jane, languageID: english, proficiency: 3)
        try f.org.assignLanguage(userID: jane, languageID: french, proficiency: 2)
        try f.org.assignLanguage(userID: jane, languageID: german, proficiency: 1)

        let returned = try await f.routing.replaceUserRoutingLanguages(userID: jane, [
            UserRoutingLanguagePost(id: french, proficiency: 5), UserRoutingLanguagePost(id: spanish, proficiency: 4),
        ])
        #expect(Dictionary(uniqueKeysWithValues: returned.map { ($0.id ?? "", $0.proficiency ?? -1) }) == [french: 5, spanish: 4])
        let stored = try f.org.userRecord(jane).languages
        #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.proficiency) }) == [french: 5, spanish: 4])

        let base = "/api/v2/users/\(jane)/routinglanguages"
        #expect(f.apiRequests.map { "\($0.method.rawValue) \($0.path)" } == [
            "GET \(base)", "PATCH \(base)/bulk", "DELETE \(base)/\(english)", "DELETE \(base)/\(german)",
        ])
        #expect(f.everythingSucceeded, "\(f.failures)")

        // Replacing with the same set again patches and deletes nothing more than needed.
        f.org.resetLog()
        _ = try await f.routing.replaceUserRoutingLanguages(userID: jane, [
            UserRoutingLanguagePost(id: french, proficiency: 5), UserRoutingLanguagePost(id: spanish, proficiency: 4),
        ])
        #expect(f.writeCounts == ["PATCH \(base)/bulk": 1])
    }

    @Test("one language is added, updated with PATCH, bulk-updated and removed")
    func singleLanguage() async throws {
        let f = try OrgFixture()
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let english = try f.org.addLanguage(name: "English"), french = try f.org.addLanguage(name: "French")

        #expect(try await f.routing.addUserRoutingLanguage(userID: jane, languageID: english, proficiency: 2).proficiency == 2)
        #expect(try await f.routing.updateUserRoutingLanguage(userID: jane, languageID: english, proficiency: 3.5).proficiency == 3.5)
        _ = try await f.routing.addOrUpdateUserRoutingLanguages(userID: jane, [UserRoutingLanguagePost(id: french, proficiency: 1)])
        #expect(try f.org.userRecord(jane).languages == [
            FakeOrgState.Assignment(id: english, proficiency: 3.5), FakeOrgState.Assignment(id: french, proficiency: 1),
        ])
        try await f.routing.removeUserRoutingLanguage(userID: jane, languageID: english)
        #expect(try f.org.userRecord(jane).languages.map(\.id) == [french])
        let base = "/api/v2/users/\(jane)/routinglanguages"
        #expect(f.writeCounts == ["POST \(base)": 1, "PATCH \(base)/\(english)": 1, "PATCH \(base)/bulk": 1, "DELETE \(base)/\(english)": 1])

        // Replacing with no languages deletes each one and patches nothing.
        #expect(try await f.routing.replaceUserRoutingLanguages(userID: jane, []).isEmpty)
        #expect(try f.org.userRecord(jane).languages.isEmpty)
        #expect(f.writeCounts["PATCH \(base)/bulk"] == 1)
        #expect(f.writeCounts["DELETE \(base)/\(french)"] == 1)
    }

    @Test("a skill the org refuses in a later chunk leaves the earlier chunks applied, as documented")
    func replaceIsNotAtomicBeyondOneChunk() async throws {
        let f = try OrgFixture()
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let skills = try (1...60).map { try f.org.addSkill(name: String(format: "Skill %03d", $0)) }
        try f.org.assignSkill(userID: jane, skillID: skills[59], proficiency: 1)

        let wanted = skills[..<55].map { UserRoutingSkillPost(id: $0, proficiency: 3) } + [UserRoutingSkillPost(id: "no-such-skill", proficiency: 3)]
        let error = await genesysError { _ = try await f.routing.replaceUserRoutingSkills(userID: jane, wanted) }
        #expect(error?.code == .badRequest)
        #expect(error?.details.first?.fieldName == "[5].id")
        #expect(try f.org.userRecord(jane).skills.map(\.id) == Array(skills[..<50]))
        let path = "/api/v2/users/\(jane)/routingskills/bulk"
        #expect(f.apiRequests.map(\.status) == [200, 400])
        #expect(f.writeCounts == ["PUT \(path)": 1, "PATCH \(path)": 1])
    }

    @Test("routingProfile reads one agent's skills and languages from the per-user listings")
    func oneProfile() async throws {
        let f = try OrgFixture()
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let billing = try f.org.addSkill(name: "Billing"), sales = try f.org.addSkill(name: "Sales")
        let english = try f.org.addLanguage(name: "English")
        try f.org.assignSkill(userID: jane, skillID: billing, proficiency: 4)
        try f.org.assignSkill(userID: jane, skillID: sales, proficiency: 1.5)
        try f.org.assignLanguage(userID: jane, languageID: english, proficiency: 5)

        let profile = try await f.routing.getRoutingProfile(userID: jane)
        #expect(profile.userID == jane)
        #expect(profile.user == nil)
        #expect(profile.skills.map(\.name) == ["Billing", "Sales"])
        #expect(profile.skills.map(\.proficiency) == [4, 1.5])
        #expect(profile.languages.map(\.id) == [english])
        #expect(f.count(.get, "/api/v2/users/\(jane)/routingskills") == 1)
        #expect(f.count(.get, "/api/v2/users/\(jane)/routinglanguages") == 1)
        #expect(f.writeCounts.isEmpty)
    }

    @Test("listRoutingProfiles pages through active users with skills and languages expanded")
    func manyProfiles() async throws {
        let f = try OrgFixture()
        let users = try f.org.addUsers(5)
        _ = try f.org.addUser(name: "Gone", email: "gone@example.com", state: .inactive)
        let billing = try f.org.addSkill(name: "Billing")
        let english = try f.org.addLanguage(name: "English")
        for (index, user) in users.enumerated() {
            try f.org.assignSkill(userID: user, skillID: billing, proficiency: Double(index))
            if index.isMultiple(of: 2) { try f.org.assignLanguage(userID: user, languageID: english, proficiency: 3) }
        }

        let profiles = try await f.routing.listRoutingProfiles(pageSize: 2).collectItems()
        #expect(profiles.map(\.userID) == users)
        #expect(profiles.map { $0.skills.first?.proficiency } == [0, 1, 2, 3, 4])
        #expect(profiles.map(\.languages.count) == [1, 0, 1, 0, 1])
        #expect(profiles.allSatisfy { $0.user?.email?.hasSuffix("@example.com") == true })
        let lists = f.apiRequests.filter { $0.path == "/api/v2/users" }
        #expect(lists.count == 3)
        #expect(lists.allSatisfy { $0.query.filter { $0.name == "expand" }.map(\.value) == ["skills", "languages"] })

        let two = try await f.routing.listRoutingProfiles(userIDs: [users[3], users[1]]).collectItems()
        #expect(Set(two.map(\.userID)) == [users[1], users[3]])
    }
}
