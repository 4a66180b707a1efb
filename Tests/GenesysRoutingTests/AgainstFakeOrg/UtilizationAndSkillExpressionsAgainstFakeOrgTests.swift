import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Utilization against the in-memory org")
struct UtilizationAgainstFakeOrgTests {
    @Test("organisation and agent utilization are set, read with their level, and reset")
    func orgAndUser() async throws {
        let f = try OrgFixture()
        let jane = try f.org.addUser(name: "Jane", email: "jane@example.com")
        let defaults = try await f.routing.getOrgUtilization()
        let defaultEmail = try #require(defaults.utilization?["email"])

        let orgSettings = UtilizationRequest(
            utilization: [
                "call": MediaUtilization(maximumCapacity: 2, interruptableMediaTypes: ["chat"], includeNonAcd: true),
                "chat": MediaUtilization(maximumCapacity: 4, interruptableMediaTypes: [], includeNonAcd: false),
            ],
            maxInboundCalls: 3)
        let setOrg = try await f.routing.setOrgUtilization(orgSettings)
        #expect(setOrg.utilization?["call"] == orgSettings.utilization?["call"])
        #expect(setOrg.utilization?["email"] == defaultEmail)
        #expect(setOrg.maxInboundCalls == 3)
        #expect(f.org.snapshot().organizationUtilization == orgSettings)

        let inherited = try await f.routing.getUserUtilization(userID: jane)
        #expect(inherited.level == .organization)
        #expect(inherited.utilization?["call"]?.maximumCapacity == 2)

        let own = UtilizationRequest(utilization: ["email": MediaUtilization(maximumCapacity: 3, interruptableMediaTypes: [], includeNonAcd: false)])
        let setUser = try await f.routing.setUserUtilization(userID: jane, own)
        #expect(setUser.level == .agent)
        #expect(setUser.utilization?["email"]?.maximumCapacity == 3)
        #expect(setUser.utilization?["call"]?.maximumCapacity == 2)
        #expect(try f.org.userRecord(jane).utilization == own)
        #expect(try await f.routing.getUserUtilization(userID: jane).level == .agent)

        try await f.routing.resetUserUtilization(userID: jane)
        #expect(try f.org.userRecord(jane).utilization == nil)
        #expect(try await f.routing.getUserUtilization(userID: jane).level == .organization)

        try await f.routing.resetOrgUtilization()
        #expect(f.org.snapshot().organizationUtilization == nil)
        #expect(try await f.routing.getOrgUtilization() == defaults)

        #expect(f.writeCounts == [
            "PUT /api/v2/routing/utilization": 1, "DELETE /api/v2/routing/utilization": 1,
            "PUT /api/v2/routing/users/\(jane)/utilization": 1, "DELETE /api/v2/routing/users/\(jane)/utilization": 1,
        ])
        #expect(f.everythingSucceeded, "\(f.failures)")
    }

    @Test("settings the org refuses come back as badRequest naming the field, and nothing is stored")
    func refused() async throws {
        let f = try OrgFixture()
        let error = await genesysError {
            _ = try await f.routing.setOrgUtilization(UtilizationRequest(utilization: ["call": MediaUtilization(maximumCapacity: 99)]))
        }
        #expect(error?.code == .badRequest)
        #expect(error?.details.first?.fieldName == "utilization.call.maximumCapacity")
        #expect(f.org.snapshot().organizationUtilization == nil)
    }
}

@Suite("Skill expressions against the in-memory org")
struct SkillExpressionsAgainstFakeOrgTests {
    @Test("validation normalises a valid expression, reports an invalid one, and is not a write")
    func validate() async throws {
        let f = try OrgFixture()
        let billing = try f.org.addSkill(name: "Billing")
        let english = try f.org.addLanguage(name: "English")

        let valid = try await f.routing.validateSkillExpression("Skill('Billing') >= 3 AND LanguageSkill('English') = 2")
        #expect(valid.valid == true)
        #expect(valid.expression == "(skills['\(billing)'] >= 3 and languages['\(english)'] == 2)")
        #expect(valid.skills?.map(\.id) == [billing, english])
        #expect(valid.skills?.map(\.isLanguageSkill) == [false, true])

        let invalid = try await f.routing.validateSkillExpression("Skill('Nope') > 1")
        #expect(invalid.valid == false)
        #expect(invalid.errors?.first?.code == "unknown.skill")

        #expect(f.count(.post, "/api/v2/routing/skillexpressions/validate") == 2)
        #expect(f.org.writes.isEmpty)
    }

    @Test("stored expressions are listed, read per queue and normalised, and archived one by one or several at once")
    func listAndArchive() async throws {
        let f = try OrgFixture()
        let billing = try f.org.addSkill(name: "Billing")
        _ = try f.org.addLanguage(name: "English")
        let queue = try f.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Support")))
        let gold = try f.org.addSkillExpression(name: "Gold", expression: "Skill('Billing') >= 4", queueID: queue)
        let silver = try f.org.addSkillExpression(name: "Silver", expression: "Skill('Billing') >= 2")
        let bronze = try f.org.addSkillExpression(name: "Bronze", expression: "LanguageSkill('English') > 1")

        let all = try await f.routing.listSkillExpressions().collectItems()
        #expect(all.compactMap(\.id) == [bronze, gold, silver])
        let first = try #require(f.apiRequests.first)
        #expect(first.queryValue("pageNumber") == nil)
        #expect(first.queryValue("format") == "Raw")

        let normalized = try await f.routing.getSkillExpression(id: gold, format: .normalized)
        #expect(normalized.expression == "skills['\(billing)'] >= 4")
        #expect(try await f.routing.getSkillExpression(id: gold).expression == "Skill('Billing') >= 4")
        #expect(try await f.routing.listQueueSkillExpressions(queueID: queue).collectItems().compactMap(\.id) == [gold])

        try await f.routing.archiveSkillExpression(id: silver)
        #expect(try await f.routing.listSkillExpressions().collectItems().compactMap(\.id) == [bronze, gold])
        #expect(try await f.routing.listSkillExpressions(includeArchived: true).collectItems().count == 3)
        let archived = await genesysError { _ = try await f.routing.getSkillExpression(id: silver) }
        #expect(archived?.code == .notFound)
        #expect(try await f.routing.getSkillExpression(id: silver, includeArchived: true).name == "Silver")

        try await f.routing.archiveSkillExpressions(ids: [gold, bronze, gold])
        #expect(try await f.routing.listSkillExpressions().collectItems().isEmpty)
        #expect(f.org.snapshot().skillExpressions.allSatisfy { $0.archived })
        let bulk = f.apiRequests.filter { $0.method == .delete && $0.path == "/api/v2/routing/skillexpressions" }
        #expect(bulk.map { $0.query.filter { $0.name == "id" }.map(\.value) } == [[gold, bronze]])
        #expect(f.writeCounts == ["DELETE /api/v2/routing/skillexpressions/\(silver)": 1, "DELETE /api/v2/routing/skillexpressions": 1])
    }
}
