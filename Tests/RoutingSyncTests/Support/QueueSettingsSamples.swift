import RoutingModels
@testable import RoutingSync
import Testing

/// Queue settings that use every field of `QueueSettings` (the "Queues: every setting" section).
enum QueueSettingsSamples {
    /// Every setting set; references by name to `queue` (another queue), `skillGroups` and `skill`.
    static func every(queue: String, skillGroups: [String], skill: String) -> QueueSettings {
        QueueSettings(
            scoringMethod: .priorityOnly,
            lastAgentRoutingMode: .queueMembersOnly,
            enableTranscription: true,
            enableAudioMonitoring: false,
            enableManualAssignment: true,
            suppressInQueueCallRecording: true,
            autoAnswerOnly: false,
            callingPartyName: "Acme Billing",
            callingPartyNumber: "+15555550100",
            defaultMediaLanguage: "en-US",
            peerId: "peer-1",
            routingRules: [RoutingRule(operator: .meetsThreshold, threshold: 3, waitSeconds: 10), RoutingRule(operator: .any, waitSeconds: 5)],
            bullseye: BullseyeSettings(rings: [
                BullseyeSettings.Ring(
                    expansionCriteria: [ExpansionCriterium(type: .timeoutSeconds, threshold: 15)], skillGroups: skillGroups,
                    groups: ["group-1"], teams: ["team-1"], skillsToRemove: [skill]
                ),
                BullseyeSettings.Ring(expansionCriteria: [ExpansionCriterium(type: .timeoutSeconds, threshold: 30)], skillGroups: [skillGroups[0]]),
            ]),
            conditionalGroupRouting: ConditionalGroupRoutingSettings(rules: [
                ConditionalGroupRoutingSettings.Rule(metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 30, waitSeconds: 20,
                                                     skillGroups: skillGroups, groups: ["group-2"]),
                ConditionalGroupRoutingSettings.Rule(queue: queue, metric: .serviceLevel, operator: .lessThan, conditionValue: 0.8,
                                                     waitSeconds: 40, skillGroups: [skillGroups[0]], teams: ["team-2"]),
            ]),
            conditionalGroupActivation: ConditionalGroupActivationSettings(
                pilotRule: ConditionalGroupActivationSettings.PilotRule(
                    conditions: [ConditionalGroupActivationSettings.Condition(metric: .idleAgentCount, queue: queue, operator: .lessThan, value: 1)],
                    conditionExpression: "C1"
                ),
                rules: [ConditionalGroupActivationSettings.Rule(
                    conditions: [ConditionalGroupActivationSettings.Condition(metric: .estimatedWaitTime, operator: .greaterThan, value: 60)],
                    conditionExpression: "C1", skillGroups: skillGroups, groups: ["group-3"], teams: ["team-3"]
                )]
            ),
            directRouting: DirectRoutingSettings(
                backupQueue: queue, waitForAgent: true, agentWaitSeconds: 90,
                callMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: true),
                emailMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: false),
                messageMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: true)
            ),
            agentOwnedRouting: AgentOwnedRouting(enableAgentOwnedCallbacks: true, maxOwnedCallbackHours: 24, maxOwnedCallbackDelayHours: 2),
            groups: ["group-9", "group-8"],
            teams: ["team-9"],
            queueFlow: "flow-1",
            emailInQueueFlow: "flow-2",
            messageInQueueFlow: "flow-3",
            whisperPrompt: "prompt-1",
            onHoldPrompt: "prompt-2",
            defaultScripts: ["CALL": "script-1", "EMAIL": "script-2"],
            cannedResponseLibraries: CannedResponseLibraries(libraryIds: ["lib-1", "lib-2"], mode: .selectedOnly),
            outboundMessagingAddresses: OutboundMessagingAddressSettings(smsAddress: "sms-1", openMessagingRecipient: "open-1", whatsAppRecipient: "wa-1"),
            outboundEmailAddress: OutboundEmailAddressSettings(domain: "domain-1", route: "route-1")
        )
    }

    /// One edit per top-level setting (and a few nested ones): what a drift in that field looks like, and
    /// the path the plan names. Applied to the org's copy of the queue.
    struct Drift: Sendable, CustomTestStringConvertible {
        var field: String
        var edit: @Sendable (inout RoutingQueue) -> Void
        var testDescription: String { field }
    }

    static let drifts: [Drift] = [
        Drift(field: "scoringMethod") { $0.scoringMethod = .timestampAndPriority },
        Drift(field: "lastAgentRoutingMode") { $0.lastAgentRoutingMode = .anyAgent },
        Drift(field: "enableTranscription") { $0.enableTranscription = false },
        Drift(field: "enableAudioMonitoring") { $0.enableAudioMonitoring = true },
        Drift(field: "enableManualAssignment") { $0.enableManualAssignment = false },
        Drift(field: "suppressInQueueCallRecording") { $0.suppressInQueueCallRecording = false },
        Drift(field: "autoAnswerOnly") { $0.autoAnswerOnly = true },
        Drift(field: "callingPartyName") { $0.callingPartyName = "Someone" },
        Drift(field: "callingPartyNumber") { $0.callingPartyNumber = "+15555550199" },
        Drift(field: "defaultMediaLanguage") { $0.defaultMediaLanguage = "fr-FR" },
        Drift(field: "peerId") { $0.peerId = "peer-2" },
        Drift(field: "routingRules[1].waitSeconds") { $0.routingRules?[1].waitSeconds = 6 },
        Drift(field: "bullseye.rings[0].expansionCriteria[0].threshold") { $0.bullseye?.rings?[0].expansionCriteria?[0].threshold = 16 },
        Drift(field: "bullseye.rings[0].teams") { $0.bullseye?.rings?[0].memberGroups?.removeAll { $0.type == .team } },
        Drift(field: "bullseye.rings[0].skillsToRemove") { $0.bullseye?.rings?[0].actions = nil },
        Drift(field: "bullseye.rings[1]") { $0.bullseye?.rings?.removeLast() },
        Drift(field: "conditionalGroupRouting.rules[1].conditionValue") { $0.conditionalGroupRouting?.rules?[1].conditionValue = 0.5 },
        Drift(field: "conditionalGroupRouting.rules[1].queue") { $0.conditionalGroupRouting?.rules?[1].queue = nil },
        Drift(field: "conditionalGroupActivation.pilotRule.conditionExpression") { $0.conditionalGroupActivation?.pilotRule?.conditionExpression = "NOT C1" },
        Drift(field: "conditionalGroupActivation.rules[0].groups") { $0.conditionalGroupActivation?.rules?[0].groups?.removeAll { $0.type == .group } },
        Drift(field: "directRouting.backupQueue") { $0.directRouting?.backupQueueId = nil },
        Drift(field: "directRouting.agentWaitSeconds") { $0.directRouting?.agentWaitSeconds = 120 },
        Drift(field: "directRouting.emailMediaSettings.useAgentAddressOutbound") { $0.directRouting?.emailMediaSettings = DirectRoutingMediaSettings(useAgentAddressOutbound: true) },
        Drift(field: "agentOwnedRouting.maxOwnedCallbackHours") { $0.agentOwnedRouting?.maxOwnedCallbackHours = 48 },
        Drift(field: "groups") { $0.memberGroups?.removeAll { $0.type == .group && $0.id == "group-8" } },
        Drift(field: "teams") { $0.memberGroups?.append(MemberGroup(id: "team-x", type: .team)) },
        Drift(field: "queueFlow") { $0.queueFlow = DomainEntityRef(id: "flow-x") },
        Drift(field: "emailInQueueFlow") { $0.emailInQueueFlow = nil },
        Drift(field: "messageInQueueFlow") { $0.messageInQueueFlow = DomainEntityRef(id: "flow-y") },
        Drift(field: "whisperPrompt") { $0.whisperPrompt = nil },
        Drift(field: "onHoldPrompt") { $0.onHoldPrompt = DomainEntityRef(id: "prompt-x") },
        Drift(field: "defaultScripts.EMAIL") { $0.defaultScripts?["EMAIL"] = Script(id: "script-x") },
        Drift(field: "cannedResponseLibraries.libraryIds") { $0.cannedResponseLibraries?.libraryIds = ["lib-1"] },
        Drift(field: "cannedResponseLibraries.mode") { $0.cannedResponseLibraries?.mode = .all },
        Drift(field: "outboundMessagingAddresses.whatsAppRecipient") { $0.outboundMessagingAddresses?.whatsAppRecipient = nil },
        Drift(field: "outboundEmailAddress.route") { $0.outboundEmailAddress?.route = InboundRoute(id: "route-x") },
    ]
}
