import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// "Order of writes": skills, languages and wrap-up codes; then skill groups; then queues; then agents;
/// deletions last, queues, skill groups, then the rest.
@Suite("Semantics: order of writes")
struct SemanticsOrderTests {
    @Test("every write of a full apply with prune, read from the org's request log, is in tier order", arguments: [1, 4, 8])
    func tiers(concurrency: Int) async throws {
        let harness = try Harness()
        let org = harness.org
        let ana = harness.users["ana@example.com"]!
        let oldSkill = try org.addSkill(name: "Old Skill")
        let oldLanguage = try org.addLanguage(name: "Old Language")
        let oldCode = try org.addWrapupCode(name: "Old Code")
        let oldGroup = try org.addSkillGroup(SkillGroupWithMemberDivisions(name: "Old Group", skillConditions: [Semantics.condition("Old Skill")]))
        var request = QueueRequest(name: "Old Queue")
        request.memberGroups = [MemberGroup(id: oldGroup, type: .skillGroup)]
        let oldQueue = try org.addQueue(CreateQueueRequest(queue: request))
        try org.addQueueWrapupCodes(queueID: oldQueue, codeIDs: [oldCode])
        // ana (declared, authoritative) holds both: she loses them in the agent tier, before they are deleted.
        try org.assignSkill(userID: ana, skillID: oldSkill, proficiency: 2)
        try org.assignLanguage(userID: ana, languageID: oldLanguage, proficiency: 2)

        let state = try harness.realisticState()
        org.resetLog()
        let report = try await harness.sync.apply(state, options: PlanOptions(prune: true), concurrency: concurrency)
        #expect(report.succeeded, "\(report.results.filter { $0.status != .applied }.map(\.description))")

        let writes = org.writes
        let tiers = writes.map { Semantics.tier($0) }
        #expect(!tiers.contains(nil), "unclassified: \(zip(writes, tiers).filter { $0.1 == nil }.map(\.0.description))")
        let known = tiers.compactMap { $0 }
        #expect(known == known.sorted(), "\(writes.map(\.operation))")
        #expect(Set(known) == Set(0...6))
        // Within the agent tier, ana's undeclared language is removed (one DELETE per language).
        #expect(writes.contains { $0.operation == "routing.removeUserRoutingLanguage" && $0.path.hasSuffix(oldLanguage) })
        // The deletions are exactly the undeclared objects.
        #expect(Semantics.objectDeletes(org).map(\.path).sorted() == [
            "/api/v2/routing/languages/\(oldLanguage)", "/api/v2/routing/queues/\(oldQueue)",
            "/api/v2/routing/skillgroups/\(oldGroup)", "/api/v2/routing/skills/\(oldSkill)",
            "/api/v2/routing/wrapupcodes/\(oldCode)",
        ].sorted())
        harness.expectOrgMatches(state)
        // Every write succeeded the first time: nothing had to wait for a dependency written out of order.
        #expect(writes.allSatisfy { $0.succeeded }, "\(writes.filter { !$0.succeeded }.map(\.description))")
    }
}
