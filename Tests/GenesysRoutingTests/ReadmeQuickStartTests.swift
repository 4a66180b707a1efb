import Foundation
import GenesysRouting
import GenesysTesting
import RoutingSync
import Testing

/// The README's quick start, kept compiling and working: the body below is the README snippet after the
/// `RoutingAPI(region:credentials:)` line, run against the in-memory org instead of a real region.
@Suite("README quick start")
struct ReadmeQuickStartTests {
    func quickStart(routing: RoutingAPI) async throws -> UpsertResult.Outcome {
        let sync = RoutingSync(routing: routing)
        // Idempotent: created the first time, `.unchanged` afterwards; never created twice.
        let billing = try await sync.upsertSkill(SkillSpec(name: "Billing"))
        print(billing.id, billing.outcome)
        try await sync.upsertRoutingProfile(AgentSpec(user: .email("jane@example.com"), skills: ["Billing": 4]))
        for try await queue in routing.listQueues(name: "Billing*").items {
            print(queue.name ?? "", queue.memberCount ?? 0)
        }
        return billing.outcome
    }

    @Test("creates the skill once and gives the agent proficiency 4, run after run")
    func quickStartConverges() async throws {
        let org = FakeGenesysOrg()
        let agentID = try org.addUser(name: "Jane Doe", email: "jane@example.com")
        let routing = RoutingAPI(client: org.makeClient())

        #expect(try await quickStart(routing: routing) == .created)
        #expect(try await quickStart(routing: routing) == .unchanged)

        let skills = try await routing.listSkills().collectItems()
        #expect(skills.map(\.name) == ["Billing"])
        let profile = try await routing.getRoutingProfile(userID: agentID)
        #expect(profile.skills.map(\.proficiency) == [4])
        // The typed init the README shows compiles and accepts a region and credentials.
        _ = try RoutingAPI(region: .euWest1, credentials: ClientCredentials(clientID: "id", clientSecret: "secret"))
    }
}
