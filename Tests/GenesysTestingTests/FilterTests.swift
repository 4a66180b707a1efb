import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("List filters")
struct FilterTests {
    @Test("skills: name is a case-insensitive prefix; id filters repeat or use commas")
    func skillPrefix() async throws {
        let h = FakeOrgHarness()
        let bill = try h.org.addSkill(name: "Bill")
        let billing = try h.org.addSkill(name: "Billing")
        try h.org.addSkill(name: "billing-es")
        let sales = try h.org.addSkill(name: "Sales")
        let prefix = try await h.get("/api/v2/routing/skills", [("name", "BILL")], as: SkillEntityListing.self)
        #expect(prefix.entities?.compactMap(\.name) == ["Bill", "Billing", "billing-es"])
        let repeated = try await h.get("/api/v2/routing/skills", [("id", bill), ("id", sales)], as: SkillEntityListing.self)
        #expect(Set(repeated.entities?.compactMap(\.id) ?? []) == [bill, sales])
        let commas = try await h.get("/api/v2/routing/skills", [("id", "\(billing),\(sales)")], as: SkillEntityListing.self)
        #expect(Set(commas.entities?.compactMap(\.id) ?? []) == [billing, sales])
        let none = try await h.get("/api/v2/routing/skills", [("name", "illing")], as: SkillEntityListing.self)
        #expect(none.total == 0)
    }

    @Test("skill groups: name is a case-insensitive prefix")
    func skillGroupPrefix() async throws {
        let h = FakeOrgHarness()
        try h.org.addSkill(name: "Billing")
        let conditions = [Condition.node(.and, skills: [Condition.skill("Billing", .greaterThan, 0)])]
        for name in ["Billing Agents", "billing tier 2", "Support"] {
            try h.org.addSkillGroup(SkillGroupWithMemberDivisions(name: name, skillConditions: conditions))
        }
        let page = try await h.get("/api/v2/routing/skillgroups", [("name", "BILLING")], as: SkillGroupEntityListing.self)
        #expect(page.entities?.compactMap(\.name) == ["Billing Agents", "billing tier 2"])
    }

    @Test("queues: whole-name match, case-insensitive, with * at the start and/or end", arguments: [
        ("billing", ["Billing"]),
        ("Billing*", ["Billing", "Billing Support"]),
        ("*billing", ["Billing", "Support Billing"]),
        ("*ill*", ["Billing", "Billing Support", "Support Billing"]),
        ("Bill", []),
    ])
    func queueWildcards(filter: String, expected: [String]) async throws {
        let h = FakeOrgHarness()
        for name in ["Billing Support", "Support Billing", "Billing", "Sales"] {
            try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: name)))
        }
        let page = try await h.get("/api/v2/routing/queues", [("name", filter)], as: QueueEntityListing.self)
        #expect(page.entities?.compactMap(\.name) == expected)
    }

    @Test("queues: divisionId and id filters, sortOrder desc")
    func queueDivisions() async throws {
        let h = FakeOrgHarness()
        let sales = try h.org.addDivision(name: "Sales")
        let a = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "A", division: Division(id: sales))))
        let b = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "B")))
        let c = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "C", division: Division(id: sales))))
        let inSales = try await h.get("/api/v2/routing/queues", [("divisionId", sales), ("sortOrder", "desc")], as: QueueEntityListing.self)
        #expect(inSales.entities?.compactMap(\.id) == [c, a])
        #expect(inSales.entities?.first?.division?.name == "Sales")
        let byID = try await h.get("/api/v2/routing/queues", [("id", b)], as: QueueEntityListing.self)
        #expect(byID.entities?.compactMap(\.id) == [b])
    }

    @Test("wrap-up codes: name prefix, divisionId, sortBy and sortOrder")
    func wrapupCodes() async throws {
        let h = FakeOrgHarness()
        let sales = try h.org.addDivision(name: "Sales")
        try h.org.addWrapupCode(name: "Resolved")
        try h.org.addWrapupCode(name: "Refund", division: sales)
        try h.org.addWrapupCode(name: "Escalated")
        let page = try await h.get("/api/v2/routing/wrapupcodes", [("name", "re*"), ("sortOrder", "descending")], as: WrapupCodeEntityListing.self)
        #expect(page.entities?.compactMap(\.name) == ["Resolved", "Refund"])
        let inSales = try await h.get("/api/v2/routing/wrapupcodes", [("divisionId", sales)], as: WrapupCodeEntityListing.self)
        #expect(inSales.entities?.compactMap(\.name) == ["Refund"])
        let error = await h.failure { try await h.send(.get, "/api/v2/routing/wrapupcodes", [("sortBy", "colour")]) }
        #expect(error?.details.first?.fieldName == "sortBy")
    }

    @Test("users: id and state filters")
    func users() async throws {
        let h = FakeOrgHarness()
        let jane = try h.org.addUser(name: "Jane", email: "jane@example.com")
        let joe = try h.org.addUser(name: "Joe", email: "joe@example.com", state: .inactive)
        try h.org.addUser(name: "Gone", email: "gone@example.com", state: .deleted)
        #expect(try await h.get("/api/v2/users", as: UserEntityListing.self).entities?.compactMap(\.id) == [jane])
        #expect(try await h.get("/api/v2/users", [("state", "inactive")], as: UserEntityListing.self).entities?.compactMap(\.id) == [joe])
        #expect(try await h.get("/api/v2/users", [("state", "any")], as: UserEntityListing.self).total == 3)
        #expect(try await h.get("/api/v2/users", [("id", joe), ("state", "any")], as: UserEntityListing.self).entities?.compactMap(\.name) == ["Joe"])
        let error = await h.failure { try await h.send(.get, "/api/v2/users", [("state", "sleeping")]) }
        #expect(error?.details.first?.fieldName == "state")
    }
}
