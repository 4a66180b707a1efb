import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// "References must resolve before anything is written", divisions (`defaults.division`, `["*"]`) and
/// `id:<userId>` user references.
@Suite("Semantics: references and divisions")
struct SemanticsReferenceTests {
    @Test("every unresolved reference, of every kind and in every place, is reported together with file, line, object and field; nothing is written")
    func unresolvedTogether() async throws {
        let harness = try Harness()
        try harness.org.addSkill(name: "Billing")
        let state = try DesiredState.yaml("""
        version: 1
        skills: [{ name: Refunds, division: Nowhere }]
        languages: [{ name: English }]
        wrapupCodes: [{ name: Resolved, division: sales }]
        skillGroups:
          - name: G
            division: Elsewhere
            memberDivisions: [Home, Moon]
            conditions:
              - operation: Or
                routingSkillConditions:
                  - routingSkill: Refunds
                    comparator: GreaterThan
                    proficiency: 1
                    childConditions:
                      - operation: Not
                        routingSkillConditions: [{ routingSkill: Ghost Skill, comparator: EqualTo, proficiency: 1 }]
                languageSkillConditions: [{ languageSkill: Klingon, comparator: GreaterThan, proficiency: 1 }]
        queues:
          - name: Q
            division: Mars
            skillGroups: [G, No Such Group]
            wrapupCodes: [Resolved, Unknown Code]
            members: [ana@example.com, nobody@example.com, "id:00000000-0000-0000-0000-000000000000"]
        agents:
          - user: ghost@example.com
            skills: { Billing: 1 }
          - user: ben@example.com
            skills: { Billing: 1, Refunds: 2, Payments: 3 }
            languages: { English: 4, Elvish: 2 }
        """, file: "refs.yaml")
        let error = try #require(await Semantics.expectRejected(harness, state))
        #expect(error.code == .unresolvedReference)
        #expect(error.problems.map(\.description) == [
            "refs.yaml:2: skills[Refunds].division: unknown division 'Nowhere'",
            "refs.yaml:4: wrapupCodes[Resolved].division: unknown division 'sales'; did you mean 'Sales'?",
            "refs.yaml:7: skillGroups[G].division: unknown division 'Elsewhere'",
            "refs.yaml:8: skillGroups[G].memberDivisions[1]: unknown division 'Moon'",
            "refs.yaml:17: skillGroups[G].conditions[0].routingSkillConditions[0].childConditions[0].routingSkillConditions[0].routingSkill: unknown skill 'Ghost Skill' (neither declared in the file nor in the org)",
            "refs.yaml:18: skillGroups[G].conditions[0].languageSkillConditions[0].languageSkill: unknown language 'Klingon' (neither declared in the file nor in the org)",
            "refs.yaml:21: queues[Q].division: unknown division 'Mars'",
            "refs.yaml:22: queues[Q].skillGroups[1]: unknown skill group 'No Such Group' (neither declared in the file nor in the org)",
            "refs.yaml:23: queues[Q].wrapupCodes[1]: unknown wrap-up code 'Unknown Code' (neither declared in the file nor in the org)",
            "refs.yaml:24: queues[Q].members[1]: no user has the email nobody@example.com",
            "refs.yaml:24: queues[Q].members[2]: no user has id 00000000-0000-0000-0000-000000000000",
            "refs.yaml:26: agents[ghost@example.com].user: no user has the email ghost@example.com",
            "refs.yaml:29: agents[ben@example.com].skills[Payments]: unknown skill 'Payments' (neither declared in the file nor in the org)",
            "refs.yaml:30: agents[ben@example.com].languages[Elvish]: unknown language 'Elvish' (neither declared in the file nor in the org)",
        ])
        #expect(error.problems.allSatisfy { $0.code == .unresolvedReference && $0.file == "refs.yaml" && $0.field != nil })
    }

    @Test("an unknown defaults.division is an error even when no object falls back to it; nothing is written")
    func unknownDefaultDivisionUnused() async throws {
        let harness = try Harness()
        let state = try DesiredState.yaml("""
        version: 1
        defaults: { division: Headquarters }
        skills: [{ name: A, division: Home }]
        languages: [{ name: L }]
        """, file: "d.yaml")
        let error = try #require(await Semantics.expectRejected(harness, state))
        #expect(error.code == .unresolvedReference)
        #expect(error.problems.map(\.description) == ["d.yaml:2: defaults.division: unknown division 'Headquarters'"])
    }

    @Test("users by id:<userId> in queue members and agents: applied, and stable on the next run")
    func userIDReferences() async throws {
        let harness = try Harness()
        let ana = harness.users["ana@example.com"]!, ben = harness.users["ben@example.com"]!
        let state = try DesiredState.yaml("""
        version: 1
        skills: [{ name: A }]
        queues: [{ name: Q, members: ["id:\(ana)", cara@example.com] }]
        agents:
          - user: "id:\(ben)"
            skills: { A: 2 }
        """)
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        #expect(report.plan.lines == ["create skill A", "create queue Q", "update agent ben@example.com"])
        let stored = harness.org.snapshot()
        #expect(Set(stored.queues.first { $0.queue.name == "Q" }!.members.map(\.userID)) == [ana, harness.users["cara@example.com"]!])
        #expect(Semantics.skills(of: ben, in: stored) == ["A": 2])
        try await harness.settle()
        harness.org.resetLog()
        #expect(try await harness.sync.apply(state).plan.changes.isEmpty)
        #expect(harness.org.writes.isEmpty)
    }

    @Test("the same user as an email and as id:<userId> in one queue is one member")
    func sameUserTwoWays() async throws {
        let harness = try Harness()
        let ana = harness.users["ana@example.com"]!
        let state = try DesiredState.yaml("version: 1\nqueues: [{ name: Q, members: [\"id:\(ana)\", Ana@Example.com] }]\n")
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        #expect(harness.org.snapshot().queues.first?.members.map(\.userID) == [ana])
        #expect(harness.org.writes.filter { $0.operation == "routing.addQueueMembers" }.count == 1)
    }

    @Test("memberDivisions [\"*\"]: every division on create; a division added later is added on the next run; a group narrowed to [Home] is widened")
    func allDivisions() async throws {
        let harness = try Harness()
        let org = harness.org
        try org.addSkill(name: "A")
        let narrow = try org.addSkillGroup(SkillGroupWithMemberDivisions(name: "Narrow", skillConditions: [Semantics.condition("A")]))
        let state = try DesiredState.yaml("""
        version: 1
        skills: [{ name: A }]
        skillGroups:
          - name: Everyone
            memberDivisions: ["*"]
            conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: A, comparator: GreaterThan, proficiency: 0 }] }]
          - name: Narrow
            memberDivisions: ["*"]
        """)
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded, "\(report.results.map(\.description))")
        #expect(report.plan.lines == ["create skillGroup Everyone", "update skillGroup Narrow"])
        let all = Set(org.snapshot().divisions.compactMap(\.id))
        #expect(all.count == 2)
        for record in org.snapshot().skillGroups {
            #expect(Set(record.memberDivisionIDs) == all, "\(record.group.name ?? "?")")
        }
        #expect(org.snapshot().skillGroups.contains { $0.group.id == narrow })

        try await harness.settle()
        org.resetLog()
        #expect(try await harness.sync.apply(state).plan.changes.isEmpty)
        #expect(org.writes.isEmpty)

        let support = try org.addDivision(name: "Support")
        let widened = try await harness.sync.apply(state)
        #expect(widened.succeeded)
        #expect(widened.plan.lines == ["update skillGroup Everyone", "update skillGroup Narrow"])
        #expect(widened.plan.changes.allSatisfy { $0.fields.map(\.field) == ["memberDivisions"] })
        for record in org.snapshot().skillGroups {
            #expect(Set(record.memberDivisionIDs) == all.union([support]), "\(record.group.name ?? "?")")
        }
    }

    @Test("defaults.division places new objects that name none; an object's own division wins; existing ones are moved to it")
    func defaultDivision() async throws {
        let harness = try Harness()
        let org = harness.org
        let home = org.snapshot().homeDivisionID
        let sales = try #require(org.snapshot().divisions.first { $0.name == "Sales" }?.id)
        let existing = try org.addSkill(name: "Existing")
        let state = try DesiredState.yaml("""
        version: 1
        defaults: { division: Sales }
        skills: [{ name: Existing }, { name: New }, { name: Own, division: Home }]
        wrapupCodes: [{ name: W }]
        skillGroups:
          - name: G
            conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: New, comparator: GreaterThan, proficiency: 0 }] }]
        queues: [{ name: Q }, { name: Q Home, division: Home }]
        """)
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded, "\(report.results.map(\.description))")
        #expect(report.plan.change(.skill, "Existing")?.fields.map(\.description) == ["division: \"Home\" → \"Sales\""])
        let stored = org.snapshot()
        #expect(stored.skills.first { $0.id == existing }?.division?.id == sales)
        #expect(stored.skills.first { $0.name == "New" }?.division?.id == sales)
        #expect(stored.skills.first { $0.name == "Own" }?.division?.id == home)
        #expect(stored.wrapupCodes.first { $0.name == "W" }?.division?.id == sales)
        #expect(stored.skillGroups.first { $0.group.name == "G" }?.group.division?.id == sales)
        #expect(stored.queues.first { $0.queue.name == "Q" }?.queue.division?.id == sales)
        #expect(stored.queues.first { $0.queue.name == "Q Home" }?.queue.division?.id == home)
        try await harness.settle()
        org.resetLog()
        #expect(try await harness.sync.apply(state).plan.changes.isEmpty)
        #expect(org.writes.isEmpty)
    }

    @Test("without defaults.division new objects go to the home division and the division of existing ones is not compared")
    func noDefaultDivision() async throws {
        let harness = try Harness()
        let org = harness.org
        let home = org.snapshot().homeDivisionID
        let sales = try #require(org.snapshot().divisions.first { $0.name == "Sales" }?.id)
        let existing = try org.addSkill(name: "Existing", division: sales)
        let queue = try org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Existing Queue", division: Division(id: sales))))
        let state = try DesiredState.yaml("""
        version: 1
        skills: [{ name: Existing }, { name: New }]
        queues: [{ name: Existing Queue }, { name: New Queue }]
        """)
        org.resetLog()
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        #expect(report.plan.lines == ["create skill New", "create queue New Queue"])
        #expect(org.writes.map(\.operation) == ["routing.createSkill", "routing.createQueue"])
        let stored = org.snapshot()
        #expect(stored.skills.first { $0.id == existing }?.division?.id == sales)
        #expect(stored.queues.first { $0.queue.id == queue }?.queue.division?.id == sales)
        #expect(stored.skills.first { $0.name == "New" }?.division?.id == home)
        #expect(stored.queues.first { $0.queue.name == "New Queue" }?.queue.division?.id == home)
    }
}
