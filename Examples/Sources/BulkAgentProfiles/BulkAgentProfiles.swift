// Updates the routing profiles (skills and languages) of many agents at once, a few users at a time,
// through one client whose rate limiter paces every request.
//
// Runs against the in-memory fake org with 120 users.

import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels

@main
struct BulkAgentProfiles {
    static func main() async throws {
        let org = FakeGenesysOrg()
        var userIDs: [String] = []
        for number in 1...120 {
            userIDs.append(try org.addUser(name: "Agent \(number)", email: "agent\(number)@example.com"))
        }
        // Pace like a real org (300 requests per minute per token); the fake org's clock makes waits instant.
        let routing = RoutingAPI(client: org.makeClient(rateLimit: .genesysDefault))

        // Names are identities: find first, create only what is missing, so a second run creates nothing.
        var skills: [String: String] = [:]
        for name in ["Billing", "Refunds", "Sales", "Retention"] {
            if let existing = try await routing.findSkill(named: name) {
                skills[name] = existing.id
            } else {
                skills[name] = try await routing.createSkill(name: name).id
            }
        }
        let english: Language
        if let existing = try await routing.findLanguage(named: "English") {
            english = existing
        } else {
            english = try await routing.createLanguage(name: "English")
        }

        let start = ContinuousClock.now
        try await update(userIDs: userIDs, skills: skills, languageID: english.id, routing: routing, width: 8)

        // Read every profile back in a few pages (GET /api/v2/users?expand=skills,languages).
        let profiles = try await routing.listRoutingProfiles(userIDs: userIDs).collectItems()
        let billingAgents = profiles.filter { profile in profile.skills.contains { $0.id == skills["Billing"] } }
        let salesAgents = profiles.filter { profile in profile.skills.contains { $0.id == skills["Sales"] } }
        precondition(profiles.count == 120 && billingAgents.count == 60 && salesAgents.count == 60, "unexpected profiles")
        precondition(profiles.allSatisfy { $0.languages.count == 1 }, "every agent speaks English")

        let counts = await routing.client.counters.snapshot()
        print("updated \(profiles.count) agents: \(billingAgents.count) billing, \(salesAgents.count) sales")
        print("\(counts.total) requests, \(counts.writes) writes, \(counts.retries) retries, \(counts.throttled) throttled, in \(ContinuousClock.now - start)")
    }

    /// The skills each agent should have: billing for the first half, sales for the rest.
    static func profile(for index: Int, skills: [String: String]) -> [UserRoutingSkillPost] {
        index < 60
            ? [UserRoutingSkillPost(id: skills["Billing"], proficiency: 4),
               UserRoutingSkillPost(id: skills["Refunds"], proficiency: Double(index % 5) + 0.5)]
            : [UserRoutingSkillPost(id: skills["Sales"], proficiency: 3),
               UserRoutingSkillPost(id: skills["Retention"], proficiency: 2)]
    }

    /// `width` users at a time; each user is one bulk PUT (skills, replacing all) and one bulk PATCH
    /// (languages, adding).
    static func update(
        userIDs: [String], skills: [String: String], languageID: String?, routing: RoutingAPI, width: Int
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func startNext(_ group: inout ThrowingTaskGroup<Void, any Error>) {
                let index = next
                next += 1
                let userID = userIDs[index]
                group.addTask {
                    try await routing.replaceUserRoutingSkills(userID: userID, profile(for: index, skills: skills))
                    try await routing.addOrUpdateUserRoutingLanguages(userID: userID, [UserRoutingLanguagePost(id: languageID, proficiency: 5)])
                }
            }
            while next < min(width, userIDs.count) { startNext(&group) }
            while try await group.next() != nil {
                if next < userIDs.count { startNext(&group) }
            }
        }
    }
}
