import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
@testable import RoutingSync
import Testing

/// Issue #14: agents behind a queue also come from the skill groups of its bullseye rings and of its
/// conditional group routing and activation rules; GROUP and TEAM groups there make the count inexact.
@Suite("Routing impact: rings and rules")
struct ImpactQueueSettingsTests {
    /// ``ImpactPreviewTests/Org`` plus three queues without member groups of their own:
    /// "Overflow Rule" (a bullseye ring on French Line; a conditional group routing rule on Billing Line
    /// and a TEAM), "Ring Only" (a ring on French Line) and "Activation" (an activation rule on French Line).
    static func org() throws -> ImpactPreviewTests.Org {
        let org = try ImpactPreviewTests.Org()
        let french = try #require(org.groups["French Line"])
        let billing = try #require(org.groups["Billing Line"])
        var overflow = QueueRequest(name: "Overflow Rule")
        overflow.bullseye = Bullseye(rings: [Ring(memberGroups: [MemberGroup(id: french, type: .skillGroup)])])
        overflow.conditionalGroupRouting = ConditionalGroupRouting(rules: [ConditionalGroupRoutingRule(
            metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 30,
            groups: [MemberGroup(id: billing, type: .skillGroup), MemberGroup(id: "team-1", type: .team)]
        )])
        _ = try org.harness.org.addQueue(CreateQueueRequest(queue: overflow))
        var ring = QueueRequest(name: "Ring Only")
        ring.bullseye = Bullseye(rings: [Ring(), Ring(memberGroups: [MemberGroup(id: french, type: .skillGroup)])])
        _ = try org.harness.org.addQueue(CreateQueueRequest(queue: ring))
        var activation = QueueRequest(name: "Activation")
        activation.conditionalGroupActivation = ConditionalGroupActivation(rules: [
            ConditionalGroupActivationRule(conditionExpression: "C1", groups: [MemberGroup(id: french, type: .skillGroup)]),
        ])
        _ = try org.harness.org.addQueue(CreateQueueRequest(queue: activation))
        return org
    }

    @Test("a group change reaches the queues whose rings and rules use it; the union counts once; a TEAM makes it inexact")
    func ringsAndRules() async throws {
        let org = try Self.org()
        let plan = try await org.harness.sync.plan(try DesiredState.yaml("""
        version: 1
        skillGroups:
          - name: French Line
            conditions: [{ operation: And, languageSkillConditions: [{ languageSkill: French, comparator: EqualTo, proficiency: 5 }] }]
        """), previewingImpact: true)
        let impact = try #require(plan.impact)
        // Overflow Rule: French Line (eli) ∪ Billing Line (ana, cara, dev) = 4, then 3.
        #expect(ImpactPreviewTests.lines(impact) == [
            "skillGroup French Line: 1 → 0", "queue Activation: 1 → 0", "queue French Support: 1 → 0",
            "queue Overflow Rule: 4 → 3 ~", "queue Ring Only: 1 → 0",
        ])
        #expect(impact.emptyQueues.map(\.name) == ["Activation", "French Support", "Ring Only"])
    }

    @Test("settings the plan writes: a new rule's and a new queue's ring skill groups count after the apply")
    func plannedSettings() async throws {
        let org = try ImpactPreviewTests.Org()
        let plan = try await org.harness.sync.plan(DesiredState(queues: [
            QueueSpec(name: "French Support", settings: QueueSettings(conditionalGroupRouting: ConditionalGroupRoutingSettings(rules: [
                .init(metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 30, skillGroups: ["Billing Line"]),
            ]))),
            QueueSpec(name: "New Ring", settings: QueueSettings(bullseye: BullseyeSettings(rings: [
                .init(expansionCriteria: [ExpansionCriterium(type: .timeoutSeconds, threshold: 10)], teams: ["team-1"]),
                .init(skillGroups: ["French Line"]),
            ]))),
        ]), previewingImpact: true)
        // French Support: eli, then eli ∪ Billing Line (ana, cara, dev); New Ring: French Line (eli), a TEAM too.
        #expect(ImpactPreviewTests.lines(try #require(plan.impact)) == ["queue French Support: 1 → 4", "queue New Ring: 0 → 1 ~"])
        let report = await org.harness.sync.apply(plan)
        #expect(report.succeeded, "\(report.results.map(\.description))")
    }

    @Test("the skill impact report lists queues reached through rings and rules")
    func skillReport() async throws {
        let org = try Self.org()
        let report = try await org.harness.sync.impactReport()
        let billing = try #require(report.skills.first { $0.skill == "Billing" })
        #expect(billing.queues == ["Billing Support", "Overflow Rule"])
    }
}
