// Provisions routing with the typed API: skills and a language, a skill group whose conditions name
// them, a queue that takes its members from the skill group, and one agent's routing profile.
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

let org = FakeGenesysOrg()
let janeID = try org.addUser(name: "Jane Doe", email: "jane.doe@example.com")
let routing = RoutingAPI(client: org.makeClient())

// 1. Skills and a language. Names are identities: look them up first so a second run creates nothing.
func skill(named name: String) async throws -> RoutingSkill {
    if let existing = try await routing.findSkill(named: name) { return existing }
    return try await routing.createSkill(name: name)
}
let billing = try await skill(named: "Billing")
let refunds = try await skill(named: "Refunds")
func language(named name: String) async throws -> Language {
    if let existing = try await routing.findLanguage(named: name) { return existing }
    return try await routing.createLanguage(name: name)
}
let spanish = try await language(named: "Spanish")
print("skills: \(billing.name ?? "?"), \(refunds.name ?? "?"); language: \(spanish.name ?? "?")")

// 2. A skill group: Billing ≥ 3, or Refunds ≥ 2 for Spanish speakers (conditions name skills and languages).
let group = try await routing.createSkillGroup(SkillGroupWithMemberDivisions(
    name: "Billing Experts",
    description: "Agents who can take billing calls",
    skillConditions: [
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
guard let groupID = group.id else { fatalError("the created skill group has no id") }
print("skill group: \(group.name ?? "?") (\(groupID))")

// 3. A queue whose members come from the skill group, with after-call work and call settings.
let queue = try await routing.createQueue(CreateQueueRequest(queue: QueueRequest(
    name: "Billing Support",
    description: "First-line billing",
    mediaSettings: QueueMediaSettings(call: MediaSettings(
        alertingTimeoutSeconds: 8, serviceLevel: ServiceLevel(percentage: 0.8, durationMs: 20_000)
    )),
    acwSettings: AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 30_000),
    skillEvaluationMethod: .best,
    memberGroups: [MemberGroup(id: groupID, type: .skillGroup)]
)))
guard let queueID = queue.id else { fatalError("the created queue has no id") }
print("queue: \(queue.name ?? "?") (\(queueID))")

// 4. Jane's routing profile: she qualifies for the group through Billing 4.
try await routing.replaceUserRoutingSkills(userID: janeID, [
    UserRoutingSkillPost(id: billing.id, proficiency: 4),
    UserRoutingSkillPost(id: refunds.id, proficiency: 2.5),
])
try await routing.addOrUpdateUserRoutingLanguages(userID: janeID, [UserRoutingLanguagePost(id: spanish.id, proficiency: 5)])

// Skill-group membership is computed in the background: wait for it before reading members.
_ = try await routing.waitForSkillGroupMembership(skillGroupID: groupID)
let members = try await routing.listSkillGroupMembers(skillGroupID: groupID, expandEntities: true).collectItems()
let queueMembers = try await routing.listQueueMembers(queueID: queueID).collectItems()
print("skill group members: \(members.map { $0.name ?? $0.id ?? "?" }); queue members (through the group): \(queueMembers.count)")

let counts = await routing.client.counters.snapshot()
print("done: \(counts.total) requests (\(counts.writes) writes)")
