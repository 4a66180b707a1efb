import Foundation
import RoutingModels
@testable import RoutingSync
import Testing

/// The planner is pure: these tests build snapshots by hand and never touch a network.
@Suite("Planning (pure diff)")
struct PlannerTests {
    static let exampleOrg: OrgBuilder = {
        var org = OrgBuilder()
        org.user("jane.doe@example.com")
        return org
    }()

    @Test("an empty org gets every object created, in dependency order, with dependencies recorded")
    func createsInOrder() throws {
        let state = try Fixtures.load("example.yaml")
        let plan = try RoutingSync.plan(desired: state, current: Self.exampleOrg.snapshot)
        #expect(plan.lines == [
            "create skill Billing", "create skill Refunds", "create language Spanish", "create wrapupCode Resolved",
            "create skillGroup Billing Experts", "create queue Billing Support", "update agent jane.doe@example.com",
        ])
        #expect(plan.summary == SyncPlan.Summary(create: 6, update: 1, replace: 0, delete: 0, unchanged: 0))
        let group = try #require(plan.change(.skillGroup, "Billing Experts"))
        #expect(Set(group.dependsOn) == [ObjectRef(kind: .skill, name: "Billing"), ObjectRef(kind: .language, name: "Spanish")])
        let queue = try #require(plan.change(.queue, "Billing Support"))
        #expect(Set(queue.dependsOn) == [ObjectRef(kind: .skillGroup, name: "Billing Experts"), ObjectRef(kind: .wrapupCode, name: "Resolved")])
        #expect(queue.fields.map(\.field) == [
            "description", "division", "skillEvaluationMethod", "acwSettings.wrapupPrompt", "acwSettings.timeoutMs",
            "mediaSettings.call.alertingTimeoutSeconds", "mediaSettings.call.serviceLevel.percentage",
            "mediaSettings.call.serviceLevel.durationMs", "skillGroups", "members", "wrapupCodes",
        ])
        let agent = try #require(plan.change(.agent, "jane.doe@example.com"))
        #expect(agent.fields.map(\.description) == ["skills[Billing]: (none) → 4", "skills[Refunds]: (none) → 2.5", "languages[Spanish]: (none) → 5"])
    }

    /// An org that already matches example.yaml.
    static var matchingOrg: OrgBuilder {
        var org = OrgBuilder()
        org.skill("Billing")
        org.skill("Refunds")
        org.language("Spanish")
        org.wrapupCode("Resolved")
        let group = org.skillGroup(
            "Billing Experts", description: "Agents who can take billing calls",
            conditions: [SkillGroupCondition(
                routingSkillConditions: [leaf("Billing", .greaterThanOrEqualTo, 3)],
                languageSkillConditions: [languageLeaf("Spanish", .greaterThan, 2)], operation: .and)],
            memberDivisions: ["div-home"]
        )
        let jane = org.user("jane.doe@example.com", skills: ["Billing": 4, "Refunds": 2.5], languages: ["Spanish": 5])
        org.queue("Billing Support", configure: { queue in
            queue.description = "First-line billing"
            queue.skillEvaluationMethod = .best
            queue.acwSettings = AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 30000)
            queue.mediaSettings = QueueMediaSettings(
                call: MediaSettings(enableAutoAnswer: false, alertingTimeoutSeconds: 8, serviceLevel: ServiceLevel(percentage: 0.8, durationMs: 20000)),
                chat: MediaSettings(alertingTimeoutSeconds: 30)
            )
            queue.memberGroups = [MemberGroup(id: group, name: "Billing Experts", type: .skillGroup), MemberGroup(id: "team-1", type: .team)]
        }, members: [jane], wrapupCodes: [OrgBuilder.id("code", "Resolved")])
        return org
    }

    @Test("an org that matches plans nothing: every declared object is unchanged")
    func unchanged() throws {
        let plan = try RoutingSync.plan(desired: try Fixtures.load("example.yaml"), current: Self.matchingOrg.snapshot)
        #expect(plan.changes.isEmpty)
        #expect(!plan.hasChanges)
        #expect(plan.summary.unchanged == 7)
    }

    @Test("only what is written is managed: fields, keys and lists the file leaves out are not compared")
    func onlyWrittenFields() throws {
        var org = Self.matchingOrg
        org.snapshot.queues![0].queue.description = "changed elsewhere"
        org.snapshot.queues![0].queue.scoringMethod = .priorityOnly
        org.snapshot.queues![0].memberIDs = ["someone-else"]
        let state = try DesiredState.yaml("""
        version: 1
        queues:
          - name: Billing Support
            mediaSettings: { call: { alertingTimeoutSeconds: 8 } }
        """)
        let plan = try RoutingSync.plan(desired: state, current: org.snapshot)
        #expect(plan.changes.isEmpty)
    }

    @Test("sets compare without order; proficiencies as numbers; And/Or leaves as sets")
    func canonicalComparison() throws {
        var org = OrgBuilder()
        org.skill("A"); org.skill("B"); org.language("L")
        org.wrapupCode("X"); org.wrapupCode("Y")
        org.skillGroup("G1", conditions: [SkillGroupCondition(routingSkillConditions: [leaf("B", .greaterThan, 1), leaf("A", .equalTo, 2)],
                                                              languageSkillConditions: [], operation: .or)], memberDivisions: ["div-sales", "div-home"])
        org.skillGroup("G2", conditions: [SkillGroupCondition(routingSkillConditions: [leaf("A", .equalTo, 1)], operation: .and)])
        let u1 = org.user("u1@example.com", skills: ["A": 4.0])
        let u2 = org.user("u2@example.com")
        org.queue("Q", configure: { queue in
            queue.memberGroups = [MemberGroup(id: OrgBuilder.id("group", "G2"), type: .skillGroup), MemberGroup(id: OrgBuilder.id("group", "G1"), type: .skillGroup)]
        }, members: [u2, u1], wrapupCodes: [OrgBuilder.id("code", "Y"), OrgBuilder.id("code", "X")])
        let state = try DesiredState.yaml("""
        version: 1
        skillGroups:
          - name: G1
            memberDivisions: [Sales, Home]
            conditions:
              - operation: Or
                routingSkillConditions:
                  - { routingSkill: A, comparator: EqualTo, proficiency: 2.0 }
                  - { routingSkill: B, comparator: GreaterThan, proficiency: 1 }
        queues:
          - name: Q
            skillGroups: [G1, G2]
            members: [u1@example.com, U2@EXAMPLE.COM]
            wrapupCodes: [X, Y]
        agents:
          - user: u1@example.com
            skills: { A: 4 }
        """)
        let plan = try RoutingSync.plan(desired: state, current: org.snapshot)
        #expect(plan.changes.isEmpty, "\(plan.lines)")
    }

    @Test("a Not node keeps its order; a changed leaf is an update of the conditions")
    func conditionChanges() throws {
        var org = OrgBuilder()
        org.skill("A")
        org.skillGroup("G", conditions: [SkillGroupCondition(routingSkillConditions: [leaf("A", .greaterThan, 1)], operation: .and)])
        let state = try DesiredState.yaml("""
        version: 1
        skillGroups:
          - name: G
            conditions:
              - operation: And
                routingSkillConditions: [{ routingSkill: A, comparator: GreaterThan, proficiency: 2 }]
        """)
        let plan = try RoutingSync.plan(desired: state, current: org.snapshot)
        let change = try #require(plan.change(.skillGroup, "G"))
        #expect(change.action == .update)
        #expect(change.fields.map(\.field) == ["conditions"])
        guard case .updateSkillGroup(_, let write)? = change.operation else { Issue.record("no update"); return }
        #expect(write.patch)
        #expect(write.group.skillConditions?.first?.routingSkillConditions?.first?.proficiency == 2)
        #expect(write.group.skillConditions?.first?.languageSkillConditions == [])
    }

    @Test("media settings are compared key by key and merged into the current settings on update")
    func mediaSettings() throws {
        var org = OrgBuilder()
        org.queue("Q", configure: { queue in
            queue.mediaSettings = QueueMediaSettings(
                call: MediaSettings(enableAutoAnswer: true, alertingTimeoutSeconds: 10, serviceLevel: ServiceLevel(percentage: 0.8, durationMs: 20000)),
                email: EmailMediaSettings(alertingTimeoutSeconds: 300)
            )
        })
        let state = try DesiredState.yaml("""
        version: 1
        queues:
          - name: Q
            mediaSettings:
              call: { alertingTimeoutSeconds: 8, serviceLevel: { percentage: 0.8 } }
              chat: { alertingTimeoutSeconds: 30 }
        """)
        let plan = try RoutingSync.plan(desired: state, current: org.snapshot)
        let change = try #require(plan.change(.queue, "Q"))
        #expect(change.fields.map(\.description) == [
            "mediaSettings.call.alertingTimeoutSeconds: 10 → 8",
            "mediaSettings.chat.alertingTimeoutSeconds: (none) → 30",
        ])
        guard case .updateQueue(_, let write)? = change.operation, let media = write.request?.mediaSettings else {
            Issue.record("no PUT"); return
        }
        #expect(media.call?.alertingTimeoutSeconds == 8)
        #expect(media.call?.enableAutoAnswer == true)
        #expect(media.call?.serviceLevel == ServiceLevel(percentage: 0.8, durationMs: 20000))
        #expect(media.email?.alertingTimeoutSeconds == 300)
        #expect(media.chat?.alertingTimeoutSeconds == 30)
    }

    @Test("agent skills: authoritative removes what is not declared; additive keeps it")
    func agentPolicies() throws {
        var org = OrgBuilder()
        org.skill("A"); org.skill("B"); org.language("L"); org.language("M")
        org.user("u@example.com", skills: ["A": 1, "B": 2], languages: ["L": 3, "M": 4])
        let body = """
        agents:
          - user: u@example.com
            skills: { A: 2 }
            languages: { L: 3 }
        """
        let authoritative = try RoutingSync.plan(desired: try DesiredState.yaml("version: 1\n" + body), current: org.snapshot)
        let change = try #require(authoritative.change(.agent, "u@example.com"))
        #expect(change.fields.map(\.description) == ["skills[A]: 1 → 2", "skills[B]: 2 → (none)", "languages[M]: 4 → (none)"])
        guard case .updateAgent(let write)? = change.operation else { Issue.record("no agent write"); return }
        #expect(write.replaceSkills == [Assignment(target: .existing("skill-A"), proficiency: 2)])
        #expect(write.removeLanguages == ["language-M"])

        let additive = try RoutingSync.plan(desired: try DesiredState.yaml("""
        version: 1
        policy: { agentSkills: additive, agentLanguages: additive }
        """ + "\n" + body), current: org.snapshot)
        let additiveChange = try #require(additive.change(.agent, "u@example.com"))
        #expect(additiveChange.fields.map(\.description) == ["skills[A]: 1 → 2"])
        guard case .updateAgent(let additiveWrite)? = additiveChange.operation else { Issue.record("no agent write"); return }
        #expect(additiveWrite.replaceSkills == nil)
        #expect(additiveWrite.upsertSkills == [Assignment(target: .existing("skill-A"), proficiency: 2)])
        #expect(additiveWrite.removeLanguages.isEmpty)
    }

    @Test("queue members: additive adds only; authoritative also removes")
    func queueMembers() throws {
        var org = OrgBuilder()
        let a = org.user("a@example.com")
        org.user("b@example.com")
        org.queue("Q", members: [a, "user-gone"])
        let body = "queues:\n  - name: Q\n    members: [b@example.com]\n"
        let additive = try RoutingSync.plan(desired: try DesiredState.yaml("version: 1\n" + body), current: org.snapshot)
        guard case .updateQueue(_, let write)? = additive.change(.queue, "Q")?.operation else { Issue.record("no change"); return }
        #expect(write.addMembers == ["user-b@example.com"])
        #expect(write.removeMembers.isEmpty)
        #expect(write.request == nil)

        let authoritative = try RoutingSync.plan(
            desired: try DesiredState.yaml("version: 1\npolicy: { queueMembers: authoritative }\n" + body), current: org.snapshot)
        guard case .updateQueue(_, let write2)? = authoritative.change(.queue, "Q")?.operation else { Issue.record("no change"); return }
        #expect(write2.removeMembers == ["user-a@example.com", "user-gone"])
        #expect(authoritative.change(.queue, "Q")?.fields.map(\.description) == [
            "members: [\"a@example.com\",\"id:user-gone\"] → [\"b@example.com\"]",
        ])
    }

    @Test("skill groups and queues are renamed in place through previousNames")
    func renames() throws {
        var org = OrgBuilder()
        org.skill("A")
        org.skillGroup("Old Group", conditions: [SkillGroupCondition(routingSkillConditions: [leaf("A", .greaterThan, 1)], operation: .and)])
        org.queue("Old Queue", configure: { $0.memberGroups = [MemberGroup(id: "group-Old Group", type: .skillGroup)] })
        let state = try DesiredState.yaml("""
        version: 1
        policy: { prune: true }
        skills: [{ name: A }]
        skillGroups:
          - name: New Group
            previousNames: [Older Group, Old Group]
        queues:
          - name: New Queue
            previousNames: [Old Queue]
            skillGroups: [New Group]
        """)
        let plan = try RoutingSync.plan(desired: state, current: org.snapshot)
        #expect(plan.lines == ["update skillGroup New Group", "update queue New Queue"])
        #expect(plan.change(.skillGroup, "New Group")?.fields.map(\.description) == ["name: \"Old Group\" → \"New Group\""])
        #expect(plan.change(.queue, "New Queue")?.fields.map(\.description) == ["name: \"Old Queue\" → \"New Queue\""])
        #expect(plan.change(.skillGroup, "New Group")?.existingID == "group-Old Group")
    }

    @Test("a renamed skill is a new skill; the old one is deleted only under prune")
    func skillRename() throws {
        var org = OrgBuilder()
        org.skill("Billing")
        let text = "version: 1\nskills: [{ name: Invoicing }]\n"
        let plain = try RoutingSync.plan(desired: try DesiredState.yaml(text), current: org.snapshot)
        #expect(plain.lines == ["create skill Invoicing"])
        let pruned = try RoutingSync.plan(desired: try DesiredState.yaml(text), current: org.snapshot, options: PlanOptions(prune: true))
        #expect(pruned.lines == ["create skill Invoicing", "delete skill Billing"])
        #expect(pruned.prune)
    }

    @Test("prune deletes undeclared objects last, in reverse dependency order")
    func pruneOrder() throws {
        var org = OrgBuilder()
        org.skill("Old Skill"); org.language("Old Language"); org.wrapupCode("Old Code")
        org.skillGroup("Old Group")
        org.queue("Old Queue")
        org.skill("Kept")
        let state = try DesiredState.yaml("""
        version: 1
        policy: { prune: true }
        skills: [{ name: Kept }, { name: New }]
        """)
        let plan = try RoutingSync.plan(desired: state, current: org.snapshot)
        #expect(plan.lines == [
            "create skill New",
            "delete queue Old Queue", "delete skillGroup Old Group",
            "delete skill Old Skill", "delete language Old Language", "delete wrapupCode Old Code",
        ])
        let noPrune = try RoutingSync.plan(desired: state, current: org.snapshot, options: PlanOptions(prune: false))
        #expect(noPrune.lines == ["create skill New"])
    }

    @Test("an existing name differing only in case or spaces, or two existing objects with one name, is ambiguous")
    func ambiguous() throws {
        var org = OrgBuilder()
        org.skill("billing ", id: "s1")
        org.skillGroup("Team", id: "g1")
        org.skillGroup("Team", id: "g2")
        let state = try DesiredState.yaml("""
        version: 1
        skills: [{ name: Billing }]
        skillGroups:
          - name: Team
            conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: Billing, comparator: EqualTo, proficiency: 1 }] }]
        """, file: "routing.yaml")
        #expect { try RoutingSync.plan(desired: state, current: org.snapshot) } throws: { error in
            guard let error = error as? SyncError else { return false }
            return error.code == .ambiguousName && error.problems.map(\.description) == [
                "routing.yaml:2: skills[Billing].name: ambiguous: existing skill 'billing ' (id s1) differs from 'Billing' only in case or surrounding whitespace; rename one of them",
                "routing.yaml:4: skillGroups[Team].name: 2 existing skill groups are named 'Team' (id g1, id g2); rename or delete all but one",
            ]
        }
    }

    @Test("references that resolve to nothing are all reported together, before any write")
    func unresolved() throws {
        var org = OrgBuilder()
        org.skill("Billing")
        org.user("jane@example.com")
        let state = try DesiredState.yaml("""
        version: 1
        defaults: { division: Headquarters }
        skillGroups:
          - name: G
            memberDivisions: [sales]
            conditions:
              - operation: And
                routingSkillConditions: [{ routingSkill: billing, comparator: EqualTo, proficiency: 1 }]
                languageSkillConditions: [{ languageSkill: Klingon, comparator: EqualTo, proficiency: 1 }]
        queues:
          - name: Q
            skillGroups: [Nope]
            wrapupCodes: [Resolved]
            members: [bob@example.com, id:missing]
        agents:
          - user: ghost@example.com
            skills: { Billing: 1 }
        """, file: "routing.yaml")
        #expect { try RoutingSync.plan(desired: state, current: org.snapshot) } throws: { error in
            guard let error = error as? SyncError else { return false }
            #expect(error.code == .unresolvedReference)
            #expect(error.problems.map(\.description) == [
                "routing.yaml:2: defaults.division: unknown division 'Headquarters'",
                "routing.yaml:5: skillGroups[G].memberDivisions[0]: unknown division 'sales'; did you mean 'Sales'?",
                "routing.yaml:8: skillGroups[G].conditions[0].routingSkillConditions[0].routingSkill: unknown skill 'billing' (neither declared in the file nor in the org); did you mean 'Billing'?",
                "routing.yaml:9: skillGroups[G].conditions[0].languageSkillConditions[0].languageSkill: unknown language 'Klingon' (neither declared in the file nor in the org)",
                "routing.yaml:12: queues[Q].skillGroups[0]: unknown skill group 'Nope' (neither declared in the file nor in the org)",
                "routing.yaml:13: queues[Q].wrapupCodes[0]: unknown wrap-up code 'Resolved' (neither declared in the file nor in the org)",
                "routing.yaml:14: queues[Q].members[0]: no user has the email bob@example.com",
                "routing.yaml:14: queues[Q].members[1]: no user has id missing",
                "routing.yaml:16: agents[ghost@example.com].user: no user has the email ghost@example.com",
            ])
            return true
        }
    }

    @Test("under prune, a reference to an existing but undeclared object is an error (prune would delete it)")
    func pruneReference() throws {
        var org = OrgBuilder()
        org.skill("Billing")
        org.user("jane@example.com")
        let state = try DesiredState.yaml("""
        version: 1
        policy: { prune: true }
        agents: [{ user: jane@example.com, skills: { Billing: 2 } }]
        """, file: "r.yaml")
        #expect { try RoutingSync.plan(desired: state, current: org.snapshot) } throws: { error in
            (error as? SyncError)?.description
                == "r.yaml:3: agents[jane@example.com].skills[Billing]: skill 'Billing' exists but is not declared, so prune would delete it; declare it"
        }
    }

    @Test("a new skill group needs conditions")
    func newGroupNeedsConditions() throws {
        let state = try DesiredState.yaml("version: 1\nskillGroups: [{ name: G, description: x }]\n", file: "r.yaml")
        #expect { try RoutingSync.plan(desired: state, current: OrgBuilder().snapshot) } throws: { error in
            guard let error = error as? SyncError else { return false }
            return error.code == .incompleteDefinition
                && error.description == "r.yaml:2: skillGroups[G].conditions: is required to create the skill group (it does not exist in the org yet)"
        }
    }

    @Test("divisions: the default applies to objects that name none; member divisions include the group's own")
    func divisions() throws {
        var org = OrgBuilder()
        org.skill("A", division: "div-home")
        org.wrapupCode("W", division: "div-sales")
        org.skillGroup("G", division: "div-sales",
                       conditions: [SkillGroupCondition(routingSkillConditions: [leaf("A", .greaterThan, 1)], operation: .and)],
                       memberDivisions: ["div-sales"])
        let state = try DesiredState.yaml("""
        version: 1
        defaults: { division: Sales }
        skills: [{ name: A }]
        wrapupCodes: [{ name: W }]
        skillGroups: [{ name: G, memberDivisions: [Home] }]
        """)
        let plan = try RoutingSync.plan(desired: state, current: org.snapshot)
        #expect(plan.lines == ["update skill A", "update skillGroup G"])
        #expect(plan.change(.skill, "A")?.fields.map(\.description) == ["division: \"Home\" → \"Sales\""])
        guard case .updateSkillGroup(_, let write)? = plan.change(.skillGroup, "G")?.operation else { Issue.record("no update"); return }
        #expect(write.addMemberDivisions == ["div-home"])
        #expect(write.removeMemberDivisions.isEmpty)
        #expect(!write.patch)
    }

    @Test("the plan encodes as the CLI's JSON: changes and summary")
    func json() throws {
        var org = OrgBuilder()
        org.queue("Billing Support", configure: { $0.description = "old" })
        org.skillGroup("Legacy")
        let state = try DesiredState.yaml("""
        version: 1
        policy: { prune: true }
        skills: [{ name: Billing }]
        queues: [{ name: Billing Support, description: new }]
        """)
        let plan = try RoutingSync.plan(desired: state, current: org.snapshot)
        let data = try JSONEncoder().encode(plan.document)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == 3)
        #expect(changes[0]["action"] as? String == "create")
        #expect(changes[0]["kind"] as? String == "skill")
        #expect(changes[0]["name"] as? String == "Billing")
        #expect(changes[0]["fields"] == nil)
        let fields = try #require(changes[1]["fields"] as? [[String: Any]])
        #expect(fields.first?["field"] as? String == "description")
        #expect(fields.first?["from"] as? String == "old")
        #expect(fields.first?["to"] as? String == "new")
        #expect(changes[2]["action"] as? String == "delete")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["create": 1, "update": 1, "replace": 0, "delete": 1, "unchanged": 0])

        let decoded = try JSONDecoder().decode(SyncPlanDocument.self, from: data)
        #expect(decoded.summary == plan.summary)
        #expect(decoded.changes.allSatisfy { $0.operation == nil })
        #expect(plan.isApplicable)
    }

    @Test("drift is the plan of an unchanged file: the objects that differ")
    func drift() throws {
        var org = Self.matchingOrg
        org.snapshot.queues![0].queue.acwSettings?.timeoutMs = 60000
        org.snapshot.agents![0].skills.removeAll()
        let report = try RoutingSync.detectDrift(desired: try Fixtures.load("example.yaml"), current: org.snapshot)
        #expect(report.hasDrift)
        #expect(report.driftedObjects == [ObjectRef(kind: .queue, name: "Billing Support"), ObjectRef(kind: .agent, name: "jane.doe@example.com")])
        #expect(report.drifted[0].fields.map(\.description) == ["acwSettings.timeoutMs: 60000 → 30000"])
        #expect(report.inSync.count == 5)
    }

    @Test("export of a snapshot plans to nothing against the same snapshot")
    func exportRoundTrip() throws {
        let snapshot = Self.matchingOrg.snapshot
        let exported = RoutingSync.export(from: snapshot)
        #expect(exported.defaults.division == "Home")
        #expect(exported.skills.map(\.name) == ["Billing", "Refunds"])
        #expect(exported.skillGroups.first?.memberDivisions == nil)
        let plan = try RoutingSync.plan(desired: exported, current: snapshot)
        #expect(plan.changes.isEmpty, "\(plan.changes)")
        let text = DesiredStateWriter.string(exported, format: .yaml)
        let reloaded = try DesiredStateLoader.load(string: text, format: .yaml, fileName: "export.yaml")
        #expect(try RoutingSync.plan(desired: reloaded, current: snapshot).changes.isEmpty)
    }

    @Test("impact: per skill, agents holding it, groups using it, queues reached through them")
    func impact() throws {
        let report = RoutingSync.impactReport(from: Self.matchingOrg.snapshot)
        #expect(report.skills == [
            ImpactReport.SkillImpact(skill: "Billing", agents: ["jane.doe@example.com"], skillGroups: ["Billing Experts"], queues: ["Billing Support"]),
            ImpactReport.SkillImpact(skill: "Refunds", agents: ["jane.doe@example.com"], skillGroups: [], queues: []),
        ])
        #expect(report.csv() == "skill,agentCount,agents,skillGroups,queues\r\nBilling,1,jane.doe@example.com,Billing Experts,Billing Support\r\nRefunds,1,jane.doe@example.com,,\r\n")
        #expect(report.markdown().contains("| Billing | 1 | Billing Experts | Billing Support |"))
        #expect(report.markdown().contains("| Refunds | 1 | — | — |"))
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        #expect((json?["skills"] as? [[String: Any]])?.first?["skill"] as? String == "Billing")
        #expect(ImpactReport.csvField("a, \"b\"") == "\"a, \"\"b\"\"\"")
    }
}
