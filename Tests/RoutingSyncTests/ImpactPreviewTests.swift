import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// Issue #13: the routing-impact preview equals the fake org's own `memberCount` after the apply, for
/// each kind of change.
@Suite("Routing impact preview")
struct ImpactPreviewTests {
    /// An org with a skill group per skill (Billing ≥ 3 over every division; French ≥ 2 over Home) and a
    /// queue on each; "Billing Support" also has a direct member (eli).
    ///
    /// Agents: ana (Sales, Billing 4), ben (Billing 2), cara (Billing 3), dev (Sales, Billing 5),
    /// eli (French 3, direct member of Billing Support), fay (French 1), gus (Sales, French 4).
    struct Org {
        let harness: Harness
        let groups: [String: String]
        let queues: [String: String]

        init() throws {
            let harness = try Harness()
            let org = harness.org
            let billing = try org.addSkill(name: "Billing")
            let french = try org.addLanguage(name: "French")
            for (name, level) in [("ana", 4.0), ("ben", 2), ("cara", 3), ("dev", 5)] {
                try org.assignSkill(userID: harness.users["\(name)@example.com"]!, skillID: billing, proficiency: level)
            }
            for (name, level) in [("eli", 3.0), ("fay", 1), ("gus", 4)] {
                try org.assignLanguage(userID: harness.users["\(name)@example.com"]!, languageID: french, proficiency: level)
            }
            let billingLine = try org.addSkillGroup(SkillGroupWithMemberDivisions(
                name: "Billing Line", skillConditions: [Semantics.condition("Billing", .greaterThanOrEqualTo, 3)], memberDivisions: ["*"]
            ))
            let frenchLine = try org.addSkillGroup(SkillGroupWithMemberDivisions(
                name: "French Line",
                skillConditions: [SkillGroupCondition(
                    routingSkillConditions: [],
                    languageSkillConditions: [SkillGroupLanguageCondition(languageSkill: "French", comparator: .greaterThanOrEqualTo, proficiency: 2)],
                    operation: .and
                )]
            ))
            var billingQueue = QueueRequest(name: "Billing Support")
            billingQueue.memberGroups = [MemberGroup(id: billingLine, type: .skillGroup)]
            let billingSupport = try org.addQueue(CreateQueueRequest(queue: billingQueue))
            try org.addQueueMembers(queueID: billingSupport, userIDs: [harness.users["eli@example.com"]!])
            var frenchQueue = QueueRequest(name: "French Support")
            frenchQueue.memberGroups = [MemberGroup(id: frenchLine, type: .skillGroup)]
            let frenchSupport = try org.addQueue(CreateQueueRequest(queue: frenchQueue))
            self.harness = harness
            groups = ["Billing Line": billingLine, "French Line": frenchLine]
            queues = ["Billing Support": billingSupport, "French Support": frenchSupport]
        }

        /// The fake org's own `memberCount` of a skill group or queue, by id.
        func memberCount(_ entry: RoutingImpact.Entry, id: String) async throws -> Int? {
            let routing = RoutingAPI(client: harness.client)
            switch entry.kind {
            case .skillGroup: return try await routing.getSkillGroup(id: id).memberCount
            case .queue: return try await routing.getQueue(id: id).memberCount
            }
        }

        func id(of entry: RoutingImpact.Entry) -> String? {
            let stored = harness.org.snapshot()
            switch entry.kind {
            case .skillGroup: return stored.skillGroups.first { $0.group.name == entry.name }?.group.id
            case .queue: return stored.queues.first { $0.queue.name == entry.name }?.queue.id
            }
        }

        /// Plans `yaml` with the preview, checks `agentsBefore` against the org's counts, applies, and
        /// checks `agentsAfter` against the org's counts. Returns the preview (sorted entries, as text).
        func previewThenApply(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> RoutingImpact {
            let state = try DesiredState.yaml(yaml)
            let plan = try await harness.sync.plan(state, previewingImpact: true)
            let impact = try #require(plan.impact, sourceLocation: sourceLocation)
            for entry in impact.entries {
                guard let id = id(of: entry) else { continue }  // created by the plan
                #expect(try await memberCount(entry, id: id) == entry.agentsBefore, "before: \(entry)", sourceLocation: sourceLocation)
            }
            let report = await harness.sync.apply(plan)
            #expect(report.succeeded, "\(report.results.map(\.description))", sourceLocation: sourceLocation)
            try await harness.settle()
            for entry in impact.entries {
                let found = try #require(self.id(of: entry), "\(entry.name) exists after the apply", sourceLocation: sourceLocation)
                #expect(try await memberCount(entry, id: found) == entry.agentsAfter, "after: \(entry)", sourceLocation: sourceLocation)
            }
            return impact
        }
    }

    static func lines(_ impact: RoutingImpact) -> [String] {
        impact.entries.map { "\($0.kind.rawValue) \($0.name): \($0.agentsBefore) → \($0.agentsAfter)\($0.exact ? "" : " ~")" }
    }

    @Test("a condition edit: the group and its queue lose agents")
    func conditionEdit() async throws {
        let org = try Org()
        let impact = try await org.previewThenApply("""
        version: 1
        skillGroups:
          - name: Billing Line
            conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: Billing, comparator: GreaterThanOrEqualTo, proficiency: 4 }] }]
        """)
        #expect(Self.lines(impact) == ["skillGroup Billing Line: 3 → 2", "queue Billing Support: 4 → 3"])
    }

    @Test("an agent's skill changes; every group's conditions are read at most once")
    func agentSkill() async throws {
        let org = try Org()
        let yaml = """
        version: 1
        agents:
          - user: cara@example.com
            skills: { Billing: 1 }
        """
        org.harness.org.resetLog()
        _ = try await org.harness.sync.plan(try DesiredState.yaml(yaml))
        let planOnly = org.harness.apiRequests.count
        org.harness.org.resetLog()
        let preview = try #require(try await org.harness.sync.plan(try DesiredState.yaml(yaml), previewingImpact: true).impact)
        let groupReads = org.harness.org.requests.filter { $0.method == .get && $0.path.hasPrefix("/api/v2/routing/skillgroups/") }
        #expect(groupReads.count == 4, "conditions and member divisions of both groups: \(groupReads.map(\.path))")
        #expect(Set(groupReads.map(\.path)).count == groupReads.count, "each read once: \(groupReads.map(\.path))")
        #expect(preview.requests.total == org.harness.apiRequests.count - planOnly, "the preview counts its own requests")
        let impact = try await org.previewThenApply(yaml)
        #expect(Self.lines(impact) == ["skillGroup Billing Line: 3 → 2", "queue Billing Support: 4 → 3"])
    }

    @Test("an agent's language changes")
    func agentLanguage() async throws {
        let org = try Org()
        let impact = try await org.previewThenApply("""
        version: 1
        agents:
          - user: fay@example.com
            languages: { French: 4 }
        """)
        #expect(Self.lines(impact) == ["skillGroup French Line: 1 → 2", "queue French Support: 1 → 2"])
    }

    @Test("member divisions: dropping a division drops its agents")
    func memberDivisions() async throws {
        let org = try Org()
        let impact = try await org.previewThenApply("""
        version: 1
        skillGroups:
          - name: Billing Line
            memberDivisions: [Home]
        """)
        #expect(Self.lines(impact) == ["skillGroup Billing Line: 3 → 1", "queue Billing Support: 4 → 2"])
    }

    @Test("a queue's groups are detached and attached; a new group and a new queue count from 0")
    func attachDetach() async throws {
        let org = try Org()
        let impact = try await org.previewThenApply("""
        version: 1
        skillGroups:
          - name: Experts
            conditions: [{ operation: Or, routingSkillConditions: [{ routingSkill: Billing, comparator: EqualTo, proficiency: 5 }],
                           languageSkillConditions: [{ languageSkill: French, comparator: GreaterThan, proficiency: 3 }] }]
            memberDivisions: ["*"]
        queues:
          - name: French Support
            skillGroups: [Billing Line]
          - name: Escalations
            skillGroups: [Experts, French Line]
        """)
        #expect(Self.lines(impact) == [
            "skillGroup Experts: 0 → 2", "queue Escalations: 0 → 3", "queue French Support: 1 → 3",
        ])
    }

    @Test("renames report the new names, and a condition edit under a rename counts")
    func renames() async throws {
        let org = try Org()
        let impact = try await org.previewThenApply("""
        version: 1
        skillGroups:
          - name: Billing Team
            previousNames: [Billing Line]
            conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: Billing, comparator: GreaterThan, proficiency: 4 }] }]
        queues:
          - name: Billing Desk
            previousNames: [Billing Support]
            skillGroups: [Billing Team]
        """)
        #expect(Self.lines(impact) == ["skillGroup Billing Team: 3 → 1", "queue Billing Desk: 4 → 2"])
    }

    @Test("a queue left with nobody is listed among the empty queues")
    func emptyQueue() async throws {
        let org = try Org()
        let impact = try await org.previewThenApply("""
        version: 1
        skillGroups:
          - name: French Line
            conditions: [{ operation: And, languageSkillConditions: [{ languageSkill: French, comparator: EqualTo, proficiency: 5 }] }]
        """)
        #expect(Self.lines(impact) == ["skillGroup French Line: 1 → 0", "queue French Support: 1 → 0"])
        #expect(impact.emptyQueues.map(\.name) == ["French Support"])
    }

    @Test("GROUP or TEAM member groups make a queue's count inexact")
    func inexact() async throws {
        let org = try Org()
        let impact = try await org.previewThenApply("""
        version: 1
        queues:
          - name: Mixed
            skillGroups: [French Line]
        """)
        #expect(Self.lines(impact) == ["queue Mixed: 0 → 1"])
        // A queue with a GROUP member group (added outside the file) is marked inexact.
        let queue = try #require(org.id(of: RoutingImpact.Entry(kind: .queue, name: "Mixed", agentsBefore: 0, agentsAfter: 0)))
        let routing = RoutingAPI(client: org.harness.client)
        var request = QueueRequest(try await routing.getQueue(id: queue))
        request.memberGroups = (request.memberGroups ?? []) + [MemberGroup(id: org.harness.users["ana@example.com"]!, type: .group)]
        _ = try await routing.updateQueue(id: queue, request)
        let plan = try await org.harness.sync.plan(try DesiredState.yaml("""
        version: 1
        queues:
          - name: Mixed
            skillGroups: [Billing Line]
        """), previewingImpact: true)
        #expect(Self.lines(try #require(plan.impact)) == ["queue Mixed: 1 → 3 ~"])
    }

    @Test("a plan without changes costs no request for the preview")
    func noOpCostsNothing() async throws {
        let org = try Org()
        let state = try DesiredState.yaml("""
        version: 1
        skillGroups: [{ name: Billing Line }]
        queues: [{ name: Billing Support, skillGroups: [Billing Line] }]
        """)
        org.harness.org.resetLog()
        let plain = try await org.harness.sync.plan(state)
        let withoutPreview = org.harness.apiRequests.count
        org.harness.org.resetLog()
        let previewed = try await org.harness.sync.plan(state, previewingImpact: true)
        #expect(!plain.hasChanges && !previewed.hasChanges)
        #expect(org.harness.apiRequests.count == withoutPreview)
        #expect(previewed.impact == RoutingImpact())
    }

    @Test("the impact array encodes as cli.md says")
    func encoding() throws {
        var plan = SyncPlan(changes: [])
        plan.impact = RoutingImpact(entries: [RoutingImpact.Entry(kind: .queue, name: "Q", agentsBefore: 12, agentsAfter: 7, exact: false)])
        let data = try JSONEncoder().encode(plan.document)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let impact = try #require(json["impact"] as? [[String: Any]])
        #expect(impact.count == 1)
        #expect(Set(impact[0].keys) == ["kind", "name", "agentsBefore", "agentsAfter", "exact"])
        #expect(impact[0]["kind"] as? String == "queue" && impact[0]["agentsBefore"] as? Int == 12)
        #expect(impact[0]["agentsAfter"] as? Int == 7 && impact[0]["exact"] as? Bool == false)
        let text = String(decoding: data, as: UTF8.self)
        let decoded = try JSONDecoder().decode(SyncPlanDocument.self, from: Data(text.utf8))
        #expect(decoded.impact?.entries == plan.impact?.entries)
    }
}
