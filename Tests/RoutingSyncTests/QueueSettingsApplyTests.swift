import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
@testable import RoutingSync
import Testing

/// #14: every queue setting planned and applied against the in-memory org.
@Suite("Queue settings: plan and apply")
struct QueueSettingsApplyTests {
    /// Two queues using every setting and overflowing to each other, two skill groups and a skill, all new.
    static func state(renameGroup: Bool = false) -> DesiredState {
        let groups = ["Experts", "Juniors"]
        return DesiredState(
            skills: [SkillSpec(name: "Billing")],
            skillGroups: groups.map { SkillGroupSpec(name: $0, conditions: [Semantics.condition("Billing")]) },
            queues: [
                QueueSpec(name: "Billing Support", description: "front line", skillGroups: ["Experts"],
                          settings: QueueSettingsSamples.every(queue: "Billing Overflow", skillGroups: groups, skill: "Billing")),
                QueueSpec(name: "Billing Overflow",
                          settings: QueueSettings(
                              scoringMethod: .timestampAndPriority,
                              conditionalGroupRouting: ConditionalGroupRoutingSettings(rules: [
                                  ConditionalGroupRoutingSettings.Rule(metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 10,
                                                                       waitSeconds: 5, skillGroups: ["Juniors"]),
                                  ConditionalGroupRoutingSettings.Rule(queue: "Billing Support", metric: .estimatedWaitTime,
                                                                       operator: .greaterThan, conditionValue: 60, waitSeconds: 30,
                                                                       skillGroups: ["Experts"]),
                              ]),
                              directRouting: DirectRoutingSettings(backupQueue: "Billing Support", waitForAgent: false)
                          )),
            ]
        )
    }

    /// The settings the org holds for a queue, by name (through the sync's own reading of them).
    static func stored(_ harness: Harness, _ name: String) throws -> QueueSettings {
        let stored = harness.org.snapshot()
        var table = QueueReferenceTable()
        for queue in stored.queues { table.record(.queue, name: queue.queue.name ?? "", id: queue.queue.id ?? "") }
        for group in stored.skillGroups { table.record(.skillGroup, name: group.group.name ?? "", id: group.group.id ?? "") }
        for skill in stored.skills { table.record(.skill, name: skill.name ?? "", id: skill.id ?? "") }
        let queue = try #require(stored.queues.first { $0.queue.name == name }).queue
        return QueueSettings(queue: queue, table: table)
    }

    /// The settings of a declared queue the org does not hold as declared (read straight from the org's store).
    static func unmatched(_ harness: Harness, _ spec: QueueSpec) throws -> [String] {
        QueueSettingsDiff.plan(desired: spec.settings, current: try stored(harness, spec.name)).fields.map(\.description)
    }

    @Test("a desired state using every setting, with two queues that overflow to each other, applies in one run and plans empty")
    func everySettingAndCycle() async throws {
        let harness = try Harness()
        let state = Self.state()
        let plan = try await harness.sync.plan(state)
        #expect(plan.lines == [
            "create skill Billing", "create skillGroup Experts", "create skillGroup Juniors",
            "create queue Billing Support", "create queue Billing Overflow",
            "update queue Billing Support", "update queue Billing Overflow",
        ])
        #expect(plan.changes.map { Tier(of: $0) } == [.definitions, .skillGroups, .skillGroups, .queues, .queues, .queueReferences, .queueReferences])
        let later = try #require(plan.changes.last)
        #expect(later.dependsOn == [ObjectRef(kind: .queue, name: "Billing Overflow"), ObjectRef(kind: .queue, name: "Billing Support")])
        #expect(later.fields.map(\.field) == ["conditionalGroupRouting", "directRouting.backupQueue"])

        let report = await harness.sync.apply(plan)
        #expect(report.succeeded, "\(report.results.filter { $0.status != .applied })")
        #expect(try Self.unmatched(harness, state.queues[0]) == [])
        #expect(try Self.unmatched(harness, state.queues[1]) == [])
        #expect(try Self.stored(harness, "Billing Overflow").directRouting?.backupQueue == "Billing Support")

        let again = try await harness.freshSync().plan(state)
        #expect(again.changes.map(\.description) == [])
    }

    @Test("no request body of a full apply carries a field the spec marks read-only")
    func noReadOnlyFields() async throws {
        let harness = try Harness()
        let recorder = BodyRecorder(org: harness.org)
        let sync = try recorder.makeSync()
        var state = Self.state()
        #expect(try await sync.apply(state).succeeded)
        // Repair every setting and the skill-group member groups of the existing queues.
        state.queues[0].description = "changed"
        state.queues[0].skillGroups = ["Experts", "Juniors"]
        state.queues[0].settings.bullseye?.rings[1].skillGroups = ["Juniors"]
        state.queues[1].settings.scoringMethod = .priorityOnly
        #expect(try await sync.apply(state).succeeded)
        let fields = try ReadOnlyFields.load()
        #expect(recorder.bodies.contains { $0.method == "PUT" })
        let violations = try fields.violations(in: recorder.bodies)
        #expect(violations == [])
    }

    @Test("a drift in any one setting is found, named by its field, and repaired", arguments: QueueSettingsSamples.drifts)
    func drift(_ drift: QueueSettingsSamples.Drift) async throws {
        let harness = try Harness()
        let state = Self.state()
        #expect(try await harness.sync.apply(state).succeeded)
        Semantics.editStore(harness.org) { store in
            guard let index = store.queues.firstIndex(where: { $0.queue.name == "Billing Support" }) else { return }
            drift.edit(&store.queues[index].queue)
        }
        let report = try await harness.freshSync().detectDrift(state)
        #expect(report.driftedObjects == [ObjectRef(kind: .queue, name: "Billing Support")])
        #expect(report.drifted.first?.fields.map(\.field) == [drift.field])

        #expect(try await harness.freshSync().apply(state).succeeded)
        #expect(try Self.unmatched(harness, state.queues[0]) == [])
        #expect(try await harness.freshSync().plan(state).changes.isEmpty)
    }

    @Test("an existing queue that refers to a queue created in the same run is updated after it")
    func existingRefersToNew() async throws {
        let harness = try Harness()
        _ = try harness.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Old")))
        let state = DesiredState(queues: [
            QueueSpec(name: "Old", settings: QueueSettings(directRouting: DirectRoutingSettings(backupQueue: "New", agentWaitSeconds: 60))),
            QueueSpec(name: "New"),
        ])
        let plan = try await harness.sync.plan(state)
        #expect(plan.lines == ["create queue New", "update queue Old"])
        #expect(plan.changes.map { Tier(of: $0) } == [.queues, .queueReferences])
        #expect(plan.change(.queue, "Old")?.dependsOn == [ObjectRef(kind: .queue, name: "New")])
        #expect(await harness.sync.apply(plan).succeeded)
        #expect(try Self.stored(harness, "Old").directRouting?.backupQueue == "New")
        #expect(try await harness.freshSync().plan(state).changes.isEmpty)
    }

    @Test("unknown queue, skill group and skill names are plan-time problems naming the queue and the field")
    func unknownNames() async throws {
        let harness = try Harness()
        let state = DesiredState(queues: [QueueSpec(name: "Q", settings: QueueSettings(
            bullseye: BullseyeSettings(rings: [BullseyeSettings.Ring(skillGroups: ["Nope"], skillsToRemove: ["Gone"])]),
            directRouting: DirectRoutingSettings(backupQueue: "Missing")
        ))])
        let error = try await #require(throws: SyncError.self) { try await harness.sync.plan(state) }
        #expect(error.code == .unresolvedReference)
        let problems = error.problems.map { "\($0.object) \($0.field ?? ""): \($0.message)" }
        #expect(problems.contains { $0.hasPrefix("queues[Q] bullseye.rings[0].skillGroups[0]: unknown skill group 'Nope'") })
        #expect(problems.contains { $0.hasPrefix("queues[Q] bullseye.rings[0].skillsToRemove[0]: unknown skill 'Gone'") })
        #expect(problems.contains { $0.hasPrefix("queues[Q] directRouting.backupQueue: unknown queue 'Missing'") })
        #expect(harness.org.writes.isEmpty)
    }

    @Test("renaming a skill group and a queue that rules and rings refer to re-points nothing: only the renames change")
    func renames() async throws {
        let harness = try Harness()
        var state = Self.state()
        #expect(try await harness.sync.apply(state).succeeded)
        state.skillGroups[0] = SkillGroupSpec(name: "Senior Experts", previousNames: ["Experts"], conditions: [Semantics.condition("Billing")])
        state.queues[1] = QueueSpec(name: "Billing Spill", previousNames: ["Billing Overflow"], settings: QueueSettings(
            conditionalGroupRouting: state.queues[1].settings.conditionalGroupRouting.map { routing in
                ConditionalGroupRoutingSettings(rules: routing.rules.map { rule in
                    var rule = rule
                    rule.skillGroups = rule.skillGroups?.map { $0 == "Experts" ? "Senior Experts" : $0 }
                    return rule
                })
            }
        ))
        var support = state.queues[0]
        support.skillGroups = ["Senior Experts"]
        support.settings = QueueSettingsSamples.every(queue: "Billing Spill", skillGroups: ["Senior Experts", "Juniors"], skill: "Billing")
        state.queues[0] = support

        let plan = try await harness.freshSync().plan(state)
        #expect(plan.changes.map { "\($0.id): \($0.fields.map(\.description))" } == [
            "update skillGroup Senior Experts: [\"name: \\\"Experts\\\" → \\\"Senior Experts\\\"\"]",
            "update queue Billing Spill: [\"name: \\\"Billing Overflow\\\" → \\\"Billing Spill\\\"\"]",
        ])
        #expect(await harness.freshSync().apply(plan).succeeded)
        #expect(try await harness.freshSync().plan(state).changes.isEmpty)
        #expect(try Self.stored(harness, "Billing Support").directRouting?.backupQueue == "Billing Spill")

        // Referring to a renamed object by its old name would not converge: a plan-time problem.
        var stale = state
        stale.queues[0].settings.directRouting?.backupQueue = "Billing Overflow"
        let error = try await #require(throws: SyncError.self) { try await harness.freshSync().plan(stale) }
        #expect(error.problems.map(\.field) == ["directRouting.backupQueue"])
        #expect(error.problems.first?.message.contains("renamed to 'Billing Spill'") == true)
        var staleGroup = state
        staleGroup.queues[0].settings.bullseye?.rings[1].skillGroups = ["Experts"]
        let groupError = try await #require(throws: SyncError.self) { try await harness.freshSync().plan(staleGroup) }
        #expect(groupError.problems.map(\.field) == ["bullseye.rings[1].skillGroups[0]"])
        #expect(groupError.problems.first?.message.contains("renamed to 'Senior Experts'") == true)
        #expect(groupError.problems.first?.object == "queues[Billing Support]")
    }
}

/// The issue's "Done when", from a file: every setting of the format applies, plans empty, exports to a file
/// that re-plans empty and reproduces the org in a fresh one.
@Suite("Queue settings: a file end to end")
struct QueueSettingsFileTests {
    static let yaml = """
    version: 1
    skills: [{ name: Billing }]
    skillGroups:
      - { name: Billing Experts, conditions: [{ routingSkillConditions: [{ routingSkill: Billing, comparator: GreaterThan, proficiency: 2 }], operation: And }] }
      - { name: Tech Tier 2, conditions: [{ routingSkillConditions: [{ routingSkill: Billing, comparator: GreaterThan, proficiency: 0 }], operation: And }] }
    queues:
      - name: Billing Support
        skillGroups: [Billing Experts]
        scoringMethod: TimestampAndPriority
        lastAgentRoutingMode: QueueMembersOnly
        enableTranscription: true
        enableAudioMonitoring: false
        enableManualAssignment: false
        suppressInQueueCallRecording: true
        autoAnswerOnly: false
        callingPartyName: Acme Billing
        callingPartyNumber: "+15555550100"
        defaultMediaLanguage: en-US
        peerId: peer-7d0
        routingRules: [{ operator: MEETS_THRESHOLD, threshold: 3, waitSeconds: 10 }, { operator: ANY, waitSeconds: 2.5 }]
        bullseye:
          rings:
            - expansionCriteria: [{ type: TIMEOUT_SECONDS, threshold: 15 }]
              skillGroups: [Billing Experts]
              groups: ["id:group-1"]
              teams: ["id:team-1"]
              skillsToRemove: [Billing]
            - skillGroups: [Tech Tier 2, Billing Experts]
        conditionalGroupRouting:
          rules:
            - { metric: ServiceLevel, operator: LessThan, conditionValue: 0.8, waitSeconds: 5, skillGroups: [Tech Tier 2] }
            - { queue: Billing Overflow, metric: EstimatedWaitTime, operator: GreaterThan, conditionValue: 30, waitSeconds: 20,
                skillGroups: [Billing Experts], groups: ["id:group-2"], teams: ["id:team-2"] }
        conditionalGroupActivation:
          pilotRule: { conditionExpression: "C1", conditions: [{ metric: IdleAgentCount, queue: Billing Overflow, operator: LessThan, value: 1 }] }
          rules:
            - conditionExpression: "C1 and C2"
              conditions: [{ metric: EstimatedWaitTime, operator: GreaterThan, value: 60 }, { metric: ServiceLevel, operator: NotEqualTo, value: 0.5 }]
              skillGroups: [Billing Experts]
              groups: ["id:group-3"]
              teams: ["id:team-3"]
        directRouting:
          backupQueue: Billing Overflow
          waitForAgent: true
          agentWaitSeconds: 60
          callMediaSettings: { useAgentAddressOutbound: true }
          emailMediaSettings: { useAgentAddressOutbound: false }
          messageMediaSettings: { useAgentAddressOutbound: true }
        agentOwnedRouting: { enableAgentOwnedCallbacks: true, maxOwnedCallbackHours: 24, maxOwnedCallbackDelayHours: 1 }
        groups: ["id:group-4", "id:group-5"]
        teams: ["id:team-4"]
        queueFlow: "id:flow-1"
        emailInQueueFlow: "id:flow-2"
        messageInQueueFlow: "id:flow-3"
        whisperPrompt: "id:prompt-1"
        onHoldPrompt: "id:prompt-2"
        defaultScripts: { CALL: "id:script-1", EMAIL: "id:script-2" }
        cannedResponseLibraries: { mode: SelectedOnly, libraryIds: [lib-1, lib-2] }
        outboundMessagingAddresses: { smsAddress: "id:sms-1", openMessagingRecipient: "id:open-1", whatsAppRecipient: "id:wa-1" }
        outboundEmailAddress: { domain: "id:domain-1", route: "id:route-1" }
      - name: Billing Overflow
        conditionalGroupRouting:
          rules:
            - { metric: EstimatedWaitTime, operator: GreaterThan, conditionValue: 10, waitSeconds: 5, skillGroups: [Tech Tier 2] }
            - { queue: Billing Support, metric: EstimatedWaitTime, operator: GreaterThan, conditionValue: 60, waitSeconds: 30, skillGroups: [Billing Experts] }
        directRouting: { backupQueue: Billing Support, waitForAgent: false, agentWaitSeconds: 60 }
    """

    @Test("a file using every setting applies in one run, plans empty, and its export re-plans empty and reproduces the org")
    func endToEnd() async throws {
        let state = try DesiredState.yaml(Self.yaml)
        #expect(state.queues[0].settings.referencedQueueNames == ["Billing Overflow"])
        let harness = try Harness()
        let report = try await harness.sync.apply(state)
        #expect(report.succeeded, "\(report.results.filter { $0.status != .applied })")
        for spec in state.queues { #expect(try QueueSettingsApplyTests.unmatched(harness, spec) == []) }
        #expect(try await harness.freshSync().plan(state).changes.map(\.description) == [])

        // Export, written and read back as a file, re-plans empty against the org it came from…
        let exported = try await harness.freshSync().export()
        let text = DesiredStateWriter.string(exported, format: .yaml)
        let reloaded = try DesiredState.yaml(text, file: "export.yaml")
        let support = try #require(reloaded.queues.first { $0.name == "Billing Support" })
        #expect(QueueSettingsDiff.plan(desired: state.queues[0].settings, current: support.settings).fields == [])
        #expect(try await harness.freshSync().plan(reloaded).changes.map(\.description) == [])
        // … and reproduces its queues in a fresh org.
        let fresh = try Harness()
        let copy = try await fresh.sync.apply(reloaded)
        #expect(copy.succeeded, "\(copy.results.filter { $0.status != .applied })")
        for spec in state.queues { #expect(try QueueSettingsApplyTests.unmatched(fresh, spec) == []) }
        #expect(try await fresh.freshSync().plan(state).changes.map(\.description) == [])
    }
}
