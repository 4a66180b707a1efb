import Foundation
import RoutingModels
import Testing

@Suite("Queues")
struct QueuesTests {
    @Test("a fully configured queue decodes and re-encodes to the same JSON")
    func fullQueueRoundTrip() throws {
        let queue = try roundTripFixture("queue-full", as: RoutingQueue.self)
        #expect(queue.id == "4f9a0b1c-2d3e-4f4a-9b5c-7d8e9f0a1b2c")
        #expect(queue.name == "Billing Support")
        #expect(queue.division?.name == "Home")
        #expect(queue.memberCount == 57)
        #expect(queue.userMemberCount == 12)
        #expect(queue.joinedMemberCount == 40)
        #expect(sameMillisecond(queue.dateModified, utcDate(2024, 6, 3, 16, 20, 45, milliseconds: 678)))
        #expect(queue.scoringMethod == .timestampAndPriority)
        #expect(queue.lastAgentRoutingMode == .queueMembersOnly)
        #expect(queue.skillEvaluationMethod == .best)
        #expect(queue.acwSettings == AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 30000))
        #expect(queue.defaultMediaLanguage == "en-US")
        #expect(queue.autoAnswerOnly == true)
        #expect(queue.enableTranscription == true)
        #expect(queue.enableAudioMonitoring == false)
        #expect(queue.enableManualAssignment == true)
        #expect(queue.callingPartyNumber == "+35315550100")
        #expect(queue.peerId == "peer-queue-17")
        #expect(queue.suppressInQueueCallRecording == false)
        #expect(queue.queueFlow?.name == "Billing in-queue")
        #expect(queue.whisperPrompt?.id == "8a3b4c5d-6e7f-4a8b-8c9d-1e2f3a4b5c6d")
    }

    @Test("media settings for all five media types decode")
    func mediaSettings() throws {
        let media = try #require(try decodeFixture("queue-full", as: RoutingQueue.self).mediaSettings)

        #expect(media.call?.alertingTimeoutSeconds == 8)
        #expect(media.call?.serviceLevel == ServiceLevel(percentage: 0.8, durationMs: 20000))
        #expect(media.call?.autoAnswerAlertToneSeconds == 0.5)
        #expect(media.call?.manualAnswerAlertToneSeconds == 1.5)

        let callback = try #require(media.callback)
        #expect(callback.mode == .customerFirst)
        #expect(callback.enableAutoDialAndEnd == true)
        #expect(callback.autoDialDelaySeconds == 300)
        #expect(callback.autoEndDelaySeconds == 120)
        #expect(callback.pacingModifier == 1.25)
        #expect(callback.maxRetryCount == 3)
        #expect(callback.retryDelaySeconds == 600)
        #expect(callback.liveVoiceReactionType == .transferToQueue)
        #expect(callback.answeringMachineReactionType == .transferToFlow)
        #expect(callback.answeringMachineFlow?.name == "Voicemail drop")
        #expect(callback.site?.name == "Dublin")
        #expect(callback.serviceLevel?.durationMs == 3_600_000)

        #expect(media.chat?.serviceLevel?.durationMs == 30000)

        let email = try #require(media.email)
        #expect(email.serviceLevel?.durationMs == 86_400_000)
        #expect(email.allOutboundEmailAddresses?.first?.route?.pattern == "support")

        let message = try #require(media.message)
        #expect(message.subTypeSettings?["sms"] == MessageSubtypeSettings(enableAutoAnswer: true, enableInactivityTimeout: false))
        #expect(message.subTypeSettings?["webmessaging"]?.enableInactivityTimeout == true)
        #expect(message.enableInactivityTimeout == true)
        #expect(message.inactivityTimeoutSettings?.timeoutSeconds == 900)
        #expect(message.inactivityTimeoutSettings?.actionType == .sendToArchitectFlow)
        #expect(message.inactivityTimeoutSettings?.flowId?.name == "Inactivity flow")
    }

    @Test("bullseye rings, member groups of all three types and routing rules decode")
    func ringsGroupsAndRules() throws {
        let queue = try decodeFixture("queue-full", as: RoutingQueue.self)

        let rings = try #require(queue.bullseye?.rings)
        #expect(rings.count == 3)
        #expect(rings[0].expansionCriteria == [ExpansionCriterium(type: .timeoutSeconds, threshold: 15)])
        #expect(rings[0].actions?.skillsToRemove?.first?.name == "Billing")
        #expect(rings[0].actions?.skillsToRemove?.first?.id == "5c0f1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f")
        #expect(rings[0].memberGroups?.first?.type == .skillGroup)
        #expect(rings[1].expansionCriteria?.first?.threshold == 30.5)
        #expect(rings[2] == Ring())

        #expect(queue.memberGroups?.map(\.type) == [.skillGroup, .group, .team])
        #expect(queue.memberGroups?.map(\.memberCount) == [42, 3, 12])
        #expect(queue.memberGroups?.first?.division?.id == "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")

        #expect(
            queue.routingRules == [
                RoutingRule(operator: .meetsThreshold, threshold: 9, waitSeconds: 5),
                RoutingRule(operator: .any, waitSeconds: 10.5),
            ]
        )
    }

    @Test("conditional group routing and activation decode")
    func conditionalGroups() throws {
        let queue = try decodeFixture("queue-full", as: RoutingQueue.self)

        let rules = try #require(queue.conditionalGroupRouting?.rules)
        #expect(rules.count == 2)
        #expect(rules[0].queue == nil)
        #expect(rules[0].metric == .estimatedWaitTime)
        #expect(rules[0].operator == .greaterThan)
        #expect(rules[0].conditionValue == 60)
        #expect(rules[0].waitSeconds == 2)
        #expect(rules[0].groups?.first?.type == .skillGroup)
        #expect(rules[1].queue?.name == "Overflow")
        #expect(rules[1].metric == .serviceLevel)
        #expect(rules[1].operator == .lessThanOrEqualTo)
        #expect(rules[1].conditionValue == 0.75)

        let activation = try #require(queue.conditionalGroupActivation)
        #expect(activation.pilotRule?.conditionExpression == "C1")
        #expect(activation.pilotRule?.conditions?.first?.simpleMetric?.metric == .idleAgentCount)
        #expect(activation.pilotRule?.conditions?.first?.operator == .lessThan)
        #expect(activation.pilotRule?.conditions?.first?.value == 2)
        let rule = try #require(activation.rules?.first)
        #expect(rule.conditionExpression == "C1 and C2")
        #expect(rule.conditions?.map(\.operator) == [.greaterThanOrEqualTo, .notEqualTo])
        #expect(rule.conditions?.first?.simpleMetric?.queue?.id == "2a7b8c9d-0e1f-4a2b-8c3d-5e6f7a8b9c0d")
        #expect(rule.groups?.first?.type == .team)
    }

    @Test("direct routing, agent-owned routing, libraries, scripts and outbound addresses decode")
    func otherSubObjects() throws {
        let queue = try decodeFixture("queue-full", as: RoutingQueue.self)

        #expect(
            queue.directRouting
                == DirectRouting(
                    callMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: true),
                    emailMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: false),
                    messageMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: true),
                    backupQueueId: "2a7b8c9d-0e1f-4a2b-8c3d-5e6f7a8b9c0d",
                    waitForAgent: true,
                    agentWaitSeconds: 60
                )
        )
        #expect(
            queue.agentOwnedRouting
                == AgentOwnedRouting(enableAgentOwnedCallbacks: true, maxOwnedCallbackHours: 48, maxOwnedCallbackDelayHours: 720)
        )
        #expect(queue.cannedResponseLibraries?.mode == .selectedOnly)
        #expect(queue.cannedResponseLibraries?.libraryIds == ["0c5d6e7f-8a9b-4c0d-8e1f-3a4b5c6d7e8f"])

        let script = try #require(queue.defaultScripts?["CALL"])
        #expect(script.name == "Billing call script")
        #expect(script.startPageName == "Greeting")
        #expect(sameMillisecond(script.publishedDate, utcDate(2023, 1, 11, 9)))

        #expect(queue.outboundMessagingAddresses?.smsAddress?.name == "+35315550101")
        #expect(queue.outboundMessagingAddresses?.whatsAppRecipient?.id == "4a9b0c1d-2e3f-4a4b-8c5d-7e8f9a0b1c2d")

        let route = try #require(queue.outboundEmailAddress?.route)
        #expect(queue.outboundEmailAddress?.domain?.id == "billing.example.com")
        #expect(route.priority == 5)
        #expect(route.skills?.first?.name == "Billing")
        #expect(route.language?.name == "Spanish")
        #expect(route.autoBcc == [EmailAddress(email: "audit@example.com", name: "Audit")])
        #expect(route.signature?.inclusionType == .sendOnce)
        #expect(route.historyInclusion == .optional)
        #expect(route.status == .active)
        #expect(route.mailboxFolders == ["Inbox/Billing"])
        #expect(route.replyEmailAddress?.route?.pattern == "replies")
        #expect(route.replyEmailAddress?.route?.fromName == "Billing Replies")
    }

    @Test("an inbound route's recursive reply address can be set and cleared")
    func recursiveReplyAddress() throws {
        var route = InboundRoute(pattern: "a", fromName: "A")
        route.replyEmailAddress = QueueEmailAddress(route: InboundRoute(pattern: "b", fromName: "B"))
        #expect(
            try encodeToString(route)
                == #"{"fromName":"A","pattern":"a","replyEmailAddress":{"route":{"fromName":"B","pattern":"b"}}}"#
        )
        try expectRoundTrip(route)
        route.replyEmailAddress = nil
        #expect(try encodeToString(route) == #"{"fromName":"A","pattern":"a"}"#)
    }

    @Test("QueueRequest(queue) copies every writable field and leaves read-only ones out")
    func queueRequestFromQueue() throws {
        let queue = try decodeFixture("queue-full", as: RoutingQueue.self)
        let request = QueueRequest(queue)

        #expect(request.id == nil)
        #expect(request.memberCount == nil)
        #expect(request.userMemberCount == nil)
        #expect(request.joinedMemberCount == nil)
        #expect(request.selfUri == nil)

        // Every other field equals the queue's: compare the JSON with the read-only keys removed.
        guard case .object(var expected) = try JSONValue(GenesysJSON.makeEncoder().encode(queue)) else {
            Issue.record("queue did not encode to an object")
            return
        }
        for key in ["id", "memberCount", "userMemberCount", "joinedMemberCount", "selfUri"] {
            #expect(expected.removeValue(forKey: key) != nil, "fixture lacks \(key)")
        }
        let actual = try JSONValue(GenesysJSON.makeEncoder().encode(request))
        #expect(actual == .object(expected))
        #expect(expected.count == 37)
    }

    @Test("a QueueRequest decodes from a queue body as well")
    func queueRequestDecodes() throws {
        let request = try roundTripFixture("queue-full", as: QueueRequest.self)
        #expect(request.name == "Billing Support")
        #expect(request.memberGroups?.count == 3)
    }

    @Test("CreateQueueRequest encodes flat: the queue fields next to sourceQueueId")
    func createQueueRequestIsFlat() throws {
        var request = CreateQueueRequest(queue: QueueRequest(name: "Billing"), sourceQueueId: "q-template")
        request.skillEvaluationMethod = .all
        request.acwSettings = AcwSettings(wrapupPrompt: .optional)
        request.division = Division(id: "d-1")

        #expect(request.name == "Billing")
        #expect(request.queue.skillEvaluationMethod == .all)
        #expect(
            try encodeToString(request)
                == #"{"acwSettings":{"wrapupPrompt":"OPTIONAL"},"division":{"id":"d-1"},"name":"Billing","#
                + #""skillEvaluationMethod":"ALL","sourceQueueId":"q-template"}"#
        )
        try expectRoundTrip(request)

        #expect(try encodeToString(CreateQueueRequest()) == "{}")
        #expect(try encodeToString(CreateQueueRequest(queue: QueueRequest(name: "Solo"))) == #"{"name":"Solo"}"#)
    }

    @Test("CreateQueueRequest decodes a flat body, including a full queue")
    func createQueueRequestDecodes() throws {
        let request = try decode(#"{"name":"Billing","sourceQueueId":"q-1","bullseye":{"rings":[{}]}}"#, as: CreateQueueRequest.self)
        #expect(request.sourceQueueId == "q-1")
        #expect(request.name == "Billing")
        #expect(request.bullseye?.rings?.count == 1)

        let full = try roundTripFixture("queue-full", as: CreateQueueRequest.self)
        #expect(full.sourceQueueId == nil)
        #expect(full.queue == (try decodeFixture("queue-full", as: QueueRequest.self)))
    }

    @Test("queue members decode with user expansion, routing status and memberBy")
    func queueMembersPage() throws {
        let page = try roundTripFixture("queue-members-page", as: QueueMemberEntityListing.self)
        #expect(page.pageNumber == 1)
        #expect(page.pageSize == 2)
        #expect(page.nextUri == "/api/v2/routing/queues/4f9a0b1c-2d3e-4f4a-9b5c-7d8e9f0a1b2c/members?pageSize=2&pageNumber=2")
        #expect(page.previousUri == nil)

        let members = try #require(page.entities)
        #expect(members.count == 2)
        #expect(members[0].name == "Jane Doe")
        #expect(members[0].ringNumber == 1)
        #expect(members[0].joined == true)
        #expect(members[0].memberBy == .user)
        #expect(members[0].user?.email == "jane.doe@example.com")
        #expect(members[0].user?.version == 12)
        #expect(members[0].routingStatus?.status == .idle)
        #expect(sameMillisecond(members[0].routingStatus?.startTime, utcDate(2024, 6, 3, 8, 1, 2, milliseconds: 3)))
        #expect(members[1].memberBy == .group)
        #expect(members[1].joined == false)
        #expect(members[1].ringNumber == 3)
        #expect(members[1].routingStatus?.status == .offQueue)
        #expect(members[1].user == nil)
    }

    @Test("member write bodies encode exactly")
    func memberWriteBodies() throws {
        #expect(
            try encodeToString([WritableEntity(id: "u-1"), WritableEntity(id: "u-2")]) == #"[{"id":"u-1"},{"id":"u-2"}]"#
        )
        #expect(try encodeToString([QueueMember(id: "u-1", joined: false)]) == #"[{"id":"u-1","joined":false}]"#)
        #expect(try encodeToString(QueueMember(ringNumber: 2)) == #"{"ringNumber":2}"#)
        try expectRoundTrip([WritableEntity(id: "u-1")])
    }
}
