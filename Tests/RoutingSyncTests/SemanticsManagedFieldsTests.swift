import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// "Only what is written is managed": a field left out of an object is not compared and not changed.
@Suite("Semantics: only what is written is managed")
struct SemanticsManagedFieldsTests {
    /// A queue with members, wrap-up codes, a skill group and a team as member groups, ACW and media settings.
    struct SeededQueue {
        var queueID: String
        var groupID: String
        var codeID: String
    }

    static func seedQueue(_ harness: Harness) throws -> SeededQueue {
        let org = harness.org
        try org.addSkill(name: "A")
        let groupID = try org.addSkillGroup(SkillGroupWithMemberDivisions(name: "G", skillConditions: [Semantics.condition("A")]))
        let codeID = try org.addWrapupCode(name: "W")
        var request = QueueRequest(name: "Q", description: "old")
        request.skillEvaluationMethod = .best
        request.acwSettings = AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 30000)
        request.mediaSettings = QueueMediaSettings(
            call: MediaSettings(enableAutoAnswer: true, alertingTimeoutSeconds: 10, serviceLevel: ServiceLevel(percentage: 0.8, durationMs: 20000)),
            chat: MediaSettings(alertingTimeoutSeconds: 30),
            email: EmailMediaSettings(alertingTimeoutSeconds: 300, serviceLevel: ServiceLevel(percentage: 0.5, durationMs: 86_400_000))
        )
        request.memberGroups = [MemberGroup(id: groupID, type: .skillGroup), MemberGroup(id: "team-1", type: .team)]
        let queueID = try org.addQueue(CreateQueueRequest(queue: request))
        try org.addQueueMembers(queueID: queueID, userIDs: [harness.users["ana@example.com"]!, harness.users["ben@example.com"]!])
        try org.addQueueWrapupCodes(queueID: queueID, codeIDs: [codeID])
        return SeededQueue(queueID: queueID, groupID: groupID, codeID: codeID)
    }

    @Test("a queue that declares only a description keeps its members (even under authoritative queueMembers), wrap-up codes, member groups, ACW and media settings")
    func queueKeepsUndeclaredFields() async throws {
        let harness = try Harness()
        let seeded = try Self.seedQueue(harness)
        let before = try #require(harness.org.snapshot().queues.first { $0.queue.id == seeded.queueID })
        let state = try DesiredState.yaml("""
        version: 1
        policy: { queueMembers: authoritative }
        queues:
          - name: Q
            description: new
        """)
        harness.org.resetLog()
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        #expect(report.plan.lines == ["update queue Q"])
        #expect(report.plan.changes.first?.fields.map(\.description) == ["description: \"old\" → \"new\""])
        #expect(harness.org.writes.map(\.description) == ["PUT /api/v2/routing/queues/\(seeded.queueID) → 200 (routing.updateQueue)"])
        // Members and wrap-up codes were not even read.
        #expect(!harness.apiRequests.contains { $0.path.hasSuffix("/members") || $0.path.hasSuffix("/wrapupcodes") })

        let after = try #require(harness.org.snapshot().queues.first { $0.queue.id == seeded.queueID })
        #expect(after.queue.description == "new")
        #expect(after.members == before.members)
        #expect(after.members.map(\.userID) == [harness.users["ana@example.com"]!, harness.users["ben@example.com"]!])
        #expect(after.wrapupCodeIDs == [seeded.codeID])
        #expect(after.queue.memberGroups == before.queue.memberGroups)
        #expect(after.queue.mediaSettings == before.queue.mediaSettings)
        #expect(after.queue.acwSettings == before.queue.acwSettings)
        #expect(after.queue.skillEvaluationMethod == .best)
        #expect(after.queue.division == before.queue.division)

        harness.org.resetLog()
        #expect(try await harness.sync.apply(state).plan.changes.isEmpty)
        #expect(harness.org.writes.isEmpty)
    }

    @Test("a skill group without memberDivisions or conditions keeps them; declaring only memberDivisions leaves the definition alone")
    func skillGroupKeepsUndeclaredFields() async throws {
        let harness = try Harness()
        let org = harness.org
        try org.addSkill(name: "A")
        let sales = try #require(org.snapshot().divisions.first { $0.name == "Sales" }?.id)
        let home = org.snapshot().homeDivisionID
        let conditions = [SkillGroupCondition(
            routingSkillConditions: [leaf("A", .greaterThanOrEqualTo, 2)],
            languageSkillConditions: [], operation: .and
        )]
        let id = try org.addSkillGroup(SkillGroupWithMemberDivisions(
            name: "G", description: "old", skillConditions: conditions, memberDivisions: [sales]
        ))
        let before = try #require(org.snapshot().skillGroups.first { $0.group.id == id })
        #expect(Set(before.memberDivisionIDs) == [home, sales])

        // Description only: the conditions are fetched for the PATCH (the list has none), member divisions untouched.
        org.resetLog()
        let described = try await harness.sync.apply(try DesiredState.yaml("version: 1\nskillGroups: [{ name: G, description: new }]\n"))
        #expect(described.succeeded)
        #expect(described.plan.changes.first?.fields.map(\.description) == ["description: \"old\" → \"new\""])
        #expect(org.writes.map(\.operation) == ["routing.updateSkillGroup"])
        var after = try #require(org.snapshot().skillGroups.first { $0.group.id == id })
        #expect(after.group.description == "new")
        #expect(ConditionCanon.key(after.group.skillConditions) == ConditionCanon.key(conditions))
        #expect(after.memberDivisionIDs == before.memberDivisionIDs)

        // Member divisions only: one member-division call, no PATCH of the definition.
        org.resetLog()
        let narrowed = try await harness.sync.apply(try DesiredState.yaml("version: 1\nskillGroups: [{ name: G, memberDivisions: [Home] }]\n"))
        #expect(narrowed.succeeded)
        #expect(org.writes.map(\.operation) == ["routing.updateSkillGroupMemberDivisions"])
        after = try #require(org.snapshot().skillGroups.first { $0.group.id == id })
        #expect(after.memberDivisionIDs == [home])
        #expect(after.group.description == "new")
        #expect(ConditionCanon.key(after.group.skillConditions) == ConditionCanon.key(conditions))
    }

    @Test("an empty list is written, so it is managed: [] empties skill groups (teams kept), wrap-up codes, members (authoritative); acwSettings keeps keys not given")
    func emptyListsAreManaged() async throws {
        let harness = try Harness()
        let seeded = try Self.seedQueue(harness)
        let state = try DesiredState.yaml("""
        version: 1
        policy: { queueMembers: authoritative }
        queues:
          - name: Q
            skillGroups: []
            wrapupCodes: []
            members: []
            acwSettings: { timeoutMs: 45000 }
        """)
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded, "\(report.results.map(\.description))")
        #expect(report.plan.changes.first?.fields.map(\.description) == [
            "acwSettings.timeoutMs: 30000 → 45000",
            "skillGroups: [\"G\"] → []",
            "members: [\"ana@example.com\",\"ben@example.com\"] → []",
            "wrapupCodes: [\"W\"] → []",
        ])
        let after = try #require(harness.org.snapshot().queues.first { $0.queue.id == seeded.queueID })
        #expect(after.members.isEmpty)
        #expect(after.wrapupCodeIDs.isEmpty)
        #expect(after.queue.memberGroups?.map(\.id) == ["team-1"])
        #expect(after.queue.acwSettings == AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 45000))
        try await harness.settle()
        harness.org.resetLog()
        #expect(try await harness.sync.apply(state).plan.changes.isEmpty)
        #expect(harness.org.writes.isEmpty)
    }

    @Test("an agent with skills: {} under authoritative ends with no skills; under additive nothing changes")
    func emptySkillMap() async throws {
        for mode in [SyncPolicy.Mode.authoritative, .additive] {
            let harness = try Harness()
            let skill = try harness.org.addSkill(name: "A")
            let language = try harness.org.addLanguage(name: "L")
            let ana = harness.users["ana@example.com"]!
            try harness.org.assignSkill(userID: ana, skillID: skill, proficiency: 2)
            try harness.org.assignLanguage(userID: ana, languageID: language, proficiency: 2)
            let state = try DesiredState.yaml("""
            version: 1
            policy: { agentSkills: \(mode.rawValue), agentLanguages: \(mode.rawValue) }
            agents: [{ user: ana@example.com, skills: {}, languages: {} }]
            """)
            harness.org.resetLog()
            let report = try await harness.sync.apply(state)
            #expect(report.succeeded, "\(mode): \(report.results.map(\.description))")
            let stored = harness.org.snapshot()
            if mode == .authoritative {
                #expect(report.plan.changes.first?.fields.map(\.description) == ["skills[A]: 2 → (none)", "languages[L]: 2 → (none)"])
                #expect(Semantics.skills(of: ana, in: stored).isEmpty)
                #expect(Semantics.languages(of: ana, in: stored).isEmpty)
            } else {
                #expect(report.plan.changes.isEmpty)
                #expect(harness.org.writes.isEmpty)
                #expect(Semantics.skills(of: ana, in: stored) == ["A": 2])
                #expect(Semantics.languages(of: ana, in: stored) == ["L": 2])
            }
        }
    }

    @Test("media settings: only the keys given are managed; other keys and other media types are untouched after apply")
    func mediaSettingsKeys() async throws {
        let harness = try Harness()
        let seeded = try Self.seedQueue(harness)
        let before = try #require(harness.org.snapshot().queues.first { $0.queue.id == seeded.queueID })
        let state = try DesiredState.yaml("""
        version: 1
        queues:
          - name: Q
            mediaSettings:
              call: { alertingTimeoutSeconds: 8, serviceLevel: { durationMs: 15000 } }
              message: { alertingTimeoutSeconds: 45 }
        """)
        harness.org.resetLog()
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        #expect(report.plan.changes.first?.fields.map(\.description) == [
            "mediaSettings.call.alertingTimeoutSeconds: 10 → 8",
            "mediaSettings.call.serviceLevel.durationMs: 20000 → 15000",
            "mediaSettings.message.alertingTimeoutSeconds: (none) → 45",
        ])
        #expect(harness.org.writes.map(\.operation) == ["routing.updateQueue"])

        var expected = try #require(before.queue.mediaSettings)
        expected.call?.alertingTimeoutSeconds = 8
        expected.call?.serviceLevel?.durationMs = 15000
        expected.message = MessageMediaSettings(alertingTimeoutSeconds: 45)
        let after = try #require(harness.org.snapshot().queues.first { $0.queue.id == seeded.queueID })
        #expect(after.queue.mediaSettings == expected)
        #expect(after.queue.mediaSettings?.call?.enableAutoAnswer == true)
        #expect(after.queue.mediaSettings?.call?.serviceLevel?.percentage == 0.8)
        #expect(after.queue.mediaSettings?.chat == before.queue.mediaSettings?.chat)
        #expect(after.queue.mediaSettings?.email == before.queue.mediaSettings?.email)
        #expect(after.queue.description == "old")

        harness.org.resetLog()
        #expect(try await harness.sync.apply(state).plan.changes.isEmpty)
        #expect(harness.org.writes.isEmpty)
    }

    @Test("an agent that declares only skills keeps its languages, one that declares only languages keeps its skills, undeclared agents are untouched (authoritative policies)")
    func agentKeepsUndeclaredLists() async throws {
        let harness = try Harness()
        let org = harness.org
        let a = try org.addSkill(name: "A"), b = try org.addSkill(name: "B")
        let l = try org.addLanguage(name: "L"), m = try org.addLanguage(name: "M")
        let ana = harness.users["ana@example.com"]!, ben = harness.users["ben@example.com"]!, cara = harness.users["cara@example.com"]!
        for user in [ana, ben, cara] {
            try org.assignSkill(userID: user, skillID: a, proficiency: 1)
            try org.assignSkill(userID: user, skillID: b, proficiency: 2)
            try org.assignLanguage(userID: user, languageID: l, proficiency: 3)
            try org.assignLanguage(userID: user, languageID: m, proficiency: 4)
        }
        let state = try DesiredState.yaml("""
        version: 1
        policy: { agentSkills: authoritative, agentLanguages: authoritative }
        agents:
          - user: ana@example.com
            skills: { A: 5 }
          - user: ben@example.com
            languages: { L: 1 }
        """)
        org.resetLog()
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded)
        #expect(report.plan.changes.map { "\($0.name): \($0.fields.map(\.description))" } == [
            "ana@example.com: [\"skills[A]: 1 → 5\", \"skills[B]: 2 → (none)\"]",
            "ben@example.com: [\"languages[L]: 3 → 1\", \"languages[M]: 4 → (none)\"]",
        ])
        #expect(!org.writes.contains { $0.path.contains(cara) })
        #expect(!org.writes.contains { $0.path.contains(ana) && $0.path.contains("routinglanguages") })
        #expect(!org.writes.contains { $0.path.contains(ben) && $0.path.contains("routingskills") })
        let stored = org.snapshot()
        #expect(Semantics.skills(of: ana, in: stored) == ["A": 5])
        #expect(Semantics.languages(of: ana, in: stored) == ["L": 3, "M": 4])
        #expect(Semantics.skills(of: ben, in: stored) == ["A": 1, "B": 2])
        #expect(Semantics.languages(of: ben, in: stored) == ["L": 1])
        #expect(Semantics.skills(of: cara, in: stored) == ["A": 1, "B": 2])
        #expect(Semantics.languages(of: cara, in: stored) == ["L": 3, "M": 4])
    }
}
