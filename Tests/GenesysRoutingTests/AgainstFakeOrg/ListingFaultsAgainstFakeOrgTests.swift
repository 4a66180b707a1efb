import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
import Testing

/// Every listing of `RoutingAPI` (each `list…`, `find…` and search) against each listing fault of the fake
/// org that applies to its paging style: each fails with `inconsistentListing` naming its operation, within
/// a few requests, instead of returning part of the org (#9).
@Suite("Listings against a misbehaving server")
struct ListingFaultsAgainstFakeOrgTests {
    enum Style: Sendable { case pageNumber, pageNumberWithoutTotals, cursor, search }

    /// The ids a listing needs.
    struct Seeded: Sendable {
        var user = "", queue = "", group = ""
    }

    /// One listing call, run to its end.
    struct Listing: Sendable, CustomTestStringConvertible {
        let name: String
        let operation: String
        let style: Style
        let run: @Sendable (RoutingAPI, Seeded) async throws -> Void
        var testDescription: String { name }
    }

    static let listings: [Listing] = [
        Listing(name: "listSkills", operation: "routing.listSkills", style: .pageNumber) { r, _ in _ = try await r.listSkills().collectItems() },
        Listing(name: "findSkill", operation: "routing.listSkills", style: .pageNumber) { r, _ in _ = try await r.findSkill(named: "Billing") },
        Listing(name: "findSkills", operation: "routing.listSkills", style: .pageNumber) { r, _ in _ = try await r.findSkills(named: "Billing") },
        Listing(name: "listLanguages", operation: "routing.listLanguages", style: .pageNumber) { r, _ in _ = try await r.listLanguages().collectItems() },
        Listing(name: "findLanguage", operation: "routing.listLanguages", style: .pageNumber) { r, _ in _ = try await r.findLanguage(named: "French") },
        Listing(name: "findLanguages", operation: "routing.listLanguages", style: .pageNumber) { r, _ in _ = try await r.findLanguages(named: "French") },
        Listing(name: "listWrapupCodes", operation: "routing.listWrapupCodes", style: .pageNumber) { r, _ in _ = try await r.listWrapupCodes().collectItems() },
        Listing(name: "findWrapupCode", operation: "routing.listWrapupCodes", style: .pageNumber) { r, _ in _ = try await r.findWrapupCode(named: "Done") },
        Listing(name: "findWrapupCodes", operation: "routing.listWrapupCodes", style: .pageNumber) { r, _ in _ = try await r.findWrapupCodes(named: "Done") },
        Listing(name: "listDivisions", operation: "routing.listDivisions", style: .pageNumber) { r, _ in _ = try await r.listDivisions().collectItems() },
        Listing(name: "findDivision", operation: "routing.listDivisions", style: .pageNumber) { r, _ in _ = try await r.findDivision(named: "Sales") },
        Listing(name: "listQueues", operation: "routing.listQueues", style: .pageNumber) { r, _ in _ = try await r.listQueues().collectItems() },
        Listing(name: "findQueue", operation: "routing.listQueues", style: .pageNumber) { r, _ in _ = try await r.findQueue(named: "Support") },
        Listing(name: "findQueues", operation: "routing.listQueues", style: .pageNumber) { r, _ in _ = try await r.findQueues(named: "Support") },
        Listing(name: "listQueueWrapupCodes", operation: "routing.listQueueWrapupCodes", style: .pageNumber) { r, s in
            _ = try await r.listQueueWrapupCodes(queueID: s.queue).collectItems()
        },
        Listing(name: "listSkillExpressions", operation: "routing.listSkillExpressions", style: .pageNumber) { r, _ in
            _ = try await r.listSkillExpressions().collectItems()
        },
        Listing(name: "listQueueSkillExpressions", operation: "routing.listQueueSkillExpressions", style: .pageNumber) { r, s in
            _ = try await r.listQueueSkillExpressions(queueID: s.queue).collectItems()
        },
        Listing(name: "listUserRoutingSkills", operation: "routing.listUserRoutingSkills", style: .pageNumber) { r, s in
            _ = try await r.listUserRoutingSkills(userID: s.user).collectItems()
        },
        Listing(name: "listUserRoutingLanguages", operation: "routing.listUserRoutingLanguages", style: .pageNumber) { r, s in
            _ = try await r.listUserRoutingLanguages(userID: s.user).collectItems()
        },
        Listing(name: "listUsers", operation: "routing.listUsers", style: .pageNumber) { r, _ in _ = try await r.listUsers().collectItems() },
        Listing(name: "listRoutingProfiles", operation: "routing.listRoutingProfiles", style: .pageNumber) { r, _ in
            _ = try await r.listRoutingProfiles().collectItems()
        },
        Listing(name: "listQueueMembers", operation: "routing.listQueueMembers", style: .pageNumberWithoutTotals) { r, s in
            _ = try await r.listQueueMembers(queueID: s.queue).collectItems()
        },
        Listing(name: "listSkillGroups", operation: "routing.listSkillGroups", style: .cursor) { r, _ in _ = try await r.listSkillGroups().collectItems() },
        Listing(name: "findSkillGroup", operation: "routing.listSkillGroups", style: .cursor) { r, _ in _ = try await r.findSkillGroup(named: "Billers") },
        Listing(name: "findSkillGroups", operation: "routing.listSkillGroups", style: .cursor) { r, _ in _ = try await r.findSkillGroups(named: "Billers") },
        Listing(name: "listSkillGroupMembers", operation: "routing.listSkillGroupMembers", style: .cursor) { r, s in
            _ = try await r.listSkillGroupMembers(skillGroupID: s.group).collectItems()
        },
        Listing(name: "listUserSkillGroups", operation: "routing.listUserSkillGroups", style: .cursor) { r, s in
            _ = try await r.listUserSkillGroups(userID: s.user).collectItems()
        },
        Listing(name: "searchUsers", operation: "routing.searchUsers", style: .search) { r, _ in
            _ = try await r.searchUsers(UserSearchRequest(query: [UserSearchCriteria(value: "jane@example.com", fields: ["email"], type: .exact)])).collectItems()
        },
        Listing(name: "findUser", operation: "routing.findUser", style: .search) { r, _ in _ = try await r.findUser(email: "jane@example.com") },
    ]

    /// The listing faults that apply to a paging style.
    static func faults(for style: Style) -> [FakeFault.Effect] {
        switch style {
        case .pageNumber: [.repeatedPage, .nextPointsAtSelf, .lyingTotals, .absurdPageCount]
        case .pageNumberWithoutTotals: [.repeatedPage, .nextPointsAtSelf]
        case .cursor: [.repeatedPage, .nextPointsAtSelf, .loopingCursor]
        case .search: [.repeatedPage, .nextPointsAtSelf, .loopingCursor, .lyingTotals, .absurdPageCount]
        }
    }

    static let cases: [(Listing, FakeFault.Effect)] = listings.flatMap { listing in faults(for: listing.style).map { (listing, $0) } }

    /// An org where every listing has one entity, and a client on it.
    static func seededOrg() throws -> (OrgFixture, Seeded) {
        let f = try OrgFixture()
        let org = f.org
        _ = try org.addDivision(name: "Sales")
        let billing = try org.addSkill(name: "Billing")
        let french = try org.addLanguage(name: "French")
        let done = try org.addWrapupCode(name: "Done")
        let jane = try org.addUser(name: "Jane", email: "jane@example.com")
        try org.assignSkill(userID: jane, skillID: billing, proficiency: 4)
        try org.assignLanguage(userID: jane, languageID: french, proficiency: 3)
        let queue = try org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Support")))
        try org.addQueueMembers(queueID: queue, userIDs: [jane])
        try org.addQueueWrapupCodes(queueID: queue, codeIDs: [done])
        _ = try org.addSkillExpression(name: "Gold", expression: "Skill('Billing') >= 4", queueID: queue)
        let group = try org.addSkillGroup(SkillGroupWithMemberDivisions(
            name: "Billers", skillConditions: [Conditions.node(.and, skills: [Conditions.skill("Billing", .greaterThan, 1)])]))
        return (f, Seeded(user: jane, queue: queue, group: group))
    }

    @Test("without faults every listing reads its entity and passes the guard", arguments: listings)
    func consistent(listing: Listing) async throws {
        let (f, seeded) = try Self.seededOrg()
        try await listing.run(f.routing, seeded)
    }

    @Test("each listing fails with inconsistentListing under each fault of its style, within a few requests", arguments: cases)
    func fails(listing: Listing, effect: FakeFault.Effect) async throws {
        let (f, seeded) = try Self.seededOrg()
        _ = f.org.addFault(FakeFault(effect, matching: .reads))
        f.org.resetLog()
        let error = await #expect(throws: GenesysError.self, "\(listing.name) under \(effect)") {
            try await listing.run(f.routing, seeded)
        }
        #expect(error?.code == .inconsistentListing, "\(listing.name) under \(effect): \(String(describing: error))")
        #expect(error?.operation == listing.operation)
        #expect(error?.message?.hasPrefix("\(listing.operation) returned an inconsistent listing") == true)
        #expect(f.apiRequests.count <= 3, "\(listing.name) under \(effect): \(f.apiRequests.count) requests")
    }
}
