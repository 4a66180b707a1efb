import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// `policy`: agentSkills, agentLanguages, queueMembers, prune (and the caller's prune override).
@Suite("Semantics: policies")
struct SemanticsPolicyTests {
    @Test("agentSkills: authoritative ends with exactly the declared skills (one replace-all); additive adds and updates, keeping others",
          arguments: [SyncPolicy.Mode.authoritative, .additive])
    func agentSkills(_ mode: SyncPolicy.Mode) async throws {
        let harness = try Harness()
        let org = harness.org
        let a = try org.addSkill(name: "A"), b = try org.addSkill(name: "B")
        try org.addSkill(name: "C")
        let ana = harness.users["ana@example.com"]!
        try org.assignSkill(userID: ana, skillID: a, proficiency: 1)
        try org.assignSkill(userID: ana, skillID: b, proficiency: 2)
        let state = try DesiredState.yaml("""
        version: 1
        policy: { agentSkills: \(mode.rawValue) }
        agents: [{ user: ana@example.com, skills: { A: 3, C: 1 } }]
        """)
        org.resetLog()
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        let stored = org.snapshot()
        switch mode {
        case .authoritative:
            #expect(report.plan.changes.first?.fields.map(\.description) == ["skills[A]: 1 → 3", "skills[C]: (none) → 1", "skills[B]: 2 → (none)"])
            #expect(org.writes.map(\.description) == ["PUT /api/v2/users/\(ana)/routingskills/bulk → 200 (routing.replaceUserRoutingSkills)"])
            #expect(Semantics.skills(of: ana, in: stored) == ["A": 3, "C": 1])
        case .additive:
            #expect(report.plan.changes.first?.fields.map(\.description) == ["skills[A]: 1 → 3", "skills[C]: (none) → 1"])
            #expect(org.writes.map(\.description) == ["PATCH /api/v2/users/\(ana)/routingskills/bulk → 200 (routing.addOrUpdateUserRoutingSkills)"])
            #expect(Semantics.skills(of: ana, in: stored) == ["A": 3, "B": 2, "C": 1])
        }
        org.resetLog()
        #expect(try await harness.sync.apply(state).plan.changes.isEmpty)
        #expect(org.writes.isEmpty)
    }

    @Test("agentLanguages: authoritative removes undeclared languages one by one (no replace-all exists); additive keeps them",
          arguments: [SyncPolicy.Mode.authoritative, .additive])
    func agentLanguages(_ mode: SyncPolicy.Mode) async throws {
        let harness = try Harness()
        let org = harness.org
        let l = try org.addLanguage(name: "L"), m = try org.addLanguage(name: "M"), n = try org.addLanguage(name: "N")
        try org.addLanguage(name: "P")
        let ana = harness.users["ana@example.com"]!
        try org.assignLanguage(userID: ana, languageID: l, proficiency: 1)
        try org.assignLanguage(userID: ana, languageID: m, proficiency: 2)
        try org.assignLanguage(userID: ana, languageID: n, proficiency: 5)
        let state = try DesiredState.yaml("""
        version: 1
        policy: { agentLanguages: \(mode.rawValue) }
        agents: [{ user: ana@example.com, languages: { L: 3, P: 4 } }]
        """)
        org.resetLog()
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        let stored = org.snapshot()
        let upsert = "PATCH /api/v2/users/\(ana)/routinglanguages/bulk → 200 (routing.addOrUpdateUserRoutingLanguages)"
        switch mode {
        case .authoritative:
            #expect(Set(org.writes.map(\.description)) == [
                upsert,
                "DELETE /api/v2/users/\(ana)/routinglanguages/\(m) → 204 (routing.removeUserRoutingLanguage)",
                "DELETE /api/v2/users/\(ana)/routinglanguages/\(n) → 204 (routing.removeUserRoutingLanguage)",
            ])
            #expect(org.writes.count == 3)
            #expect(Semantics.languages(of: ana, in: stored) == ["L": 3, "P": 4])
        case .additive:
            #expect(org.writes.map(\.description) == [upsert])
            #expect(Semantics.languages(of: ana, in: stored) == ["L": 3, "M": 2, "N": 5, "P": 4])
        }
        org.resetLog()
        #expect(try await harness.sync.apply(state).plan.changes.isEmpty)
        #expect(org.writes.isEmpty)
    }

    @Test("queueMembers: authoritative removes undeclared direct members, additive keeps them; members through a skill group are neither",
          arguments: [SyncPolicy.Mode.authoritative, .additive])
    func queueMembers(_ mode: SyncPolicy.Mode) async throws {
        let harness = try Harness()
        let org = harness.org
        let skill = try org.addSkill(name: "A")
        let group = try org.addSkillGroup(SkillGroupWithMemberDivisions(name: "G", skillConditions: [Semantics.condition("A")], memberDivisions: ["*"]))
        var request = QueueRequest(name: "Q")
        request.memberGroups = [MemberGroup(id: group, type: .skillGroup)]
        let queue = try org.addQueue(CreateQueueRequest(queue: request))
        let user = { (name: String) in harness.users["\(name)@example.com"]! }
        try org.addQueueMembers(queueID: queue, userIDs: [user("ana"), user("ben")])
        // dev is in the queue only through the skill group.
        try org.assignSkill(userID: user("dev"), skillID: skill, proficiency: 1)
        #expect(org.skillGroupMemberIDs(group) == [user("dev")])

        let state = try DesiredState.yaml("""
        version: 1
        policy: { queueMembers: \(mode.rawValue) }
        queues: [{ name: Q, members: [ben@example.com, cara@example.com] }]
        """)
        org.resetLog()
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        let members = Set(org.snapshot().queues.first { $0.queue.id == queue }!.members.map(\.userID))
        switch mode {
        case .authoritative:
            #expect(report.plan.changes.first?.fields.map(\.description) == [
                "members: [\"ana@example.com\",\"ben@example.com\"] → [\"ben@example.com\",\"cara@example.com\"]",
            ])
            #expect(members == [user("ben"), user("cara")])
            #expect(org.writes.count == 2)
        case .additive:
            #expect(report.plan.changes.first?.fields.map(\.description) == [
                "members: [\"ana@example.com\",\"ben@example.com\"] → [\"ana@example.com\",\"ben@example.com\",\"cara@example.com\"]",
            ])
            #expect(members == [user("ana"), user("ben"), user("cara")])
            #expect(org.writes.count == 1)
        }
        #expect(!org.writes.contains { $0.path.contains(user("dev")) })
        #expect(org.skillGroupMemberIDs(group) == [user("dev")])
        org.resetLog()
        #expect(try await harness.sync.apply(state).plan.changes.isEmpty)
        #expect(org.writes.isEmpty)
    }

    /// An org with one undeclared object of every prunable kind, a declared skill and a group renamed in the file.
    struct PruneOrg {
        var harness: Harness
        var undeclared: [String: String]  // kind → id
    }

    static func pruneOrg() throws -> PruneOrg {
        let harness = try Harness()
        let org = harness.org
        try org.addSkill(name: "Kept")
        let skill = try org.addSkill(name: "Old Skill")
        let language = try org.addLanguage(name: "Old Language")
        let code = try org.addWrapupCode(name: "Old Code")
        let group = try org.addSkillGroup(SkillGroupWithMemberDivisions(name: "Old Group", skillConditions: [Semantics.condition("Old Skill")]))
        try org.addSkillGroup(SkillGroupWithMemberDivisions(name: "Before Rename", skillConditions: [Semantics.condition("Kept")]))
        var request = QueueRequest(name: "Old Queue")
        request.memberGroups = [MemberGroup(id: group, type: .skillGroup)]
        let queue = try org.addQueue(CreateQueueRequest(queue: request))
        try org.addQueueWrapupCodes(queueID: queue, codeIDs: [code])
        try org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Old Name Queue")))
        return PruneOrg(harness: harness, undeclared: ["skill": skill, "language": language, "wrapupCode": code, "skillGroup": group, "queue": queue])
    }

    static func pruneFile(prune: Bool) throws -> DesiredState {
        try DesiredState.yaml("""
        version: 1
        policy: { prune: \(prune), agentSkills: authoritative, agentLanguages: authoritative, queueMembers: authoritative }
        skills: [{ name: Kept }, { name: New Skill }]
        skillGroups: [{ name: After Rename, previousNames: [Before Rename] }]
        queues: [{ name: New Name Queue, previousNames: [Old Name Queue] }]
        """)
    }

    @Test("prune: false never deletes, whatever the other policies, and the caller's override prune: false wins over the file's true",
          arguments: [(false, nil), (true, false)] as [(Bool, Bool?)])
    func noPrune(file: Bool, override: Bool?) async throws {
        let setup = try Self.pruneOrg()
        let org = setup.harness.org
        let before = org.snapshot()
        org.resetLog()
        let report = try await setup.harness.sync.apply(try Self.pruneFile(prune: file), options: PlanOptions(prune: override))
        #expect(report.succeeded)
        #expect(report.plan.lines == ["create skill New Skill", "update skillGroup After Rename", "update queue New Name Queue"])
        #expect(!report.plan.prune)
        #expect(org.writes.filter { $0.method == .delete }.isEmpty)
        let after = org.snapshot()
        #expect(after.skills.filter { $0.state != .deleted }.count == before.skills.count + 1)
        #expect(after.languages == before.languages)
        #expect(after.wrapupCodes == before.wrapupCodes)
        #expect(after.skillGroups.count == before.skillGroups.count)
        #expect(after.queues.count == before.queues.count)
    }

    @Test("the caller's prune override on a snapshot read without prune fails (incompleteSnapshot) instead of pruning only the kinds that were read")
    func pruneOverrideNeedsEveryList() async throws {
        let setup = try Self.pruneOrg()
        let file = try DesiredState.yaml("version: 1\nskills: [{ name: Kept }, { name: Old Skill }]\n", file: "r.yaml")
        // Read for the file as written (no prune): only skills are listed.
        let partial = try await setup.harness.sync.readOrg(for: file)
        #expect(partial.skills != nil)
        #expect(partial.languages == nil && partial.wrapupCodes == nil && partial.skillGroups == nil && partial.queues == nil)
        let expected = [
            "r.yaml: policy.prune: prune deletes every undeclared skill, language, wrap-up code, skill group and queue, but the org snapshot does not include languages, wrap-up codes, skill groups, queues (read it with readOrg(for:) for the file with policy.prune set)",
        ]
        #expect { try RoutingSync.plan(desired: file, current: partial, options: PlanOptions(prune: true)) } throws: { error in
            guard let error = error as? SyncError else { return false }
            #expect(error.problems.map(\.description) == expected)
            return error.code == .incompleteSnapshot
        }
        #expect(throws: SyncError.self) { try RoutingSync.detectDrift(desired: file, current: partial, options: PlanOptions(prune: true)) }

        // Read with prune set, the same plan deletes every undeclared kind.
        var pruning = file
        pruning.policy.prune = true
        let full = try await setup.harness.sync.readOrg(for: pruning)
        let plan = try RoutingSync.plan(desired: file, current: full, options: PlanOptions(prune: true))
        #expect(plan.lines == [
            "delete queue Old Name Queue", "delete queue Old Queue", "delete skillGroup Before Rename", "delete skillGroup Old Group",
            "delete language Old Language", "delete wrapupCode Old Code",
        ])
        // A snapshot read for prune plans the same without the override when the file itself prunes.
        #expect(try RoutingSync.plan(desired: pruning, current: full).lines == plan.lines)
    }

    @Test("prune (from the file, or the caller's override of a file without it) deletes every undeclared object last: queues, then skill groups, then skills, languages and wrap-up codes",
          arguments: [(true, nil), (false, true)] as [(Bool, Bool?)])
    func prune(file: Bool, override: Bool?) async throws {
        let setup = try Self.pruneOrg()
        let org = setup.harness.org
        org.resetLog()
        let report = try await setup.harness.sync.apply(try Self.pruneFile(prune: file), options: PlanOptions(prune: override))
        #expect(report.succeeded, "\(report.results.map(\.description))")
        #expect(report.plan.prune)
        #expect(report.plan.lines == [
            "create skill New Skill", "update skillGroup After Rename", "update queue New Name Queue",
            "delete queue Old Queue", "delete skillGroup Old Group",
            "delete skill Old Skill", "delete language Old Language", "delete wrapupCode Old Code",
        ])
        let writes = org.writes
        let deletes = Semantics.objectDeletes(org)
        #expect(deletes.map(\.operation) == [
            "routing.deleteQueue", "routing.deleteSkillGroup",
            // The last tier runs concurrently; its order is free.
        ] + deletes.dropFirst(2).map(\.operation))
        #expect(Set(deletes.dropFirst(2).map(\.path)) == [
            "/api/v2/routing/skills/\(setup.undeclared["skill"]!)",
            "/api/v2/routing/languages/\(setup.undeclared["language"]!)",
            "/api/v2/routing/wrapupcodes/\(setup.undeclared["wrapupCode"]!)",
        ])
        #expect(deletes.count == 5)
        // Deletions come after every other write.
        let firstDelete = try #require(writes.firstIndex { deletes.contains($0) })
        #expect(writes[firstDelete...].allSatisfy { deletes.contains($0) })

        let after = org.snapshot()
        #expect(after.skills.filter { $0.state != .deleted }.compactMap(\.name).sorted() == ["Kept", "New Skill"])
        #expect(after.languages.filter { $0.state != .deleted }.isEmpty)
        #expect(after.wrapupCodes.isEmpty)
        #expect(after.skillGroups.map(\.group.name) == ["After Rename"])
        #expect(after.queues.map(\.queue.name) == ["New Name Queue"])

        try await setup.harness.settle()
        org.resetLog()
        let again = try await setup.harness.sync.apply(try Self.pruneFile(prune: file), options: PlanOptions(prune: override))
        #expect(again.plan.changes.isEmpty, "\(again.plan.lines)")
        #expect(org.writes.isEmpty)
    }
}
