import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// "Skills and languages cannot be renamed … Skill groups and queues can be renamed in place by giving
/// `previousNames`."
@Suite("Semantics: renames")
struct SemanticsRenameTests {
    @Test("previousNames renames a skill group and a queue in place (same ids, no create or delete, even under prune), keeping everything the file leaves out")
    func inPlace() async throws {
        let harness = try Harness()
        let org = harness.org
        let skill = try org.addSkill(name: "Networking")
        let sales = try #require(org.snapshot().divisions.first { $0.name == "Sales" }?.id)
        let conditions = [Semantics.condition("Networking", .greaterThanOrEqualTo, 2)]
        let group = try org.addSkillGroup(SkillGroupWithMemberDivisions(
            name: "Tier 2", division: Division(id: sales), description: "second line", skillConditions: conditions, memberDivisions: ["*"]
        ))
        let code = try org.addWrapupCode(name: "Resolved")
        var request = QueueRequest(name: "Support", description: "help")
        request.memberGroups = [MemberGroup(id: group, type: .skillGroup)]
        request.mediaSettings = QueueMediaSettings(call: MediaSettings(alertingTimeoutSeconds: 12))
        let queue = try org.addQueue(CreateQueueRequest(queue: request))
        try org.addQueueMembers(queueID: queue, userIDs: [harness.users["ana@example.com"]!])
        try org.addQueueWrapupCodes(queueID: queue, codeIDs: [code])
        try org.assignSkill(userID: harness.users["ben@example.com"]!, skillID: skill, proficiency: 3)
        let before = org.snapshot()

        let state = try DesiredState.yaml("""
        version: 1
        policy: { prune: true }
        skills: [{ name: Networking }]
        wrapupCodes: [{ name: Resolved }]
        skillGroups:
          - name: Tier Two
            previousNames: [Tier 2]
        queues:
          - name: Support Queue
            previousNames: [Help Desk, Support]
            skillGroups: [Tier Two]
        """)
        org.resetLog()
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded, "\(report.results.map(\.description))")
        #expect(report.plan.lines == ["update skillGroup Tier Two", "update queue Support Queue"])
        #expect(report.plan.change(.skillGroup, "Tier Two")?.fields.map(\.description) == ["name: \"Tier 2\" → \"Tier Two\""])
        #expect(report.plan.change(.queue, "Support Queue")?.fields.map(\.description) == ["name: \"Support\" → \"Support Queue\""])
        #expect(org.writes.map(\.description) == [
            "PATCH /api/v2/routing/skillgroups/\(group) → 200 (routing.updateSkillGroup)",
            "PUT /api/v2/routing/queues/\(queue) → 200 (routing.updateQueue)",
        ])

        let after = org.snapshot()
        let renamedGroup = try #require(after.skillGroups.first { $0.group.id == group })
        let oldGroup = try #require(before.skillGroups.first { $0.group.id == group })
        #expect(renamedGroup.group.name == "Tier Two")
        #expect(renamedGroup.group.description == "second line")
        #expect(renamedGroup.group.division?.id == sales)
        #expect(ConditionCanon.key(renamedGroup.group.skillConditions) == ConditionCanon.key(conditions))
        #expect(renamedGroup.memberDivisionIDs == oldGroup.memberDivisionIDs)
        let renamedQueue = try #require(after.queues.first { $0.queue.id == queue })
        let oldQueue = try #require(before.queues.first { $0.queue.id == queue })
        #expect(renamedQueue.queue.name == "Support Queue")
        #expect(renamedQueue.queue.description == "help")
        #expect(renamedQueue.queue.memberGroups?.map(\.id) == [group])
        #expect(renamedQueue.queue.mediaSettings == oldQueue.queue.mediaSettings)
        #expect(renamedQueue.members == oldQueue.members)
        #expect(renamedQueue.wrapupCodeIDs == [code])
        #expect(after.skillGroups.count == 1)
        #expect(after.queues.count == 1)

        // The previous names may stay in the file: the next run finds the objects by their new names.
        try await harness.settle()
        org.resetLog()
        #expect(try await harness.sync.apply(state).plan.changes.isEmpty)
        #expect(org.writes.isEmpty)
    }

    @Test("a skill or language given a new name is a new object; the old one stays without prune and is deleted (last) with it")
    func skillAndLanguageRename() async throws {
        for prune in [false, true] {
            let harness = try Harness()
            let org = harness.org
            let billing = try org.addSkill(name: "Billing")
            let spanish = try org.addLanguage(name: "Spanish")
            let ana = harness.users["ana@example.com"]!, ben = harness.users["ben@example.com"]!
            try org.assignSkill(userID: ana, skillID: billing, proficiency: 4)
            try org.assignSkill(userID: ben, skillID: billing, proficiency: 2)
            try org.assignLanguage(userID: ana, languageID: spanish, proficiency: 5)
            let state = try DesiredState.yaml("""
            version: 1
            policy: { prune: \(prune) }
            skills: [{ name: Invoicing }]
            languages: [{ name: Español }]
            agents: [{ user: ana@example.com, skills: { Invoicing: 4 }, languages: { Español: 5 } }]
            """)
            org.resetLog()
            let report = try await harness.sync.apply(state)
            #expect(report.succeeded, "\(report.results.map(\.description))")
            let creates = ["create skill Invoicing", "create language Español", "update agent ana@example.com"]
            #expect(report.plan.lines == creates + (prune ? ["delete skill Billing", "delete language Spanish"] : []))
            let after = org.snapshot()
            let invoicing = try #require(after.skills.first { $0.name == "Invoicing" })
            #expect(invoicing.id != billing)
            #expect(after.skills.first { $0.id == billing }?.state == (prune ? .deleted : .active))
            #expect(after.languages.first { $0.id == spanish }?.state == (prune ? .deleted : .active))
            #expect(Semantics.skills(of: ana, in: after) == ["Invoicing": 4])
            #expect(Semantics.languages(of: ana, in: after) == ["Español": 5])
            // ben is not declared: he keeps Billing unless prune deleted the skill itself.
            #expect(Semantics.skills(of: ben, in: after) == (prune ? [:] : ["Billing": 2]))
            if prune {
                let operations = org.writes.map(\.operation)
                let lastNonDelete = try #require(operations.lastIndex { !$0.hasPrefix("routing.delete") })
                let firstDelete = try #require(operations.firstIndex { $0.hasPrefix("routing.delete") })
                #expect(lastNonDelete < firstDelete)
            } else {
                #expect(Semantics.objectDeletes(org).isEmpty)
            }
        }
    }

    @Test("a previous name that matches nothing and a new name that matches nothing: the object is created")
    func previousNameNotFound() async throws {
        let harness = try Harness()
        try harness.org.addSkill(name: "A")
        let state = try DesiredState.yaml("""
        version: 1
        skillGroups:
          - name: G
            previousNames: [Gone]
            conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: A, comparator: GreaterThan, proficiency: 1 }] }]
        queues: [{ name: Q, previousNames: [Also Gone] }]
        """)
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        #expect(report.plan.lines == ["create skillGroup G", "create queue Q"])
        #expect(harness.org.snapshot().skillGroups.map(\.group.name) == ["G"])
        #expect(harness.org.snapshot().queues.map(\.queue.name) == ["Q"])
    }
}
