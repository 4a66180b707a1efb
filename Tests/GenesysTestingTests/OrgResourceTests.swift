import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Utilization, skill expressions, divisions and users")
struct OrgResourceTests {
    @Test("utilization: org defaults, PUT reverts left-out media, user level Organization then Agent")
    func utilization() async throws {
        let h = FakeOrgHarness()
        let user = try h.org.addUser(name: "U", email: "u@example.com")
        let defaults = try await h.get("/api/v2/routing/utilization", as: UtilizationResponse.self)
        #expect(defaults.utilization?["chat"]?.maximumCapacity == 3)
        let set = try await h.send(
            .put, "/api/v2/routing/utilization", json: UtilizationRequest(utilization: ["chat": MediaUtilization(maximumCapacity: 5)]),
            as: UtilizationResponse.self
        )
        #expect(set.utilization?["chat"]?.maximumCapacity == 5)
        #expect(set.utilization?["call"]?.maximumCapacity == 1)

        let path = "/api/v2/routing/users/\(user)/utilization"
        var mine = try await h.get(path, as: AgentMaxUtilizationResponse.self)
        #expect(mine.level == .organization)
        #expect(mine.utilization?["chat"]?.maximumCapacity == 5)
        mine = try await h.send(.put, path, json: UtilizationRequest(utilization: ["email": MediaUtilization(maximumCapacity: 2)]), as: AgentMaxUtilizationResponse.self)
        #expect(mine.level == .agent)
        #expect(mine.utilization?["email"]?.maximumCapacity == 2)
        #expect(mine.utilization?["chat"]?.maximumCapacity == 5)
        try await h.send(.delete, path)
        #expect(try await h.get(path, as: AgentMaxUtilizationResponse.self).level == .organization)
        try await h.send(.delete, "/api/v2/routing/utilization")
        #expect(try await h.get("/api/v2/routing/utilization", as: UtilizationResponse.self) == defaults)

        let bad = await h.failure {
            try await h.send(.put, path, json: UtilizationRequest(utilization: ["fax": MediaUtilization(maximumCapacity: 1)]))
        }
        #expect(bad?.details.first?.fieldName == "utilization.fax")
        let tooMuch = await h.failure {
            try await h.send(.put, "/api/v2/routing/utilization", json: UtilizationRequest(utilization: ["call": MediaUtilization(maximumCapacity: 26)]))
        }
        #expect(tooMuch?.details.first?.fieldName == "utilization.call.maximumCapacity")
    }

    @Test("skill expressions: validate normalises or explains; list, get, archive")
    func skillExpressions() async throws {
        let h = FakeOrgHarness()
        let billing = try h.org.addSkill(name: "Billing")
        let english = try h.org.addLanguage(name: "English")
        let queue = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Q")))
        let valid = try await h.send(
            .post, "/api/v2/routing/skillexpressions/validate",
            json: SkillExpressionData(expression: "Skill('Billing') >= 3 and not LanguageSkill(\"English\") = 2"),
            as: SkillExpressionValidationResult.self
        )
        #expect(valid.valid == true)
        #expect(valid.expression == "(skills['\(billing)'] >= 3 and not (languages['\(english)'] == 2))")
        #expect(valid.skills == [
            SkillReference(id: billing, name: "Billing", isLanguageSkill: false),
            SkillReference(id: english, name: "English", isLanguageSkill: true),
        ])
        let invalid = try await h.send(
            .post, "/api/v2/routing/skillexpressions/validate", json: SkillExpressionData(expression: "Skill('Nope') > 1"),
            as: SkillExpressionValidationResult.self
        )
        #expect(invalid.valid == false)
        #expect(invalid.expression == nil)
        #expect(invalid.errors?.first?.code == "unknown.skill")
        #expect(invalid.errors?.first?.position == 0)
        #expect(await h.failure { try await h.send(.post, "/api/v2/routing/skillexpressions/validate", json: SkillExpressionData()) }?.status == 400)
        #expect(h.org.writes.isEmpty)

        let id = try h.org.addSkillExpression(name: "Billers", expression: "Skill('Billing') > 2", queueID: queue)
        let other = try h.org.addSkillExpression(name: "Any", expression: "Skill('Billing') >= 0")
        let normalized = try await h.get("/api/v2/routing/skillexpressions/\(id)", [("format", "Normalized")], as: SkillExpression.self)
        #expect(normalized.expression == "skills['\(billing)'] > 2")
        #expect(try await h.get("/api/v2/routing/skillexpressions/queue/\(queue)", as: SkillExpressionEntityListing.self).total == 1)
        try await h.send(.delete, "/api/v2/routing/skillexpressions/\(id)")
        #expect(await h.failure { try await h.send(.get, "/api/v2/routing/skillexpressions/\(id)") }?.status == 404)
        #expect(try await h.get("/api/v2/routing/skillexpressions/\(id)", [("includeArchived", "true")], as: SkillExpression.self).id == id)
        #expect(try await h.get("/api/v2/routing/skillexpressions", as: SkillExpressionEntityListing.self).entities?.compactMap(\.id) == [other])
        try await h.send(.delete, "/api/v2/routing/skillexpressions", [("id", other)])
        #expect(try await h.get("/api/v2/routing/skillexpressions", [("includeArchived", "true")], as: SkillExpressionEntityListing.self).total == 2)
        #expect(try await h.get("/api/v2/routing/skillexpressions", as: SkillExpressionEntityListing.self).total == 0)
    }

    @Test("divisions: list, home, object counts, moving queues, skill groups and users")
    func divisions() async throws {
        let h = FakeOrgHarness()
        let sales = try h.org.addDivision(name: "Sales")
        let queue = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Q")))
        let user = try h.org.addUser(name: "U", email: "u@example.com")
        let home = try await h.get("/api/v2/authorization/divisions/home", as: AuthzDivision.self)
        #expect(home.name == "Home")
        #expect(home.homeDivision == true)
        #expect(home.objectCounts == nil)
        let list = try await h.get("/api/v2/authorization/divisions", [("objectCount", "true")], as: AuthzDivisionEntityListing.self)
        #expect(list.entities?.compactMap(\.name) == ["Home", "Sales"])
        #expect(list.entities?.first?.objectCounts?["QUEUE"] == 1)

        let moved = try await h.send(.post, "/api/v2/authorization/divisions/\(sales)/objects/QUEUE", json: [queue])
        #expect(moved.head.status.code == 204)
        try await h.send(.post, "/api/v2/authorization/divisions/\(sales)/objects/USER", json: [user])
        #expect(try await h.get("/api/v2/routing/queues/\(queue)", as: RoutingQueue.self).division?.name == "Sales")
        let salesNow = try await h.get("/api/v2/authorization/divisions/\(sales)", [("objectCount", "true")], as: AuthzDivision.self)
        #expect(salesNow.objectCounts == ["QUEUE": 1, "SKILLGROUP": 0, "USER": 1])
        #expect(try await h.get("/api/v2/users/\(user)", as: User.self).division?.name == "Sales")

        #expect(await h.failure { try await h.send(.post, "/api/v2/authorization/divisions/\(sales)/objects/CAMPAIGN", json: [queue]) }?.status == 400)
        #expect(await h.failure { try await h.send(.post, "/api/v2/authorization/divisions/\(sales)/objects/SKILL", json: [queue]) }?.status == 400)
        #expect(await h.failure { try await h.send(.post, "/api/v2/authorization/divisions/\(sales)/objects/QUEUE", json: ["nope"]) }?.status == 400)
        #expect(await h.failure { try await h.send(.get, "/api/v2/authorization/divisions/nope") }?.status == 404)
    }

    @Test("users: expand fills skills and languages; GET one; search by exact email")
    func users() async throws {
        let h = FakeOrgHarness()
        let jane = try h.org.addUser(name: "Jane Doe", email: "jane.doe@example.com")
        try h.org.addUser(name: "Janet", email: "janet@example.com")
        let skill = try h.org.addSkill(name: "Billing")
        let language = try h.org.addLanguage(name: "English")
        try h.org.assignSkill(userID: jane, skillID: skill, proficiency: 3)
        try h.org.assignLanguage(userID: jane, languageID: language, proficiency: 4)

        let plain = try await h.get("/api/v2/users", as: UserEntityListing.self)
        #expect(plain.entities?.first?.skills == nil)
        let expanded = try await h.get("/api/v2/users", [("id", jane), ("expand", "skills,languages")], as: UserEntityListing.self)
        let user = try #require(expanded.entities?.first)
        #expect(user.skills?.map(\.name) == ["Billing"])
        #expect(user.languages?.map(\.proficiency) == [4])
        #expect(user.email == "jane.doe@example.com")
        #expect(user.username == "jane.doe@example.com")
        #expect(user.state == .active)
        #expect(user.version == 1)
        #expect(user.division?.name == "Home")
        #expect(user.selfUri == "/api/v2/users/\(jane)")
        let one = try await h.get("/api/v2/users/\(jane)", [("expand", "skills")], as: User.self)
        #expect(one.skills?.first?.proficiency == 3)
        #expect(one.languages == nil)

        let exact = try await h.send(
            .post, "/api/v2/users/search",
            json: UserSearchRequest(sortOrder: .ascending, sortBy: "email", query: [UserSearchCriteria(value: "JANE.DOE@example.com", fields: ["email"], type: .exact)]),
            as: UsersSearchResponse.self
        )
        #expect(exact.results?.compactMap(\.id) == [jane])
        let startsWith = try await h.send(
            .post, "/api/v2/users/search", json: UserSearchRequest(query: [UserSearchCriteria(value: "jan", fields: ["name"], type: .startsWith)]),
            as: UsersSearchResponse.self
        )
        #expect(startsWith.total == 2)
        let notJanet = try await h.send(
            .post, "/api/v2/users/search",
            json: UserSearchRequest(query: [
                UserSearchCriteria(value: "jan", fields: ["name"], type: .startsWith),
                UserSearchCriteria(value: "janet", operator: .not, fields: ["email"], type: .contains),
            ]),
            as: UsersSearchResponse.self
        )
        #expect(notJanet.results?.compactMap(\.name) == ["Jane Doe"])
        let unsupported = await h.failure {
            try await h.send(.post, "/api/v2/users/search", json: UserSearchRequest(query: [UserSearchCriteria(value: ".*", fields: ["email"], type: .regex)]))
        }
        #expect(unsupported?.details.first?.fieldName == "query[0].type")
        #expect(h.org.writes.isEmpty)
    }
}
