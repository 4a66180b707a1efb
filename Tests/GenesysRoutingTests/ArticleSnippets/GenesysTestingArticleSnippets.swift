// The Swift code of GenesysTesting's "Writing integration tests" article, compiled (and the first block
// run as a test). `ArticleSnippetsTests` checks that every ```swift block of the article appears here.
import Foundation
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingSync
import Testing

@Test func createsASkill() async throws {
    let (org, client) = try FakeGenesysOrg.seeded()
    _ = try await RoutingAPI(client: client).createSkill(CreateRoutingSkill(name: "Billing"))
    #expect(org.snapshot().skills.map(\.name) == ["Billing"])
}

enum WritingIntegrationTestsSnippets {
    static func seed() throws {
        let org = FakeGenesysOrg()
        let sales = try org.addDivision(name: "Sales")
        let jane = try org.addUser(name: "Jane Doe", email: "jane@example.com", division: "Sales")
        let billing = try org.addSkill(name: "Billing")
        try org.assignSkill(userID: jane, skillID: billing, proficiency: 4)
        _ = sales
    }

    static func seedFile(seedURL: URL) throws {
        let org = try FakeGenesysOrg(seed: FakeOrgSeed.load(from: seedURL))
        _ = org
    }

    static func assertions(org: FakeGenesysOrg, sync: RoutingSync, plan: SyncPlan, desired: DesiredState) async throws {
        let report = await sync.apply(plan)        // apply never throws: each change has a result
        #expect(report.succeeded)
        org.resetLog()
        let again = try await sync.plan(desired)
        #expect(!again.hasChanges)
        #expect(org.writes.isEmpty)
        #expect(org.snapshot().skills.map(\.name) == ["Billing", "Sales"])
    }

    static func time() {
        let clock = ManualClock()
        let org = FakeGenesysOrg(configuration: .init(indexLag: .seconds(5)), clock: clock)
        // … create a skill through the API: listings miss it …
        clock.advance(by: .seconds(5))
        // … now they show it.
        _ = org
    }

    static func faults(org: FakeGenesysOrg) {
        // The queue is created, but the client never hears back: does the retry create a second one?
        org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1),
                               matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/queues")))
    }
}
