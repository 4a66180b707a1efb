import Foundation
import RoutingModels
@testable import RoutingSync
import Testing

/// Every queue setting of the format's "Queues: every setting" section is read into `QueueSpec.settings`,
/// with located errors for every bad value (#14), and `mediaSettings` is checked from the model (#11).
@Suite("Loading queue settings")
struct QueueSettingsLoaderTests {
    static let expected = QueueSettings(
        scoringMethod: .timestampAndPriority,
        lastAgentRoutingMode: .queueMembersOnly,
        enableTranscription: true,
        enableAudioMonitoring: false,
        enableManualAssignment: false,
        suppressInQueueCallRecording: true,
        autoAnswerOnly: false,
        callingPartyName: "Acme Billing",
        callingPartyNumber: "+15555550100",
        defaultMediaLanguage: "en-US",
        peerId: "peer-7d0",
        routingRules: [
            RoutingRule(operator: .meetsThreshold, threshold: 3, waitSeconds: 10),
            RoutingRule(operator: .any, waitSeconds: 2.5),
        ],
        bullseye: BullseyeSettings(rings: [
            .init(expansionCriteria: [ExpansionCriterium(type: .timeoutSeconds, threshold: 15)], skillGroups: ["Billing Experts"],
                  groups: ["group-1"], teams: ["team-1"], skillsToRemove: ["Billing"]),
            .init(skillGroups: ["Tech Tier 2"]),
        ]),
        conditionalGroupRouting: ConditionalGroupRoutingSettings(rules: [
            .init(queue: "Billing Overflow", metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 30, waitSeconds: 20,
                  skillGroups: ["Billing Experts"], groups: ["group-2"], teams: ["team-2"]),
            .init(metric: .serviceLevel, operator: .lessThan, conditionValue: 0.8),
        ]),
        conditionalGroupActivation: ConditionalGroupActivationSettings(
            pilotRule: .init(conditions: [.init(metric: .idleAgentCount, queue: "Billing Overflow", operator: .lessThan, value: 1)],
                             conditionExpression: "C1"),
            rules: [.init(
                conditions: [
                    .init(metric: .estimatedWaitTime, operator: .greaterThan, value: 60),
                    .init(metric: .serviceLevel, operator: .notEqualTo, value: 0.5),
                ],
                conditionExpression: "C1 and C2", skillGroups: ["Billing Experts"], groups: ["group-3"], teams: ["team-3"]
            )]
        ),
        directRouting: DirectRoutingSettings(
            backupQueue: "Billing Overflow", waitForAgent: true, agentWaitSeconds: 60,
            callMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: true),
            emailMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: false),
            messageMediaSettings: DirectRoutingMediaSettings()
        ),
        agentOwnedRouting: AgentOwnedRouting(enableAgentOwnedCallbacks: true, maxOwnedCallbackHours: 24, maxOwnedCallbackDelayHours: 1),
        groups: ["group-4", "group-5"],
        teams: ["team-4"],
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

    @Test("a file using every queue setting loads to the expected model: names trimmed, ids bare")
    func everySetting() throws {
        let state = try Fixtures.load("queue-settings.yaml")
        #expect(state.queues.map(\.name) == ["Billing Support", "Billing Overflow"])
        #expect(state.queues[0].settings == Self.expected)
        #expect(state.queues[1].settings == QueueSettings(directRouting: DirectRoutingSettings(backupQueue: "Billing Support")))
        #expect(state.queues[0].settings.referencedQueueNames == ["Billing Overflow"])
        #expect(state.source?.fieldLines["queues[Billing Support].bullseye.rings[1].skillGroups[0]"] == 26)
    }

    @Test("every setting survives the writer and the loader, in YAML and JSON, with id: written back",
          arguments: DesiredStateFormat.allCases)
    func roundTrip(format: DesiredStateFormat) throws {
        var state = try Fixtures.load("queue-settings.yaml")
        state.source = nil
        let text = DesiredStateWriter.string(state, format: format)
        #expect(text.contains("id:flow-1"))
        #expect(text.contains("lib-1") && !text.contains("id:lib-1"))
        var back = try DesiredStateLoader.load(string: text, format: format, fileName: "out.\(format.rawValue)")
        back.source = nil
        #expect(back == state)
        #expect(state.validate().isEmpty)
    }

    static func problems(_ setting: String) -> [String] {
        let text = "version: 1\nqueues:\n  - name: Q\n    \(setting)\n"
        do {
            _ = try DesiredStateLoader.load(string: text, format: .yaml, fileName: "x.yaml")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test("each bad setting is one located problem naming the queue and the field", arguments: [
        ("scoringMethod: Priority",
         "queues[Q].scoringMethod: 'Priority' is not one of TimestampAndPriority, PriorityOnly"),
        ("lastAgentRoutingMode: anyagent",
         "queues[Q].lastAgentRoutingMode: 'anyagent' is not one of Disabled, QueueMembersOnly, AnyAgent (did you mean 'AnyAgent'?)"),
        ("enableTranscription: maybe", "queues[Q].enableTranscription: expected true or false, found 'maybe'"),
        ("callingPartyName: [a]", "queues[Q].callingPartyName: expected text, found a list"),
        ("queueFlow: 3b2d", "queues[Q].queueFlow: '3b2d' is not an id reference (this field refers by id: write id:<id>)"),
        ("whisperPrompt: \"id: \"", "queues[Q].whisperPrompt: 'id:' has no id (write id:<id>)"),
        ("peerId: \"id:abc\"", "queues[Q].peerId: 'id:abc' has the id: prefix (this field takes the bare id: write abc)"),
        ("groups: [\"id:g1\", \"id:G1\"]", "queues[Q].groups[1]: 'id:G1' is listed twice"),
        ("teams: \"id:t1\"", "queues[Q].teams: expected a list, found text"),
        ("directRouting: { agentWaitSeconds: 30 }", "queues[Q].directRouting.agentWaitSeconds: 30 is out of range (60–864000)"),
        ("directRouting: { backupQueu: X }", "queues[Q].directRouting.backupQueu: unknown key (did you mean 'backupQueue'?)"),
        ("directRouting: { callMediaSettings: { useAgentAddressOutbound: 1 } }",
         "queues[Q].directRouting.callMediaSettings.useAgentAddressOutbound: expected true or false, found '1'"),
        ("agentOwnedRouting: { maxOwnedCallbackHours: 1.5 }", "queues[Q].agentOwnedRouting.maxOwnedCallbackHours: 1.5 is not an integer"),
        ("agentOwnedRouting: { maxOwnedCallbackDelayHours: 721 }",
         "queues[Q].agentOwnedRouting.maxOwnedCallbackDelayHours: 721 is out of range (1–720)"),
        ("routingRules: [{ threshold: 2147483648 }]",
         "queues[Q].routingRules[0].threshold: 2147483648 is out of range (a 32-bit integer, -2147483648–2147483647)"),
        ("routingRules: [{ operator: ANY, waitSeconds: soon }]", "queues[Q].routingRules[0].waitSeconds: expected a number, found 'soon'"),
        ("routingRules: { operator: ANY }", "queues[Q].routingRules: expected a list, found a mapping"),
        ("bullseye: {}", "queues[Q].bullseye.rings: is required"),
        ("bullseye: { rings: [{ skillGroups: [A, \" a \"] }] }", "queues[Q].bullseye.rings[0].skillGroups[1]: 'a' is listed twice"),
        ("bullseye: { rings: [{ expansionCriteria: [{ type: TIMEOUT }] }] }",
         "queues[Q].bullseye.rings[0].expansionCriteria[0].type: 'TIMEOUT' is not one of TIMEOUT_SECONDS"),
        ("conditionalGroupRouting: { rules: [{ metric: IdleAgentCount }] }",
         "queues[Q].conditionalGroupRouting.rules[0].metric: 'IdleAgentCount' is not one of EstimatedWaitTime, ServiceLevel"),
        ("conditionalGroupRouting: { rules: [{ queue: \"  \" }] }", "queues[Q].conditionalGroupRouting.rules[0].queue: is empty"),
        ("conditionalGroupActivation: { rules: [{ conditions: [{ operator: Equals }] }] }",
         "queues[Q].conditionalGroupActivation.rules[0].conditions[0].operator: 'Equals' is not one of GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo, EqualTo, NotEqualTo"),
        ("conditionalGroupActivation: { pilotRule: [] }",
         "queues[Q].conditionalGroupActivation.pilotRule: expected a mapping, found a list"),
        ("cannedResponseLibraries: { mode: Some, libraryIds: [l1] }",
         "queues[Q].cannedResponseLibraries.mode: 'Some' is not one of All, SelectedOnly, None"),
        ("defaultScripts: { CALL: script-1 }",
         "queues[Q].defaultScripts[CALL]: 'script-1' is not an id reference (this field refers by id: write id:<id>)"),
        ("defaultScripts: { CALL: \"id:s1\", call: \"id:s2\" }", "queues[Q].defaultScripts[call]: 'call' is listed twice"),
        ("outboundEmailAddress: \"id:x\"", "queues[Q].outboundEmailAddress: expected a mapping, found text"),
        ("outboundMessagingAddresses: { smsAddress: sms-1 }",
         "queues[Q].outboundMessagingAddresses.smsAddress: 'sms-1' is not an id reference (this field refers by id: write id:<id>)"),
    ])
    func badSetting(setting: String, message: String) {
        #expect(Self.problems(setting) == ["x.yaml:4: " + message])
    }

    @Test("a state built in code is checked the same way, without lines")
    func validateInCode() {
        var settings = QueueSettings(scoringMethod: .unknown("Fastest"), groups: ["g1", "G1"])
        settings.agentOwnedRouting = AgentOwnedRouting(maxOwnedCallbackHours: 500)
        settings.queueFlow = ""
        let state = DesiredState(queues: [QueueSpec(name: "Q", settings: settings)])
        #expect(state.validate().map(\.description) == [
            "queues[Q].agentOwnedRouting.maxOwnedCallbackHours: 500 is out of range (1–168)",
            "queues[Q].groups[1]: 'id:G1' is listed twice",
            "queues[Q].queueFlow: 'id:' has no id (write id:<id>)",
            "queues[Q].scoringMethod: 'Fastest' is not one of TimestampAndPriority, PriorityOnly",
        ])
    }

    @Test("mediaSettings problems are all reported, however many, each at its line")
    func manyMediaProblems() {
        let entries = (0..<40).map { "          type\($0): { enableAutoAnswer: \"yes\" }" }.joined(separator: "\n")
        let text = "version: 1\nqueues:\n  - name: Q\n    mediaSettings:\n      message:\n        subTypeSettings:\n\(entries)\n"
        do {
            _ = try DesiredStateLoader.load(string: text, format: .yaml, fileName: "x.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.problems.count == 40)
            #expect(error.problems.first?.description
                == "x.yaml:7: queues[Q].mediaSettings.message.subTypeSettings.type0.enableAutoAnswer: expected true or false, found \"yes\"")
            #expect(error.problems.last?.line == 46)
        }
    }

    @Test("mediaSettings are checked against the model's own shape: nested, recursive and dictionary types included")
    func mediaShape() {
        let text = """
        version: 1
        queues:
          - name: Q
            mediaSettings:
              email:
                allOutboundEmailAddresses:
                  - domain: { id: 5 }
                    route: { name: R, priority: high, replyEmailAddress: { anything: goes } }
              message:
                subTypeSettings: { sms: { enableAutoAnswer: true, colour: red } }
                inactivityTimeoutSettings: { timeoutSeconds: 30, actionType: DISCONNECT }
              callback: []
        """
        let found: [String]
        do {
            _ = try DesiredStateLoader.load(string: text, format: .yaml, fileName: "x.yaml")
            found = []
        } catch {
            found = error.problems.map(\.description)
        }
        #expect(found == [
            "x.yaml:7: queues[Q].mediaSettings.email.allOutboundEmailAddresses[0].domain.id: expected text, found 5",
            "x.yaml:8: queues[Q].mediaSettings.email.allOutboundEmailAddresses[0].route.priority: expected an integer, found \"high\"",
            "x.yaml:8: queues[Q].mediaSettings.email.allOutboundEmailAddresses[0].route.replyEmailAddress.anything: unknown key (not a QueueMediaSettings field)",
            "x.yaml:10: queues[Q].mediaSettings.message.subTypeSettings.sms.colour: unknown key (not a QueueMediaSettings field)",
            "x.yaml:12: queues[Q].mediaSettings.callback: expected a mapping",
        ])
    }
}
