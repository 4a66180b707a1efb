import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

/// Issue #14: the fake stores and answers every queue field, and rejects references the real API rejects.
@Suite("Queues: every setting stored, references checked")
struct QueueSettingsTests {
    /// A queue body using every writable setting, referring to `overflow` (a queue), `group` (a skill
    /// group) and `skill`.
    static func everySetting(name: String, overflow: String, group: String, skill: String) -> QueueRequest {
        var queue = QueueRequest(name: name, description: "every setting")
        queue.skillEvaluationMethod = .best
        queue.scoringMethod = .priorityOnly
        queue.lastAgentRoutingMode = .queueMembersOnly
        queue.acwSettings = AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 30_000)
        queue.routingRules = [RoutingRule(operator: .meetsThreshold, threshold: 3, waitSeconds: 10), RoutingRule(operator: .any, waitSeconds: 5)]
        queue.bullseye = Bullseye(rings: [
            Ring(expansionCriteria: [ExpansionCriterium(type: .timeoutSeconds, threshold: 15)],
                 actions: Actions(skillsToRemove: [SkillsToRemove(id: skill)]),
                 memberGroups: [MemberGroup(id: group, type: .skillGroup), MemberGroup(id: "team-1", type: .team)]),
            Ring(memberGroups: [MemberGroup(id: "group-1", type: .group)]),
        ])
        queue.conditionalGroupRouting = ConditionalGroupRouting(rules: [
            ConditionalGroupRoutingRule(metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 30,
                                        groups: [MemberGroup(id: group, type: .skillGroup)], waitSeconds: 20),
            ConditionalGroupRoutingRule(queue: DomainEntityRef(id: overflow), metric: .serviceLevel, operator: .lessThan,
                                        conditionValue: 0.8, groups: [MemberGroup(id: "group-2", type: .group)]),
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
                conditionExpression: "C1", groups: [MemberGroup(id: group, type: .skillGroup)]
            )]
        )
        queue.memberGroups = [MemberGroup(id: group, type: .skillGroup), MemberGroup(id: "group-3", type: .group)]
        queue.queueFlow = DomainEntityRef(id: "flow-1")
        queue.emailInQueueFlow = DomainEntityRef(id: "flow-2")
        queue.messageInQueueFlow = DomainEntityRef(id: "flow-3")
        queue.whisperPrompt = DomainEntityRef(id: "prompt-1")
        queue.onHoldPrompt = DomainEntityRef(id: "prompt-2")
        queue.defaultMediaLanguage = "en-US"
        queue.autoAnswerOnly = true
        queue.cannedResponseLibraries = CannedResponseLibraries(libraryIds: ["lib-1", "lib-2"], mode: .selectedOnly)
        queue.enableTranscription = true
        queue.enableAudioMonitoring = false
        queue.enableManualAssignment = true
        queue.agentOwnedRouting = AgentOwnedRouting(enableAgentOwnedCallbacks: true, maxOwnedCallbackHours: 24, maxOwnedCallbackDelayHours: 2)
        queue.directRouting = DirectRouting(
            callMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: true),
            emailMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: false),
            messageMediaSettings: DirectRoutingMediaSettings(useAgentAddressOutbound: true),
            backupQueueId: overflow, waitForAgent: true, agentWaitSeconds: 60
        )
        queue.callingPartyName = "Acme Billing"
        queue.callingPartyNumber = "+15555550100"
        queue.defaultScripts = ["CALL": Script(id: "script-1")]
        queue.outboundMessagingAddresses = QueueMessagingAddresses(
            smsAddress: DomainEntityRef(id: "sms-1"), openMessagingRecipient: DomainEntityRef(id: "open-1"),
            whatsAppRecipient: DomainEntityRef(id: "wa-1")
        )
        queue.outboundEmailAddress = QueueEmailAddress(domain: DomainEntityRef(id: "domain-1"), route: InboundRoute(id: "route-1"))
        queue.peerId = "peer-1"
        queue.suppressInQueueCallRecording = true
        return queue
    }

    /// The writable fields of an answer, member groups reduced to `{id, type}` (the answer adds names and counts).
    static func writable(_ queue: RoutingQueue) -> QueueRequest {
        func reduce(_ groups: [MemberGroup]?) -> [MemberGroup]? { groups.map { $0.map { MemberGroup(id: $0.id, type: $0.type) } } }
        var request = QueueRequest(queue)
        request.id = nil
        request.division = nil
        request.memberCount = nil
        request.userMemberCount = nil
        request.joinedMemberCount = nil
        request.selfUri = nil
        request.dateCreated = nil
        request.dateModified = nil
        request.memberGroups = reduce(request.memberGroups)
        func each<Item>(_ items: [Item]?, _ groups: WritableKeyPath<Item, [MemberGroup]?>) -> [Item]? {
            items?.map { item in
                var item = item
                item[keyPath: groups] = reduce(item[keyPath: groups])
                return item
            }
        }
        let (rings, routingRules, activationRules) = (
            each(request.bullseye?.rings, \.memberGroups), each(request.conditionalGroupRouting?.rules, \.groups),
            each(request.conditionalGroupActivation?.rules, \.groups)
        )
        request.bullseye?.rings = rings
        request.conditionalGroupRouting?.rules = routingRules
        request.conditionalGroupActivation?.rules = activationRules
        return request
    }

    struct Org {
        let h = FakeOrgHarness()
        let overflow: String
        let group: String
        let skill: String

        init() throws {
            overflow = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Overflow")))
            skill = try h.org.addSkill(name: "Billing")
            group = try h.org.addSkillGroup(SkillGroupWithMemberDivisions(name: "Experts", skillConditions: [SkillGroupCondition(
                routingSkillConditions: [SkillGroupRoutingCondition(routingSkill: "Billing", comparator: .greaterThan, proficiency: 0)],
                languageSkillConditions: [], operation: .and
            )]))
        }

        func create(_ queue: QueueRequest) async throws -> RoutingQueue {
            try await h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: queue), as: RoutingQueue.self)
        }

        /// The field the 400 for `queue` names (`nil`, with a recorded issue, when it is accepted).
        func rejectedField(_ queue: QueueRequest, updating id: String? = nil) async -> String? {
            let error = await h.failure {
                if let id {
                    try await h.send(.put, "/api/v2/routing/queues/\(id)", json: queue)
                } else {
                    try await h.send(.post, "/api/v2/routing/queues", json: CreateQueueRequest(queue: queue))
                }
            }
            #expect(error?.status == 400)
            #expect(error?.serverCode == "invalid.value")
            return error?.details.first?.fieldName
        }
    }

    @Test("create and GET answer every field sent; the rings' and rules' skill groups come back with their names")
    func everyFieldStored() async throws {
        let org = try Org()
        let sent = Self.everySetting(name: "Billing", overflow: org.overflow, group: org.group, skill: org.skill)
        let created = try await org.create(sent)
        let id = try #require(created.id)
        let read = try await org.h.get("/api/v2/routing/queues/\(id)", as: RoutingQueue.self)
        #expect(Self.writable(created) == sent)
        #expect(Self.writable(read) == sent)
        #expect(read.bullseye?.rings?.first?.memberGroups?.first?.name == "Experts")
        #expect(read.conditionalGroupRouting?.rules?.first?.groups?.first?.name == "Experts")
        #expect(read.conditionalGroupActivation?.rules?.first?.groups?.first?.name == "Experts")
    }

    @Test("PUT stores every field sent and clears every setting the body leaves out; no server defaults are filled in")
    func putReplaces() async throws {
        let org = try Org()
        let bare = try await org.create(QueueRequest(name: "Bare"))
        #expect(bare.scoringMethod == nil && bare.lastAgentRoutingMode == nil && bare.skillEvaluationMethod == nil)
        let id = try #require(bare.id)
        let full = Self.everySetting(name: "Bare", overflow: org.overflow, group: org.group, skill: org.skill)
        let updated = try await org.h.send(.put, "/api/v2/routing/queues/\(id)", json: full, as: RoutingQueue.self)
        #expect(Self.writable(updated) == full)

        var partial = QueueRequest(name: "Bare")
        partial.enableTranscription = false
        let cleared = try await org.h.send(.put, "/api/v2/routing/queues/\(id)", json: partial, as: RoutingQueue.self)
        #expect(Self.writable(cleared) == partial)
        #expect(cleared.bullseye == nil && cleared.directRouting == nil && cleared.queueFlow == nil && cleared.scoringMethod == nil)
    }

    @Test("unknown queues in conditional group routing, activation conditions and the direct-routing backup are rejected")
    func unknownQueues() async throws {
        let org = try Org()
        var rule = QueueRequest(name: "Q")
        rule.conditionalGroupRouting = ConditionalGroupRouting(rules: [
            ConditionalGroupRoutingRule(metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 30),
            ConditionalGroupRoutingRule(queue: DomainEntityRef(id: "gone"), metric: .estimatedWaitTime, operator: .greaterThan, conditionValue: 30),
        ])
        #expect(await org.rejectedField(rule) == "conditionalGroupRouting.rules[1].queue.id")

        var activation = QueueRequest(name: "Q")
        activation.conditionalGroupActivation = ConditionalGroupActivation(rules: [ConditionalGroupActivationRule(conditions: [
            ConditionalGroupActivationCondition(simpleMetric: ConditionalGroupActivationSimpleMetric(metric: .idleAgentCount, queue: DomainEntityRef(id: "gone"))),
        ])])
        #expect(await org.rejectedField(activation) == "conditionalGroupActivation.rules[0].conditions[0].simpleMetric.queue.id")

        var backup = QueueRequest(name: "Q")
        backup.directRouting = DirectRouting(backupQueueId: "gone")
        #expect(await org.rejectedField(backup) == "directRouting.backupQueueId")
        #expect(org.h.org.snapshot().queues.count == 1)

        // A queue may name itself (a PUT knows its own id) and an existing queue.
        let created = try await org.create(QueueRequest(name: "Q"))
        let id = try #require(created.id)
        var selfBackup = QueueRequest(name: "Q")
        selfBackup.directRouting = DirectRouting(backupQueueId: id)
        selfBackup.conditionalGroupRouting = ConditionalGroupRouting(rules: [
            ConditionalGroupRoutingRule(queue: DomainEntityRef(id: id)), ConditionalGroupRoutingRule(queue: DomainEntityRef(id: org.overflow)),
        ])
        let updated = try await org.h.send(.put, "/api/v2/routing/queues/\(id)", json: selfBackup, as: RoutingQueue.self)
        #expect(updated.directRouting?.backupQueueId == id)
    }

    @Test("unknown skill groups in rings and rules, and unknown skills to remove, are rejected")
    func unknownSkillGroupsAndSkills() async throws {
        let org = try Org()
        var ring = QueueRequest(name: "Q")
        ring.bullseye = Bullseye(rings: [Ring(), Ring(memberGroups: [MemberGroup(id: "gone", type: .skillGroup)])])
        #expect(await org.rejectedField(ring) == "bullseye.rings[1].memberGroups[0].id")

        var routing = QueueRequest(name: "Q")
        routing.conditionalGroupRouting = ConditionalGroupRouting(rules: [
            ConditionalGroupRoutingRule(groups: [MemberGroup(id: org.group, type: .skillGroup), MemberGroup(id: "gone", type: .skillGroup)]),
        ])
        #expect(await org.rejectedField(routing) == "conditionalGroupRouting.rules[0].groups[1].id")

        var activation = QueueRequest(name: "Q")
        activation.conditionalGroupActivation = ConditionalGroupActivation(rules: [
            ConditionalGroupActivationRule(groups: [MemberGroup(id: "gone", type: .skillGroup)]),
        ])
        #expect(await org.rejectedField(activation) == "conditionalGroupActivation.rules[0].groups[0].id")

        var skills = QueueRequest(name: "Q")
        skills.bullseye = Bullseye(rings: [Ring(actions: Actions(skillsToRemove: [SkillsToRemove(id: org.skill), SkillsToRemove(id: "gone")]))])
        #expect(await org.rejectedField(skills) == "bullseye.rings[0].actions.skillsToRemove[1].id")

        // GROUP and TEAM ids are not checked (the fake holds no groups or teams).
        var others = QueueRequest(name: "Q")
        others.conditionalGroupRouting = ConditionalGroupRouting(rules: [
            ConditionalGroupRoutingRule(groups: [MemberGroup(id: "any-group", type: .group), MemberGroup(id: "any-team", type: .team)]),
        ])
        _ = try await org.create(others)
    }

    @Test("documented ranges and value lists of the settings are enforced")
    func rangesAndValues() async throws {
        let org = try Org()
        var queue = QueueRequest(name: "Q")
        queue.directRouting = DirectRouting(agentWaitSeconds: 30)
        #expect(await org.rejectedField(queue) == "directRouting.agentWaitSeconds")
        queue.directRouting = nil
        queue.agentOwnedRouting = AgentOwnedRouting(maxOwnedCallbackHours: 169)
        #expect(await org.rejectedField(queue) == "agentOwnedRouting.maxOwnedCallbackHours")
        queue.agentOwnedRouting = AgentOwnedRouting(maxOwnedCallbackDelayHours: 0)
        #expect(await org.rejectedField(queue) == "agentOwnedRouting.maxOwnedCallbackDelayHours")
        queue.agentOwnedRouting = nil
        queue.conditionalGroupRouting = ConditionalGroupRouting(rules: Array(repeating: ConditionalGroupRoutingRule(), count: 6))
        #expect(await org.rejectedField(queue) == "conditionalGroupRouting.rules")
        queue.conditionalGroupRouting = ConditionalGroupRouting(rules: [ConditionalGroupRoutingRule(metric: .unknown("Mood"))])
        #expect(await org.rejectedField(queue) == "conditionalGroupRouting.rules[0].metric")
        queue.conditionalGroupRouting = nil
        queue.conditionalGroupActivation = ConditionalGroupActivation(pilotRule: ConditionalGroupActivationPilotRule(
            conditions: [ConditionalGroupActivationCondition(operator: .unknown("Near"))]
        ))
        #expect(await org.rejectedField(queue) == "conditionalGroupActivation.pilotRule.conditions[0].operator")
        queue.conditionalGroupActivation = nil
        queue.bullseye = Bullseye(rings: [Ring(expansionCriteria: [ExpansionCriterium(type: .unknown("LATER"))])])
        #expect(await org.rejectedField(queue) == "bullseye.rings[0].expansionCriteria[0].type")
        queue.bullseye = nil
        queue.cannedResponseLibraries = CannedResponseLibraries(mode: .unknown("Some"))
        #expect(await org.rejectedField(queue) == "cannedResponseLibraries.mode")
    }
}
