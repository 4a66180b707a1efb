import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import RoutingSync
import Testing

/// Planning under prune on a listing that loops or lies fails, instead of planning deletes from a
/// truncated org (#9).
@Suite("Plans on inconsistent listings")
struct InconsistentListingTests {
    @Test("prune on a skills listing that repeats its pages: an error, no plan, nothing written", arguments: [
        FakeFault.Effect.repeatedPage, .lyingTotals, .nextPointsAtSelf,
    ])
    func pruneOnLoopingListing(effect: FakeFault.Effect) async throws {
        let harness = try Harness()
        let org = harness.org
        _ = try org.addSkill(name: "Kept Skill")
        _ = try org.addSkill(name: "Other Skill")
        let state = try DesiredState.yaml("""
        version: 1
        policy: { prune: true }
        skills: [{ name: Kept Skill }]
        """)
        _ = org.addFault(FakeFault(effect, matching: .init(methods: [.get], pathPrefix: "/api/v2/routing/skills")))
        org.resetLog()
        let error = await #expect(throws: GenesysError.self) { _ = try await harness.sync.plan(state) }
        #expect(error?.code == .inconsistentListing)
        #expect(error?.operation == "routing.listSkills")
        #expect(harness.apiRequests.allSatisfy { $0.method == .get || $0.path == "/api/v2/users/search" })
        #expect(harness.apiRequests.filter { $0.path == "/api/v2/routing/skills" }.count <= 3)
    }
}
