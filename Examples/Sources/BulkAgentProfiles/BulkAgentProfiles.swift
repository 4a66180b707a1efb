// Sets the routing profiles (skills and languages) of many agents in one call: one read of the users'
// profiles and of the skills and languages named, one plan over all of them, then one bulk write per
// agent whose profile differs — through one client whose rate limiter paces every request.
//
// Runs against the in-memory fake org with 120 users.

import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
import RoutingSync

@main
struct BulkAgentProfiles {
    static func main() async throws {
        let org = FakeGenesysOrg()
        var emails: [String] = []
        for number in 1...120 {
            let email = "agent\(number)@example.com"
            _ = try org.addUser(name: "Agent \(number)", email: email)
            emails.append(email)
        }
        // Pace like a real org (300 requests per minute per token); the fake org's clock makes waits instant.
        let sync = RoutingSync(client: org.makeClient(rateLimit: .genesysDefault))
        let routing = sync.routing

        // Names are identities: each upsert creates only what is missing, so a second run creates nothing.
        let skills = try await sync.upsertSkills(["Billing", "Refunds", "Sales", "Retention"].map { SkillSpec(name: $0) })
        _ = try await sync.upsertLanguage(LanguageSpec(name: "English"))
        let skillIDs = Dictionary(uniqueKeysWithValues: skills.map { ($0.name, $0.id) })

        // Every agent's skills replaced with exactly these (`.authoritative`), and English added.
        let start = ContinuousClock.now
        let before = await routing.client.counters.snapshot()
        let profiles = emails.indices.map { index in
            AgentSpec(user: .email(emails[index]), skills: profile(for: index), languages: ["English": 5])
        }
        let results = try await sync.upsertRoutingProfiles(profiles, mode: .authoritative)
        let spent = await routing.client.counters.snapshot().since(before)
        precondition(results.count == 120 && results.allSatisfy { $0.outcome == .updated }, "every profile changed")

        // Read every profile back in a few pages (GET /api/v2/users?expand=skills,languages).
        let read = try await routing.listRoutingProfiles(userIDs: results.map(\.id)).collectItems()
        let billingAgents = read.filter { profile in profile.skills.contains { $0.id == skillIDs["Billing"] } }
        let salesAgents = read.filter { profile in profile.skills.contains { $0.id == skillIDs["Sales"] } }
        precondition(read.count == 120 && billingAgents.count == 60 && salesAgents.count == 60, "unexpected profiles")
        precondition(read.allSatisfy { $0.languages.count == 1 }, "every agent speaks English")
        print("updated \(read.count) agents: \(billingAgents.count) billing, \(salesAgents.count) sales")
        print("\(spent.total) requests, \(spent.writes) writes, \(spent.retries) retries, in \(ContinuousClock.now - start)")

        // Again: the same reads, and no writes at all.
        let again = try await sync.upsertRoutingProfiles(profiles, mode: .authoritative)
        precondition(again.allSatisfy { $0.outcome == .unchanged }, "a second run changes nothing")
        print("second run: \(again.count) profiles unchanged")
    }

    /// The skills each agent should have: billing for the first half, sales for the rest.
    static func profile(for index: Int) -> [String: Double] {
        index < 60
            ? ["Billing": 4, "Refunds": Double(index % 5) + 0.5]
            : ["Sales": 3, "Retention": 2]
    }
}
