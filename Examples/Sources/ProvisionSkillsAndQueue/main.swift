// Provisions routing with idempotent upserts: skills and a language, a skill group whose conditions
// name them, a queue that takes its members from the skill group, and one agent's routing profile.
// Each upsert returns the object's id and whether it was created, updated or already matched, so the
// whole program can run again and change nothing (it does, at the end, to show it).
//
// Runs against the in-memory fake org. For a real org, replace `org.makeClient()` with
//
//     let client = try GenesysClient(
//         region: .euWest1,
//         credentials: ClientCredentials(clientID: id, clientSecret: secret))
//
// (import GenesysAuth for ClientCredentials); everything else stays the same.

import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
import RoutingSync

let org = FakeGenesysOrg()
_ = try org.addUser(name: "Jane Doe", email: "jane.doe@example.com")
let sync = RoutingSync(client: org.makeClient())
let routing = sync.routing

/// Everything this program manages; each call is a no-op when the org already matches.
func provision() async throws -> (group: UpsertResult, queue: UpsertResult, results: [UpsertResult]) {
    // 1. Skills and a language. Names are identities: no find-then-create, no 409 handling by hand.
    let skills = try await sync.upsertSkills([SkillSpec(name: "Billing"), SkillSpec(name: "Refunds")])
    let spanish = try await sync.upsertLanguage(LanguageSpec(name: "Spanish"))

    // 2. A skill group: Billing ≥ 3, or Refunds ≥ 2 for Spanish speakers (conditions name skills and languages).
    let group = try await sync.upsertSkillGroup(SkillGroupSpec(
        name: "Billing Experts",
        description: "Agents who can take billing calls",
        conditions: [
            SkillGroupCondition(
                routingSkillConditions: [
                    SkillGroupRoutingCondition(routingSkill: "Billing", comparator: .greaterThanOrEqualTo, proficiency: 3),
                    SkillGroupRoutingCondition(
                        routingSkill: "Refunds", comparator: .greaterThanOrEqualTo, proficiency: 2,
                        childConditions: [SkillGroupCondition(
                            languageSkillConditions: [SkillGroupLanguageCondition(languageSkill: "Spanish", comparator: .greaterThan, proficiency: 3)],
                            operation: .and
                        )]
                    ),
                ],
                operation: .or
            ),
        ]
    ))

    // 3. A queue whose members come from the skill group. Only the fields given are managed: members
    //    added by hand later, and settings not written here, are left alone.
    let queue = try await sync.upsertQueue(QueueSpec(
        name: "Billing Support",
        description: "First-line billing",
        skillGroups: ["Billing Experts"]
    ))

    // 4. Jane's routing profile: she qualifies for the group through Billing 4. `.authoritative` replaces
    //    her skills and languages with exactly these; `.additive` (the default) would only add or update.
    let jane = try await sync.upsertRoutingProfile(
        AgentSpec(user: .email("jane.doe@example.com"), skills: ["Billing": 4, "Refunds": 2.5], languages: ["Spanish": 5]),
        mode: .authoritative
    )
    return (group, queue, skills + [spanish, group, queue, jane])
}

let first = try await provision()
for result in first.results { print(result) }
let groupID = first.group.id
let queueID = first.queue.id

// Skill-group membership is computed in the background: wait for it before reading members.
_ = try await routing.waitForSkillGroupMembership(skillGroupID: groupID)
let members = try await routing.listSkillGroupMembers(skillGroupID: groupID, expandEntities: true).collectItems()
let queueMembers = try await routing.listQueueMembers(queueID: queueID).collectItems()
print("skill group members: \(members.map { $0.name ?? $0.id ?? "?" }); queue members (through the group): \(queueMembers.count)")

// Run again: every object already matches, so nothing is written.
let writesBefore = org.writes.count
let second = try await provision()
precondition(second.results.allSatisfy { $0.outcome == .unchanged }, "a second run changes nothing")
precondition(org.writes.count == writesBefore, "a second run writes nothing")
print("second run: \(second.results.count) objects unchanged, no writes")

let counts = await routing.client.counters.snapshot()
print("done: \(counts.total) requests (\(counts.writes) writes)")
