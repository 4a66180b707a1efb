import Foundation
import GenesysRouting
import GenesysTesting
import Testing

/// The README's quick start, kept compiling and working: the body below is the README snippet after the
/// `RoutingAPI(region:credentials:)` line, run against the in-memory org instead of a real region.
@Suite("README quick start")
struct ReadmeQuickStartTests {
    func quickStart(routing: RoutingAPI, agentID: String) async throws {
        let existing = try await routing.findSkill(named: "Billing")
        let billing = if let existing { existing } else { try await routing.createSkill(CreateRoutingSkill(name: "Billing")) }
        for try await queue in routing.listQueues(name: "Billing*").items {
            print(queue.name ?? "", queue.memberCount ?? 0)
        }
        try await routing.addOrUpdateUserRoutingSkills(
            userID: agentID, [UserRoutingSkillPost(id: billing.id, proficiency: 4)]
        )
    }

    @Test("creates the skill once and gives the agent proficiency 4, run after run")
    func quickStartConverges() async throws {
        let org = FakeGenesysOrg()
        let agentID = try org.addUser(name: "Jane Doe", email: "jane.doe@example.com")
        let routing = RoutingAPI(client: org.makeClient())

        try await quickStart(routing: routing, agentID: agentID)
        try await quickStart(routing: routing, agentID: agentID)

        let skills = try await routing.listSkills().collectItems()
        #expect(skills.map(\.name) == ["Billing"])
        let profile = try await routing.getRoutingProfile(userID: agentID)
        #expect(profile.skills.map(\.proficiency) == [4])
        // The typed init the README shows compiles and accepts a region and credentials.
        _ = try RoutingAPI(region: .euWest1, credentials: ClientCredentials(clientID: "id", clientSecret: "secret"))
    }
}
