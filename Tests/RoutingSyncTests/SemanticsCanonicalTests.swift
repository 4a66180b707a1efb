import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
@testable import RoutingSync
import Testing

/// "Compare canonically": order-free arrays as sets, proficiencies as numbers.
@Suite("Semantics: canonical comparison")
struct SemanticsCanonicalTests {
    static let original = """
    version: 1
    skills: [{ name: A }, { name: B }, { name: C }]
    languages: [{ name: L }]
    wrapupCodes: [{ name: X }, { name: Y }, { name: Z }]
    skillGroups:
      - name: G1
        memberDivisions: [Home, Sales]
        conditions:
          - operation: Or
            routingSkillConditions:
              - { routingSkill: A, comparator: EqualTo, proficiency: 2 }
              - { routingSkill: B, comparator: GreaterThan, proficiency: 1 }
            languageSkillConditions:
              - { languageSkill: L, comparator: GreaterThanOrEqualTo, proficiency: 3 }
          - operation: And
            routingSkillConditions:
              - { routingSkill: C, comparator: LessThan, proficiency: 4 }
              - { routingSkill: A, comparator: GreaterThan, proficiency: 0 }
      - name: G2
        conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: C, comparator: GreaterThan, proficiency: 0 }] }]
    queues:
      - name: Q
        skillGroups: [G1, G2]
        members: [ana@example.com, ben@example.com, cara@example.com]
        wrapupCodes: [X, Y, Z]
    agents:
      - user: ana@example.com
        skills: { A: 4, B: 2.5 }
        languages: { L: 3 }
    """

    /// The same state: every order-free list reordered, leaves of And/Or swapped, numbers written differently,
    /// emails in another case, objects declared in another order.
    static let reordered = """
    version: 1
    skills: [{ name: C }, { name: A }, { name: B }]
    languages: [{ name: L }]
    wrapupCodes: [{ name: Z }, { name: X }, { name: Y }]
    skillGroups:
      - name: G2
        conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: C, comparator: GreaterThan, proficiency: 0.0 }] }]
      - name: G1
        memberDivisions: [Sales, Home]
        conditions:
          - operation: And
            routingSkillConditions:
              - { routingSkill: A, comparator: GreaterThan, proficiency: 0 }
              - { routingSkill: C, comparator: LessThan, proficiency: 4.0 }
          - operation: Or
            languageSkillConditions:
              - { languageSkill: L, comparator: GreaterThanOrEqualTo, proficiency: 3.0 }
            routingSkillConditions:
              - { routingSkill: B, comparator: GreaterThan, proficiency: 1 }
              - { routingSkill: A, comparator: EqualTo, proficiency: 2.0 }
    queues:
      - name: Q
        skillGroups: [G2, G1]
        members: [CARA@example.com, ana@example.com, Ben@Example.com]
        wrapupCodes: [Y, Z, X]
    agents:
      - user: ANA@EXAMPLE.COM
        languages: { L: 3.0 }
        skills: { B: 2.50, A: 4.0 }
    """

    @Test("after an apply, the same file with every order-free list reordered and numbers written as 4.0 plans nothing and writes nothing")
    func reorderedFileIsInSync() async throws {
        let harness = try Harness()
        let first = try await harness.sync.apply(try DesiredState.yaml(Self.original))
        #expect(first.succeeded, "\(first.results.map(\.description))")
        try await harness.settle()

        for (text, label) in [(Self.original, "original"), (Self.reordered, "reordered")] {
            let state = try DesiredState.yaml(text)
            harness.org.resetLog()
            let report = try await harness.sync.apply(state)
            #expect(report.plan.changes.isEmpty, "\(label): \(report.plan.changes.map { "\($0.name): \($0.fields.map(\.description))" })")
            // 3 skills, 1 language, 3 wrap-up codes, 2 skill groups, 1 queue, 1 agent.
            let declared = 11
            #expect(report.plan.unchanged.count == declared, "\(label)")
            #expect(harness.org.writes.isEmpty, "\(label)")
        }
    }

    @Test("the same leaf with another proficiency, and a leaf moved from an Or node to an And node, are changes")
    func realDifferencesAreFound() async throws {
        let harness = try Harness()
        _ = try await harness.sync.apply(try DesiredState.yaml(Self.original))
        try await harness.settle()
        let moved = Self.original.replacing("{ routingSkill: B, comparator: GreaterThan, proficiency: 1 }",
                                            with: "{ routingSkill: B, comparator: GreaterThan, proficiency: 2 }")
        #expect(try await harness.sync.plan(try DesiredState.yaml(moved)).lines == ["update skillGroup G1"])
        // B's leaf moved from the Or node to the And node: same leaves overall, different meaning.
        let swapped = Self.original
            .replacing("          - { routingSkill: B, comparator: GreaterThan, proficiency: 1 }\n", with: "")
            .replacing("          - { routingSkill: A, comparator: GreaterThan, proficiency: 0 }\n",
                       with: "          - { routingSkill: A, comparator: GreaterThan, proficiency: 0 }\n          - { routingSkill: B, comparator: GreaterThan, proficiency: 1 }\n")
        #expect(swapped != Self.original)
        #expect(try await harness.sync.plan(try DesiredState.yaml(swapped)).lines == ["update skillGroup G1"])
        let agent = Self.original.replacing("skills: { A: 4, B: 2.5 }", with: "skills: { A: 4, B: 2.4 }")
        let plan = try await harness.sync.plan(try DesiredState.yaml(agent))
        #expect(plan.changes.map { "\($0.name): \($0.fields.map(\.description))" } == ["ana@example.com: [\"skills[B]: 2.5 → 2.4\"]"])
    }
}
