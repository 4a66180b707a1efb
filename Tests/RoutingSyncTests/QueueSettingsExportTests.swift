import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
@testable import RoutingSync
import Testing

/// Issue #14: export writes every queue setting the org has, by name inside the routing domain and
/// `id:` outside it, and leaves out (with a warning) a setting that refers to an object no longer there.
@Suite("Export: every queue setting")
struct QueueSettingsExportTests {
    /// An org with a skill (Billing), a skill group (Experts), a queue (Overflow) and a queue (Billing
    /// Support) using every setting, referring to the other three.
    struct Org {
        let harness: Harness
        let overflow: String
        let billingSupport: String

        init() throws {
            harness = try Harness()
            let org = harness.org
            let skill = try org.addSkill(name: "Billing")
            let group = try org.addSkillGroup(SkillGroupWithMemberDivisions(
                name: "Experts", skillConditions: [Semantics.condition("Billing", .greaterThanOrEqualTo, 3)]
            ))
            let other = try org.addSkillGroup(SkillGroupWithMemberDivisions(
                name: "Apprentices", skillConditions: [Semantics.condition("Billing", .lessThan, 3)]
            ))
            overflow = try org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Overflow")))
            var queue = QueueRequest(name: "Billing Support")
            queue.scoringMethod = .priorityOnly
            queue.lastAgentRoutingMode = .queueMembersOnly
            queue.enableTranscription = true
            queue.enableAudioMonitoring = false
            queue.enableManualAssignment = true
            queue.suppressInQueueCallRecording = true
            queue.autoAnswerOnly = false
            queue.callingPartyName = "Acme Billing"
            queue.callingPartyNumber = "+15555550100"
            queue.defaultMediaLanguage = "en-US"
            queue.peerId = "peer-1"
            queue.routingRules = [RoutingRule(operator: .meetsThreshold, threshold: 3, waitSeconds: 10)]
            queue.memberGroups = [
                MemberGroup(id: group, type: .skillGroup), MemberGroup(id: "group-b", type: .group),
                MemberGroup(id: "group-a", type: .group), MemberGroup(id: "team-1", type: .team),
            ]
            queue.bullseye = Bullseye(rings: [
                Ring(expansionCriteria: [ExpansionCriterium(type: .timeoutSeconds, threshold: 15)],
                     actions: Actions(skillsToRemove: [SkillsToRemove(id: skill)]),
                     memberGroups: [MemberGroup(id: other, type: .skillGroup), MemberGroup(id: group, type: .skillGroup),
                                    MemberGroup(id: "team-2", type: .team)]),
                Ring(memberGroups: [MemberGroup(id: "group-c", type: .group)]),
            ])
            queue.conditionalGroupRouting = ConditionalGroupRouting(rules: [
                ConditionalGroupRoutingRule(metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 30,
                                            groups: [MemberGroup(id: group, type: .skillGroup)], waitSeconds: 20),
                ConditionalGroupRoutingRule(queue: DomainEntityRef(id: overflow), metric: .serviceLevel, operator: .lessThan,
                                            conditionValue: 0.8, groups: [MemberGroup(id: "group-d", type: .group)]),
            ])
            queue.conditionalGroupActivation = ConditionalGroupActivation(
                pilotRule: ConditionalGroupActivationPilotRule(
                    conditions: [ConditionalGroupActivationCondition(
                        simpleMetric: ConditionalGroupActivationSimpleMetric(metric: .idleAgentCount, queue: DomainEntityRef(id: overflow)),
                        operator: .lessThan, value: 1
                    )],
                    conditionExpression: "C1"
                ),
                rules: [ConditionalGroupActivationRule(
                    conditions: [ConditionalGroupActivationCondition(
                        simpleMetric: ConditionalGroupActivationSimpleMetric(metric: .estimatedWaitTime), operator: .greaterThan, value: 60
                    )],
                    conditionExpression: "C1", groups: [MemberGroup(id: other, type: .skillGroup), MemberGroup(id: "team-3", type: .team)]
                )]
            )
            queue.directRouting = DirectRouting(
                callMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: true),
                backupQueueId: overflow, waitForAgent: true, agentWaitSeconds: 90
            )
            queue.agentOwnedRouting = AgentOwnedRouting(enableAgentOwnedCallbacks: true, maxOwnedCallbackHours: 24, maxOwnedCallbackDelayHours: 2)
            queue.queueFlow = DomainEntityRef(id: "flow-1")
            queue.emailInQueueFlow = DomainEntityRef(id: "flow-2")
            queue.messageInQueueFlow = DomainEntityRef(id: "flow-3")
            queue.whisperPrompt = DomainEntityRef(id: "prompt-1")
            queue.onHoldPrompt = DomainEntityRef(id: "prompt-2")
            queue.defaultScripts = ["CALL": Script(id: "script-1"), "EMAIL": Script(id: "script-2")]
            queue.cannedResponseLibraries = CannedResponseLibraries(libraryIds: ["lib-2", "lib-1"], mode: .selectedOnly)
            queue.outboundMessagingAddresses = QueueMessagingAddresses(
                smsAddress: DomainEntityRef(id: "sms-1"), whatsAppRecipient: DomainEntityRef(id: "wa-1")
            )
            queue.outboundEmailAddress = QueueEmailAddress(domain: DomainEntityRef(id: "domain-1"), route: InboundRoute(id: "route-1"))
            billingSupport = try org.addQueue(CreateQueueRequest(queue: queue))
        }
    }

    /// What export must give for Billing Support: names for queues, skill groups and skills; ids for the
    /// rest; set-like lists sorted; the rule on the queue itself without a queue.
    static let expected = QueueSettings(
        scoringMethod: .priorityOnly, lastAgentRoutingMode: .queueMembersOnly, enableTranscription: true,
        enableAudioMonitoring: false, enableManualAssignment: true, suppressInQueueCallRecording: true, autoAnswerOnly: false,
        callingPartyName: "Acme Billing", callingPartyNumber: "+15555550100", defaultMediaLanguage: "en-US", peerId: "peer-1",
        routingRules: [RoutingRule(operator: .meetsThreshold, threshold: 3, waitSeconds: 10)],
        bullseye: BullseyeSettings(rings: [
            .init(expansionCriteria: [ExpansionCriterium(type: .timeoutSeconds, threshold: 15)], skillGroups: ["Apprentices", "Experts"],
                  teams: ["team-2"], skillsToRemove: ["Billing"]),
            .init(groups: ["group-c"]),
        ]),
        conditionalGroupRouting: ConditionalGroupRoutingSettings(rules: [
            .init(metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 30, waitSeconds: 20, skillGroups: ["Experts"]),
            .init(queue: "Overflow", metric: .serviceLevel, operator: .lessThan, conditionValue: 0.8, groups: ["group-d"]),
        ]),
        conditionalGroupActivation: ConditionalGroupActivationSettings(
            pilotRule: .init(conditions: [.init(metric: .idleAgentCount, queue: "Overflow", operator: .lessThan, value: 1)], conditionExpression: "C1"),
            rules: [.init(conditions: [.init(metric: .estimatedWaitTime, operator: .greaterThan, value: 60)], conditionExpression: "C1",
                          skillGroups: ["Apprentices"], teams: ["team-3"])]
        ),
        directRouting: DirectRoutingSettings(
            backupQueue: "Overflow", waitForAgent: true, agentWaitSeconds: 90,
            callMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: true)
        ),
        agentOwnedRouting: AgentOwnedRouting(enableAgentOwnedCallbacks: true, maxOwnedCallbackHours: 24, maxOwnedCallbackDelayHours: 2),
        groups: ["group-a", "group-b"], teams: ["team-1"],
        queueFlow: "flow-1", emailInQueueFlow: "flow-2", messageInQueueFlow: "flow-3", whisperPrompt: "prompt-1", onHoldPrompt: "prompt-2",
        defaultScripts: ["CALL": "script-1", "EMAIL": "script-2"],
        cannedResponseLibraries: CannedResponseLibraries(libraryIds: ["lib-1", "lib-2"], mode: .selectedOnly),
        outboundMessagingAddresses: OutboundMessagingAddressSettings(smsAddress: "sms-1", whatsAppRecipient: "wa-1"),
        outboundEmailAddress: OutboundEmailAddressSettings(domain: "domain-1", route: "route-1")
    )

    @Test("export holds every setting the org has: names in the routing domain, ids outside it, sets sorted")
    func everySetting() async throws {
        let org = try Org()
        let state = try await org.harness.sync.export()
        let queue = try #require(state.queues.first { $0.name == "Billing Support" })
        #expect(queue.settings == Self.expected)
        #expect(queue.skillGroups == ["Experts"])
        #expect(state.queues.first { $0.name == "Overflow" }?.settings == QueueSettings())
        #expect(state.warnings.isEmpty)
    }

    @Test("the file writes by-id references as id:<id> (peerId and libraryIds bare), in the format's keys")
    func fileForm() throws {
        let state = DesiredState(queues: [QueueSpec(name: "Billing Support", settings: Self.expected)])
        let text = DesiredStateWriter.string(state, format: .json)
        for line in [
            #""scoringMethod": "PriorityOnly""#, #""queueFlow": "id:flow-1""#, #""onHoldPrompt": "id:prompt-2""#,
            #""groups": ["id:group-a", "id:group-b"]"#, #""teams": ["id:team-1"]"#, #""peerId": "peer-1""#,
            #""libraryIds": ["lib-1", "lib-2"]"#, #""CALL": "id:script-1""#, #""smsAddress": "id:sms-1""#,
            #""domain": "id:domain-1""#, #""route": "id:route-1""#, #""backupQueue": "Overflow""#,
            #""skillGroups": ["Apprentices", "Experts"]"#, #""skillsToRemove": ["Billing"]"#, #""queue": "Overflow""#,
            #""type": "TIMEOUT_SECONDS""#, #""threshold": 15"#, #""conditionValue": 0.8"#,
        ] {
            #expect(text.contains(line), "\(line) in:\n\(text)")
        }
        let tree = DesiredStateWriter.configValue(of: state)
        let written = tree["queues"].flatMap { if case .array(let queues) = $0 { queues.first } else { nil } }
        let keys = written?.members?.map(\.key) ?? []
        #expect(keys.first == "name")
        #expect(keys.dropFirst() == ["scoringMethod", "lastAgentRoutingMode", "enableTranscription", "enableAudioMonitoring",
                                     "enableManualAssignment", "suppressInQueueCallRecording", "autoAnswerOnly", "callingPartyName",
                                     "callingPartyNumber", "defaultMediaLanguage", "peerId", "routingRules", "bullseye",
                                     "conditionalGroupRouting", "conditionalGroupActivation", "directRouting", "agentOwnedRouting",
                                     "groups", "teams", "queueFlow", "emailInQueueFlow", "messageInQueueFlow", "whisperPrompt",
                                     "onHoldPrompt", "defaultScripts", "cannedResponseLibraries", "outboundMessagingAddresses",
                                     "outboundEmailAddress"])
        // A queue managing no setting writes none of these keys.
        let plain = DesiredStateWriter.string(DesiredState(queues: [QueueSpec(name: "Plain")]), format: .json)
        #expect(!plain.contains("scoringMethod") && !plain.contains("bullseye"))
    }

    @Test("a setting referring to a deleted queue or skill group is left out with a warning naming queue, field and id")
    func danglingReferences() async throws {
        let org = try Org()
        let routing = RoutingAPI(client: org.harness.client)
        try await routing.deleteQueue(id: org.overflow)
        let apprentices = try #require(org.harness.org.snapshot().skillGroups.first { $0.group.name == "Apprentices" }?.group.id)
        try await routing.deleteSkillGroup(id: apprentices)

        let state = try await org.harness.sync.export()
        let settings = try #require(state.queues.first { $0.name == "Billing Support" }?.settings)
        #expect(settings.directRouting == nil)
        #expect(settings.conditionalGroupRouting == nil)
        #expect(settings.conditionalGroupActivation == nil)
        #expect(settings.bullseye == nil)
        // Everything else is still exported.
        #expect(settings.queueFlow == "flow-1" && settings.groups == ["group-a", "group-b"] && settings.routingRules == Self.expected.routingRules)
        let warnings = state.warnings.map(\.description)
        #expect(warnings == [
            "queues[Billing Support].bullseye.rings[0].skillGroups[0]: warning: refers to the skill group \(apprentices), which is not in the org; bullseye is left out of the export (not managed)",
            "queues[Billing Support].conditionalGroupRouting.rules[1].queue: warning: refers to the queue \(org.overflow), which is not in the org; conditionalGroupRouting is left out of the export (not managed)",
            "queues[Billing Support].conditionalGroupActivation.pilotRule.conditions[0].queue: warning: refers to the queue \(org.overflow), which is not in the org; conditionalGroupActivation is left out of the export (not managed)",
            "queues[Billing Support].directRouting.backupQueue: warning: refers to the queue \(org.overflow), which is not in the org; directRouting is left out of the export (not managed)",
        ])
        #expect(state.warnings.allSatisfy { $0.severity == .warning && $0.code == .unresolvedReference })
    }

    @Test("export → file → load gives the same state (YAML and JSON); it re-plans empty and reproduces the org in a fresh one")
    func roundTrip() async throws {
        let org = try Org()
        let state = try await org.harness.sync.export()
        #expect(state.queues.first { $0.name == "Billing Support" }?.settings == Self.expected)
        #expect(state.validate().isEmpty, "\(state.validate().map(\.description))")
        for format in [DesiredStateFormat.yaml, .json] {
            var loaded = try DesiredStateLoader.load(string: DesiredStateWriter.string(state, format: format), format: format, fileName: "export")
            loaded.source = nil
            // The queues exactly (skill-group conditions read back `[]` lists as absent, which plans the same).
            #expect(loaded.queues == state.queues, "\(format)")
        }
        let replan = try await org.harness.sync.plan(state)
        #expect(!replan.hasChanges, "\(replan.changes.map(\.description))")

        let fresh = try Harness()
        let reports = try await fresh.applyUntilConverged(state)
        #expect(reports.last?.succeeded == true, "\(reports.last?.results.map(\.description) ?? [])")
        let again = try await fresh.sync.export()
        #expect(again.queues == state.queues)
        #expect(!(try await fresh.sync.plan(state)).hasChanges)
    }

    @Test("reading keeps every queue field the API returns")
    func readKeepsEveryField() async throws {
        let org = try Org()
        let snapshot = try await org.harness.sync.readOrg(scope: .everything)
        let read = try #require(snapshot.queues?.first { $0.queue.id == org.billingSupport }?.queue)
        let direct = try await RoutingAPI(client: org.harness.client).getQueue(id: org.billingSupport)
        #expect(read == direct)
    }
}
